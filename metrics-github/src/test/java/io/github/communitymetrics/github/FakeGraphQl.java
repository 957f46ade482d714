package io.github.communitymetrics.github;

import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.HttpSender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's GraphQL endpoint {@code POST BASE/graphql} for {@code acme/widget}, in the response
 * shape GitHub documents ({@code data.repository.pullRequests.pageInfo/nodes}, {@code
 * data.rateLimit}), over a list of pull requests ordered by {@code updatedAt} then number.
 * Cursors are keyset positions, as GitHub's are: base64 of {@code updatedAt|number}, and {@code
 * after} returns the pull requests ordered after that position, so a pull request updated later
 * comes after an old cursor. Reviews carry {@code fullDatabaseId} as a string and {@code
 * databaseId} as a number, null beyond 32 bits, as GitHub sends them. Each query costs 1 point. Requests other than GraphQL go to the REST
 * fake; scripted responses, when queued, answer GraphQL queries first.
 */
class FakeGraphQl implements HttpSender {
  static final Instant T0 = Instant.parse("2021-03-01T00:00:00Z");

  /** A review: its id, state, author (a {@link #actor} JSON or "null") and submission time. */
  record ReviewSpec(long id, String state, String author, Instant submittedAt) {}

  /** A pull request; {@code updatedAt} and the reviews change as a test goes. */
  static final class Pull {
    final int number;
    final Instant createdAt;
    Instant updatedAt;
    final String author;
    final String baseRef;
    /** {@code headRepository.nameWithOwner}; null for {@code "headRepository": null} (a deleted fork). */
    String headRepo;
    final List<ReviewSpec> reviews = new ArrayList<>();

    Pull(int number, Instant createdAt, String author, String baseRef) {
      this.number = number;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
      this.author = author;
      this.baseRef = baseRef;
    }
  }

  final List<Pull> pulls = new ArrayList<>();
  final List<String> queries = new ArrayList<>();
  final Deque<ForgeResponse> scripted = new ArrayDeque<>();
  private final HttpSender rest;

  FakeGraphQl(HttpSender rest) {
    this.rest = rest;
  }

  Pull pull(int number) {
    return pulls.stream().filter(p -> p.number == number).findFirst().orElseThrow();
  }

  /** A GraphQL actor: a User with databaseId, or a Bot whose login lacks "[bot]". */
  static String actor(String typename, String login, long databaseId) {
    return "{\"__typename\": \"" + typename + "\", \"login\": \"" + login + "\", \"databaseId\": " + databaseId + "}";
  }

  static String cursor(Pull p) {
    return Base64.getEncoder().encodeToString((p.updatedAt + "|" + p.number).getBytes(StandardCharsets.UTF_8));
  }

  private static final Pattern AFTER = Pattern.compile("\"after\":(null|\"([^\"]*)\")");
  private static final Pattern FIRST = Pattern.compile("\"first\":([0-9]+)");
  private static final Pattern NUMBER = Pattern.compile("\"number\":([0-9]+)");

  @Override
  public ForgeResponse send(ForgeRequest request) throws IOException, InterruptedException {
    if (!request.uri().getPath().endsWith("/graphql")) {
      return rest.send(request);
    }
    if (!request.method().equals("POST") || !request.headers().containsKey("Authorization")) {
      throw new AssertionError("GraphQL needs a POST with a token: " + request);
    }
    String body = request.body().orElseThrow();
    queries.add(body);
    if (!scripted.isEmpty()) {
      ForgeResponse r = scripted.poll();
      return new ForgeResponse(r.status(), request.uri(), r.headers(), r.body());
    }
    Matcher after = AFTER.matcher(body);
    if (!after.find()) {
      throw new AssertionError("no after variable: " + body);
    }
    String afterCursor = after.group(2);
    String rate = ", \"rateLimit\": {\"cost\": 1, \"remaining\": 4990, \"resetAt\": \"2021-03-01T01:00:00Z\"}";
    if (body.contains("pullRequest(number: $number)")) {
      Matcher number = NUMBER.matcher(body);
      number.find();
      Pull p = pull(Integer.parseInt(number.group(1)));
      int from = Integer.parseInt(afterCursor.substring("review:".length()));
      String reviews = reviewConnection(p, from);
      return ok(request, "{\"data\": {\"repository\": {\"pullRequest\": {\"reviews\": " + reviews + "}}" + rate + "}}");
    }
    Matcher first = FIRST.matcher(body);
    first.find();
    int size = Integer.parseInt(first.group(1));
    List<Pull> ordered = new ArrayList<>(pulls);
    Comparator<Pull> order = Comparator.comparing((Pull p) -> p.updatedAt).thenComparingInt(p -> p.number);
    ordered.sort(order);
    List<Pull> remaining = new ArrayList<>();
    for (Pull p : ordered) {
      if (afterCursor == null || isAfter(p, afterCursor)) {
        remaining.add(p);
      }
    }
    List<Pull> page = remaining.subList(0, Math.min(size, remaining.size()));
    List<String> nodes = new ArrayList<>();
    for (Pull p : page) {
      nodes.add(
          "{\"number\": " + p.number + ", \"createdAt\": \"" + p.createdAt + "\", \"updatedAt\": \"" + p.updatedAt
              + "\", \"baseRefName\": \"" + p.baseRef + "\", \"headRepository\": "
              + (p.headRepo == null ? "null" : "{\"nameWithOwner\": \"" + p.headRepo + "\"}")
              + ", \"authorAssociation\": \"CONTRIBUTOR\", \"author\": "
              + p.author + ", \"reviews\": " + reviewConnection(p, 0) + "}");
    }
    String pageInfo =
        "{\"hasNextPage\": " + (remaining.size() > page.size()) + ", \"endCursor\": "
            + (page.isEmpty() ? "null" : "\"" + cursor(page.get(page.size() - 1)) + "\"") + "}";
    return ok(
        request,
        "{\"data\": {\"repository\": {\"pullRequests\": {\"pageInfo\": " + pageInfo + ", \"nodes\": ["
            + String.join(", ", nodes) + "]}}" + rate + "}}");
  }

  private static boolean isAfter(Pull p, String cursor) {
    String[] key = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
    int c = p.updatedAt.compareTo(Instant.parse(key[0]));
    return c > 0 || c == 0 && p.number > Integer.parseInt(key[1]);
  }

  /** Up to 100 reviews from index {@code from}; the cursor "review:N" is the index to go on at. */
  private static String reviewConnection(Pull p, int from) {
    int to = Math.min(p.reviews.size(), from + 100);
    List<String> nodes = new ArrayList<>();
    for (ReviewSpec r : p.reviews.subList(from, to)) {
      nodes.add(
          "{\"databaseId\": " + (r.id() <= Integer.MAX_VALUE ? Long.toString(r.id()) : "null")
              + ", \"fullDatabaseId\": \"" + r.id() + "\", \"state\": \"" + r.state() + "\", \"submittedAt\": "
              + (r.submittedAt() == null ? "null" : "\"" + r.submittedAt() + "\"")
              + ", \"authorAssociation\": \"MEMBER\", \"author\": " + r.author() + "}");
    }
    return "{\"pageInfo\": {\"hasNextPage\": " + (to < p.reviews.size()) + ", \"endCursor\": \"review:" + to
        + "\"}, \"nodes\": [" + String.join(", ", nodes) + "]}";
  }

  private static ForgeResponse ok(ForgeRequest request, String body) {
    return new ForgeResponse(200, request.uri(), Map.of(), body);
  }
}
