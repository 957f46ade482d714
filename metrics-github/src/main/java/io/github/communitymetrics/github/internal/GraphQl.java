package io.github.communitymetrics.github.internal;

import io.github.communitymetrics.forge.ForbiddenException;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.GraphQlException;
import io.github.communitymetrics.forge.internal.JsonValues;
import io.github.communitymetrics.forge.NotFoundException;
import io.github.communitymetrics.forge.RateLimitedException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * GitHub's GraphQL API as the adapter uses it: the two queries for pull requests' reviews, the
 * request body, and the reading of a response's {@code errors} array (GitHub answers HTTP 200 with
 * {@code errors} and possibly partial {@code data}).
 */
public final class GraphQl {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private GraphQl() {}

  /** The actor fields: {@code databaseId} is the REST {@code id}; a Bot's login lacks "[bot]". */
  private static final String ACTOR =
      "fragment actor on Actor { __typename login ... on User { databaseId } ... on Bot { databaseId }"
          + " ... on Organization { databaseId } ... on Mannequin { databaseId } }";

  /**
   * A review's id: {@code fullDatabaseId} (a {@code BigInt}, sent as a JSON string) is the REST
   * {@code id}; {@code databaseId} is a 32-bit {@code Int} that GitHub deprecates because newer
   * ids do not fit, read only when the other is absent.
   */
  private static final String REVIEW_FIELDS =
      "pageInfo { hasNextPage endCursor } nodes { databaseId fullDatabaseId state submittedAt authorAssociation"
          + " author { ...actor } }";

  /**
   * Pull requests ordered by last update, oldest first, each with its first 100 reviews. Costs one
   * point per page (GitHub: 1 + one connection per pull request, divided by 100, rounded up).
   */
  public static final String PULL_REQUESTS =
      "query($owner: String!, $name: String!, $first: Int!, $after: String) {"
          + " repository(owner: $owner, name: $name) {"
          + " pullRequests(first: $first, after: $after, orderBy: {field: UPDATED_AT, direction: ASC}) {"
          + " pageInfo { hasNextPage endCursor }"
          + " nodes { number createdAt updatedAt baseRefName headRepository { nameWithOwner }"
          + " authorAssociation author { ...actor }"
          + " reviews(first: 100) { " + REVIEW_FIELDS + " } } } }"
          + " rateLimit { cost remaining resetAt } } "
          + ACTOR;

  /** The reviews of one pull request after the first 100. */
  public static final String MORE_REVIEWS =
      "query($owner: String!, $name: String!, $number: Int!, $after: String) {"
          + " repository(owner: $owner, name: $name) { pullRequest(number: $number) {"
          + " reviews(first: 100, after: $after) { " + REVIEW_FIELDS + " } } }"
          + " rateLimit { cost remaining resetAt } } "
          + ACTOR;

  /**
   * The JSON body of a query: {@code {"query": ..., "variables": {...}}}.
   *
   * @param query the query text
   * @param variables names to strings, integers or empty optionals (JSON null)
   */
  public static String body(String query, Map<String, ?> variables) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeStringProperty("query", query);
      g.writeObjectPropertyStart("variables");
      for (Map.Entry<String, ?> v : new java.util.TreeMap<String, Object>(variables).entrySet()) {
        Object value = v.getValue();
        if (value instanceof Optional && ((Optional<?>) value).isEmpty()) {
          g.writeNullProperty(v.getKey());
        } else {
          Object plain = value instanceof Optional ? ((Optional<?>) value).get() : value;
          if (plain instanceof Integer) {
            g.writeNumberProperty(v.getKey(), (Integer) plain);
          } else {
            g.writeStringProperty(v.getKey(), plain.toString());
          }
        }
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    return out.toString();
  }

  /**
   * The {@code data} of a response after its {@code errors}: an error on the query as a whole (no
   * path, or the path {@code repository}) becomes the typed exception of its {@code type}; an error
   * on a nested field (a path deeper than the repository, with the rest of {@code data} present) is
   * handed to {@code skipped} as a description and the data is returned.
   *
   * @param response a 200 from the GraphQL endpoint
   * @param skipped receives "TYPE at a.b.3.c: message" for each nested error
   * @return the {@code data} object
   * @throws NotFoundException for {@code NOT_FOUND} (a repository that does not exist or is hidden)
   * @throws ForbiddenException for {@code FORBIDDEN}
   * @throws RateLimitedException for {@code RATE_LIMITED} that reached here (the rate-limit
   *     classifier normally turns it into a wait first)
   * @throws GraphQlException for any other error on the whole query
   */
  public static Map<String, Object> data(ForgeResponse response, Consumer<String> skipped) {
    JsonValues json = JsonValues.of(response);
    Map<String, Object> root = json.object();
    Optional<Map<String, Object>> data = json.optionalObject(root, "data");
    Object errors = root.get("errors");
    if (errors != null) {
      if (!(errors instanceof List)) {
        throw json.malformed("'errors' is not an array");
      }
      List<String> types = new ArrayList<>();
      List<String> messages = new ArrayList<>();
      for (Object e : (List<?>) errors) {
        if (!(e instanceof Map)) {
          throw json.malformed("an element of 'errors' is not an object");
        }
        Map<String, Object> error = JsonValues.asObject(e);
        String type = json.optionalText(error, "type").orElse("");
        String message = json.optionalText(error, "message").orElse("(no message)");
        List<String> path = new ArrayList<>();
        if (error.get("path") instanceof List) {
          for (Object p : (List<?>) error.get("path")) {
            path.add(String.valueOf(p));
          }
        }
        if (data.isPresent() && path.size() > 1) {
          skipped.accept(type + " at " + String.join(".", path) + ": " + message);
          continue;
        }
        switch (type) {
          case "NOT_FOUND":
            throw new NotFoundException("GraphQL NOT_FOUND: " + message, response.uri());
          case "FORBIDDEN":
            throw new ForbiddenException("GraphQL FORBIDDEN: " + message, response.uri());
          case "RATE_LIMITED":
            throw new RateLimitedException(
                "GraphQL RATE_LIMITED: " + message,
                response.uri(),
                response.longHeader("X-RateLimit-Reset").map(Instant::ofEpochSecond));
          default:
            types.add(type);
            messages.add((type.isEmpty() ? "" : type + ": ") + message);
        }
      }
      if (!types.isEmpty()) {
        throw new GraphQlException("GraphQL errors: " + String.join("; ", messages), response.uri(), types);
      }
    }
    return data.orElseThrow(() -> json.malformed("no 'data' and no 'errors'"));
  }

  /** The points a query cost ({@code rateLimit.cost}), 0 when the response does not say. */
  public static long cost(JsonValues json, Map<String, Object> data) {
    return json.optionalObject(data, "rateLimit").map(r -> json.optionalNumber(r, "cost").orElse(0)).orElse(0L);
  }
}
