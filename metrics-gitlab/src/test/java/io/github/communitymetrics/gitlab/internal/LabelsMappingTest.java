package io.github.communitymetrics.gitlab.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.MalformedResponseException;
import io.github.communitymetrics.forge.internal.JsonValues;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Labels of GitLab's issue and merge request lists: {@code labels} is an array of names, or of
 * label objects when the list is asked {@code with_labels_details=true}.
 */
class LabelsMappingTest {
  private static final Repository REPO = new Repository(Forge.GITLAB, "group/proj", OptionalLong.of(42));
  private static final String AUTHOR = "{\"id\": 7, \"username\": \"bob\", \"name\": \"Bob B\"}";

  private static JsonValues json(String body) {
    return JsonValues.of(
        new ForgeResponse(200, URI.create("https://gitlab.com/api/v4/projects/42/issues"), Map.of(), body));
  }

  private static Map<String, Object> first(JsonValues json) {
    return json.array().get(0);
  }

  @Test
  void issuesAndMergeRequestsCarryTheirLabelNames() {
    JsonValues issues =
        json("[{\"id\": 1, \"iid\": 3, \"created_at\": \"2024-03-01T12:00:00Z\", \"state\": \"opened\", \"author\": "
            + AUTHOR + ", \"labels\": [\"workflow::in dev\", \"bug\", \"bug\"]}]");
    IssueOpened issue =
        (IssueOpened) GitLabMapping.issue(issues, first(issues), REPO, r -> {}).get(0);
    assertEquals(List.of("bug", "workflow::in dev"), issue.labels());

    JsonValues detailed =
        json("[{\"id\": 2, \"iid\": 5, \"created_at\": \"2024-03-01T12:00:00Z\", \"state\": \"opened\","
            + " \"target_branch\": \"main\", \"draft\": false, \"author\": " + AUTHOR
            + ", \"labels\": [{\"id\": 9, \"name\": \"backend\", \"color\": \"#dc143c\", \"text_color\": \"#FFFFFF\"}]}]");
    PullRequestOpened mr =
        (PullRequestOpened) GitLabMapping.mergeRequest(detailed, first(detailed), REPO, r -> {}).get(0);
    assertEquals(List.of("backend"), mr.labels());

    JsonValues none =
        json("[{\"id\": 3, \"iid\": 6, \"created_at\": \"2024-03-01T12:00:00Z\", \"state\": \"opened\", \"author\": "
            + AUTHOR + ", \"labels\": []}]");
    assertEquals(List.of(), ((IssueOpened) GitLabMapping.issue(none, first(none), REPO, r -> {}).get(0)).labels());
  }

  @Test
  void aBlankLabelIsAMalformedResponse() {
    JsonValues issues =
        json("[{\"id\": 1, \"iid\": 3, \"created_at\": \"2024-03-01T12:00:00Z\", \"state\": \"opened\", \"author\": "
            + AUTHOR + ", \"labels\": [\"\"]}]");
    assertThrows(
        MalformedResponseException.class,
        () -> GitLabMapping.issue(issues, first(issues), REPO, r -> {}));
  }
}
