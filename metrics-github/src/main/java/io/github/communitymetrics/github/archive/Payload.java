package io.github.communitymetrics.github.archive;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The payload fields the mapped events use, of every type at once: a payload names its parts
 * ({@code issue}, {@code pull_request}, {@code review}, ...) the same way in every event type that
 * has them, so one reader serves all. Everything else, such as a push's commit list, is skipped
 * without being decoded. Reused from line to line; {@link #clear()} resets it.
 */
final class Payload {
  String action;
  /** {@code payload.number}: the issue or pull request number in PullRequestEvent and timeline IssuesEvent. */
  int number;
  // issue
  int issueNumber;
  boolean issueOnPullRequest;
  String issueAssociation;
  /** {@code issue.labels[].name}, in the order given; empty when absent. */
  final java.util.List<String> issueLabels = new java.util.ArrayList<>();
  /** {@code payload.label.name}: the label added or removed by a labeled/unlabeled action. */
  String labelName;
  // comment
  long commentId;
  String commentAssociation;
  String commentPullRequestHref;
  // pull_request
  int prNumber;
  boolean merged;
  boolean draft;
  String baseRef;
  String mergeCommitSha;
  String prAssociation;
  /** {@code pull_request.labels[].name}, in the order given; empty when absent. */
  final java.util.List<String> prLabels = new java.util.ArrayList<>();
  final LineDecoder.User prUser = new LineDecoder.User();
  /** {@code pull_request.title} and {@code body}: where a pull request names issues it closes. */
  String prTitle;
  String prBody;
  /** {@code pull_request.head.repo}. */
  final RepositoryName head = new RepositoryName();
  // issues: assigned
  /** {@code payload.assignee}: who an IssuesEvent {@code assigned} assigned. */
  final LineDecoder.User assignee = new LineDecoder.User();
  // review
  long reviewId;
  String reviewState;
  String reviewAssociation;
  // release
  String tagName;
  String releaseName;
  boolean prerelease;
  // member
  final LineDecoder.User member = new LineDecoder.User();
  String permission;
  // push
  String ref;
  /** A push's {@code head} commit. */
  String headSha;
  int size;
  // fork
  final RepositoryName forkee = new RepositoryName();

  void clear() {
    action = null;
    number = -1;
    issueNumber = -1;
    issueOnPullRequest = false;
    issueAssociation = null;
    issueLabels.clear();
    labelName = null;
    commentId = -1;
    commentAssociation = null;
    commentPullRequestHref = null;
    prNumber = -1;
    merged = false;
    draft = false;
    baseRef = null;
    mergeCommitSha = null;
    prAssociation = null;
    prLabels.clear();
    prUser.clear();
    prTitle = null;
    prBody = null;
    head.clear();
    assignee.clear();
    reviewId = -1;
    reviewState = null;
    reviewAssociation = null;
    tagName = null;
    releaseName = null;
    prerelease = false;
    member.clear();
    permission = null;
    ref = null;
    headSha = null;
    size = -1;
    forkee.clear();
  }

  /** {@code owner/name} of the fork, from {@code full_name} or (2012) {@code owner.login}/{@code name}. */
  String forkFullName() {
    return forkee.fullName();
  }

  /**
   * {@code owner/name} of a pull request's head repository, or null when the payload does not
   * give it ({@code head.repo} is null once the fork was deleted).
   */
  String headFullName() {
    return head.fullName();
  }

  /** A repository object as far as its name goes: a fork's {@code forkee}, a head's {@code repo}. */
  static final class RepositoryName {
    String fullName;
    String name;
    final LineDecoder.User owner = new LineDecoder.User();

    void clear() {
      fullName = null;
      name = null;
      owner.clear();
    }

    /** {@code full_name}, or (2012) {@code owner.login}/{@code name}, or null. */
    String fullName() {
      if (fullName != null && !fullName.isBlank()) {
        return fullName;
      }
      if (name != null && owner.login != null) {
        return owner.login + "/" + name;
      }
      return null;
    }

    /** Reads the object {@code buf[start, end)} raw, as {@link #read(JsonParser)} does. */
    void read(byte[] buf, int start, int end) {
      RawJson.members(buf, start, end, member);
    }

    private final RawJson.Members member = this::member;

    private void member(byte[] buf, int ns, int ne, int vs, int ve) {
      if (RawJson.is(buf, ns, ne, "full_name")) {
        fullName = RawJson.string(buf, vs, ve);
      } else if (RawJson.is(buf, ns, ne, "name")) {
        name = RawJson.string(buf, vs, ve);
      } else if (RawJson.is(buf, ns, ne, "owner")) {
        owner.read(buf, vs, ve);
      }
    }

    /** Reads the object at the parser (at its START_OBJECT), leaving it at its END_OBJECT. */
    void read(JsonParser p) {
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String key = p.currentName();
        JsonToken v = p.nextToken();
        switch (key) {
          case "full_name":
            fullName = string(p, v);
            break;
          case "name":
            name = string(p, v);
            break;
          case "owner":
            if (v == JsonToken.START_OBJECT) {
              owner.read(p);
            }
            break;
          default:
            p.skipChildren();
        }
      }
    }
  }

  /**
   * Reads the payload object {@code buf[start, end)} as Jackson would, stepping
   * over its members raw ({@link RawJson}): a pull request's object (about a hundred members, its
   * head and base repositories another ninety each) is most of the bytes of the events that have
   * one, and Jackson named every member it skipped. The pull request, its head repository, base
   * and user are read raw; the other objects the metrics use (an issue, a comment, a review, a
   * release, a label list) are small and go to Jackson, slice by slice.
   *
   * <p>As everywhere the reader steps over values raw, only what is read is checked: a malformed
   * value or a duplicate key inside a member that is skipped goes unseen.
   *
   * @throws LineDecoder.MalformedLine if what is read is not well-formed
   * @throws tools.jackson.core.JacksonException if a member read by Jackson is not well-formed
   */
  void read(byte[] buf, int start, int end) {
    RawJson.members(buf, start, end, payloadMember);
  }

  private final RawJson.Members payloadMember = this::payloadMember;
  private final RawJson.Members pullRequestMember = this::pullRequestMember;
  private final RawJson.Members baseMember = this::baseMember;
  private final RawJson.Members headMember = this::headMember;

  private void payloadMember(byte[] buf, int ns, int ne, int vs, int ve) {
    if (RawJson.is(buf, ns, ne, "action")) {
      action = RawJson.string(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "number")) {
      number = positiveInt(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "ref")) {
      ref = RawJson.string(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "head")) {
      headSha = RawJson.string(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "size")) {
      size = positiveInt(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "comment_id")) {
      commentId = anyLong(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "permission")) {
      permission = RawJson.string(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "issue")) {
      withObject(buf, vs, ve, this::issue);
    } else if (RawJson.is(buf, ns, ne, "comment")) {
      withObject(buf, vs, ve, this::comment);
    } else if (RawJson.is(buf, ns, ne, "pull_request")) {
      if (buf[vs] == '{') {
        RawJson.members(buf, vs, ve, pullRequestMember);
      }
    } else if (RawJson.is(buf, ns, ne, "review")) {
      withObject(buf, vs, ve, this::review);
    } else if (RawJson.is(buf, ns, ne, "release")) {
      withObject(buf, vs, ve, this::release);
    } else if (RawJson.is(buf, ns, ne, "member")) {
      withObject(buf, vs, ve, member::read);
    } else if (RawJson.is(buf, ns, ne, "forkee")) {
      withObject(buf, vs, ve, forkee::read);
    } else if (RawJson.is(buf, ns, ne, "label")) {
      withObject(buf, vs, ve, p -> labelName = labelName(p));
    } else if (RawJson.is(buf, ns, ne, "assignee")) {
      withObject(buf, vs, ve, assignee::read);
    }
  }

  private void pullRequestMember(byte[] buf, int ns, int ne, int vs, int ve) {
    if (RawJson.is(buf, ns, ne, "number")) {
      prNumber = positiveInt(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "merged")) {
      merged = RawJson.is(buf, vs, ve, "true");
    } else if (RawJson.is(buf, ns, ne, "draft")) {
      draft = RawJson.is(buf, vs, ve, "true");
    } else if (RawJson.is(buf, ns, ne, "merge_commit_sha")) {
      mergeCommitSha = RawJson.string(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "author_association")) {
      prAssociation = RawJson.string(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "labels")) {
      if (buf[vs] == '[') {
        try (JsonParser p = parser(buf, vs, ve)) {
          labels(p, p.currentToken(), prLabels);
        }
      }
    } else if (RawJson.is(buf, ns, ne, "user")) {
      prUser.read(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "base")) {
      if (buf[vs] == '{') {
        baseRef = null;
        RawJson.members(buf, vs, ve, baseMember);
      }
    } else if (RawJson.is(buf, ns, ne, "head")) {
      if (buf[vs] == '{') {
        RawJson.members(buf, vs, ve, headMember);
      }
    } else if (RawJson.is(buf, ns, ne, "title")) {
      prTitle = RawJson.string(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "body")) {
      prBody = RawJson.string(buf, vs, ve);
    }
  }

  private void baseMember(byte[] buf, int ns, int ne, int vs, int ve) {
    if (RawJson.is(buf, ns, ne, "ref")) {
      baseRef = RawJson.string(buf, vs, ve);
    }
  }

  private void headMember(byte[] buf, int ns, int ne, int vs, int ve) {
    if (RawJson.is(buf, ns, ne, "repo") && buf[vs] == '{') {
      head.read(buf, vs, ve);
    }
  }

  /** Jackson's reading of the object at {@code buf[vs, ve)}, if it is one. */
  private static void withObject(byte[] buf, int vs, int ve, java.util.function.Consumer<JsonParser> read) {
    if (buf[vs] == '{') {
      try (JsonParser p = parser(buf, vs, ve)) {
        read.accept(p);
      }
    }
  }

  /** A parser of the value at {@code buf[vs, ve)}, at its first token. */
  private static JsonParser parser(byte[] buf, int vs, int ve) {
    JsonParser p =
        LineDecoder.FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), buf, vs, ve - vs);
    p.nextToken();
    return p;
  }

  /** As {@link #integer(JsonParser, JsonToken)}: a positive {@code int}, else -1. */
  private static int positiveInt(byte[] buf, int vs, int ve) {
    long n = RawJson.integer(buf, vs, ve);
    return n != RawJson.NOT_AN_INTEGER && n > 0 && n <= Integer.MAX_VALUE ? (int) n : -1;
  }

  /** As {@link #longValue(JsonParser, JsonToken)}: any integer, else -1. */
  private static long anyLong(byte[] buf, int vs, int ve) {
    long n = RawJson.integer(buf, vs, ve);
    return n == RawJson.NOT_AN_INTEGER ? -1 : n;
  }

  private void issue(JsonParser p) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "number":
          issueNumber = integer(p, v);
          break;
        case "author_association":
          issueAssociation = string(p, v);
          break;
        case "labels":
          labels(p, v, issueLabels);
          break;
        case "pull_request":
          // Since 2015 present only on pull requests; in 2012 on every issue, with null links
          // unless it is one.
          issueOnPullRequest = v == JsonToken.START_OBJECT && hasNonNullValue(p);
          break;
        default:
          p.skipChildren();
      }
    }
  }

  private void comment(JsonParser p) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "id":
          commentId = longValue(p, v);
          break;
        case "author_association":
          commentAssociation = string(p, v);
          break;
        case "_links":
          if (v == JsonToken.START_OBJECT) {
            links(p);
          }
          break;
        default:
          p.skipChildren();
      }
    }
  }

  /** {@code _links.pull_request.href} of a review comment. */
  private void links(JsonParser p) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (name.equals("pull_request") && v == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String inner = p.currentName();
          JsonToken w = p.nextToken();
          if (inner.equals("href")) {
            commentPullRequestHref = string(p, w);
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private void review(JsonParser p) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "id":
          reviewId = longValue(p, v);
          break;
        case "state":
          reviewState = string(p, v);
          break;
        case "author_association":
          reviewAssociation = string(p, v);
          break;
        default:
          p.skipChildren();
      }
    }
  }

  private void release(JsonParser p) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "tag_name":
          tagName = string(p, v);
          break;
        case "name":
          releaseName = string(p, v);
          break;
        case "prerelease":
          prerelease = v == JsonToken.VALUE_TRUE;
          break;
        default:
          p.skipChildren();
      }
    }
  }

  /**
   * The {@code name}s of an array of label objects; a label without a usable name (null, not a
   * string) is left out, as GitHub never sends one.
   */
  private static void labels(JsonParser p, JsonToken v, java.util.List<String> out) {
    if (v != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.START_OBJECT) {
        String name = labelName(p);
        if (name != null) {
          out.add(name);
        }
      } else {
        p.skipChildren();
      }
    }
  }

  /** A label object's {@code name}, or null; consumes the object. */
  private static String labelName(JsonParser p) {
    return stringMember(p, "name");
  }

  /**
   * The string member {@code key} of the object at the parser (a base's {@code ref}, a label's
   * {@code name}), or null; consumes the object.
   */
  private static String stringMember(JsonParser p, String key) {
    String value = null;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (name.equals(key)) {
        value = string(p, v);
      } else {
        p.skipChildren();
      }
    }
    return value;
  }

  private static String skip(JsonParser p) {
    p.skipChildren();
    return null;
  }

  /** Whether the object at the parser has a member whose value is not null; consumes it. */
  private static boolean hasNonNullValue(JsonParser p) {
    boolean any = false;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      JsonToken v = p.nextToken();
      any |= v != JsonToken.VALUE_NULL;
      p.skipChildren();
    }
    return any;
  }

  private static String string(JsonParser p, JsonToken v) {
    if (v == JsonToken.VALUE_STRING) {
      return p.getString();
    }
    p.skipChildren();
    return null;
  }

  private static int integer(JsonParser p, JsonToken v) {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      long n = p.getLongValue();
      return n > 0 && n <= Integer.MAX_VALUE ? (int) n : -1;
    }
    p.skipChildren();
    return -1;
  }

  private static long longValue(JsonParser p, JsonToken v) {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    p.skipChildren();
    return -1;
  }
}
