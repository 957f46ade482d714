package io.github.communitymetrics.core.metrics.confidence;

import io.github.communitymetrics.core.metrics.RepositoryScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidence.State;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CohortConfidenceTest {
  private static final Repository REPO = Repository.github("acme/widget");
  private static final Repository SIBLING = Repository.github("acme/gadget");
  private static final Repository FOREIGN = Repository.github("other/thing");
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  /** Window [T0, T0 + 180 d); asOf T0 + 365 d; horizon 30 days. */
  private static final Window WINDOW = Window.startingAt(T0, Duration.ofDays(180));
  private static final Instant AS_OF = T0.plus(Duration.ofDays(365));
  private static final Duration H = Duration.ofDays(30);

  private static Instant day(double d) {
    return T0.plus(Duration.ofSeconds(Math.round(d * 86400)));
  }

  private static CohortConfidence metric() {
    return CohortConfidence.defaults(RepositoryScope.of(REPO), WINDOW, AS_OF).withHorizon(H);
  }

  private static CohortConfidenceResult run(CohortConfidence m, List<Event> events) {
    EventStore store = EventStore.of(events);
    return m.compute(store, People.resolve(store));
  }

  private static Star star(String login, Repository repo, Instant at) {
    return new Star(at, repo, Actor.github(login));
  }

  private static int number = 1;

  private static IssueOpened issue(String login, Repository repo, Instant at) {
    return new IssueOpened(at, repo, Actor.github(login), number++, Optional.empty());
  }

  /** The one place that builds IssueComment (its components are about to grow). */
  private static IssueComment comment(String login, Repository repo, Instant at) {
    return new IssueComment(
        at, repo, Actor.github(login), number++, false, Optional.empty(), OptionalLong.empty());
  }

  private static Commit commit(Actor author, Repository repo, Instant at) {
    Signature sig = new Signature(author.name().orElse("x"), author.emails().get(0), at);
    String sha = String.format("%040x", number++);
    return new Commit(at, repo, author, sha, List.of(), sig, sig, List.of(), List.of());
  }

  @Test
  void contributionBeforeTheStarDoesNotCountAfterwardsDoes() {
    CohortConfidenceResult r =
        run(
            metric(),
            List.of(
                comment("early", REPO, day(9)), star("early", REPO, day(10)),
                star("late", REPO, day(10)), comment("late", REPO, day(11)),
                star("never", REPO, day(10))));
    assertEquals(3, r.cohort());
    assertEquals(1, r.converters());
    assertEquals(Actor.github("late"), r.conversions().get(0).person());
    assertEquals(Duration.ofDays(1), r.conversions().get(0).delay());
    assertEquals(1.0 / 3, r.rate().getAsDouble(), 1e-15);
  }

  @Test
  void contributionAtTheInstantOfTheStarCounts() {
    CohortConfidenceResult r = run(metric(), List.of(star("a", REPO, day(10)), issue("a", REPO, day(10))));
    assertEquals(1, r.converters());
    assertEquals(Duration.ZERO, r.conversions().get(0).delay());
  }

  @Test
  void horizonIsHalfOpen() {
    Instant f = day(10);
    CohortConfidenceResult r =
        run(
            metric(),
            List.of(
                star("in", REPO, f), comment("in", REPO, f.plus(H).minusNanos(1)),
                star("out", REPO, f), comment("out", REPO, f.plus(H))));
    assertEquals(2, r.cohort());
    assertEquals(1, r.converters());
    assertEquals(Actor.github("in"), r.conversions().get(0).person());
  }

  @Test
  void firstStarDecidesCohortMembership() {
    // Starred before the window, again inside it: not in the cohort.
    CohortConfidenceResult r =
        run(
            metric(),
            List.of(
                star("old", REPO, T0.minusSeconds(1)),
                new Fork(day(5), REPO, Actor.github("old"), Optional.empty()),
                comment("old", REPO, day(6)),
                new Fork(day(5), REPO, Actor.github("forker"), Optional.empty()),
                star("forker", REPO, day(50)),
                comment("forker", REPO, day(40))));
    assertEquals(1, r.cohort());
    // The forker's first interaction is the fork at day 5; the comment at day 40 is 35 days later.
    assertEquals(0, r.converters());
    // The star at the window's end is outside it.
    CohortConfidenceResult atEnd = run(metric(), List.of(star("x", REPO, WINDOW.end()), comment("x", REPO, WINDOW.end())));
    assertEquals(0, atEnd.cohort());
  }

  @Test
  void censoredMembersAreLeftOutUnlessCounted() {
    // asOf = day 200: a star later than day 170 has not had its 30 days.
    Window w = Window.startingAt(T0, Duration.ofDays(200));
    Instant asOf = day(200);
    CohortConfidence m = metric().withWindow(w, asOf);
    List<Event> events =
        List.of(
            star("complete", REPO, day(170)), comment("complete", REPO, day(199)), // exactly asOf - H
            star("cut", REPO, day(171)), comment("cut", REPO, day(175)), // converted, but censored
            star("cutQuiet", REPO, day(180)),
            star("done", REPO, day(100)));
    CohortConfidenceResult left = run(m, events);
    assertEquals(2, left.cohort());
    assertEquals(2, left.censored());
    assertEquals(1, left.converters());
    assertEquals(0.5, left.rate().getAsDouble());
    CohortConfidenceResult counted = run(m.withCensoredCounted(true), events);
    assertEquals(4, counted.cohort());
    assertEquals(2, counted.censored());
    assertEquals(2, counted.converters());
    assertTrue(counted.censoredCounted());
    // Contributions at or after asOf never count, even when censored people are counted.
    CohortConfidenceResult late = run(m.withCensoredCounted(true), List.of(star("z", REPO, day(190)), comment("z", REPO, asOf)));
    assertEquals(0, late.converters());
  }

  @Test
  void organizationScopeCoversEveryRepositoryOfTheOwner() {
    List<Event> events =
        List.of(
            star("a", SIBLING, day(1)), comment("a", REPO, day(2)),
            star("b", REPO, day(1)), comment("b", FOREIGN, day(2)),
            star("c", FOREIGN, day(1)), comment("c", FOREIGN, day(2)),
            // d's first org interaction is the sibling star on day 1, so the REPO star doesn't restart it.
            star("d", SIBLING, day(1)), star("d", REPO, day(20)), comment("d", REPO, day(40)));
    CohortConfidenceResult org =
        run(metric().withScope(RepositoryScope.organization(Forge.GITHUB, "ACME")), events);
    assertEquals(3, org.cohort());
    assertEquals(1, org.converters());
    assertEquals(Actor.github("a"), org.conversions().get(0).person());
    CohortConfidenceResult repo = run(metric(), events);
    assertEquals(2, repo.cohort()); // b and d
    assertEquals(1, repo.converters()); // d: star day 20, comment day 40
    assertEquals(Actor.github("d"), repo.conversions().get(0).person());
  }

  @Test
  void botsAreExcludedByDefault() {
    Actor bot = Actor.github("renovate[bot]").withKind(ActorKind.BOT);
    List<Event> events =
        List.of(
            new Star(day(1), REPO, bot), new IssueOpened(day(2), REPO, bot, 99, Optional.empty()),
            star("human", REPO, day(1)));
    CohortConfidenceResult r = run(metric(), events);
    assertEquals(1, r.cohort());
    assertEquals(0, r.converters());
    CohortConfidenceResult withBots = run(metric().withBotsExcluded(false), events);
    assertEquals(2, withBots.cohort());
    assertEquals(1, withBots.converters());
  }

  @Test
  void identityJoinsALoginAndAnEmailAddress() {
    Actor account =
        new Actor(
            Forge.GITHUB, Optional.of("carol"), OptionalLong.of(7), Optional.of("Carol Danvers"),
            List.of("carol@example.org"), ActorKind.USER);
    Actor gitIdentity = Actor.git("Carol Danvers", "carol@example.org");
    CohortConfidenceResult r = run(metric(), List.of(new Star(day(1), REPO, account), commit(gitIdentity, REPO, day(3))));
    assertEquals(1, r.cohort());
    assertEquals(1, r.converters());
    assertEquals(Duration.ofDays(2), r.conversions().get(0).delay());
    // Without commits as a contribution type, nothing converts.
    CohortConfidenceResult noCommits =
        run(
            metric().withContributionTypes(Set.of(ContributionType.COMMENT)),
            List.of(new Star(day(1), REPO, account), commit(gitIdentity, REPO, day(3))));
    assertEquals(0, noCommits.converters());
  }

  @Test
  void delayDistributionAndInterval() {
    // Four converters with delays 1, 2, 3, 4 days and one non-converter.
    CohortConfidenceResult r =
        run(
            metric(),
            List.of(
                star("a", REPO, day(1)), comment("a", REPO, day(2)),
                star("b", REPO, day(1)), comment("b", REPO, day(3)),
                star("c", REPO, day(1)), comment("c", REPO, day(4)),
                star("d", REPO, day(1)), comment("d", REPO, day(5)),
                star("e", REPO, day(1))));
    assertEquals(5, r.cohort());
    assertEquals(4, r.converters());
    // Type 7: median h = 3 * 0.5 = 1.5 -> 2 d + 0.5 d; p90 h = 2.7 -> 3 d + 0.7 d.
    assertEquals(Optional.of(Duration.ofHours(60)), r.delays().median());
    assertEquals(Optional.of(Duration.ofDays(3).plus(Duration.ofMinutes(Math.round(0.7 * 1440)))), r.delays().p90());
    assertEquals(Optional.of(Duration.ofDays(1)), r.delays().min());
    assertEquals(Optional.of(Duration.ofDays(4)), r.delays().max());
    ProportionInterval ci = r.interval().orElseThrow();
    assertEquals(IntervalMethod.WILSON, ci.method());
    assertEquals(ProportionInterval.of(IntervalMethod.WILSON, 4, 5, 0.95), ci);
    assertTrue(ci.contains(0.8));
  }

  @Test
  void emptyCohortHasNoRate() {
    CohortConfidenceResult r = run(metric(), List.of(comment("a", REPO, day(1))));
    assertEquals(0, r.cohort());
    assertTrue(r.rate().isEmpty());
    assertTrue(r.interval().isEmpty());
    assertTrue(r.delays().median().isEmpty());
  }

  @Test
  void quantilesOfElevenDelays() {
    List<Duration> d = new java.util.ArrayList<>();
    for (int h = 10; h >= 0; h--) {
      d.add(Duration.ofHours(h));
    }
    DelayDistribution dist = DelayDistribution.of(d);
    // h = 10 * 0.5 = 5 and 10 * 0.9 = 9 exactly: the 6th and 10th smallest.
    assertEquals(Optional.of(Duration.ofHours(5)), dist.median());
    assertEquals(Optional.of(Duration.ofHours(9)), dist.p90());
    assertEquals(Duration.ofHours(0), dist.delays().get(0));
    // Two values: the median is the midpoint, rounded half up to the nanosecond.
    DelayDistribution two = DelayDistribution.of(List.of(Duration.ZERO, Duration.ofNanos(3)));
    assertEquals(Optional.of(Duration.ofNanos(2)), two.median());
  }

  @Test
  void wilsonAndClopperPearsonMatchIndependentValues() {
    // Wilson 95 % for 7/20: (0.18119, 0.56715), from the closed form evaluated separately in
    // Python with statistics.NormalDist (z = 1.959964), not copied from this code's output.
    ProportionInterval w = ProportionInterval.of(IntervalMethod.WILSON, 7, 20, 0.95);
    assertEquals(0.1811918241010821, w.lower(), 1e-9);
    assertEquals(0.5671457233147637, w.upper(), 1e-9);
    // Clopper-Pearson 95 %: 0/10 -> [0, 1 - 0.025^(1/10)] = [0, 0.308497]; 10/10 -> [0.025^(1/10),
    // 1] = [0.691503, 1] (closed forms); 3/10 -> [0.066739, 0.652453], found by bisection on
    // the binomial tails P(X >= 3) = 0.025 and P(X <= 3) = 0.025 in Python, matching the
    // usual tables' 0.0667-0.6525.
    ProportionInterval none = ProportionInterval.of(IntervalMethod.CLOPPER_PEARSON, 0, 10, 0.95);
    assertEquals(0.0, none.lower());
    assertEquals(1 - Math.pow(0.025, 0.1), none.upper(), 1e-9);
    assertEquals(0.3084971078187607, none.upper(), 1e-9);
    ProportionInterval all = ProportionInterval.of(IntervalMethod.CLOPPER_PEARSON, 10, 10, 0.95);
    assertEquals(0.6915028921812392, all.lower(), 1e-9);
    assertEquals(1.0, all.upper());
    ProportionInterval three = ProportionInterval.of(IntervalMethod.CLOPPER_PEARSON, 3, 10, 0.95);
    assertEquals(0.06673951117773441, three.lower(), 1e-9);
    assertEquals(0.6524528500599973, three.upper(), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> ProportionInterval.of(IntervalMethod.WILSON, 3, 0, 0.95));
    assertThrows(IllegalArgumentException.class, () -> ProportionInterval.of(IntervalMethod.WILSON, 3, 10, 1.0));
  }

  @Test
  void mergedSlicesEqualTheWholeAcrossRepositoriesAndTime() {
    Actor account =
        new Actor(
            Forge.GITHUB, Optional.of("carol"), OptionalLong.empty(), Optional.of("Carol"),
            List.of("carol@example.org"), ActorKind.USER);
    List<Event> events =
        List.of(
            comment("a", SIBLING, day(3)), star("a", REPO, day(10)), comment("a", SIBLING, day(12)),
            comment("a", REPO, day(15)),
            star("b", SIBLING, day(20)), star("b", REPO, day(5)), issue("b", SIBLING, day(6)),
            new Star(day(30), SIBLING, account), commit(Actor.git("Carol", "carol@example.org"), REPO, day(31)),
            star("old", REPO, day(-3)), comment("old", REPO, day(4)));
    EventStore whole = EventStore.of(events);
    People people = People.resolve(whole);
    CohortConfidence m = metric().withScope(RepositoryScope.organization(Forge.GITHUB, "acme"));
    State all = m.accumulate(whole, people);
    State byRepo = m.merge(m.accumulate(whole.slice(REPO), people), m.accumulate(whole.slice(SIBLING), people));
    State byTime =
        m.merge(
            m.accumulate(whole.slice(new Window(Instant.MIN, day(11))), people),
            m.accumulate(whole.slice(new Window(day(11), Instant.MAX)), people));
    assertEquals(all, byRepo);
    assertEquals(all, byTime);
    CohortConfidenceResult r = m.finish(all);
    // a: star day 10, first contribution at/after it day 12 (sibling); b: first star day 5, issue
    // day 6; carol: star day 30, commit day 31; old: starred before the window.
    assertEquals(3, r.cohort());
    assertEquals(3, r.converters());
    assertEquals(
        List.of(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(2)), r.delays().delays());
  }

  @Test
  void argumentsAreChecked() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CohortConfidence.defaults(RepositoryScope.of(REPO), WINDOW, WINDOW.end().minusNanos(1)));
    assertThrows(IllegalArgumentException.class, () -> metric().withHorizon(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> metric().withContributionTypes(Set.of()));
    assertThrows(IllegalArgumentException.class, () -> metric().withInterval(IntervalMethod.WILSON, 0));
    assertThrows(IllegalArgumentException.class, () -> RepositoryScope.organization(Forge.GITHUB, "a/b"));
  }
}
