package io.github.communitymetrics.core.io;

import static io.github.communitymetrics.core.io.Fields.*;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.ChangeStatus;
import io.github.communitymetrics.core.event.CoAuthor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventTimes;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.FileChange;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;

/**
 * Decodes one line into an event. The line is first read into plain holders, whatever the key
 * order, and only then turned into an event, because the {@code type} and the repository's
 * {@code forge} (which actors default to) may come after the fields that depend on them.
 *
 * <p>Stateless apart from the line number being decoded, and cheap to create; not thread-safe.
 */
final class EventDecoder {
  /** Longest message of the event model quoted in a reason, in characters. */
  private static final int MAX_MODEL_MESSAGE = 200;

  private long line;

  /** Decodes {@code buf[off, off + len)} as line {@code lineNumber}. */
  Event decode(char[] buf, int off, int len, long lineNumber) {
    line = lineNumber;
    try (JsonParser p = Json.FACTORY.createParser(ObjectReadContext.empty(), buf, off, len)) {
      return decode(p);
    } catch (JacksonException e) {
      throw invalidJson(e);
    }
  }

  /** Decodes {@code text} as line {@code lineNumber}. */
  Event decode(String text, long lineNumber) {
    line = lineNumber;
    try (JsonParser p = Json.FACTORY.createParser(ObjectReadContext.empty(), text)) {
      return decode(p);
    } catch (JacksonException e) {
      throw invalidJson(e);
    }
  }

  private Event decode(JsonParser p) {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw malformed("blank line: expected a JSON object");
    }
    if (first != JsonToken.START_OBJECT) {
      throw malformed("expected a JSON object but found " + describe(first));
    }
    try {
      Raw raw = readEvent(p);
      if (p.nextToken() != null) {
        throw malformed("unexpected content after the JSON object");
      }
      return build(raw);
    } catch (FieldError e) {
      throw malformed(e.reason());
    }
  }

  // ---------------------------------------------------------------- reading

  /** The top-level fields, as read; null means absent (or JSON null). */
  private static final class Raw {
    Long version;
    String type;
    String at;
    String repo;
    Long repoId;
    String forge;
    Person actor;
    String fork;
    Integer number;
    String association;
    Boolean pullRequest;
    Long commentId;
    Long reviewId;
    Boolean draft;
    String base;
    Person author;
    String mergeSha;
    String state;
    Person pullRequestAuthor;
    String sha;
    List<String> parents;
    Person committer;
    List<CoAuthor> coAuthors;
    List<FileChange> files;
    String ref;
    String head;
    Integer commits;
    String tag;
    String name;
    Boolean prerelease;
    Person member;
    String permission;
    List<String> labels;
    String label;
    String headRepo;
    List<Integer> closes;
    Person assignee;
  }

  /** An actor object, or a commit's {@code author}/{@code committer}, as read. */
  private static final class Person {
    String login;
    Long id;
    String name;
    String email;
    List<String> emails;
    Boolean bot;
    String kind;
    String forge;
    String at;
  }

  private static Raw readEvent(JsonParser p) {
    Raw r = new Raw();
    String key;
    while ((key = p.nextName()) != null) {
      JsonToken t = p.nextToken();
      switch (key) {
        case V:
          r.version = longValue(p, t, key);
          break;
        case TYPE:
          r.type = string(p, t, key);
          break;
        case AT:
          r.at = string(p, t, key);
          break;
        case REPO:
          r.repo = string(p, t, key);
          break;
        case REPO_ID:
          r.repoId = longValue(p, t, key);
          break;
        case FORGE:
          r.forge = string(p, t, key);
          break;
        case ACTOR:
          r.actor = person(p, t, key);
          break;
        case FORK:
          r.fork = string(p, t, key);
          break;
        case NUMBER:
          r.number = intValue(p, t, key);
          break;
        case ASSOCIATION:
          r.association = string(p, t, key);
          break;
        case PULL_REQUEST:
          r.pullRequest = bool(t, key);
          break;
        case COMMENT_ID:
          r.commentId = longValue(p, t, key);
          break;
        case REVIEW_ID:
          r.reviewId = longValue(p, t, key);
          break;
        case DRAFT:
          r.draft = bool(t, key);
          break;
        case BASE:
          r.base = string(p, t, key);
          break;
        case AUTHOR:
          r.author = person(p, t, key);
          break;
        case MERGE_SHA:
          r.mergeSha = string(p, t, key);
          break;
        case STATE:
          r.state = string(p, t, key);
          break;
        case PULL_REQUEST_AUTHOR:
          r.pullRequestAuthor = person(p, t, key);
          break;
        case SHA:
          r.sha = string(p, t, key);
          break;
        case PARENTS:
          r.parents = strings(p, t, key);
          break;
        case COMMITTER:
          r.committer = person(p, t, key);
          break;
        case CO_AUTHORS:
          r.coAuthors = coAuthors(p, t);
          break;
        case FILES:
          r.files = files(p, t);
          break;
        case REF:
          r.ref = string(p, t, key);
          break;
        case HEAD:
          r.head = string(p, t, key);
          break;
        case COMMITS:
          r.commits = intValue(p, t, key);
          break;
        case TAG:
          r.tag = string(p, t, key);
          break;
        case NAME:
          r.name = string(p, t, key);
          break;
        case PRERELEASE:
          r.prerelease = bool(t, key);
          break;
        case MEMBER:
          r.member = person(p, t, key);
          break;
        case PERMISSION:
          r.permission = string(p, t, key);
          break;
        case LABELS:
          r.labels = strings(p, t, key);
          break;
        case LABEL:
          r.label = string(p, t, key);
          break;
        case HEAD_REPO:
          r.headRepo = string(p, t, key);
          break;
        case CLOSES:
          r.closes = ints(p, t, key);
          break;
        case ASSIGNEE:
          r.assignee = person(p, t, key);
          break;
        default:
          // Forward compatibility: a newer writer may add fields.
          p.skipChildren();
      }
    }
    return r;
  }

  private static Person person(JsonParser p, JsonToken t, String field) {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_OBJECT) {
      throw FieldError.wrongType(field, "an object", t);
    }
    Person a = new Person();
    try {
      String key;
      while ((key = p.nextName()) != null) {
        JsonToken v = p.nextToken();
        switch (key) {
          case LOGIN:
            a.login = string(p, v, key);
            break;
          case ID:
            a.id = longValue(p, v, key);
            break;
          case NAME:
            a.name = string(p, v, key);
            break;
          case EMAIL:
            a.email = string(p, v, key);
            break;
          case EMAILS:
            a.emails = strings(p, v, key);
            break;
          case BOT:
            a.bot = bool(v, key);
            break;
          case KIND:
            a.kind = string(p, v, key);
            break;
          case FORGE:
            a.forge = string(p, v, key);
            break;
          case AT:
            a.at = string(p, v, key);
            break;
          default:
            p.skipChildren();
        }
      }
    } catch (FieldError e) {
      throw e.within(field);
    }
    return a;
  }

  private static List<CoAuthor> coAuthors(JsonParser p, JsonToken t) {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_ARRAY) {
      throw FieldError.wrongType(CO_AUTHORS, "an array", t);
    }
    List<CoAuthor> out = new ArrayList<>();
    for (int i = 0; (t = p.nextToken()) != JsonToken.END_ARRAY; i++) {
      try {
        Person a = person(p, t, "");
        if (a == null) {
          throw FieldError.wrongType("", "an object", JsonToken.VALUE_NULL);
        }
        String name = require(a.name, NAME);
        String email = require(a.email, EMAIL);
        try {
          out.add(new CoAuthor(name, email));
        } catch (IllegalArgumentException e) {
          throw FieldError.invalid("", e);
        }
      } catch (FieldError e) {
        throw e.within(CO_AUTHORS + "[" + i + "]");
      }
    }
    return out;
  }

  private static List<FileChange> files(JsonParser p, JsonToken t) {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_ARRAY) {
      throw FieldError.wrongType(FILES, "an array", t);
    }
    List<FileChange> out = new ArrayList<>();
    for (int i = 0; (t = p.nextToken()) != JsonToken.END_ARRAY; i++) {
      try {
        out.add(file(p, t));
      } catch (FieldError e) {
        throw e.within(FILES + "[" + i + "]");
      }
    }
    return out;
  }

  private static FileChange file(JsonParser p, JsonToken t) {
    if (t != JsonToken.START_OBJECT) {
      throw FieldError.wrongType("", "an object", t);
    }
    String status = null;
    String path = null;
    String oldPath = null;
    Integer added = null;
    Integer removed = null;
    String key;
    while ((key = p.nextName()) != null) {
      JsonToken v = p.nextToken();
      switch (key) {
        case STATUS:
          status = string(p, v, key);
          break;
        case PATH:
          path = string(p, v, key);
          break;
        case OLD_PATH:
          oldPath = string(p, v, key);
          break;
        case ADDED:
          added = intValue(p, v, key);
          break;
        case REMOVED:
          removed = intValue(p, v, key);
          break;
        default:
          p.skipChildren();
      }
    }
    String statusName = require(status, STATUS);
    ChangeStatus s =
        ChangeStatus.fromWireName(statusName)
            .orElseThrow(() -> FieldError.unknownValue(STATUS, statusName, ChangeStatus.values()));
    try {
      return new FileChange(
          s,
          require(path, PATH),
          Optional.ofNullable(oldPath),
          added == null ? OptionalInt.empty() : OptionalInt.of(added),
          removed == null ? OptionalInt.empty() : OptionalInt.of(removed));
    } catch (IllegalArgumentException e) {
      throw FieldError.invalid("", e);
    }
  }

  private static String string(JsonParser p, JsonToken t, String field) {
    if (t == JsonToken.VALUE_STRING) {
      return p.getString();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw FieldError.wrongType(field, "a string", t);
  }

  /** Reads one element of an array; {@code t} is its token and {@code field} names it. */
  private interface ElementReader<T> {
    T read(JsonParser p, JsonToken t, String field);
  }

  private static <T> List<T> array(
      JsonParser p, JsonToken t, String field, ElementReader<T> element) {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_ARRAY) {
      throw FieldError.wrongType(field, "an array", t);
    }
    List<T> out = new ArrayList<>(2);
    for (int i = 0; (t = p.nextToken()) != JsonToken.END_ARRAY; i++) {
      out.add(element.read(p, t, field + "[" + i + "]"));
    }
    return out;
  }

  private static List<String> strings(JsonParser p, JsonToken t, String field) {
    return array(
        p,
        t,
        field,
        (q, u, f) -> {
          if (u != JsonToken.VALUE_STRING) {
            throw FieldError.wrongType(f, "a string", u);
          }
          return q.getString();
        });
  }

  /** An array of positive integers, such as issue numbers. */
  private static List<Integer> ints(JsonParser p, JsonToken t, String field) {
    return array(
        p,
        t,
        field,
        (q, u, f) -> {
          Integer n = intValue(q, u, f);
          if (n == null) {
            throw FieldError.wrongType(f, "an integer", u);
          }
          if (n <= 0) {
            throw new FieldError(f, "field {} must be positive but was " + n);
          }
          return n;
        });
  }

  private static Boolean bool(JsonToken t, String field) {
    if (t == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw FieldError.wrongType(field, "a boolean", t);
  }

  private static Integer intValue(JsonParser p, JsonToken t, String field) {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() == JsonParser.NumberType.INT) {
        return p.getIntValue();
      }
      throw FieldError.outOfRange(field, p.getString(), Integer.MAX_VALUE);
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw FieldError.wrongType(field, "an integer", t);
  }

  private static Long longValue(JsonParser p, JsonToken t, String field) {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = p.getNumberType();
      if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
        return p.getLongValue();
      }
      throw FieldError.outOfRange(field, p.getString(), Long.MAX_VALUE);
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw FieldError.wrongType(field, "an integer", t);
  }

  // ---------------------------------------------------------------- building

  private static Event build(Raw r) {
    if (r.version != null) {
      checkVersion(r.version);
    }
    String typeName = require(r.type, TYPE);
    EventType type =
        EventType.fromWireName(typeName)
            .orElseThrow(
                () -> FieldError.line("unknown event type " + Json.quote(typeName)));
    Instant at = instant(require(r.at, AT), AT);
    Forge forge = r.forge == null ? Forge.GITHUB : forge(r.forge);
    Repository repo;
    try {
      repo =
          new Repository(
              forge,
              require(r.repo, REPO),
              r.repoId == null ? OptionalLong.empty() : OptionalLong.of(r.repoId));
    } catch (IllegalArgumentException e) {
      throw FieldError.invalid(REPO, e);
    }
    Actor actor = actor(require(r.actor, ACTOR), ACTOR, forge);
    try {
      switch (type) {
        case STAR:
          return new Star(at, repo, actor);
        case FORK:
          return new Fork(at, repo, actor, Optional.ofNullable(r.fork));
        case ISSUE_OPENED:
          return new IssueOpened(at, repo, actor, number(r), association(r), labels(r));
        case ISSUE_CLOSED:
          return new IssueClosed(at, repo, actor, number(r));
        case ISSUE_REOPENED:
          return new IssueReopened(at, repo, actor, number(r));
        case ISSUE_COMMENT:
          return new IssueComment(
              at,
              repo,
              actor,
              number(r),
              require(r.pullRequest, PULL_REQUEST),
              association(r),
              id(r.commentId, COMMENT_ID));
        case PULL_REQUEST_OPENED:
          return new PullRequestOpened(
              at,
              repo,
              actor,
              number(r),
              require(r.draft, DRAFT),
              Optional.ofNullable(r.base),
              association(r),
              labels(r),
              Optional.ofNullable(r.headRepo),
              r.closes == null ? List.of() : r.closes);
        case PULL_REQUEST_CLOSED:
          return new PullRequestClosed(
              at, repo, actor, number(r), optionalActor(r.author, AUTHOR, forge));
        case PULL_REQUEST_MERGED:
          return new PullRequestMerged(
              at,
              repo,
              actor,
              number(r),
              optionalActor(r.author, AUTHOR, forge),
              Optional.ofNullable(r.base),
              Optional.ofNullable(r.mergeSha));
        case PULL_REQUEST_REOPENED:
          return new PullRequestReopened(at, repo, actor, number(r));
        case REVIEW:
          String state = require(r.state, STATE);
          return new Review(
              at,
              repo,
              actor,
              number(r),
              ReviewState.fromWireName(state)
                  .orElseThrow(() -> FieldError.unknownValue(STATE, state, ReviewState.values())),
              optionalActor(r.pullRequestAuthor, PULL_REQUEST_AUTHOR, forge),
              association(r),
              id(r.reviewId, REVIEW_ID));
        case REVIEW_COMMENT:
          return new ReviewComment(
              at, repo, actor, number(r), association(r), id(r.commentId, COMMENT_ID));
        case COMMIT:
          return commit(r, at, repo, actor);
        case PUSH:
          int commits = require(r.commits, COMMITS);
          if (commits < 0) {
            throw new FieldError(COMMITS, "field {} must not be negative but was " + commits);
          }
          return new Push(at, repo, actor, require(r.ref, REF), require(r.head, HEAD), commits);
        case RELEASE:
          return new Release(
              at,
              repo,
              actor,
              require(r.tag, TAG),
              Optional.ofNullable(r.name),
              require(r.prerelease, PRERELEASE));
        case MEMBER_ADDED:
          String permission = require(r.permission, PERMISSION);
          return new MemberAdded(
              at,
              repo,
              actor,
              actor(require(r.member, MEMBER), MEMBER, forge),
              Permission.fromWireName(permission)
                  .orElseThrow(
                      () -> FieldError.unknownValue(PERMISSION, permission, Permission.values())));
        case ISSUE_LABELED:
        case ISSUE_UNLABELED:
        case PULL_REQUEST_LABELED:
        case PULL_REQUEST_UNLABELED:
          return LabelChanged.of(type, at, repo, actor, number(r), require(r.label, LABEL));
        case ISSUE_ASSIGNED:
          return new IssueAssigned(
              at,
              repo,
              actor,
              number(r),
              require(r.pullRequest, PULL_REQUEST),
              actor(require(r.assignee, ASSIGNEE), ASSIGNEE, forge));
        default:
          throw new IllegalStateException("no JSON Lines decoding for event type " + type);
      }
    } catch (IllegalArgumentException e) {
      // A constraint of the event model that the format itself does not express, such as a sha.
      throw FieldError.line(
          "invalid "
              + type.wireName()
              + " event: "
              + Json.truncate(String.valueOf(e.getMessage()), MAX_MODEL_MESSAGE));
    }
  }

  private static void checkVersion(long version) {
    if (version > EventJsonLines.SCHEMA_VERSION) {
      throw FieldError.line(
          "schema version "
              + version
              + " is newer than this reader ("
              + EventJsonLines.SCHEMA_VERSION
              + ")");
    }
    if (version < 1) {
      throw FieldError.line("schema version " + version + " is not valid; versions start at 1");
    }
  }

  private static Commit commit(Raw r, Instant at, Repository repo, Actor actor) {
    Person a = require(r.author, AUTHOR);
    Person c = require(r.committer, COMMITTER);
    Signature author;
    Signature committer;
    try {
      author = new Signature(require(a.name, NAME), require(a.email, EMAIL), at);
    } catch (FieldError e) {
      throw e.within(AUTHOR);
    }
    try {
      committer =
          new Signature(require(c.name, NAME), require(c.email, EMAIL), instant(require(c.at, AT), AT));
    } catch (FieldError e) {
      throw e.within(COMMITTER);
    }
    return new Commit(
        at,
        repo,
        actor,
        require(r.sha, SHA),
        require(r.parents, PARENTS),
        author,
        committer,
        r.coAuthors == null ? List.of() : r.coAuthors,
        r.files == null ? List.of() : r.files);
  }

  private static Optional<Actor> optionalActor(Person p, String field, Forge lineForge) {
    return p == null ? Optional.empty() : Optional.of(actor(p, field, lineForge));
  }

  private static Actor actor(Person p, String field, Forge lineForge) {
    try {
      Forge forge = p.forge == null ? lineForge : forge(p.forge);
      boolean bot = require(p.bot, BOT);
      ActorKind kind = bot ? ActorKind.BOT : ActorKind.USER;
      if (p.kind != null) {
        kind = kind(p.kind, bot);
      }
      if (p.email != null && p.emails != null) {
        throw new FieldError("", "field {} has both \"email\" and \"emails\"; write one of them");
      }
      List<String> emails =
          p.email != null ? List.of(p.email) : p.emails != null ? p.emails : List.of();
      try {
        return new Actor(
            forge,
            Optional.ofNullable(p.login),
            p.id == null ? OptionalLong.empty() : OptionalLong.of(p.id),
            Optional.ofNullable(p.name),
            emails,
            kind);
      } catch (IllegalArgumentException e) {
        throw FieldError.invalid("", e);
      }
    } catch (FieldError e) {
      throw e.within(field);
    }
  }

  private static ActorKind kind(String value, boolean bot) {
    ActorKind declared;
    switch (value) {
      case "user":
        declared = ActorKind.USER;
        break;
      case "bot":
        declared = ActorKind.BOT;
        break;
      case ORGANIZATION:
        declared = ActorKind.ORGANIZATION;
        break;
      default:
        throw new FieldError(
            KIND,
            "field {} has unknown value " + Json.quote(value) + "; expected \"organization\"");
    }
    if ((declared == ActorKind.BOT) != bot) {
      throw new FieldError(
          KIND, "field {} is \"" + value + "\", which contradicts \"bot\": " + bot);
    }
    return declared;
  }

  private static Forge forge(String name) {
    try {
      return Forge.of(name);
    } catch (IllegalArgumentException e) {
      throw FieldError.invalid(FORGE, e);
    }
  }

  /** Absent (or null) labels are no labels: lines written before labels existed. */
  private static List<String> labels(Raw r) {
    return r.labels == null ? List.of() : r.labels;
  }

  private static int number(Raw r) {
    int n = require(r.number, NUMBER);
    if (n <= 0) {
      throw new FieldError(NUMBER, "field {} must be positive but was " + n);
    }
    return n;
  }

  /** A forge's id of a comment or review: optional, positive when present. */
  private static OptionalLong id(Long value, String field) {
    if (value == null) {
      return OptionalLong.empty();
    }
    if (value <= 0) {
      throw new FieldError(field, "field {} must be positive but was " + value);
    }
    return OptionalLong.of(value);
  }

  private static Optional<AuthorAssociation> association(Raw r) {
    if (r.association == null) {
      return Optional.empty();
    }
    String value = r.association;
    return Optional.of(
        AuthorAssociation.fromWireName(value)
            .orElseThrow(
                () -> FieldError.unknownValue(ASSOCIATION, value, AuthorAssociation.values())));
  }

  private static Instant instant(String text, String field) {
    Instant t = Instants.parseUtc(text)
        .orElseThrow(
            () ->
                new FieldError(
                    field,
                    "field {} must be an ISO-8601 instant in UTC ending in Z, such as"
                        + " 2024-03-01T12:00:00Z, but was "
                        + Json.quote(text)));
    if (!EventTimes.isSupported(t)) {
      throw new FieldError(
          field,
          "field {} must be between " + EventTimes.MIN + " and " + EventTimes.MAX
              + " (the supported range, see docs/events.md) but was " + Json.quote(text));
    }
    return t;
  }

  private static <T> T require(T value, String field) {
    if (value == null) {
      throw new FieldError(field, "missing field {}");
    }
    return value;
  }

  // ---------------------------------------------------------------- errors

  private MalformedEventException malformed(String reason) {
    return new MalformedEventException(line, reason);
  }

  private MalformedEventException invalidJson(JacksonException e) {
    StringBuilder reason =
        new StringBuilder("invalid JSON: ")
            .append(Json.truncate(String.valueOf(e.getOriginalMessage()), MAX_MODEL_MESSAGE));
    TokenStreamLocation where = e.getLocation();
    if (where != null && where.getColumnNr() > 0) {
      reason.append(" (column ").append(where.getColumnNr()).append(')');
    }
    return new MalformedEventException(line, reason.toString(), e);
  }

  private static String describe(JsonToken t) {
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
        return "an integer";
      case VALUE_NUMBER_FLOAT:
        return "a fractional number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return t.toString();
    }
  }

  /**
   * A problem with one field, whose path grows as it propagates out of nested objects; turned
   * into a {@link MalformedEventException} at the top, where the line number is known. The reason
   * is a template whose first {@code {}} stands for the quoted path (quoted input comes after it,
   * so input cannot fake the slot). No stack trace: it is control flow, and malformed input can be
   * common in skip mode.
   */
  private static final class FieldError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final String SLOT = "{}";

    private final String path;
    private final String template;
    private final boolean hasSlot;

    /** A problem with the field at {@code path}; {@code template} must contain the slot. */
    FieldError(String path, String template) {
      this(path, template, true);
    }

    private FieldError(String path, String template, boolean hasSlot) {
      super(null, null, false, false);
      this.path = path;
      this.template = template;
      this.hasSlot = hasSlot;
    }

    /** A problem with the line as a whole, not one field. */
    static FieldError line(String reason) {
      return new FieldError("", reason, false);
    }

    static FieldError wrongType(String field, String expected, JsonToken actual) {
      return new FieldError(field, "field {} must be " + expected + " but was " + describe(actual));
    }

    static FieldError outOfRange(String field, String text, long max) {
      return new FieldError(
          field, "field {} is out of range: " + Json.truncate(text, Json.MAX_QUOTED) + " (limit " + max + ")");
    }

    static FieldError unknownValue(String field, String value, Enum<?>[] known) {
      String[] names = new String[known.length];
      for (int i = 0; i < known.length; i++) {
        names[i] = wireName(known[i]);
      }
      return new FieldError(
          field,
          "field {} has unknown value " + Json.quote(value) + "; expected one of "
              + Arrays.toString(names));
    }

    static FieldError invalid(String field, IllegalArgumentException e) {
      return new FieldError(
          field, "field {}: " + Json.truncate(String.valueOf(e.getMessage()), MAX_MODEL_MESSAGE));
    }

    private static String wireName(Enum<?> value) {
      // Associations are upper case on the wire, every other enum of the format lower case.
      return value instanceof AuthorAssociation
          ? ((AuthorAssociation) value).wireName()
          : value.name().toLowerCase(Locale.ROOT);
    }

    FieldError within(String parent) {
      return new FieldError(path.isEmpty() ? parent : parent + "." + path, template, hasSlot);
    }

    String reason() {
      if (!hasSlot) {
        return template;
      }
      int slot = template.indexOf(SLOT);
      return template.substring(0, slot) + '"' + path + '"' + template.substring(slot + SLOT.length());
    }
  }
}
