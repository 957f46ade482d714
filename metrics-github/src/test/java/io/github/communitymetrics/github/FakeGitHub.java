package io.github.communitymetrics.github;

import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.HttpSender;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory GitHub REST API for one repository {@code acme/widget} (id 7): stargazers and forks
 * paginated by {@code per_page} and {@code page} with {@code Link} headers, as GitHub does.
 */
final class FakeGitHub implements HttpSender {
  static final String BASE = "https://api.example";

  /** Users 1..n starred at BASE_TIME + i hours; user ids i, logins u{i}; every 5th is a bot. */
  final List<Integer> stargazers = new ArrayList<>();
  final List<Integer> forks = new ArrayList<>();
  /** Issue numbers 1..n opened at BASE_TIME + i minutes; even numbers are pull requests. */
  final List<Integer> issues = new ArrayList<>();
  final List<ForgeRequest> requests = new ArrayList<>();
  /** Releases 1..n (see {@link #release}) and commits 1..n (see {@link #commit}). */
  int releases;
  int commits;
  static final Instant BASE_TIME = Instant.parse("2020-01-01T00:00:00Z");

  FakeGitHub(int stars, int forkCount, int issueCount) {
    this(stars, forkCount);
    for (int i = 1; i <= issueCount; i++) {
      issues.add(i);
    }
  }

  FakeGitHub(int stars, int forkCount) {
    for (int i = 1; i <= stars; i++) {
      stargazers.add(i);
    }
    for (int i = 1; i <= forkCount; i++) {
      forks.add(1000 + i);
    }
  }

  /** Each list's path below the repository and the query before {@code per_page}. */
  private static final Map<String, String> QUERIES =
      Map.of(
          "stargazers", "",
          "forks", "sort=oldest&",
          "issues", "state=all&sort=created&direction=asc&",
          "issues/comments", "sort=created&direction=asc&",
          "pulls/comments", "sort=created&direction=asc&",
          "issues/events", "",
          "releases", "",
          "pulls", "state=all&sort=created&direction=asc&",
          "commits", "");

  private static final Pattern PAGED =
      Pattern.compile("/repos/acme/widget/([a-z0-9/]+)\\?([a-z=&]*)per_page=(\\d+)(?:&page=(\\d+))?(?:&since=([0-9TZ:.-]+))?");

  /** The items of a list, as JSON: issue comments are one per issue, review comments one per PR. */
  private List<String> items(String kind, String since) {
    List<String> out = new ArrayList<>();
    switch (kind) {
      case "stargazers":
        stargazers.forEach(i -> out.add(star(i)));
        break;
      case "forks":
        forks.forEach(i -> out.add(fork(i)));
        break;
      case "issues":
        issues.forEach(i -> out.add(issue(i)));
        break;
      case "issues/comments":
        issues.forEach(i -> out.add(issueComment(i)));
        break;
      case "issues/events":
        // Newest first, as GitHub lists them.
        for (int k = issues.size() - 1; k >= 0; k--) {
          List<String> own = issueEvents(issues.get(k));
          for (int j = own.size() - 1; j >= 0; j--) {
            out.add(own.get(j));
          }
        }
        break;
      case "pulls":
        issues.stream().filter(i -> i % 2 == 0).forEach(i -> out.add(pull(i)));
        break;
      case "releases":
        for (int i = releases; i >= 1; i--) {
          out.add(release(i));
        }
        break;
      case "commits":
        for (int i = commits; i >= 1; i--) {
          // GitHub's since filters commits by committer date, here i hours + 1 hour.
          if (since == null || !BASE_TIME.plusSeconds(3600L * i + 3600).isBefore(Instant.parse(since))) {
            out.add(commit(i));
          }
        }
        break;
      case "pulls/comments":
        issues.stream().filter(i -> i % 2 == 0).forEach(i -> out.add(reviewComment(i)));
        break;
      default:
        Matcher reviews = Pattern.compile("pulls/([0-9]+)/reviews").matcher(kind);
        if (!reviews.matches()) {
          throw new AssertionError(kind);
        }
        out.addAll(reviews(Integer.parseInt(reviews.group(1))));
    }
    return out;
  }

  @Override
  public ForgeResponse send(ForgeRequest request) {
    requests.add(request);
    URI uri = request.uri();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    if (path.equals("/repos/acme/widget")) {
      return ok(uri, "{\"id\": 7, \"full_name\": \"acme/widget\", \"name\": \"widget\"}", Map.of());
    }
    if (path.equals("/orgs/acme/repos?type=all&per_page=100")) {
      return ok(uri, "[{\"id\": 7, \"full_name\": \"acme/widget\"}]", Map.of());
    }
    Matcher m = PAGED.matcher(path);
    if (!m.matches() || !m.group(2).equals(QUERIES.getOrDefault(m.group(1).replaceAll("^pulls/[0-9]+/reviews$", "releases"), "?"))) {
      return new ForgeResponse(404, uri, Map.of(), "{\"message\":\"Not Found\"}");
    }
    String kind = m.group(1);
    boolean stars = kind.equals("stargazers");
    if (stars && !request.headers().getOrDefault("Accept", "").equals("application/vnd.github.star+json")) {
      throw new AssertionError("stargazers need the star+json media type");
    }
    int perPage = Integer.parseInt(m.group(3));
    int page = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
    List<String> all = items(kind, m.group(5));
    int from = Math.min(all.size(), (page - 1) * perPage);
    int to = Math.min(all.size(), page * perPage);
    String body = "[" + String.join(",", all.subList(from, to)) + "]";
    Map<String, List<String>> headers = Map.of();
    if (to < all.size()) {
      String next =
          BASE + "/repos/acme/widget/" + kind + "?" + m.group(2) + "per_page=" + perPage + "&page=" + (page + 1)
              + (m.group(5) == null ? "" : "&since=" + m.group(5));
      headers = Map.of("Link", List.of("<" + next + ">; rel=\"next\", <" + BASE + "/x?page=99>; rel=\"last\""));
    }
    return ok(uri, body, headers);
  }

  static String issueComment(int number) {
    String kind = number % 2 == 0 ? "pull" : "issues";
    return "{\"id\": " + (9000 + number) + ", \"created_at\": \"" + BASE_TIME.plusSeconds(60L * number + 30)
        + "\", \"author_association\": \"MEMBER\", \"issue_url\": \"" + BASE + "/repos/acme/widget/issues/" + number
        + "\", \"html_url\": \"https://github.example/acme/widget/" + kind + "/" + number + "#issuecomment-" + (9000 + number)
        + "\", \"user\": " + user(1) + "}";
  }

  static String reviewComment(int number) {
    return "{\"id\": " + (8000 + number) + ", \"created_at\": \"" + BASE_TIME.plusSeconds(60L * number + 40)
        + "\", \"pull_request_url\": \"" + BASE + "/repos/acme/widget/pulls/" + number
        + "\", \"user\": " + user(2) + "}";
  }

  /**
   * The events of issue {@code number}, oldest first, ids 100000 + 10 number + k at BASE_TIME + 60
   * number + 50 + k seconds: k = 0 referenced (always; a kind not mapped); when number % 3 == 0, k = 1 closed by u3, or
   * for a pull request with number % 12 == 0, k = 1 merged (commit abcdef0 + number) and k = 2 the
   * merge's closed; when number % 9 == 0 and it was not merged, k = 3 reopened by u4.
   */
  static List<String> issueEvents(int number) {
    List<String> out = new ArrayList<>();
    out.add(issueEvent(number, 0, "referenced", 2));
    if (number % 3 == 0) {
      if (number % 12 == 0) {
        out.add(issueEvent(number, 1, "merged", 3));
        out.add(issueEvent(number, 2, "closed", 3));
      } else {
        out.add(issueEvent(number, 1, "closed", 3));
        if (number % 9 == 0) {
          out.add(issueEvent(number, 3, "reopened", 4));
        }
      }
    }
    return out;
  }

  static String issueEvent(int number, int k, String kind, int actor) {
    return "{\"id\": " + (100000 + 10 * number + k) + ", \"event\": \"" + kind + "\", \"created_at\": \""
        + BASE_TIME.plusSeconds(60L * number + 50 + k) + "\", \"commit_id\": "
        + (kind.equals("merged") ? "\"abcdef0" + number + "\"" : "null") + ", \"actor\": " + user(actor)
        + ", \"issue\": " + issue(number) + "}";
  }

  /**
   * Release {@code i}: id 700 + i, tag v{i}, published at BASE_TIME + i days by u1, a pre-release
   * when i % 4 == 0, named "R{i}" but blank when i % 3 == 0; every 5th is a draft, unpublished.
   */
  static String release(int i) {
    boolean draft = i % 5 == 0;
    return "{\"id\": " + (700 + i) + ", \"tag_name\": \"v" + i + "\", \"name\": \"" + (i % 3 == 0 ? "" : "R" + i)
        + "\", \"draft\": " + draft + ", \"prerelease\": " + (i % 4 == 0) + ", \"published_at\": "
        + (draft ? "null" : "\"" + BASE_TIME.plusSeconds(86400L * i) + "\"") + ", \"author\": " + user(1) + "}";
  }

  /**
   * Pull request {@code number} in the pulls list: its id and author as in {@link #issue}, its base
   * branch {@code base-NUMBER}.
   */
  static String pull(int number) {
    return "{\"id\": " + (5000 + number) + ", \"number\": " + number + ", \"base\": {\"ref\": \"base-" + number
        + "\"}, \"user\": " + user(number % 7 + 1) + "}";
  }

  /**
   * The reviews of pull request {@code number}: none unless number % 4 == 0; then u4 commented at
   * 60 number + 20 s (id 60000 + 10 number), u3 approved at 60 number + 25 s (id + 1), a MEMBER,
   * and u6 has a pending review (id + 2, no submitted_at).
   */
  static List<String> reviews(int number) {
    if (number % 4 != 0) {
      return List.of();
    }
    int id = 60000 + 10 * number;
    return List.of(
        "{\"id\": " + id + ", \"state\": \"COMMENTED\", \"submitted_at\": \"" + BASE_TIME.plusSeconds(60L * number + 20)
            + "\", \"user\": " + user(4) + "}",
        "{\"id\": " + (id + 1) + ", \"state\": \"APPROVED\", \"author_association\": \"MEMBER\", \"submitted_at\": \""
            + BASE_TIME.plusSeconds(60L * number + 25) + "\", \"user\": " + user(3) + "}",
        "{\"id\": " + (id + 2) + ", \"state\": \"PENDING\", \"user\": " + user(6) + "}");
  }

  /** The sha of commit {@code i}: i in 40 hex digits. */
  static String sha(int i) {
    return String.format("%040x", i);
  }

  /**
   * Commit {@code i}: parent commit i - 1, author "Dev {i % 3}" d{i % 3}@example.org at BASE_TIME +
   * i hours, committed an hour later by "CI"; linked to account u2 when i is even.
   */
  static String commit(int i) {
    return "{\"sha\": \"" + sha(i) + "\", \"commit\": {\"author\": {\"name\": \"Dev " + i % 3
        + "\", \"email\": \"d" + i % 3 + "@example.org\", \"date\": \"" + BASE_TIME.plusSeconds(3600L * i)
        + "\"}, \"committer\": {\"name\": \"CI\", \"email\": \"ci@example.org\", \"date\": \""
        + BASE_TIME.plusSeconds(3600L * i + 3600) + "\"}}, \"author\": " + (i % 2 == 0 ? user(2) : "null")
        + ", \"parents\": [" + (i > 1 ? "{\"sha\": \"" + sha(i - 1) + "\"}" : "") + "]}";
  }

  static String star(int user) {
    return "{\"starred_at\": \"" + BASE_TIME.plusSeconds(3600L * user) + "\", \"user\": "
        + user(user) + "}";
  }

  static String fork(int id) {
    int owner = id - 1000;
    return "{\"id\": " + id + ", \"full_name\": \"u" + owner + "/widget\", \"created_at\": \""
        + BASE_TIME.plusSeconds(60L * owner) + "\", \"owner\": " + user(owner) + "}";
  }

  static String issue(int number) {
    return "{\"id\": " + (5000 + number) + ", \"number\": " + number + ", \"created_at\": \""
        + BASE_TIME.plusSeconds(60L * number) + "\", \"author_association\": \"CONTRIBUTOR\", \"user\": "
        + user(number % 7 + 1) + (number % 2 == 0 ? ", \"draft\": false, \"pull_request\": {\"url\": \"x\"}" : "")
        + "}";
  }

  static String user(int user) {
    boolean bot = user % 5 == 0;
    return "{\"login\": \"u" + user + (bot ? "[bot]" : "") + "\", \"id\": " + user
        + ", \"type\": \"" + (bot ? "Bot" : "User") + "\"}";
  }

  private static ForgeResponse ok(URI uri, String body, Map<String, List<String>> headers) {
    return new ForgeResponse(200, uri, headers, body);
  }
}
