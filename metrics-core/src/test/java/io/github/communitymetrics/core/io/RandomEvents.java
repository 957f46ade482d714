package io.github.communitymetrics.core.io;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.ChangeStatus;
import io.github.communitymetrics.core.event.CoAuthor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.FileChange;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.IssueReopened;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded generator of arbitrary valid events of every type, with every optional component
 * sometimes present and sometimes absent, and strings full of characters JSON must escape.
 */
final class RandomEvents {
  private static final Forge[] FORGES = {
    Forge.GITHUB, Forge.GITLAB, Forge.GIT, Forge.of("gitlab:gitlab.example.org")
  };

  /** Characters that stress the encoder: quotes, escapes, controls, non-ASCII, surrogate pairs. */
  private static final String[] PIECES = {
    "a", "Z", "7", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u0000", "\u001f", "\u007f", "é", "ß",
    "中", "\u2028", "😀", "{", "}", "[", "]", ":", ",", "'", "<", "&", "-", "_", "."
  };

  private final SplittableRandom random;

  RandomEvents(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A random event of each type, in {@link EventType} order, {@code rounds} times over. */
  List<Event> someOfEveryType(int rounds) {
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      for (EventType t : EventType.values()) {
        out.add(event(t));
      }
    }
    return out;
  }

  Event event(EventType type) {
    Instant at = instant();
    Repository repo = repository();
    Actor actor = actor();
    switch (type) {
      case STAR:
        return new Star(at, repo, actor);
      case FORK:
        return new Fork(at, repo, actor, maybe(this::text));
      case ISSUE_OPENED:
        return new IssueOpened(at, repo, actor, number(), association(), labels());
      case ISSUE_CLOSED:
        return new IssueClosed(at, repo, actor, number());
      case ISSUE_REOPENED:
        return new IssueReopened(at, repo, actor, number());
      case ISSUE_COMMENT:
        return new IssueComment(
            at, repo, actor, number(), random.nextBoolean(), association(), positiveId());
      case PULL_REQUEST_OPENED:
        return new PullRequestOpened(
            at, repo, actor, number(), random.nextBoolean(), maybe(this::text), association(),
            labels(), maybe(() -> headRepository(repo)), closes());
      case PULL_REQUEST_CLOSED:
        return new PullRequestClosed(at, repo, actor, number(), maybe(this::actor));
      case PULL_REQUEST_MERGED:
        return new PullRequestMerged(
            at, repo, actor, number(), maybe(this::actor), maybe(this::text), maybe(this::sha));
      case PULL_REQUEST_REOPENED:
        return new PullRequestReopened(at, repo, actor, number());
      case REVIEW:
        return new Review(
            at, repo, actor, number(), pick(ReviewState.values()), maybe(this::actor),
            association(), positiveId());
      case REVIEW_COMMENT:
        return new ReviewComment(at, repo, actor, number(), association(), positiveId());
      case COMMIT:
        return commit(at, repo, actor);
      case PUSH:
        return new Push(at, repo, actor, "refs/heads/" + text(), sha(), random.nextInt(0, 5000));
      case RELEASE:
        return new Release(at, repo, actor, text(), maybe(this::text), random.nextBoolean());
      case MEMBER_ADDED:
        return new MemberAdded(at, repo, actor, actor(), pick(Permission.values()));
      case ISSUE_LABELED:
      case ISSUE_UNLABELED:
      case PULL_REQUEST_LABELED:
      case PULL_REQUEST_UNLABELED:
        return LabelChanged.of(type, at, repo, actor, number(), identityText());
      case ISSUE_ASSIGNED:
        return new IssueAssigned(at, repo, actor, number(), random.nextBoolean(), actor());
      default:
        throw new AssertionError(type);
    }
  }

  private Commit commit(Instant at, Repository repo, Actor actor) {
    List<String> parents = new ArrayList<>();
    int parentCount = random.nextInt(4);
    for (int i = 0; i < parentCount; i++) {
      parents.add(sha());
    }
    List<CoAuthor> coAuthors = new ArrayList<>();
    int coAuthorCount = random.nextInt(3);
    for (int i = 0; i < coAuthorCount; i++) {
      // Git allows an empty name or e-mail address, but a trailer needs one of them.
      coAuthors.add(
          random.nextBoolean()
              ? new CoAuthor(possiblyEmpty(), text())
              : new CoAuthor(text(), possiblyEmpty()));
    }
    List<FileChange> files = new ArrayList<>();
    int fileCount = random.nextInt(4);
    for (int i = 0; i < fileCount; i++) {
      ChangeStatus status = pick(ChangeStatus.values());
      files.add(
          new FileChange(
              status,
              text(),
              status.hasOldPath() ? Optional.of(text()) : Optional.empty(),
              random.nextBoolean() ? OptionalInt.of(random.nextInt(0, 100_000)) : OptionalInt.empty(),
              random.nextBoolean() ? OptionalInt.of(random.nextInt(0, 100_000)) : OptionalInt.empty()));
    }
    return new Commit(
        at,
        repo,
        actor,
        sha(),
        parents,
        new Signature(possiblyEmpty(), possiblyEmpty(), at),
        new Signature(possiblyEmpty(), possiblyEmpty(), instant()),
        coAuthors,
        files);
  }

  Actor actor() {
    Optional<String> login = maybe(this::identityText);
    OptionalLong id = random.nextBoolean() ? OptionalLong.of(longId()) : OptionalLong.empty();
    Optional<String> name = maybe(this::identityText);
    Set<String> emails = new LinkedHashSet<>();
    int emailCount = random.nextInt(4);
    for (int i = 0; i < emailCount; i++) {
      emails.add(identityText() + "@" + identityText());
    }
    if (login.isEmpty() && id.isEmpty() && name.isEmpty() && emails.isEmpty()) {
      login = Optional.of(identityText());
    }
    return new Actor(
        pick(FORGES), login, id, name, new ArrayList<>(emails), pick(ActorKind.values()));
  }

  Repository repository() {
    // A full name must not start or end with white space, so bracket the arbitrary middle.
    String fullName = "o" + (random.nextBoolean() ? "/" + identityText() + "x" : "/r");
    OptionalLong id = random.nextBoolean() ? OptionalLong.of(longId()) : OptionalLong.empty();
    return new Repository(pick(FORGES), fullName, id);
  }

  /**
   * Mostly whole seconds in 1970..2100 (the common shape), sometimes nanoseconds, sometimes
   * anywhere in the supported range ({@link io.github.communitymetrics.core.event.EventTimes}),
   * its two ends included.
   */
  Instant instant() {
    int shape = random.nextInt(10);
    if (shape < 6) {
      return Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L));
    }
    if (shape < 9) {
      return Instant.ofEpochSecond(
          random.nextLong(0, 4_102_444_800L), random.nextInt(0, 1_000_000_000));
    }
    int end = random.nextInt(4);
    if (end == 0) {
      return io.github.communitymetrics.core.event.EventTimes.MIN;
    }
    if (end == 1) {
      return io.github.communitymetrics.core.event.EventTimes.MAX;
    }
    return Instant.ofEpochSecond(0, random.nextLong(0, Long.MAX_VALUE));
  }

  /** The repository itself or some fork of it. */
  private String headRepository(Repository repo) {
    return random.nextBoolean() ? repo.fullName() : "u" + random.nextInt(50) + "/fork";
  }

  /** Zero to three issue numbers, in any order and possibly repeated (the event normalizes). */
  private List<Integer> closes() {
    List<Integer> closes = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      closes.add(random.nextInt(3) == 0 && !closes.isEmpty() ? closes.get(0) : number());
    }
    return closes;
  }

  /** Zero to three label names, in any order and possibly repeated (the event normalizes). */
  private List<String> labels() {
    List<String> labels = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      labels.add(random.nextInt(4) == 0 && !labels.isEmpty() ? labels.get(0) : identityText());
    }
    return labels;
  }

  /** A non-blank string of 1 to 12 pieces, at least one of them not white space. */
  String text() {
    StringBuilder b = new StringBuilder();
    int pieces = random.nextInt(1, 13);
    for (int i = 0; i < pieces; i++) {
      b.append(pick(PIECES));
    }
    if (b.toString().isBlank()) {
      b.append('x');
    }
    return b.toString();
  }

  /** As {@link #text()} without NUL, which identity fields (logins, names, e-mails) refuse. */
  String identityText() {
    return text().replace('\u0000', '0');
  }

  private String possiblyEmpty() {
    return random.nextInt(4) == 0 ? "" : text();
  }

  private String sha() {
    int length = random.nextBoolean() ? 40 : random.nextInt(7, 65);
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append("0123456789abcdef".charAt(random.nextInt(16)));
    }
    return b.toString();
  }

  private int number() {
    return random.nextBoolean() ? random.nextInt(1, 1000) : random.nextInt(1, Integer.MAX_VALUE);
  }

  private long longId() {
    // Ids are not constrained by the model; cover small, huge and negative ones.
    switch (random.nextInt(4)) {
      case 0:
        return random.nextLong(1, 1000);
      case 1:
        return Long.MAX_VALUE - random.nextInt(3);
      case 2:
        return Long.MIN_VALUE + random.nextInt(3);
      default:
        return random.nextLong();
    }
  }

  /** A comment or review id: absent half the time, else positive, small or up to the maximum. */
  private OptionalLong positiveId() {
    switch (random.nextInt(4)) {
      case 0:
      case 1:
        return OptionalLong.empty();
      case 2:
        return OptionalLong.of(random.nextLong(1, 1000));
      default:
        return OptionalLong.of(
            random.nextBoolean() ? Long.MAX_VALUE - random.nextInt(3) : random.nextLong(1, Long.MAX_VALUE));
    }
  }

  private Optional<AuthorAssociation> association() {
    return random.nextBoolean() ? Optional.of(pick(AuthorAssociation.values())) : Optional.empty();
  }

  private <T> Optional<T> maybe(java.util.function.Supplier<T> value) {
    return random.nextBoolean() ? Optional.of(value.get()) : Optional.empty();
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
