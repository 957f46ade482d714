package io.github.communitymetrics.forge.internal;

import io.github.communitymetrics.forge.HttpSender;
import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.ForgeResponse;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** Answers requests from a script of responses and failures; records what was sent. */
final class ScriptedSender implements HttpSender {
  private final Deque<Object> script = new ArrayDeque<>();
  final List<ForgeRequest> sent = new ArrayList<>();

  ScriptedSender respond(int status, Map<String, List<String>> headers, String body) {
    script.add(new ForgeResponse(status, URI.create("http://placeholder/"), headers, body));
    return this;
  }

  ScriptedSender respond(int status) {
    return respond(status, Map.of(), "");
  }

  ScriptedSender fail(IOException e) {
    script.add(e);
    return this;
  }

  @Override
  public ForgeResponse send(ForgeRequest request) throws IOException {
    sent.add(request);
    Object next = script.poll();
    if (next == null) {
      throw new AssertionError("unscripted request " + request);
    }
    if (next instanceof IOException) {
      throw (IOException) next;
    }
    ForgeResponse r = (ForgeResponse) next;
    return new ForgeResponse(r.status(), request.uri(), r.headers(), r.body());
  }
}
