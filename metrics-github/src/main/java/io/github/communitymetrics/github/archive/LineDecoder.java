package io.github.communitymetrics.github.archive;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventTimes;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.forge.ClosingReferences;
import io.github.communitymetrics.core.event.PullRequestReopened;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.Star;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Decodes one GH Archive line straight into a core event with Jackson's streaming parser: no tree,
 * and the fields the metrics do not need are skipped without being decoded. Understands both
 * shapes GH Archive has used:
 *
 * <ul>
 *   <li>the Events API shape (2012-03 onwards, the only one from 2015): {@code actor} and {@code
 *       repo} objects, times in UTC;
 *   <li>the 2011-2014 timeline shape: {@code actor} a login string with {@code actor_attributes},
 *       a {@code repository} object with {@code owner} and {@code name}, times with an offset
 *       ({@code -07:00}), terser payloads (an issue comment carries only ids; its number comes from
 *       the event's {@code url}).
 * </ul>
 *
 * <p>Actors are a login and, where the shape has it, the numeric id; never a name or e-mail (the
 * Events API has none), so a person looks alike in both shapes. Not thread-safe: one per thread.
 */
final class LineDecoder {
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          // A key twice in a payload is ambiguous (the last would win): the line is malformed.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /**
   * Caches are cleared past this size, which bounds their memory on any input (a decoder reads one
   * file). An hour of GH Archive can hold more than 50,000 distinct actors (4 GH Archive-shaped
   * hours had 157,874); cleared at 50,000, the caches handed the store equal actors as new
   * instances, which its interner then compared field by field, each a cache miss: a day's {@code
   * score} on one core took 155 s with that bound, 116 and 128 s with this one
   * (docs/performance.md). An entry costs its hash map node (about 40 bytes, estimated); the
   * values are those the store keeps anyway.
   */
  private static final int MAX_CACHED = 1 << 20;

  private final GhArchiveFilter filter;
  private final Tally tally;
  private final Times.Cache times = new Times.Cache();
  private final Map<String, Actor> actors = new HashMap<>();
  private final Map<String, Repository> repos = new HashMap<>();

  // The fields of the current line, reset by clear(). Ranges are [start, end) in the line buffer.
  private byte[] line;
  private String type;
  private long epochSecond;
  private final User actor = new User();
  private int actorStart;
  private int actorEnd;
  private int attributesStart;
  private int attributesEnd;
  private String actorAttributesType;
  private String repoName;
  private String repoOwner;
  private long repoId;
  private int urlStart;
  private int urlEnd;
  private int payloadStart;
  private int payloadEnd;
  private final Payload payload = new Payload();
  /**
   * The commits listed by the current push, as sha, author name, author e-mail and whether the
   * push brought it ({@code distinct}); null when the payload has no commit list at all.
   */
  private List<String[]> pushCommits;
  /** Reused as {@link #pushCommits} from push to push. */
  private final List<String[]> commitBuffer = new ArrayList<>();

  // Visitors kept in fields so that no lambda is allocated per line.
  private final RawJson.Members topMember = this::topMember;
  private final RawJson.Members repoMember = this::repoMember;
  private final RawJson.Members actorMember = this::actorMember;
  private final RawJson.Members attributesMember = this::attributesMember;
  private final RawJson.Members pushMember = this::pushMember;
  private final RawJson.Members commitMember = this::commitMember;
  private final RawJson.Members authorMember = this::authorMember;
  /** The commit being read by {@link #commitMember}. */
  private String[] currentCommit;

  LineDecoder(GhArchiveFilter filter, Tally tally) {
    this.filter = filter;
    this.tally = tally;
  }

  /**
   * Decodes the line {@code buf[off, off + len)} and delivers its event to {@code sink}, or counts
   * why there is none.
   *
   * <p>The line's top level is split into members by {@link RawJson} without decoding; the type,
   * time and repository decide whether anything else is looked at. Only the payload of a used
   * event type (other than a push, whose three fields are read raw) goes to Jackson.
   *
   * @throws MalformedLine if the line is not a JSON object with a type and a valid time
   */
  void decode(byte[] buf, int off, int len, Consumer<? super Event> sink) {
    clear();
    line = buf;
    int end = off + len;
    int after = RawJson.members(buf, off, end, topMember);
    if (RawJson.skipWs(buf, after, end) != end) {
      throw new MalformedLine("more than one JSON value on the line");
    }
    if (type == null) {
      throw new MalformedLine("no \"type\"");
    }
    if (epochSecond == Times.INVALID) {
      throw new MalformedLine("no valid \"created_at\"");
    }
    if (epochSecond < EventTimes.MIN.getEpochSecond() || epochSecond > EventTimes.MAX.getEpochSecond()) {
      // Whole seconds: the last supported second is whole up to EventTimes.MAX's nanoseconds.
      throw new MalformedLine("\"created_at\" " + Times.format(epochSecond) + " is outside the supported range "
          + EventTimes.MIN + " to " + EventTimes.MAX + " (docs/events.md)");
    }
    String fullName = fullName();
    // Pull request events of other repositories, kept for contributor confidence when the filter
    // asks; those that give no event still count as filtered out, not as unused or unmappable.
    boolean otherRepository = !filter.keepsAll() && (fullName == null || !filter.keeps(fullName));
    if (otherRepository
        && !(type.equals("PullRequestEvent") && filter.keepsPullRequestsOfAnyRepository())) {
      tally.filteredOut++;
      return;
    }
    if (!isUsed(type)) {
      tally.notMapped(type);
      return;
    }
    readActor(buf);
    if (payloadStart >= 0 && buf[payloadStart] == '{') {
      if (type.equals("PushEvent")) {
        RawJson.members(buf, payloadStart, payloadEnd, pushMember);
      } else {
        try {
          payload.read(buf, payloadStart, payloadEnd);
        } catch (JacksonException e) {
          throw new MalformedLine("not JSON: " + e.getOriginalMessage());
        }
      }
    }
    if (fullName != null && fullName.indexOf('\0') >= 0) {
      throw new MalformedLine("NUL character (\\u0000) in the repository name");
    }
    Event event;
    try {
      event = build(fullName);
    } catch (NulInIdentity e) {
      throw new MalformedLine(e.getMessage());
    } catch (IllegalArgumentException e) {
      // The core model rejects a value (a blank tag, a head that is not a sha): the event is
      // real but cannot be a core event.
      event = null;
    }
    if (otherRepository && (event == null || event == UNUSED_ACTION)) {
      tally.filteredOut++;
    } else if (event == UNUSED_ACTION) {
      tally.notMapped(type + ":" + payload.action);
    } else if (event == ON_PULL_REQUEST) {
      tally.notMapped(type + ":" + payload.action + " on a pull request");
    } else if (event == null) {
      tally.unmappable(type);
    } else {
      // The commits are built before anything is delivered, so that a line gives all its events
      // or none.
      List<Commit> commits = event instanceof Push ? commits((Push) event) : List.of();
      tally.mapped(event.type());
      sink.accept(event);
      for (Commit c : commits) {
        tally.mapped(c.type());
        sink.accept(c);
      }
    }
  }

  /**
   * The commits a push brought: the listed commits marked {@code distinct} (the others were
   * already in the repository, pushed before to another branch), without file lists, which GH
   * Archive does not have. GH Archive records neither the author time nor the committer: the push
   * time stands in for the first (a commit is never authored after it is pushed, so this is an
   * upper bound) and the author line for the second. Counts truncated lists (GitHub lists at most
   * 20 commits per push) and pushes without a list (the public events feed stopped listing them
   * in 2025) in the report.
   */
  private List<Commit> commits(Push push) {
    if (pushCommits == null) {
      tally.pushesWithoutCommitList++;
      return List.of();
    }
    if (payload.size > pushCommits.size()) {
      tally.pushesTruncated++;
      tally.commitsNotListed += payload.size - pushCommits.size();
    }
    List<Commit> out = new ArrayList<>(pushCommits.size());
    for (String[] c : pushCommits) {
      if (!"true".equals(c[3])) {
        tally.commitsNotDistinct++;
        continue;
      }
      String name = c[1] == null ? "" : c[1].strip();
      String email = c[2] == null ? "" : c[2].strip();
      try {
        if (c[0] == null || (name.isEmpty() && email.isEmpty())) {
          throw new IllegalArgumentException("no sha or no author");
        }
        Signature author = new Signature(name, email, push.at());
        out.add(
            new Commit(
                push.at(), push.repo(), Actor.git(name, email), c[0], List.of(), author, author,
                List.of(), List.of()));
      } catch (IllegalArgumentException e) {
        // A listed commit without a usable sha or author: counted, the push and its other
        // commits stand.
        tally.commitsUnmappable++;
      }
    }
    return out;
  }

  private void clear() {
    type = null;
    epochSecond = Times.INVALID;
    actor.clear();
    actorStart = -1;
    attributesStart = -1;
    actorAttributesType = null;
    repoName = null;
    repoOwner = null;
    repoId = -1;
    urlStart = -1;
    payloadStart = -1;
    payload.clear();
    pushCommits = null;
  }

  private void topMember(byte[] buf, int ns, int ne, int vs, int ve) {
    switch (ne - ns) {
      case 4:
        if (RawJson.is(buf, ns, ne, "type")) {
          type = typeName(buf, vs, ve);
        } else if (RawJson.is(buf, ns, ne, "repo")) {
          repository(buf, vs, ve);
        }
        break;
      case 10:
        if (RawJson.is(buf, ns, ne, "created_at") && RawJson.isString(buf, vs, ve)) {
          epochSecond = Times.epochSecond(buf, vs + 1, ve - vs - 2);
        } else if (RawJson.is(buf, ns, ne, "repository")) {
          repository(buf, vs, ve);
        }
        break;
      case 5:
        if (RawJson.is(buf, ns, ne, "actor")) {
          actorStart = vs;
          actorEnd = ve;
        }
        break;
      case 7:
        if (RawJson.is(buf, ns, ne, "payload")) {
          payloadStart = vs;
          payloadEnd = ve;
        }
        break;
      case 3:
        if (RawJson.is(buf, ns, ne, "url")) {
          urlStart = vs;
          urlEnd = ve;
        }
        break;
      case 16:
        if (RawJson.is(buf, ns, ne, "actor_attributes")) {
          attributesStart = vs;
          attributesEnd = ve;
        }
        break;
      default:
        break;
    }
  }

  private static final String[] KNOWN_TYPES = {
    "PushEvent", "CreateEvent", "WatchEvent", "PullRequestEvent", "IssueCommentEvent",
    "IssuesEvent", "DeleteEvent", "ForkEvent", "PullRequestReviewEvent",
    "PullRequestReviewCommentEvent", "ReleaseEvent", "GollumEvent", "MemberEvent", "PublicEvent",
    "CommitCommentEvent", "GistEvent", "FollowEvent", "DownloadEvent"
  };

  /** The type, as a shared constant for the usual ones (no String per line). */
  private static String typeName(byte[] buf, int vs, int ve) {
    if (!RawJson.isString(buf, vs, ve)) {
      return null;
    }
    for (String t : KNOWN_TYPES) {
      if (RawJson.is(buf, vs + 1, ve - 1, t)) {
        return t;
      }
    }
    return RawJson.string(buf, vs, ve);
  }

  private void repository(byte[] buf, int vs, int ve) {
    if (buf[vs] == '{') {
      RawJson.members(buf, vs, ve, repoMember);
    }
  }

  private void repoMember(byte[] buf, int ns, int ne, int vs, int ve) {
    if (RawJson.is(buf, ns, ne, "name")) {
      repoName = RawJson.string(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "id")) {
      repoId = RawJson.number(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "owner")) {
      // The timeline's owner is a login; the Events API has no owner in "repo".
      repoOwner = RawJson.string(buf, vs, ve);
    }
  }

  private void readActor(byte[] buf) {
    if (actorStart >= 0) {
      if (buf[actorStart] == '{') {
        RawJson.members(buf, actorStart, actorEnd, actorMember);
      } else {
        actor.login = RawJson.string(buf, actorStart, actorEnd);
      }
    }
    if (attributesStart >= 0 && buf[attributesStart] == '{') {
      RawJson.members(buf, attributesStart, attributesEnd, attributesMember);
    }
  }

  private void actorMember(byte[] buf, int ns, int ne, int vs, int ve) {
    if (RawJson.is(buf, ns, ne, "login")) {
      actor.login = RawJson.string(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "id")) {
      actor.id = RawJson.number(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "type")) {
      actor.type = RawJson.string(buf, vs, ve);
    }
  }

  private void attributesMember(byte[] buf, int ns, int ne, int vs, int ve) {
    if (RawJson.is(buf, ns, ne, "type")) {
      actorAttributesType = RawJson.string(buf, vs, ve);
    }
  }

  /**
   * A push: its ref, head and size, and its commit list, read raw: the sha, the author's name and
   * e-mail and {@code distinct} of each commit; the messages, most of the bytes, are skipped.
   * The Events API lists {@code commits} as objects; the 2011-2014 timeline as {@code shas}, arrays
   * of sha, e-mail, message, name and distinct.
   */
  private void pushMember(byte[] buf, int ns, int ne, int vs, int ve) {
    if (RawJson.is(buf, ns, ne, "commits") || RawJson.is(buf, ns, ne, "shas")) {
      if (buf[vs] == '[') {
        boolean objects = RawJson.is(buf, ns, ne, "commits");
        commitBuffer.clear();
        pushCommits = commitBuffer;
        int i = RawJson.skipWs(buf, vs + 1, ve);
        while (i < ve && buf[i] != ']') {
          int end = RawJson.skipValue(buf, i, ve);
          String[] c = new String[4];
          if (objects && buf[i] == '{') {
            currentCommit = c;
            RawJson.members(buf, i, end, commitMember);
          } else if (!objects && buf[i] == '[') {
            timelineCommit(buf, i, end, c);
          }
          commitBuffer.add(c);
          i = RawJson.skipWs(buf, end, ve);
          if (i < ve && buf[i] == ',') {
            i = RawJson.skipWs(buf, i + 1, ve);
          }
        }
      }
    } else if (RawJson.is(buf, ns, ne, "ref")) {
      payload.ref = RawJson.string(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "head")) {
      payload.headSha = RawJson.string(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "size")) {
      long n = RawJson.number(buf, vs, ve);
      payload.size = n <= Integer.MAX_VALUE ? (int) n : -1;
    }
  }

  private void commitMember(byte[] buf, int ns, int ne, int vs, int ve) {
    if (RawJson.is(buf, ns, ne, "sha")) {
      currentCommit[0] = RawJson.string(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "distinct")) {
      currentCommit[3] = RawJson.is(buf, vs, ve, "true") ? "true" : "false";
    } else if (RawJson.is(buf, ns, ne, "author") && buf[vs] == '{') {
      RawJson.members(buf, vs, ve, authorMember);
    }
    if (currentCommit[3] == null) {
      // Old payloads without "distinct" listed only the commits the push brought.
      currentCommit[3] = "true";
    }
  }

  private void authorMember(byte[] buf, int ns, int ne, int vs, int ve) {
    if (RawJson.is(buf, ns, ne, "name")) {
      currentCommit[1] = RawJson.string(buf, vs, ve);
    } else if (RawJson.is(buf, ns, ne, "email")) {
      currentCommit[2] = RawJson.string(buf, vs, ve);
    }
  }

  /** A timeline commit: {@code [sha, email, message, name, distinct]}. */
  private static void timelineCommit(byte[] buf, int from, int end, String[] c) {
    c[3] = "true";
    int i = RawJson.skipWs(buf, from + 1, end);
    int k = 0;
    while (i < end && buf[i] != ']') {
      int ve = RawJson.skipValue(buf, i, end);
      switch (k) {
        case 0:
          c[0] = RawJson.string(buf, i, ve);
          break;
        case 1:
          c[2] = RawJson.string(buf, i, ve);
          break;
        case 3:
          c[1] = RawJson.string(buf, i, ve);
          break;
        case 4:
          c[3] = RawJson.is(buf, i, ve, "true") ? "true" : "false";
          break;
        default:
          break;
      }
      k++;
      i = RawJson.skipWs(buf, ve, end);
      if (i < end && buf[i] == ',') {
        i = RawJson.skipWs(buf, i + 1, end);
      }
    }
  }

  /** {@code owner/name}, or null when the line names no repository. */
  private String fullName() {
    if (repoOwner != null && repoName != null) {
      // Timeline shape: the name is bare.
      repoName = repoOwner + "/" + repoName;
      repoOwner = null;
    }
    return repoName;
  }

  /** The event's url (timeline shape), decoded only when needed. */
  private String url() {
    return urlStart < 0 ? null : RawJson.string(line, urlStart, urlEnd);
  }

  static boolean isUsed(String ghType) {
    switch (ghType) {
      case "WatchEvent":
      case "ForkEvent":
      case "IssuesEvent":
      case "IssueCommentEvent":
      case "PullRequestEvent":
      case "PullRequestReviewEvent":
      case "PullRequestReviewCommentEvent":
      case "PushEvent":
      case "ReleaseEvent":
      case "MemberEvent":
        return true;
      default:
        return false;
    }
  }

  /** Marks an action of a used type that has no core event (an issue unassigned, a PR synchronised). */
  private static final Event UNUSED_ACTION =
      new Star(Instant.EPOCH, Repository.github("unused/action"), Actor.github("unused"));

  /** The event, {@link #UNUSED_ACTION}, or null when a needed field is missing. */
  private Event build(String fullName) {
    String action = payload.action;
    // Actions that have no core event are told apart before anything is required of the line.
    switch (type) {
      case "WatchEvent":
        if (action != null && !action.equals("started")) {
          return UNUSED_ACTION;
        }
        break;
      case "IssuesEvent":
      case "PullRequestEvent":
        if (!("opened".equals(action)
            || "closed".equals(action)
            || "reopened".equals(action)
            || "assigned".equals(action)
            || isLabelChange(action))) {
          return UNUSED_ACTION;
        }
        break;
      case "IssueCommentEvent":
      case "PullRequestReviewCommentEvent":
        if (action != null && !action.equals("created")) {
          return UNUSED_ACTION;
        }
        break;
      case "PullRequestReviewEvent":
        if (action != null && !action.equals("created") && !action.equals("submitted")) {
          return UNUSED_ACTION;
        }
        break;
      case "ReleaseEvent":
        if (!"published".equals(action)) {
          return UNUSED_ACTION;
        }
        break;
      case "MemberEvent":
        if (!"added".equals(action)) {
          return UNUSED_ACTION;
        }
        break;
      default:
        break;
    }
    if (fullName == null || actor.login == null) {
      return null;
    }
    Instant at = times.of(epochSecond);
    Repository repo = repository(fullName);
    Actor who = actor(actor, actor.type != null ? actor.type : actorAttributesType);
    switch (type) {
      case "WatchEvent":
        return new Star(at, repo, who);
      case "ForkEvent":
        return new Fork(at, repo, who, Optional.ofNullable(forkFullName()));
      case "IssuesEvent":
        return issue(at, repo, who, action);
      case "IssueCommentEvent":
        return issueComment(at, repo, who);
      case "PullRequestEvent":
        return pullRequest(at, repo, who, action);
      case "PullRequestReviewEvent":
        return review(at, repo, who);
      case "PullRequestReviewCommentEvent":
        return reviewComment(at, repo, who);
      case "PushEvent":
        if (payload.ref == null || payload.headSha == null) {
          return null;
        }
        return new Push(at, repo, who, payload.ref, payload.headSha, Math.max(0, payload.size));
      case "ReleaseEvent":
        if (payload.tagName == null) {
          return null;
        }
        return new Release(
            at,
            repo,
            who,
            payload.tagName,
            nonBlank(payload.releaseName),
            payload.prerelease);
      case "MemberEvent":
        return member(at, repo, who);
      default:
        throw new IllegalStateException("unhandled used type " + type);
    }
  }

  /** From the payload, or in the timeline (empty payload) from the url of the fork itself. */
  private String forkFullName() {
    String name = payload.forkFullName();
    String url = url();
    String prefix = "https://github.com/";
    if (name == null && url != null && url.startsWith(prefix)) {
      String path = url.substring(prefix.length());
      int slash = path.indexOf('/');
      if (slash > 0 && slash == path.lastIndexOf('/') && slash < path.length() - 1) {
        name = path;
      }
    }
    return name;
  }

  /**
   * The head repository's name when the payload gives a usable one (the core model refuses blank
   * names, NUL and surrounding white space; GitHub sends none of them).
   */
  private Optional<String> headRepository() {
    String name = payload.headFullName();
    if (name == null || name.isBlank() || name.indexOf('\0') >= 0 || !name.strip().equals(name)) {
      return Optional.empty();
    }
    return Optional.of(name);
  }

  private static boolean isLabelChange(String action) {
    return "labeled".equals(action) || "unlabeled".equals(action);
  }

  /**
   * A label added or removed: {@code payload.label.name}; null (unmappable) without it. The
   * number is the issue's or pull request's, whichever the payload names.
   */
  private Event labelChange(
      Instant at, Repository repo, Actor who, String action, int number, boolean onPullRequest) {
    if (number <= 0 || payload.labelName == null || payload.labelName.isBlank()) {
      return null;
    }
    return new LabelChanged(
        at, repo, who, number, onPullRequest, payload.labelName, action.equals("labeled"));
  }

  /**
   * An assignment: {@code payload.assignee}; null (unmappable) without it. The number is the
   * issue's or pull request's, whichever the payload names.
   */
  private Event assignment(
      Instant at, Repository repo, Actor who, int number, boolean onPullRequest) {
    if (number <= 0 || payload.assignee.login == null) {
      return null;
    }
    return new IssueAssigned(
        at, repo, who, number, onPullRequest, actor(payload.assignee, payload.assignee.type));
  }

  private Event issue(Instant at, Repository repo, Actor who, String action) {
    if (isLabelChange(action) || "assigned".equals(action)) {
      // An IssuesEvent about a pull request's labels or assignees is the pull request's change:
      // the same value as its PullRequestEvent would give, so the two are one event in a store.
      int number = payload.issueNumber > 0 ? payload.issueNumber : payload.number;
      return "assigned".equals(action)
          ? assignment(at, repo, who, number, payload.issueOnPullRequest)
          : labelChange(at, repo, who, action, number, payload.issueOnPullRequest);
    }
    if (payload.issueOnPullRequest) {
      // GitHub also reports pull requests as issues; their PullRequestEvent is the one mapped.
      return ON_PULL_REQUEST;
    }
    int number = payload.issueNumber > 0 ? payload.issueNumber : payload.number;
    if (number <= 0) {
      return null;
    }
    switch (action) {
      case "opened":
        return new IssueOpened(
            at, repo, who, number, association(payload.issueAssociation), labels(payload.issueLabels));
      case "closed":
        return new IssueClosed(at, repo, who, number);
      default:
        return new IssueReopened(at, repo, who, number);
    }
  }

  /**
   * The label names without blank ones or ones with a NUL (the core model refuses them; GitHub
   * has none; one bad name must not lose the opening), copied
   * because the payload is reused.
   */
  private static List<String> labels(List<String> names) {
    List<String> out = new ArrayList<>(names.size());
    for (String n : names) {
      if (!n.isBlank() && n.indexOf('\0') < 0) {
        out.add(n);
      }
    }
    return out;
  }

  /** Marks an {@code IssuesEvent} about a pull request (2012 data has them). */
  private static final Event ON_PULL_REQUEST =
      new Star(Instant.EPOCH, Repository.github("unused/pull"), Actor.github("unused"));

  private Event issueComment(Instant at, Repository repo, Actor who) {
    int number = payload.issueNumber;
    boolean onPullRequest = payload.issueOnPullRequest;
    String url = url();
    if (number <= 0 && url != null) {
      // Timeline shape: https://github.com/o/r/issues/11#issuecomment-9401599 or .../pull/11#...
      number = numberAfter(url, "/issues/");
      if (number <= 0) {
        number = numberAfter(url, "/pull/");
        onPullRequest = number > 0;
      }
    }
    if (number <= 0) {
      return null;
    }
    return new IssueComment(
        at,
        repo,
        who,
        number,
        onPullRequest,
        association(payload.commentAssociation),
        id(payload.commentId));
  }

  private Event pullRequest(Instant at, Repository repo, Actor who, String action) {
    int number = payload.prNumber > 0 ? payload.prNumber : payload.number;
    if (isLabelChange(action)) {
      return labelChange(at, repo, who, action, number, true);
    }
    if ("assigned".equals(action)) {
      return assignment(at, repo, who, number, true);
    }
    if (number <= 0) {
      return null;
    }
    Optional<Actor> author =
        payload.prUser.login == null
            ? Optional.empty()
            : Optional.of(actor(payload.prUser, payload.prUser.type));
    switch (action) {
      case "opened":
        return new PullRequestOpened(
            at,
            repo,
            who,
            number,
            payload.draft,
            nonBlank(payload.baseRef),
            association(payload.prAssociation),
            labels(payload.prLabels),
            headRepository(),
            ClosingReferences.github(repo.fullName(), payload.prTitle, payload.prBody));
      case "closed":
        if (payload.merged) {
          return new PullRequestMerged(
              at,
              repo,
              who,
              number,
              author,
              nonBlank(payload.baseRef),
              nonBlank(payload.mergeCommitSha));
        }
        return new PullRequestClosed(at, repo, who, number, author);
      default:
        return new PullRequestReopened(at, repo, who, number);
    }
  }

  private Event review(Instant at, Repository repo, Actor who) {
    if (payload.prNumber <= 0 || payload.reviewState == null) {
      return null;
    }
    Optional<ReviewState> state = ReviewState.fromWireName(payload.reviewState);
    if (state.isEmpty()) {
      return null;
    }
    Optional<Actor> author =
        payload.prUser.login == null
            ? Optional.empty()
            : Optional.of(actor(payload.prUser, payload.prUser.type));
    return new Review(
        at,
        repo,
        who,
        payload.prNumber,
        state.get(),
        author,
        association(payload.reviewAssociation),
        id(payload.reviewId));
  }

  private Event reviewComment(Instant at, Repository repo, Actor who) {
    int number = payload.prNumber;
    if (number <= 0 && payload.commentPullRequestHref != null) {
      // Before the payload carried the pull request (2012): comment._links.pull_request.href.
      number = numberAfter(payload.commentPullRequestHref, "/pulls/");
    }
    if (number <= 0) {
      return null;
    }
    return new ReviewComment(
        at, repo, who, number, association(payload.commentAssociation), id(payload.commentId));
  }

  private Event member(Instant at, Repository repo, Actor who) {
    if (payload.member.login == null) {
      return null;
    }
    // Adding a collaborator granted push (write) access until GitHub added roles; a payload
    // that names a permission we do not model ("read", "triage") grants no write access.
    Permission permission = Permission.WRITE;
    if (payload.permission != null) {
      Optional<Permission> p = Permission.fromWireName(payload.permission);
      if (p.isEmpty()) {
        return UNUSED_ACTION;
      }
      permission = p.get();
    }
    return new MemberAdded(at, repo, who, actor(payload.member, payload.member.type), permission);
  }

  private Repository repository(String fullName) {
    Repository r = repos.get(fullName);
    OptionalLong id = id(repoId);
    if (r == null || !r.id().equals(id)) {
      if (repos.size() >= MAX_CACHED) {
        repos.clear();
      }
      r = new Repository(Forge.GITHUB, fullName, id);
      repos.put(fullName, r);
    }
    return r;
  }

  private Actor actor(User u, String ghType) {
    if (u.login.indexOf('\0') >= 0) {
      // An escaped \u0000 in a login: refused as in the core model, and reported as malformed
      // rather than as an unmappable event.
      throw new NulInIdentity("NUL character (\\u0000) in the login of an actor");
    }
    ActorKind kind = kind(u.login, ghType);
    OptionalLong id = id(u.id);
    Actor a = actors.get(u.login);
    if (a == null || a.kind() != kind || !a.id().equals(id)) {
      if (actors.size() >= MAX_CACHED) {
        actors.clear();
      }
      a = new Actor(Forge.GITHUB, Optional.of(u.login), id, Optional.empty(), List.of(), kind);
      actors.put(u.login, a);
    }
    return a;
  }

  /** Bots by GitHub's {@code type: Bot} or by the {@code [bot]} suffix of app accounts. */
  static ActorKind kind(String login, String ghType) {
    if ("Bot".equals(ghType) || login.endsWith("[bot]")) {
      return ActorKind.BOT;
    }
    if ("Organization".equals(ghType)) {
      return ActorKind.ORGANIZATION;
    }
    return ActorKind.USER;
  }

  private static OptionalLong id(long id) {
    return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
  }

  private static Optional<AuthorAssociation> association(String value) {
    return value == null ? Optional.empty() : AuthorAssociation.fromWireName(value);
  }

  private static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** The decimal number right after {@code marker} in {@code s}, or -1. */
  static int numberAfter(String s, String marker) {
    int i = s.lastIndexOf(marker);
    if (i < 0) {
      return -1;
    }
    long n = 0;
    int start = i + marker.length();
    int j = start;
    while (j < s.length() && j - start < 10 && Character.isDigit(s.charAt(j))) {
      n = n * 10 + (s.charAt(j) - '0');
      j++;
    }
    return j == start || n > Integer.MAX_VALUE ? -1 : (int) n;
  }

  /** An identity field holding U+0000. */
  private static final class NulInIdentity extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    NulInIdentity(String reason) {
      super(reason);
    }
  }

  /** A line that is not a GH Archive event. */
  static final class MalformedLine extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedLine(String reason) {
      super(reason, null, false, false);
    }
  }

  /** A GitHub user object's fields that the events use. */
  static final class User {
    String login;
    long id;
    String type;

    void clear() {
      login = null;
      id = -1;
      type = null;
    }

    /**
     * Reads the value {@code buf[start, end)} raw as {@link #read(JsonParser)} reads an object
     * (the login, id and type); anything but an object leaves this as it is.
     */
    void read(byte[] buf, int start, int end) {
      if (buf[start] == '{') {
        RawJson.members(buf, start, end, member);
      }
    }

    private final RawJson.Members member = this::member;

    private void member(byte[] buf, int ns, int ne, int vs, int ve) {
      if (RawJson.is(buf, ns, ne, "login")) {
        login = RawJson.string(buf, vs, ve);
      } else if (RawJson.is(buf, ns, ne, "id")) {
        long n = RawJson.integer(buf, vs, ve);
        id = n == RawJson.NOT_AN_INTEGER ? -1 : n;
      } else if (RawJson.is(buf, ns, ne, "type")) {
        type = RawJson.string(buf, vs, ve);
      }
    }

    void read(JsonParser p) {
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "login":
            login = v == JsonToken.VALUE_STRING ? p.getString() : null;
            break;
          case "id":
            id = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
            break;
          case "type":
            type = v == JsonToken.VALUE_STRING ? p.getString() : null;
            break;
          default:
            p.skipChildren();
        }
      }
    }
  }
}
