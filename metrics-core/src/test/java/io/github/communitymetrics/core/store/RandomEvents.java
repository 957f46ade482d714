package io.github.communitymetrics.core.store;

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
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Seeded random events of every type, from small pools of actors, repositories and instants so
 * that ties (same second, same repository, same actor) and duplicates are common. Every value is
 * built afresh, so equal events are usually distinct instances.
 */
public final class RandomEvents {
  private static final EventType[] TYPES = EventType.values();
  static final Instant BASE = Instant.parse("2024-03-01T00:00:00Z");

  private RandomEvents() {}

  /**
   * {@code n} events; about one in ten is an equal copy (a distinct instance) of an earlier one.
   */
  static List<Event> generate(long seed, int n) {
    Random random = new Random(seed);
    List<Long> eventSeeds = new ArrayList<>();
    List<Event> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long eventSeed;
      if (!eventSeeds.isEmpty() && random.nextInt(10) == 0) {
        eventSeed = eventSeeds.get(random.nextInt(eventSeeds.size()));
      } else {
        eventSeed = random.nextLong();
        eventSeeds.add(eventSeed);
      }
      events.add(event(new Random(eventSeed)));
    }
    return events;
  }

  public static Repository repository(int k) {
    switch (k % 4) {
      case 0:
        return Repository.github("org" + k + "/project");
      case 1:
        return new Repository(Forge.GITHUB, "org/repo" + k, OptionalLong.of(1000 + k));
      case 2:
        return Repository.of(Forge.GITLAB, "group/sub/p" + k);
      default:
        // Same name as k - 2 (case 1) with another id: a different repository (deleted and
        // created again under its name), so names tie in the canonical order. (The same name
        // with and without an id is one repository since the identity rule of RepositoryIdentity,
        // so it would no longer be a different value.)
        return new Repository(Forge.GITHUB, "org/repo" + (k - 2), OptionalLong.of(k));
    }
  }

  public static Actor actor(int k) {
    switch (k % 5) {
      case 0:
        return Actor.github("user" + k);
      case 1:
        return Actor.github("bot" + k).withKind(ActorKind.BOT);
      case 2:
        return Actor.git("Person " + k, "p" + k + "@example.org");
      case 3:
        return new Actor(
            Forge.GITHUB,
            Optional.of("user" + (k - 3)),
            OptionalLong.of(k),
            Optional.empty(),
            List.of(),
            ActorKind.USER);
      default:
        return new Actor(
            Forge.GITLAB,
            Optional.of("dev" + k),
            OptionalLong.empty(),
            Optional.of("Dev " + k),
            List.of("d" + k + "@example.org", "dev" + k + "@example.com"),
            ActorKind.USER);
    }
  }

  static Event event(Random r) {
    Instant at = BASE.plusSeconds(r.nextInt(120));
    if (r.nextInt(4) == 0) {
      at = at.plusNanos(r.nextInt(3) == 0 ? 1 : r.nextInt(1_000_000_000));
    }
    return event(r, at, 8, 15);
  }

  /**
   * An event of a random type at {@code at}, of one of the first {@code repositories} {@link
   * #repository} values and the first {@code actors} {@link #actor} values (its second actor too).
   */
  public static Event event(Random r, Instant at, int repositories, int actors) {
    return event(r, at, repository(r.nextInt(repositories)), actors);
  }

  /** An event of a random type at {@code at} of {@code repo}, by one of the first {@code actors}. */
  public static Event event(Random r, Instant at, Repository repo, int actors) {
    Actor actor = actor(r.nextInt(actors));
    int number = 1 + r.nextInt(5);
    switch (TYPES[r.nextInt(TYPES.length)]) {
      case STAR:
        return new Star(at, repo, actor);
      case FORK:
        return new Fork(at, repo, actor, forkName(r, repo, actor));
      case ISSUE_OPENED:
        return new IssueOpened(at, repo, actor, number, association(r), labels(r));
      case ISSUE_CLOSED:
        return new IssueClosed(at, repo, actor, number);
      case ISSUE_REOPENED:
        return new IssueReopened(at, repo, actor, number);
      case ISSUE_COMMENT:
        return new IssueComment(at, repo, actor, number, r.nextBoolean(), association(r), id(r));
      case PULL_REQUEST_OPENED:
        return new PullRequestOpened(
            at, repo, actor, number, r.nextBoolean(), branch(r), association(r), labels(r),
            head(r, repo), closes(r));
      case ISSUE_ASSIGNED:
        return new IssueAssigned(at, repo, actor, number, r.nextBoolean(), actor(r.nextInt(actors)));
      case PULL_REQUEST_CLOSED:
        return new PullRequestClosed(at, repo, actor, number, otherActor(r, actors));
      case PULL_REQUEST_MERGED:
        return new PullRequestMerged(
            at,
            repo,
            actor,
            number,
            otherActor(r, actors),
            branch(r),
            r.nextBoolean() ? Optional.of(sha(r)) : Optional.empty());
      case PULL_REQUEST_REOPENED:
        return new PullRequestReopened(at, repo, actor, number);
      case REVIEW:
        return new Review(
            at,
            repo,
            actor,
            number,
            ReviewState.values()[r.nextInt(ReviewState.values().length)],
            otherActor(r, actors),
            association(r),
            id(r));
      case REVIEW_COMMENT:
        return new ReviewComment(at, repo, actor, number, association(r), id(r));
      case COMMIT:
        return commit(r, at, repo, actor);
      case PUSH:
        return new Push(at, repo, actor, "refs/heads/b" + r.nextInt(3), sha(r), r.nextInt(4));
      case RELEASE:
        return new Release(
            at,
            repo,
            actor,
            "v" + r.nextInt(3),
            r.nextBoolean() ? Optional.of("Release " + r.nextInt(3)) : Optional.empty(),
            r.nextBoolean());
      case MEMBER_ADDED:
        return new MemberAdded(
            at,
            repo,
            actor,
            actor(r.nextInt(actors)),
            Permission.values()[r.nextInt(Permission.values().length)]);
      case ISSUE_LABELED:
      case ISSUE_UNLABELED:
      case PULL_REQUEST_LABELED:
      case PULL_REQUEST_UNLABELED:
        return new LabelChanged(at, repo, actor, number, r.nextBoolean(), label(r), r.nextBoolean());
      default:
        throw new AssertionError();
    }
  }

  /** Few distinct names, so that equal label sets and equal labels are common. */
  private static String label(Random r) {
    return r.nextInt(3) == 0 ? "good first issue" : "area/" + r.nextInt(2);
  }

  private static List<String> labels(Random r) {
    int n = r.nextInt(4);
    List<String> labels = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      labels.add(label(r));
    }
    return labels;
  }

  private static Optional<String> forkName(Random r, Repository repo, Actor actor) {
    switch (r.nextInt(3)) {
      case 0:
        return Optional.empty();
      case 1:
        String name = repo.fullName().substring(repo.fullName().lastIndexOf('/') + 1);
        return Optional.of(actor.label() + "/" + name);
      default:
        return Optional.of("forks/f" + r.nextInt(3));
    }
  }

  private static Optional<AuthorAssociation> association(Random r) {
    int k = r.nextInt(AuthorAssociation.values().length + 1);
    return k == 0 ? Optional.empty() : Optional.of(AuthorAssociation.values()[k - 1]);
  }

  /**
   * A comment or review id from a tiny pool, absent a third of the time, so that events differing
   * only in their id, and equal ids on different events, are common.
   */
  private static OptionalLong id(Random r) {
    int k = r.nextInt(6);
    if (k < 2) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(k == 5 ? Long.MAX_VALUE : k - 1);
  }

  private static Optional<String> branch(Random r) {
    switch (r.nextInt(3)) {
      case 0:
        return Optional.empty();
      case 1:
        return Optional.of("main");
      default:
        return Optional.of("release-" + r.nextInt(2));
    }
  }

  /** No head, the repository itself (the common case) or one of two forks. */
  private static Optional<String> head(Random r, Repository repo) {
    switch (r.nextInt(4)) {
      case 0:
        return Optional.empty();
      case 1:
        return Optional.of(repo.fullName());
      default:
        return Optional.of("user" + r.nextInt(2) + "/project");
    }
  }

  /** Few numbers, so that equal lists are common. */
  private static List<Integer> closes(Random r) {
    List<Integer> closes = new ArrayList<>();
    for (int i = r.nextInt(4) - 1; i > 0; i--) {
      closes.add(1 + r.nextInt(3));
    }
    return closes;
  }

  private static Optional<Actor> otherActor(Random r, int actors) {
    return r.nextBoolean() ? Optional.of(actor(r.nextInt(actors))) : Optional.empty();
  }

  /** A short pool of commit ids so that commits differing in other fields tie on the sha. */
  static String sha(Random r) {
    return Integer.toHexString(0x1000000 + r.nextInt(4)) + "abcdef0123456789abcdef0123456789a";
  }

  private static Commit commit(Random r, Instant at, Repository repo, Actor actor) {
    List<String> parents = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      parents.add(sha(r));
    }
    List<FileChange> files = new ArrayList<>();
    if (parents.size() < 2) {
      for (int i = r.nextInt(4); i > 0; i--) {
        files.add(fileChange(r, i));
      }
    }
    List<CoAuthor> coAuthors =
        r.nextBoolean() ? List.of() : List.of(new CoAuthor("Co " + r.nextInt(2), "co@example.org"));
    Signature author = new Signature("A " + r.nextInt(2), "a@example.org", at);
    Signature committer =
        r.nextBoolean() ? author : new Signature("C", "c@example.org", at.plusSeconds(60));
    return new Commit(at, repo, actor, sha(r), parents, author, committer, coAuthors, files);
  }

  private static FileChange fileChange(Random r, int i) {
    ChangeStatus status = ChangeStatus.values()[r.nextInt(ChangeStatus.values().length)];
    String path = "src/f" + i + "_" + r.nextInt(3) + ".java";
    Optional<String> oldPath = status.hasOldPath() ? Optional.of("old/" + path) : Optional.empty();
    OptionalInt added = r.nextBoolean() ? OptionalInt.of(r.nextInt(50)) : OptionalInt.empty();
    OptionalInt removed = r.nextBoolean() ? OptionalInt.of(r.nextInt(50)) : OptionalInt.empty();
    return new FileChange(status, path, oldPath, added, removed);
  }
}
