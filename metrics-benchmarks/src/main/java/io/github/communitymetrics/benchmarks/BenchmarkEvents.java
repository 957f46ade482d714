package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.ChangeStatus;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.FileChange;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.PullRequestReopened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.Star;
import java.time.Instant;
import java.util.ArrayList;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The benchmarks' input: the one place to swap in the testkit's {@code CommunitySimulator} once it
 * exists. Until then, a GH Archive-like mix: 35% stars, 10% forks, 15% issue events, 20% comments,
 * 12% pull request events, 5% reviews, 3% commits of 1 to 5 files, over one year, by about n/20
 * actors and n/1000 + 1 repositories with heavy-tailed activity. Actor and repository instances
 * are shared between events (as an interning parser would give them), which favours the plain
 * {@code List<Event>} in memory comparisons. Comments and reviews carry unique ids, as GH Archive's
 * do.
 */
final class BenchmarkEvents {
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  static final long SPAN_SECONDS = 366L * 24 * 3600;

  private static final String[] BRANCHES = {"main", "master", "develop"};
  private static final AuthorAssociation[] ASSOCIATIONS = {
    AuthorAssociation.NONE, AuthorAssociation.CONTRIBUTOR, AuthorAssociation.MEMBER,
    AuthorAssociation.OWNER, AuthorAssociation.FIRST_TIME_CONTRIBUTOR
  };

  private BenchmarkEvents() {}

  /**
   * The input of a benchmark with a {@code source} parameter: {@code "simulator"} for the
   * testkit's community simulator at about {@code size} events, anything else for {@link
   * #generate}'s GH Archive-like mix of exactly {@code size} events. Seed 42 either way.
   */
  static List<Event> of(String source, int size) {
    return "simulator".equals(source)
        ? CommunitySimulator.simulate(SimulationConfig.ofApproximateSize(42, size)).events()
        : generate(size, 42);
  }

  /** {@code n} events in no particular order (the store sorts them). */
  static List<Event> generate(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Actor[] actors = new Actor[Math.max(1, n / 20)];
    for (int a = 0; a < actors.length; a++) {
      actors[a] = Actor.github("user" + a);
    }
    Repository[] repos = new Repository[n / 1000 + 1];
    for (int r = 0; r < repos.length; r++) {
      repos[r] = Repository.github("org" + (r % 97) + "/project-" + r);
    }
    List<Event> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      // GH Archive carries the forge's comment and review ids; any unique positive value will do,
      // and taking the position keeps the random draws, so the rest of the mix, unchanged.
      events.add(event(random, actors, repos, OptionalLong.of(i + 1L)));
    }
    return events;
  }

  /** An index in [0, size) with a heavy tail: low indices are far more likely. */
  private static int skewed(SplittableRandom random, int size, double power) {
    return (int) (size * Math.pow(random.nextDouble(), power));
  }

  private static Event event(
      SplittableRandom random, Actor[] actors, Repository[] repos, OptionalLong id) {
    Instant at = START.plusSeconds(random.nextLong(SPAN_SECONDS));
    Repository repo = repos[skewed(random, repos.length, 2)];
    Actor actor = actors[skewed(random, actors.length, 3)];
    int number = 1 + skewed(random, 5000, 2);
    int dice = random.nextInt(100);
    if (dice < 35) {
      return new Star(at, repo, actor);
    }
    if (dice < 45) {
      String name = repo.fullName().substring(repo.fullName().indexOf('/') + 1);
      return new Fork(at, repo, actor, Optional.of(actor.label() + "/" + name));
    }
    if (dice < 52) {
      return new IssueOpened(at, repo, actor, number, association(random));
    }
    if (dice < 58) {
      return new IssueClosed(at, repo, actor, number);
    }
    if (dice < 60) {
      return new IssueReopened(at, repo, actor, number);
    }
    if (dice < 77) {
      return new IssueComment(
          at, repo, actor, number, random.nextInt(3) == 0, association(random), id);
    }
    if (dice < 80) {
      return new ReviewComment(at, repo, actor, number, association(random), id);
    }
    Optional<Actor> author = Optional.of(actors[skewed(random, actors.length, 3)]);
    if (dice < 85) {
      return new PullRequestOpened(
          at, repo, actor, number, random.nextInt(10) == 0, branch(random), association(random));
    }
    if (dice < 87) {
      return new PullRequestClosed(at, repo, actor, number, author);
    }
    if (dice < 91) {
      return new PullRequestMerged(
          at, repo, actor, number, author, branch(random), Optional.of(sha(random)));
    }
    if (dice < 92) {
      return new PullRequestReopened(at, repo, actor, number);
    }
    if (dice < 97) {
      ReviewState state = ReviewState.values()[random.nextInt(3)];
      return new Review(at, repo, actor, number, state, author, association(random), id);
    }
    return commit(random, at, repo, actor);
  }

  private static Optional<AuthorAssociation> association(SplittableRandom random) {
    return Optional.of(ASSOCIATIONS[random.nextInt(ASSOCIATIONS.length)]);
  }

  private static Optional<String> branch(SplittableRandom random) {
    return Optional.of(BRANCHES[skewed(random, BRANCHES.length, 3)]);
  }

  private static String sha(SplittableRandom random) {
    return String.format("%016x%016x%08x", random.nextLong(), random.nextLong(), random.nextInt());
  }

  private static Commit commit(SplittableRandom random, Instant at, Repository repo, Actor actor) {
    Signature author = new Signature(actor.label(), actor.label() + "@example.org", at);
    List<FileChange> files = new ArrayList<>();
    for (int f = 1 + random.nextInt(5); f > 0; f--) {
      files.add(
          new FileChange(
              ChangeStatus.MODIFIED,
              "src/main/java/Module" + random.nextInt(200) + ".java",
              Optional.empty(),
              OptionalInt.of(random.nextInt(100)),
              OptionalInt.of(random.nextInt(50))));
    }
    return new Commit(
        at, repo, actor, sha(random), List.of(sha(random)), author, author, List.of(), files);
  }
}
