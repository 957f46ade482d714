package io.github.communitymetrics.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * GH Archive hours written for the growth and stars tests, in the archive's real line format (id,
 * type, actor, repo, payload, public, created_at; one gzip file per hour, named as GH Archive
 * names them), and the planted community of {@link #planted}.
 */
final class StarFixture {
  private final Map<String, List<String>> hours = new TreeMap<>();
  private int id;

  /** A WatchEvent ("started": GH Archive's star). */
  StarFixture star(String at, String login, long actorId, String repo, long repoId) {
    return line(at, "WatchEvent", login, actorId, repo, repoId, "{\"action\":\"started\"}");
  }

  /** A ForkEvent. */
  StarFixture fork(String at, String login, long actorId, String repo, long repoId) {
    return line(at, "ForkEvent", login, actorId, repo, repoId,
        "{\"forkee\":{\"full_name\":\"" + login + "/" + repo.substring(repo.indexOf('/') + 1) + "\"}}");
  }

  /** A PullRequestEvent "opened" by the actor. */
  StarFixture pullRequest(String at, String login, long actorId, String repo, long repoId, int number) {
    return line(at, "PullRequestEvent", login, actorId, repo, repoId,
        "{\"action\":\"opened\",\"number\":" + number + ",\"pull_request\":{\"number\":" + number
            + ",\"user\":{\"login\":\"" + login + "\",\"id\":" + actorId + "},\"base\":{\"ref\":\"main\"},"
            + "\"author_association\":\"NONE\"}}");
  }

  /** A PushEvent with one distinct listed commit by {@code name <email>}. */
  StarFixture push(String at, String login, long actorId, String repo, long repoId, String name, String email) {
    String sha = String.format("%040x", ++id);
    return line(at, "PushEvent", login, actorId, repo, repoId,
        "{\"push_id\":" + id + ",\"size\":1,\"distinct_size\":1,\"ref\":\"refs/heads/main\",\"head\":\"" + sha
            + "\",\"commits\":[{\"sha\":\"" + sha + "\",\"author\":{\"email\":\"" + email + "\",\"name\":\""
            + name + "\"},\"message\":\"m\",\"distinct\":true,\"url\":\"u\"}]}");
  }

  private StarFixture line(String at, String type, String login, long actorId, String repo, long repoId, String payload) {
    Instant t = Instant.parse(at);
    String hour = t.toString().substring(0, 10) + "-" + Integer.parseInt(t.toString().substring(11, 13));
    hours.computeIfAbsent(hour, h -> new ArrayList<>()).add(
        "{\"id\":\"" + (++id) + "\",\"type\":\"" + type + "\",\"actor\":{\"id\":" + actorId + ",\"login\":\""
            + login + "\",\"display_login\":\"" + login + "\"},\"repo\":{\"id\":" + repoId + ",\"name\":\"" + repo
            + "\"},\"payload\":" + payload + ",\"public\":true,\"created_at\":\"" + at + "\"}");
    return this;
  }

  /** Writes one {@code YYYY-MM-DD-H.json.gz} file per hour into {@code dir}; returns {@code dir}. */
  Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, List<String>> h : hours.entrySet()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
        gz.write((String.join("\n", h.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      Files.write(dir.resolve(h.getKey() + ".json.gz"), bytes.toByteArray());
    }
    return dir;
  }

  static final String WIDGET = "acme/widget";
  static final String GIZMO = "acme/gizmo";
  static final String THING = "other/thing";

  /**
   * The planted community, ten days from Monday 2024-03-04 (UTC) to 2024-03-13 (measured with
   * {@code --as-of 2024-03-14T00:00:00Z}):
   *
   * <pre>
   * day 1 03-04  r1 stars widget; r5 opens widget PR #1
   * day 2 03-05  r2 stars widget and gizmo; bob forks widget
   * day 3 03-06  r3 stars widget and opens a PR in thing; r1 stars widget again (not new);
   *              dora pushes a commit (Dora &lt;dora@example.com&gt;) to widget
   * day 4 03-07  r4 stars widget and gizmo; r5 opens widget PR #2
   * day 5 03-08  r5 stars widget; f1..f5 star widget and do nothing else (the campaign)
   * day 6 03-09  r6 stars widget; bob forks widget again
   * day 7 03-10  r6 opens a PR in thing
   * day 10 03-13 r3 opens a PR in thing
   * </pre>
   *
   * Every real stargazer (r1..r6) has events on two days or in two repositories, so only f1..f5
   * are low-activity accounts.
   */
  static StarFixture planted() {
    StarFixture f = new StarFixture();
    f.star("2024-03-04T10:00:00Z", "r1", 101, WIDGET, 9)
        .pullRequest("2024-03-04T11:00:00Z", "r5", 105, WIDGET, 9, 1)
        .star("2024-03-05T10:00:00Z", "r2", 102, WIDGET, 9)
        .star("2024-03-05T10:30:00Z", "r2", 102, GIZMO, 8)
        .fork("2024-03-05T12:00:00Z", "bob", 301, WIDGET, 9)
        .star("2024-03-06T09:00:00Z", "r3", 103, WIDGET, 9)
        .pullRequest("2024-03-06T09:30:00Z", "r3", 103, THING, 33, 7)
        .star("2024-03-06T10:00:00Z", "r1", 101, WIDGET, 9)
        .push("2024-03-06T15:00:00Z", "dora", 302, WIDGET, 9, "Dora", "dora@example.com")
        .star("2024-03-07T10:00:00Z", "r4", 104, WIDGET, 9)
        .star("2024-03-07T10:10:00Z", "r4", 104, GIZMO, 8)
        .pullRequest("2024-03-07T11:00:00Z", "r5", 105, WIDGET, 9, 2)
        .star("2024-03-08T08:00:00Z", "r5", 105, WIDGET, 9);
    for (int i = 1; i <= 5; i++) {
      f.star("2024-03-08T12:00:0" + i + "Z", "f" + i, 200 + i, WIDGET, 9);
    }
    f.star("2024-03-09T10:00:00Z", "r6", 106, WIDGET, 9)
        .fork("2024-03-09T12:00:00Z", "bob", 301, WIDGET, 9)
        .pullRequest("2024-03-10T10:00:00Z", "r6", 106, THING, 33, 8)
        .pullRequest("2024-03-13T10:00:00Z", "r3", 103, THING, 33, 9);
    return f;
  }
}
