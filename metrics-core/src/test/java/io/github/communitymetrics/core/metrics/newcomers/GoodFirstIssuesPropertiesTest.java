package io.github.communitymetrics.core.metrics.newcomers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The good-first-issues state merges exactly and survives its codec, on seeded random streams of
 * two repositories (each seed printed): labels at opening and by events (mixed case, some not of
 * the set), assignments of people and bots, pull requests with closing references (some naming
 * issues that exist only in the other repository), merges, closes and reopens. Cut states are
 * format errors: {@code StateCodecTest} cuts this metric's state at every byte.
 */
class GoodFirstIssuesPropertiesTest {
  private static final Repository A = Repository.github("acme/widget");
  private static final Repository B = Repository.github("acme/gadget");
  private static final Instant T0 = Instant.parse("2023-10-01T00:00:00Z");
  private static final Window WINDOW =
      new Window(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-09-01T00:00:00Z"));
  private static final List<String> LABELS =
      List.of("good first issue", "Good-First-Issue", "HELP WANTED", "easy", "bug", "docs");

  /** A random history of {@code n} events over about 330 days. */
  static List<Event> events(Random r, int n) {
    List<Actor> people = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      people.add(Actor.github("p" + i));
    }
    Actor bot = Actor.github("helper[bot]");
    List<Event> out = new ArrayList<>();
    int[] next = {1, 1};
    List<Object[]> issues = new ArrayList<>(); // {repo, number, opened}
    for (int k = 0; k < n; k++) {
      Instant at = T0.plusSeconds(r.nextInt(330 * 86400)).plusNanos(r.nextInt(2) * 500_000_000L);
      Repository repo = r.nextBoolean() ? A : B;
      // People arrive over time (p_i from day 20 i), so some are newcomers of the window.
      int arrived = (int) Math.min(people.size(), (at.getEpochSecond() - T0.getEpochSecond()) / (20 * 86400) + 2);
      Actor who = r.nextInt(8) == 0 ? bot : people.get(r.nextInt(arrived));
      int kind = r.nextInt(10);
      if (issues.isEmpty() || kind <= 2) {
        int number = next[repo == A ? 0 : 1]++;
        List<String> labels = new ArrayList<>();
        if (r.nextBoolean()) {
          labels.add(LABELS.get(r.nextInt(LABELS.size())));
        }
        out.add(new IssueOpened(at, repo, who, number, Optional.empty(), labels));
        issues.add(new Object[] {repo, number, at});
        continue;
      }
      Object[] item = issues.get(r.nextInt(issues.size()));
      Repository ir = (Repository) item[0];
      int number = (Integer) item[1];
      if (r.nextInt(6) != 0) {
        at = ((Instant) item[2]).plusSeconds(r.nextInt(100 * 86400));
      }
      switch (kind) {
        case 3 -> out.add(new LabelChanged(at, ir, who, number, false, LABELS.get(r.nextInt(LABELS.size())), r.nextInt(3) != 0));
        case 4 -> out.add(new IssueAssigned(at, ir, people.get(0), number, false, r.nextInt(5) == 0 ? bot : who));
        case 5 -> {
          // A pull request of either repository naming this number: in the other one it names
          // another issue (or none).
          Repository pr = r.nextInt(4) == 0 ? (ir == A ? B : A) : ir;
          int prNumber = 1000 + next[pr == A ? 0 : 1]++;
          out.add(new PullRequestOpened(at, pr, who, prNumber, false, Optional.of("main"), Optional.empty(),
              List.of(), Optional.of(pr.fullName()), List.of(number)));
          if (r.nextBoolean()) {
            Instant m = at.plusSeconds(r.nextInt(10 * 86400));
            out.add(new PullRequestMerged(m, pr, people.get(0), prNumber, Optional.of(who), Optional.of("main"), Optional.empty()));
            if (r.nextBoolean()) {
              out.add(new IssueClosed(m, ir, people.get(0), number));
            }
          }
        }
        case 6 -> out.add(new IssueClosed(at, ir, who, number));
        case 7 -> out.add(new IssueReopened(at, ir, who, number));
        default -> out.add(new IssueComment(at, ir, who, number, false, Optional.empty(), OptionalLong.empty()));
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void everySplitMergesThroughTheCodecToTheWhole(long seed) {
    System.out.println("GoodFirstIssuesPropertiesTest seed " + seed);
    Random r = new Random(seed);
    List<Event> events = events(r, 200 + r.nextInt(300));
    EventStore whole = EventStore.of(events);
    RepositoryScope scope = seed % 3 == 0 ? RepositoryScope.of(A) : RepositoryScope.all();
    NewcomerPropertiesTest.check(
        GoodFirstIssues.INSTANCE, Evaluation.of(scope, WINDOW), whole, People.resolve(whole),
        NewcomerPropertiesTest.slices(events, r), r, seed);
  }

  /** The property's histories are not vacuous: labelled issues, claims, closes by newcomers. */
  @Test
  void thePropertysHistoriesHaveClaimsClosesAndCensoredIssues() {
    int claimed = 0;
    int censored = 0;
    int newcomerCloses = 0;
    int establishedCloses = 0;
    int old = 0;
    for (long seed = 1; seed <= 12; seed++) {
      Random r = new Random(seed);
      EventStore store = EventStore.of(events(r, 200 + r.nextInt(300)));
      GoodFirstIssues.Result x = GoodFirstIssues.INSTANCE.metric(Evaluation.of(RepositoryScope.all(), WINDOW))
          .compute(store, People.resolve(store));
      System.out.println("GoodFirstIssuesPropertiesTest seed " + seed + ": " + x);
      claimed += x.claimed();
      censored += x.timeToClaim().waiting();
      newcomerCloses += x.closedByNewcomers();
      establishedCloses += x.closedByEstablished();
      old += x.oldEnough();
    }
    assertTrue(claimed >= 24, "claims: " + claimed);
    assertTrue(censored >= 12, "censored: " + censored);
    assertTrue(newcomerCloses >= 3, "closes by newcomers: " + newcomerCloses);
    assertTrue(establishedCloses >= 3, "closes by established: " + establishedCloses);
    assertTrue(old >= 12, "labelled 90 days before the end: " + old);
  }
}
