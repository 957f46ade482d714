package io.github.communitymetrics.gitlab;

import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.HttpSender;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory GitLab REST v4 API in GitLab's documented shapes: group {@code acme} holds project
 * {@code acme/widget} (id 7) and, in subgroup {@code acme/sub}, {@code acme/sub/gadget} (id 8), both
 * with the same lists. Pages follow {@code page}/{@code per_page} with {@code X-Next-Page} (and
 * {@code Link} for merge requests, as gitlab.com sends both).
 */
final class FakeGitLab implements HttpSender {
  static final String BASE = "https://gitlab.example";
  static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

  int stars;
  int forks;
  int mergeRequests;
  int issues;
  /** Commits of the default branch, 1 (oldest) to this; and releases 1 to this. */
  int commits;
  int releases;
  /** Push events 1 to this; every seventh removed its branch. */
  int pushes;
  /** Answers the group's keyset-paginated project list with HTTP 405, as instances that lack it. */
  boolean refuseKeyset;
  final List<ForgeRequest> requests = new ArrayList<>();
  /** Merge requests open by the fixture's rule that were merged later (by user 2, at the given time). */
  final Map<Integer, Instant> lateMerges = new HashMap<>();
  /** Notes added later to a merge request: iid to JSON notes, each raising its {@code updated_at}. */
  final Map<Integer, List<String>> lateMergeRequestNotes = new HashMap<>();
  /** Issues closed by the fixture's rule that were reopened later (state opened again) at the time. */
  final Map<Integer, Instant> lateReopens = new HashMap<>();
  /** Items created or changed later than the fixture's times say: kind/iid to their {@code updated_at}. */
  final Map<String, Instant> touched = new HashMap<>();
  /** Notes added later to an issue: iid to JSON notes, each raising its {@code updated_at}. */
  final Map<Integer, List<String>> lateIssueNotes = new HashMap<>();

  /**
   * Serves {@code resource_state_events} (GitLab 13.2 and later) made from the fixture's rules and
   * the late changes; when false, answers them with 404 as older instances do.
   */
  boolean stateEvents;
  /**
   * Closings and reopenings added later to a merge request open by the fixture's rule (iid % 3 ==
   * 1), in order; the list shows its last state. Served as state events (ids 2,000,000 + 100 iid +
   * k) only when {@link #stateEvents}: an older instance would show them as system notes.
   */
  final Map<Integer, List<StateChange>> lateMergeRequestStates = new HashMap<>();

  /** A state change: "closed" or "reopened" by fixture user {@code user}. */
  record StateChange(String state, int user, Instant at) {}

  FakeGitLab(int stars, int forks, int mergeRequests, int issues) {
    this.stars = stars;
    this.forks = forks;
    this.mergeRequests = mergeRequests;
    this.issues = issues;
  }

  private static final Pattern PAGED =
      Pattern.compile("/api/v4/projects/([78])/([a-z_/0-9]+)\\?(.*?)per_page=(\\d+)(?:&page=(\\d+))?");
  private static final Pattern NOTES = Pattern.compile("(merge_requests|issues)/(\\d+)/notes");
  private static final String ASC = "order_by=created_at&sort=asc&";
  private static final Pattern STATES = Pattern.compile("(merge_requests|issues)/(\\d+)/resource_state_events");
  private static final Pattern UPDATED =
      Pattern.compile("state=all&order_by=updated_at&sort=asc&(?:updated_after=([^&]+)&)?");

  /** The items updated at or after the bound (GitLab's bound is inclusive), by update time. */
  private static List<String> updatedAfter(List<Map.Entry<Instant, String>> items, String after) {
    Instant bound = after == null ? Instant.MIN : Instant.parse(after);
    List<String> out = new ArrayList<>();
    items.stream()
        .filter(e -> !e.getKey().isBefore(bound))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.add(e.getValue()));
    return out;
  }

  /** The fixture's last change of MR iid (its last event) or a later merge or note. */
  Instant mergeRequestUpdatedAt(int iid) {
    Instant at = T0.plusSeconds(600L * iid + 300);
    if (lateMerges.containsKey(iid) && lateMerges.get(iid).isAfter(at)) {
      at = lateMerges.get(iid);
    }
    at = touched.getOrDefault("merge_requests/" + iid, at).isAfter(at) ? touched.get("merge_requests/" + iid) : at;
    for (StateChange change : lateMergeRequestStates.getOrDefault(iid, List.of())) {
      at = change.at().isAfter(at) ? change.at() : at;
    }
    return latest(at, lateMergeRequestNotes.getOrDefault(iid, List.of()));
  }

  private static Instant latest(Instant at, List<String> notes) {
    for (String note : notes) {
      Matcher t = CREATED.matcher(note);
      t.find();
      Instant noted = Instant.parse(t.group(1));
      at = noted.isAfter(at) ? noted : at;
    }
    return at;
  }

  private static final Pattern CREATED = Pattern.compile("\"created_at\": \"([^\"]+)\"");

  String mergeRequestNow(int iid) {
    String mr = mergeRequest(iid, mergeRequestUpdatedAt(iid));
    List<StateChange> changes = lateMergeRequestStates.getOrDefault(iid, List.of());
    if (!changes.isEmpty() && changes.get(changes.size() - 1).state().equals("closed")) {
      StateChange last = changes.get(changes.size() - 1);
      mr = mr.replace("\"state\": \"opened\"", "\"state\": \"closed\"")
          .replace("\"closed_by\": null, \"closed_at\": null",
              "\"closed_by\": " + user(last.user()) + ", \"closed_at\": \"" + last.at() + "\"");
    }
    Instant merged = lateMerges.get(iid);
    if (merged == null) {
      return mr;
    }
    return mr.replace("\"state\": \"opened\"", "\"state\": \"merged\"")
        .replace("\"merged_by\": null, \"merged_at\": null",
            "\"merged_by\": " + user(2) + ", \"merged_at\": \"" + merged + "\", \"merge_commit_sha\": \"" + sha(iid) + "\"");
  }

  Instant issueUpdatedAt(int iid) {
    Instant at = T0.plusSeconds(86400L * iid + 600);
    Instant reopened = lateReopens.get(iid);
    at = reopened != null && reopened.isAfter(at) ? reopened : at;
    at = touched.getOrDefault("issues/" + iid, at).isAfter(at) ? touched.get("issues/" + iid) : at;
    return latest(at, lateIssueNotes.getOrDefault(iid, List.of()));
  }

  String issueNow(int iid) {
    String issue = issue(iid, issueUpdatedAt(iid));
    if (!lateReopens.containsKey(iid)) {
      return issue;
    }
    // Reopened: GitLab shows it opened again, without closed_by/closed_at.
    return issue.replace("\"state\": \"closed\"", "\"state\": \"opened\"")
        .replaceAll("\"closed_by\": \\{[^}]*\\}", "\"closed_by\": null")
        .replaceAll("\"closed_at\": \"[^\"]*\"", "\"closed_at\": null");
  }

  @Override
  public ForgeResponse send(ForgeRequest request) {
    requests.add(request);
    URI uri = request.uri();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    if (path.equals("/api/v4/projects/acme%2Fwidget") || path.equals("/api/v4/projects/7")) {
      return ok(uri, project(7, "acme/widget"), Map.of());
    }
    if (path.equals("/api/v4/projects/acme%2Fsub%2Fgadget")) {
      return ok(uri, project(8, "acme/sub/gadget"), Map.of());
    }
    String group =
        "/api/v4/groups/acme/projects?include_subgroups=true&with_shared=false&order_by=id&sort=asc&per_page=100";
    if (path.equals(group + "&pagination=keyset") && refuseKeyset) {
      return new ForgeResponse(405, uri, Map.of(),
          "{\"error\":\"Keyset pagination is not yet available for this type of request\"}");
    }
    if (path.equals(group + "&pagination=keyset")) {
      // Keyset pages: the next page's link names the last id seen.
      return ok(uri, "[" + project(7, "acme/widget") + "]",
          Map.of("Link", List.of("<" + BASE + group + "&pagination=keyset&id_after=7>; rel=\"next\"")));
    }
    if (path.equals(group + "&pagination=keyset&id_after=7")) {
      return ok(uri, "[" + project(8, "acme/sub/gadget") + "]", Map.of());
    }
    if (path.equals(group)) {
      return ok(uri, "[" + project(7, "acme/widget") + "," + project(8, "acme/sub/gadget") + "]", Map.of());
    }
    Matcher m = PAGED.matcher(path);
    if (!m.matches()) {
      return new ForgeResponse(404, uri, Map.of(), "{\"message\":\"404 Not Found\"}");
    }
    String kind = m.group(2);
    String query = m.group(3);
    List<String> all = new ArrayList<>();
    Matcher m2;
    Matcher notes = NOTES.matcher(kind);
    Matcher states = STATES.matcher(kind);
    if (states.matches() && query.isEmpty()) {
      if (!stateEvents) {
        return new ForgeResponse(404, uri, Map.of(), "{\"error\":\"404 Not Found\"}");
      }
      int iid = Integer.parseInt(states.group(2));
      all = states.group(1).equals("issues") ? issueStateEvents(iid) : mergeRequestStateEvents(iid);
    } else if (notes.matches() && query.equals(ASC)) {
      int iid = Integer.parseInt(notes.group(2));
      all = new ArrayList<>(notes.group(1).equals("issues") ? issueNotes(iid) : mergeRequestNotes(iid));
      all.addAll(
          (notes.group(1).equals("merge_requests") ? lateMergeRequestNotes : lateIssueNotes)
              .getOrDefault(iid, List.of()));
    } else if (kind.equals("starrers") && query.isEmpty()) {
      for (int i = 1; i <= stars; i++) {
        all.add(star(i));
      }
    } else if (kind.equals("forks") && query.equals(ASC)) {
      for (int i = 1; i <= forks; i++) {
        all.add(fork(i));
      }
    } else if (kind.equals("merge_requests") && (m2 = UPDATED.matcher(query)).matches()) {
      List<Map.Entry<Instant, String>> byUpdate = new ArrayList<>();
      for (int i = 1; i <= mergeRequests; i++) {
        byUpdate.add(Map.entry(mergeRequestUpdatedAt(i), mergeRequestNow(i)));
      }
      all = updatedAfter(byUpdate, m2.group(1));
    } else if (kind.equals("issues") && (m2 = UPDATED.matcher(query)).matches()) {
      List<Map.Entry<Instant, String>> byUpdate = new ArrayList<>();
      for (int i = 1; i <= issues; i++) {
        byUpdate.add(Map.entry(issueUpdatedAt(i), issueNow(i)));
      }
      all = updatedAfter(byUpdate, m2.group(1));
    } else if (kind.equals("repository/commits") && query.equals("with_stats=false&all=false&")) {
      for (int k = commits; k >= 1; k--) {
        all.add(commit(k));
      }
    } else if (kind.equals("events") && (m2 = PUSHED.matcher(query)).matches()) {
      java.time.LocalDate after = m2.group(1) == null ? java.time.LocalDate.MIN : java.time.LocalDate.parse(m2.group(1));
      for (int k = 1; k <= pushes; k++) {
        if (pushedAt(k).atZone(java.time.ZoneOffset.UTC).toLocalDate().isAfter(after)) {
          all.add(push(k));
        }
      }
    } else if (kind.equals("releases") && query.isEmpty()) {
      for (int r = releases; r >= 1; r--) {
        all.add(release(r));
      }
    } else if (kind.equals("members") && query.isEmpty()) {
      all = members();
    } else {
      return new ForgeResponse(404, uri, Map.of(), "{\"message\":\"404 Not Found\"}");
    }
    int perPage = Integer.parseInt(m.group(4));
    int page = m.group(5) == null ? 1 : Integer.parseInt(m.group(5));
    int from = Math.min(all.size(), (page - 1) * perPage);
    int to = Math.min(all.size(), page * perPage);
    String body = "[" + String.join(",", all.subList(from, to)) + "]";
    boolean more = to < all.size();
    Map<String, List<String>> headers;
    if (more && kind.equals("merge_requests")) {
      String next = BASE + m.group(0).replaceAll("&page=\\d+$", "") + "&page=" + (page + 1);
      headers =
          Map.of("Link", List.of("<" + next + ">; rel=\"next\""), "X-Next-Page", List.of("" + (page + 1)));
    } else {
      headers = Map.of("X-Next-Page", List.of(more ? "" + (page + 1) : ""), "X-Page", List.of("" + page));
    }
    return ok(uri, body, headers);
  }

  /** A 40-digit hex sha for MR iid. */
  static String sha(int iid) {
    return String.format("%040x", iid);
  }

  static String project(int id, String path) {
    return "{\"id\": " + id + ", \"path_with_namespace\": \"" + path + "\", \"name\": \"n\"}";
  }

  /** User u: every 5th has {@code bot: true}; user 6 is a project access-token bot; 9 is the ghost. */
  static String user(int u) {
    String name = u == 6 ? "project_7_bot_3f2a" : u == 9 ? "ghost" : "u" + u;
    return "{\"id\": " + u + ", \"username\": \"" + name + "\", \"name\": \"User " + u
        + "\", \"state\": \"active\"" + (u % 5 == 0 ? ", \"bot\": true" : "") + "}";
  }

  static String star(int u) {
    return "{\"starred_since\": \"" + T0.plusSeconds(3600L * u) + "\", \"user\": " + user(u) + "}";
  }

  /** Fork k: by user k, except every 4th fork, made into a group namespace. */
  static String fork(int k) {
    String owner =
        k % 4 == 0
            ? "\"namespace\": {\"id\": " + (500 + k) + ", \"name\": \"G" + k + "\", \"path\": \"g" + k
                + "\", \"kind\": \"group\", \"full_path\": \"g" + k + "\"}"
            : "\"owner\": " + user(k) + ", \"namespace\": {\"id\": " + (600 + k) + ", \"kind\": \"user\", \"full_path\": \"u" + k + "\"}";
    return "{\"id\": " + (1000 + k) + ", \"path_with_namespace\": \"" + (k % 4 == 0 ? "g" : "u") + k
        + "/widget\", \"created_at\": \"" + T0.plusSeconds(60L * k) + "\", " + owner + "}";
  }

  /** MR iid: iid % 3 == 0 merged by user 2, == 2 closed by user 3, else open; author user iid%7+1. */
  static String mergeRequest(int iid) {
    return mergeRequest(iid, T0.plusSeconds(600L * iid + 300));
  }

  static String mergeRequest(int iid, Instant updatedAt) {
    String state = iid % 3 == 0 ? "merged" : iid % 3 == 2 ? "closed" : "opened";
    StringBuilder b =
        new StringBuilder("{\"id\": " + (20000 + iid) + ", \"iid\": " + iid + ", \"project_id\": 7, \"state\": \""
            + state + "\", \"created_at\": \"" + T0.plusSeconds(600L * iid) + "\", \"target_branch\": \"main\""
            + ", \"updated_at\": \"" + updatedAt + "\""
            + ", \"draft\": " + (iid % 4 == 0) + ", \"author\": " + user(iid % 7 + 1));
    if (state.equals("merged")) {
      b.append(", \"merged_by\": ").append(user(2)).append(", \"merged_at\": \"")
          .append(T0.plusSeconds(600L * iid + 300)).append("\", \"merge_commit_sha\": \"").append(sha(iid)).append("\"");
    } else {
      b.append(", \"merged_by\": null, \"merged_at\": null");
    }
    if (state.equals("closed")) {
      b.append(", \"closed_by\": ").append(user(3)).append(", \"closed_at\": \"")
          .append(T0.plusSeconds(600L * iid + 200)).append("\"");
    } else {
      b.append(", \"closed_by\": null, \"closed_at\": null");
    }
    return b.append("}").toString();
  }

  /**
   * Notes of MR iid: a human note (id iid*10+1), a {@code DiffNote} (+2), an approval (+3, user 4),
   * a milestone system note (+4) and, when merged, the "merged" system note (+5).
   */
  static List<String> mergeRequestNotes(int iid) {
    List<String> out = new ArrayList<>();
    long base = 10L * iid;
    out.add(note(base + 1, "looks good", false, "null", 1, iid, 10));
    out.add(note(base + 2, "nit", false, "\"DiffNote\"", 5, iid, 20));
    out.add(note(base + 3, "approved this merge request", true, "null", 4, iid, 30));
    out.add(note(base + 4, "changed milestone to %\\\"1.0\\\"", true, "null", 1, iid, 40));
    if (iid % 3 == 0) {
      out.add(note(base + 5, "merged", true, "null", 2, iid, 300));
    }
    return out;
  }

  /** Issue iid: even ones closed by user 3; opened by user iid%7+1 at T0 + iid days. */
  static String issue(int iid) {
    return issue(iid, T0.plusSeconds(86400L * iid + 600));
  }

  static String issue(int iid, Instant updatedAt) {
    boolean closed = iid % 2 == 0;
    return "{\"id\": " + (30000 + iid) + ", \"iid\": " + iid + ", \"state\": \"" + (closed ? "closed" : "opened")
        + "\", \"created_at\": \"" + T0.plusSeconds(86400L * iid) + "\", \"updated_at\": \"" + updatedAt
        + "\", \"author\": " + user(iid % 7 + 1)
        + ", \"closed_by\": " + (closed ? user(3) : "null") + ", \"closed_at\": "
        + (closed ? "\"" + T0.plusSeconds(86400L * iid + 500) + "\"" : "null") + "}";
  }

  /** Notes of issue iid: a human note (+1), "closed" (+2) when closed, "reopened" (+3) when iid % 4 == 1. */
  static List<String> issueNotes(int iid) {
    List<String> out = new ArrayList<>();
    long base = 500000L + 10L * iid;
    out.add(note(base + 1, "me too", false, "null", 8, iid, 100));
    if (iid % 2 == 0) {
      out.add(note(base + 2, "closed", true, "null", 3, iid, 500));
    }
    if (iid % 4 == 1) {
      out.add(note(base + 3, "reopened", true, "null", 3, iid, 200));
    }
    return out;
  }

  /**
   * State events of MR iid, oldest first: closed by user 3 at + 200 s when iid % 3 == 2 (id 900,000
   * + 10 iid + 1), merged by user 2 at + 300 s when iid % 3 == 0 (+ 2), a late merge (+ 3), then the
   * late closings and reopenings.
   */
  List<String> mergeRequestStateEvents(int iid) {
    List<String> out = new ArrayList<>();
    long base = 900_000L + 10L * iid;
    Instant created = T0.plusSeconds(600L * iid);
    if (iid % 3 == 2) {
      out.add(stateEvent(base + 1, "closed", 3, created.plusSeconds(200), "MergeRequest", 20000 + iid));
    }
    if (iid % 3 == 0) {
      out.add(stateEvent(base + 2, "merged", 2, created.plusSeconds(300), "MergeRequest", 20000 + iid));
    }
    List<StateChange> changes = lateMergeRequestStates.getOrDefault(iid, List.of());
    for (int k = 0; k < changes.size(); k++) {
      StateChange c = changes.get(k);
      out.add(stateEvent(2_000_000L + 100L * iid + k, c.state(), c.user(), c.at(), "MergeRequest", 20000 + iid));
    }
    if (lateMerges.containsKey(iid)) {
      out.add(stateEvent(base + 3, "merged", 2, lateMerges.get(iid), "MergeRequest", 20000 + iid));
    }
    return out;
  }

  /**
   * State events of issue iid: closed by user 3 at its {@code closed_at} when even (id 800,000 + 10
   * iid + 1), reopened by user 3 when iid % 4 == 1 at its "reopened" note's time (+ 2), and a late
   * reopening by user 3 (+ 3).
   */
  List<String> issueStateEvents(int iid) {
    List<String> out = new ArrayList<>();
    long base = 800_000L + 10L * iid;
    if (iid % 4 == 1) {
      out.add(stateEvent(base + 2, "reopened", 3, T0.plusSeconds(600L * iid + 200), "Issue", 30000 + iid));
    }
    if (iid % 2 == 0) {
      out.add(stateEvent(base + 1, "closed", 3, T0.plusSeconds(86400L * iid + 500), "Issue", 30000 + iid));
    }
    if (lateReopens.containsKey(iid)) {
      out.add(stateEvent(base + 3, "reopened", 3, lateReopens.get(iid), "Issue", 30000 + iid));
    }
    return out;
  }

  /** An element of GitLab's documented resource_state_events list. */
  static String stateEvent(long id, String state, int user, Instant at, String type, long resourceId) {
    return "{\"id\": " + id + ", \"user\": " + user(user) + ", \"created_at\": \"" + at
        + "\", \"resource_type\": \"" + type + "\", \"resource_id\": " + resourceId
        + ", \"state\": \"" + state + "\"}";
  }

  static String note(long id, String body, boolean system, String type, int author, int iid, int seconds) {
    return "{\"id\": " + id + ", \"type\": " + type + ", \"body\": \"" + body + "\", \"author\": " + user(author)
        + ", \"created_at\": \"" + T0.plusSeconds(600L * iid + seconds) + "\", \"system\": " + system
        + ", \"noteable_iid\": " + iid + "}";
  }

  /** Commit k: authored by "Dev k%3" an hour after k - 1, committed a minute later; parent k - 1. */
  static String commit(int k) {
    return "{\"id\": \"" + commitSha(k) + "\", \"short_id\": \"" + commitSha(k).substring(0, 8)
        + "\", \"title\": \"change " + k + "\", \"message\": \"change " + k + "\\n\", \"parent_ids\": ["
        + (k > 1 ? "\"" + commitSha(k - 1) + "\"" : "") + "], \"author_name\": \"Dev " + k % 3
        + "\", \"author_email\": \"dev" + k % 3 + "@example.org\", \"authored_date\": \"" + T0.plusSeconds(3600L * k)
        + "\", \"committer_name\": \"CI\", \"committer_email\": \"ci@example.org\", \"committed_date\": \""
        + T0.plusSeconds(3600L * k + 60) + "\", \"created_at\": \"" + T0.plusSeconds(3600L * k + 60) + "\"}";
  }

  static String commitSha(int k) {
    return String.format("c%039x", k);
  }

  private static final Pattern PUSHED = Pattern.compile("action=pushed&sort=asc&(?:after=([0-9-]+)&)?");

  static Instant pushedAt(int k) {
    return T0.plusSeconds(7200L * k);
  }

  /** Push k (event id 70000 + k) by user k%4+1: k%3 commits to main, or a tag v0.k when k%5 == 0. */
  static String push(int k) {
    boolean removed = k % 7 == 0;
    boolean tag = k % 5 == 0;
    return "{\"id\": " + (70000 + k) + ", \"project_id\": 7, \"action_name\": \"pushed to\", \"target_type\": null"
        + ", \"author_id\": " + (k % 4 + 1) + ", \"author\": " + user(k % 4 + 1) + ", \"created_at\": \"" + pushedAt(k)
        + "\", \"push_data\": {\"commit_count\": " + (removed ? 0 : k % 3) + ", \"action\": \""
        + (removed ? "removed" : "pushed") + "\", \"ref_type\": \"" + (tag ? "tag" : "branch")
        + "\", \"commit_from\": null, \"commit_to\": " + (removed ? "null" : "\"" + commitSha(k) + "\"")
        + ", \"ref\": \"" + (tag ? "v0." + k : "main") + "\", \"commit_title\": \"change\"}}";
  }

  /** Release r: tag v1.r by user r at T0 + r days; every fourth is upcoming. */
  static String release(int r) {
    return "{\"tag_name\": \"v1." + r + "\", \"name\": \"Release " + r + "\", \"created_at\": \""
        + T0.plusSeconds(86400L * r - 60) + "\", \"released_at\": \"" + T0.plusSeconds(86400L * r)
        + "\", \"upcoming_release\": " + (r % 4 == 0) + ", \"author\": " + user(r) + "}";
  }

  /** Members: developer, maintainer (added by user 1), owner; a reporter; a maintainer without created_at. */
  static List<String> members() {
    return List.of(
        member(11, 30, true, false),
        member(12, 40, true, true),
        member(13, 50, true, false),
        member(14, 20, true, false),
        member(16, 40, false, false));
  }

  static String member(int u, int level, boolean created, boolean by) {
    String user = user(u);
    return user.substring(0, user.length() - 1) + ", \"access_level\": " + level
        + (created ? ", \"created_at\": \"" + T0.plusSeconds(100L * u) + "\"" : "")
        + (by ? ", \"created_by\": " + user(1) : "") + "}";
  }

  private static ForgeResponse ok(URI uri, String body, Map<String, List<String>> headers) {
    return new ForgeResponse(200, uri, headers, body);
  }
}
