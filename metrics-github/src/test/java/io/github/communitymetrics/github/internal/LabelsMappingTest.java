package io.github.communitymetrics.github.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.MalformedResponseException;
import io.github.communitymetrics.forge.internal.JsonValues;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Labels of the REST issues list ({@code GET /repos/{o}/{n}/issues?state=all}), whose items list
 * label objects as GitHub sends them.
 */
class LabelsMappingTest {
  private static final Repository REPO = Repository.github("acme/widget");
  private static final String USER = "{\"login\": \"alice\", \"id\": 101, \"type\": \"User\"}";

  private static String label(long id, String name) {
    return "{\"id\": " + id + ", \"node_id\": \"LA_kw" + id + "\", \"url\": \"https://api.github.com/repos/acme/widget/labels/x\", \"name\": \""
        + name + "\", \"color\": \"d73a4a\", \"default\": true, \"description\": \"Something isn't working\"}";
  }

  private static List<Map<String, Object>> items(JsonValues json) {
    return json.array();
  }

  private static JsonValues json(String body) {
    return JsonValues.of(
        new ForgeResponse(200, URI.create("https://api.github.com/repos/acme/widget/issues"), Map.of(), body));
  }

  @Test
  void issuesAndPullRequestsOfTheListCarryTheirLabelNames() {
    JsonValues json =
        json(
            "[{\"id\": 1, \"number\": 1, \"created_at\": \"2024-03-01T12:00:00Z\", \"user\": " + USER
                + ", \"labels\": [" + label(7, "bug") + ", " + label(8, "area: io") + "], \"author_association\": \"NONE\"},"
                + " {\"id\": 2, \"number\": 2, \"created_at\": \"2024-03-01T12:00:01Z\", \"user\": " + USER
                + ", \"labels\": [" + label(9, "dependencies") + "], \"draft\": false,"
                + " \"pull_request\": {\"url\": \"https://api.github.com/repos/acme/widget/pulls/2\"}},"
                + " {\"id\": 3, \"number\": 3, \"created_at\": \"2024-03-01T12:00:02Z\", \"user\": " + USER
                + ", \"labels\": []}]");
    List<Map<String, Object>> items = items(json);
    IssueOpened issue = (IssueOpened) Mapping.opened(json, items.get(0), REPO);
    PullRequestOpened pull = (PullRequestOpened) Mapping.opened(json, items.get(1), REPO);
    IssueOpened bare = (IssueOpened) Mapping.opened(json, items.get(2), REPO);
    assertEquals(List.of("area: io", "bug"), issue.labels());
    assertEquals(List.of("dependencies"), pull.labels());
    assertEquals(List.of(), bare.labels());
  }

  @Test
  void aLabelWithoutAUsableNameIsAMalformedResponse() {
    for (String labels : List.of("\"bug\"", "[{\"id\": 7}]", "[{\"name\": \" \"}]", "[7]")) {
      JsonValues json =
          json("[{\"id\": 1, \"number\": 1, \"created_at\": \"2024-03-01T12:00:00Z\", \"user\": " + USER
              + ", \"labels\": " + labels + "}]");
      MalformedResponseException e =
          assertThrows(
              MalformedResponseException.class, () -> Mapping.opened(json, items(json).get(0), REPO));
      assertTrue(e.getMessage().contains("label") || e.getMessage().contains("name"), e.getMessage());
    }
  }
}
