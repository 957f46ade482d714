package io.github.communitymetrics.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.HttpSender;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conditional requests with the on-disk ETag cache. */
class ETagCacheTest {
  private static final GitHubTarget TARGET = GitHubTarget.parse("acme/widget");

  @TempDir Path dir;

  /** FakeGitHub with an ETag per body, answering 304 to a matching If-None-Match, as GitHub does. */
  private static HttpSender withETags(FakeGitHub gh, List<String> conditional) {
    return request -> {
      ForgeResponse r = gh.send(request);
      String etag = "W/\"" + Integer.toHexString(r.body().hashCode()) + "\"";
      String asked = request.headers().get("If-None-Match");
      if (asked != null) {
        conditional.add(asked);
      }
      if (etag.equals(asked)) {
        return new ForgeResponse(304, r.uri(), Map.of("ETag", List.of(etag)), "");
      }
      Map<String, List<String>> headers = new HashMap<>(r.headers());
      headers.put("ETag", List.of(etag));
      return new ForgeResponse(r.status(), r.uri(), headers, r.body());
    };
  }

  @Test
  void unchangedPagesCostA304AndGiveTheSameEvents() {
    FakeGitHub gh = new FakeGitHub(150, 3);
    List<String> conditional = new ArrayList<>();
    FetchOptions options =
        FetchOptions.all()
            .withResources(EnumSet.of(GitHubResource.STARGAZERS, GitHubResource.FORKS))
            .withCacheDirectory(dir);
    GitHubSource source =
        GitHubSource.builder().apiUrl(URI.create(FakeGitHub.BASE)).sender(withETags(gh, conditional)).build();

    List<Event> first = new ArrayList<>();
    FetchReport firstReport = source.fetch(TARGET, options, first::add);
    // Metadata, two stargazer pages, one forks page; nothing kept yet.
    assertEquals(4, firstReport.requests().requests());
    assertEquals(0, firstReport.requests().notModified());
    assertEquals(List.of(), conditional);

    List<Event> second = new ArrayList<>();
    FetchReport secondReport = source.fetch(TARGET, options, second::add);
    assertEquals(first, second);
    assertEquals(4, secondReport.requests().requests());
    assertEquals(4, secondReport.requests().notModified());

    gh.stargazers.add(151);
    List<Event> third = new ArrayList<>();
    FetchReport thirdReport = source.fetch(TARGET, options, third::add);
    // Only the second stargazer page changed: 3 of the 4 requests are 304s.
    assertEquals(154, third.size());
    assertEquals(3, thirdReport.requests().notModified());
    // The second and third fetches sent each of their 4 requests conditionally.
    assertEquals(8, conditional.size());
  }
}
