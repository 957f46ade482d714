package io.github.communitymetrics.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Seeded GH Archive hours in the real line format (one JSON event per line, gzipped, named
 * {@code YYYY-MM-DD-H.json.gz}): stars, forks, issues with labels, comments, pull requests
 * opened, merged, closed and reopened, reviews, review comments, pushes with commits,
 * releases, members, an event kind the metrics do not use, and now and then a blank or a
 * malformed line. Written here, not copied from GH Archive.
 */
final class GhArchiveHourFixture {
  private GhArchiveHourFixture() {}

  private static final String[] TYPES = {
    "WatchEvent", "ForkEvent", "IssuesEvent", "IssueCommentEvent", "PullRequestEvent", "PullRequestReviewEvent",
    "PullRequestReviewCommentEvent", "PushEvent", "ReleaseEvent", "MemberEvent", "CreateEvent"
  };

  /** Writes {@code hours} hours from 2024-03-04T00:00Z of about {@code lines} lines each. */
  static List<Path> write(Path dir, long seed, int hours, int lines) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    for (int h = 0; h < hours; h++) {
      Path f = dir.resolve("2024-03-04-" + h + ".json.gz");
      writeHour(f, seed * 31 + h, Instant.parse("2024-03-04T00:00:00Z").plusSeconds(3600L * h), lines);
      out.add(f);
    }
    return out;
  }

  static void writeHour(Path file, long seed, Instant start, int lines) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    try (OutputStream raw = Files.newOutputStream(file);
        Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(raw, 1 << 16), StandardCharsets.UTF_8)) {
      for (int i = 0; i < lines; i++) {
        if (r.nextInt(400) == 0) {
          w.write(r.nextBoolean() ? "\n" : "{\"id\":\"broken\",\"type\":\n");
          continue;
        }
        Instant at = start.plusSeconds(r.nextInt(3600));
        w.write(line(r, seed * 1_000_000 + i, at));
        w.write('\n');
      }
    }
  }

  private static String user(SplittableRandom r, int who) {
    boolean bot = who % 17 == 0;
    String login = bot ? "helper" + who + "[bot]" : "user" + who;
    return "{\"login\":\"" + login + "\",\"id\":" + (1000 + who) + ",\"node_id\":\"U\",\"type\":\""
        + (bot ? "Bot" : "User") + "\",\"site_admin\":false}";
  }

  private static String sha(SplittableRandom r) {
    return String.format("%016x%016x%08x", r.nextLong(), r.nextLong(), r.nextInt());
  }

  private static String line(SplittableRandom r, long id, Instant at) {
    int repo = r.nextInt(25);
    int who = r.nextInt(80);
    int number = 1 + r.nextInt(40);
    String type = TYPES[r.nextInt(TYPES.length)];
    String login = who % 17 == 0 ? "helper" + who + "[bot]" : "user" + who;
    String actor = "\"actor\":{\"id\":" + (1000 + who) + ",\"login\":\"" + login + "\",\"display_login\":\"" + login
        + "\",\"gravatar_id\":\"\",\"url\":\"https://api.github.com/users/" + login + "\"}";
    String repoJson = "\"repo\":{\"id\":" + (500 + repo) + ",\"name\":\"org" + (repo % 7) + "/project" + repo
        + "\",\"url\":\"https://api.github.com/repos/org" + (repo % 7) + "/project" + repo + "\"}";
    String assoc = new String[] {"OWNER", "MEMBER", "CONTRIBUTOR", "NONE", "FIRST_TIME_CONTRIBUTOR"}[r.nextInt(5)];
    String labels = r.nextInt(3) == 0 ? "[{\"id\":1,\"name\":\"bug\"},{\"id\":2,\"name\":\"good first issue\"}]" : "[]";
    String issue = "{\"id\":" + (9000 + number) + ",\"number\":" + number + ",\"title\":\"T\",\"user\":"
        + user(r, r.nextInt(80)) + ",\"labels\":" + labels + ",\"state\":\"open\",\"comments\":0,\"created_at\":\""
        + at + "\",\"author_association\":\"" + assoc + "\",\"body\":\"b\"}";
    boolean merged = r.nextBoolean();
    String pr = "{\"id\":" + (7000 + number) + ",\"number\":" + number + ",\"state\":\"open\",\"title\":\"F\",\"user\":"
        + user(r, r.nextInt(80)) + ",\"body\":\"fixes #" + (1 + r.nextInt(40)) + "\",\"created_at\":\"" + at
        + "\",\"merged_at\":" + (merged ? "\"" + at + "\"" : "null") + ",\"merge_commit_sha\":"
        + (merged ? "\"" + sha(r) + "\"" : "null") + ",\"draft\":" + r.nextBoolean()
        + ",\"head\":{\"ref\":\"fix\",\"sha\":\"" + sha(r) + "\"},\"base\":{\"label\":\"o:main\",\"ref\":\"main\",\"sha\":\""
        + sha(r) + "\"},\"author_association\":\"" + assoc + "\",\"merged\":" + merged + ",\"commits\":1}";
    String payload =
        switch (type) {
          case "WatchEvent" -> "{\"action\":\"started\"}";
          case "ForkEvent" -> "{\"forkee\":{\"id\":" + (80000 + who) + ",\"name\":\"project" + repo + "\",\"full_name\":\""
              + login + "/project" + repo + "\",\"owner\":" + user(r, who) + ",\"fork\":true}}";
          case "IssuesEvent" -> "{\"action\":\"" + new String[] {"opened", "closed", "reopened", "labeled"}[r.nextInt(4)]
              + "\",\"issue\":" + issue + ",\"label\":{\"name\":\"bug\"}}";
          case "IssueCommentEvent" -> "{\"action\":\"created\",\"issue\":" + issue + ",\"comment\":{\"id\":"
              + (id + 1) + ",\"user\":" + user(r, who) + ",\"author_association\":\"" + assoc + "\",\"body\":\"ok\"}}";
          case "PullRequestEvent" -> "{\"action\":\"" + new String[] {"opened", "closed", "reopened"}[r.nextInt(3)]
              + "\",\"number\":" + number + ",\"pull_request\":" + pr + "}";
          case "PullRequestReviewEvent" -> "{\"action\":\"created\",\"review\":{\"id\":" + (id + 1) + ",\"user\":"
              + user(r, who) + ",\"body\":null,\"commit_id\":\"" + sha(r) + "\",\"submitted_at\":\"" + at
              + "\",\"state\":\"" + new String[] {"approved", "commented", "changes_requested"}[r.nextInt(3)]
              + "\",\"author_association\":\"" + assoc + "\"},\"pull_request\":" + pr + "}";
          case "PullRequestReviewCommentEvent" -> "{\"action\":\"created\",\"comment\":{\"pull_request_review_id\":1,\"id\":"
              + (id + 1) + ",\"path\":\"a.txt\",\"user\":" + user(r, who) + ",\"body\":\"nit\",\"author_association\":\""
              + assoc + "\"},\"pull_request\":" + pr + "}";
          case "PushEvent" -> {
            int n = 1 + r.nextInt(3);
            StringBuilder commits = new StringBuilder();
            for (int c = 0; c < n; c++) {
              int author = r.nextInt(80);
              commits.append(c == 0 ? "" : ",").append("{\"sha\":\"").append(sha(r))
                  .append("\",\"author\":{\"email\":\"a").append(author).append("@example.com\",\"name\":\"Author ")
                  .append(author).append("\"},\"message\":\"m\",\"distinct\":").append(r.nextInt(5) != 0)
                  .append(",\"url\":\"u\"}");
            }
            yield "{\"push_id\":" + id + ",\"size\":" + n + ",\"distinct_size\":" + n
                + ",\"ref\":\"refs/heads/main\",\"head\":\"" + sha(r) + "\",\"before\":\"" + sha(r) + "\",\"commits\":["
                + commits + "]}";
          }
          case "ReleaseEvent" -> "{\"action\":\"published\",\"release\":{\"id\":" + id + ",\"author\":" + user(r, who)
              + ",\"tag_name\":\"v" + r.nextInt(9) + "." + r.nextInt(9) + "\",\"name\":\"R\",\"draft\":false,\"prerelease\":"
              + r.nextBoolean() + ",\"assets\":[],\"body\":\"x\"}}";
          case "MemberEvent" -> "{\"member\":" + user(r, r.nextInt(80)) + ",\"action\":\"added\"}";
          default -> "{\"ref\":\"v1\",\"ref_type\":\"tag\",\"master_branch\":\"main\",\"pusher_type\":\"user\"}";
        };
    return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\"," + actor + "," + repoJson + ",\"payload\":" + payload
        + ",\"public\":true,\"created_at\":\"" + at + "\"}";
  }
}
