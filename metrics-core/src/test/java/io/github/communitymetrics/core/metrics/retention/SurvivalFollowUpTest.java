package io.github.communitymetrics.core.metrics.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contributor survival with people who have no follow-up yet: their first contribution lies within
 * the departure gap before the as-of instant, so not even a departure at duration 0 could have
 * been seen. They must be in no risk set.
 */
class SurvivalFollowUpTest {
  static final Repository REPO = Repository.github("acme/widget");
  static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");
  static final long DAY = 86_400;

  static IssueComment comment(Actor who, long secondsBeforeAsOf) {
    return new IssueComment(
        AS_OF.minusSeconds(secondsBeforeAsOf), REPO, who, 1, false, Optional.empty(), OptionalLong.empty());
  }

  /**
   * By hand, gap 100 days, durations in days:
   *
   * <pre>
   * a  one contribution 300 days before asOf        departed, 0
   * b  300 to 250 days before                       departed, 50
   * f  400 to 300 days before                       departed, 100
   * c  150 to 10 days before                        censored at 150 - 100 = 50
   * d  one contribution 50 days before              no follow-up (first within the gap)
   * e  20 to 5 days before                          no follow-up
   * </pre>
   *
   * t = 0: at risk a, b, c, f (4), 1 event: S = 3/4, Greenwood sum 1/(4*3) = 1/12.
   * t = 50: at risk b, c, f (3; c censored at 50 is still at risk), 1 event: S = 1/2, sum 1/12 +
   * 1/(3*2) = 1/4, SE = 1/2 * 1/2 = 1/4.
   * t = 100: at risk f (1), 1 event: S = 0; Greenwood's sum is infinite, so no SE and no band.
   * (With d and e at risk at t = 0, as before the fix, S(0) would be 5/6 and S(50) 5/9.)
   */
  @Test
  void handComputedCurveLeavesPeopleWithoutFollowUpOutOfEveryRiskSet() {
    Actor a = Actor.github("a");
    Actor b = Actor.github("b");
    Actor c = Actor.github("c");
    Actor d = Actor.github("d");
    Actor e = Actor.github("e");
    Actor f = Actor.github("f");
    List<Event> events = List.of(
        comment(a, 300 * DAY),
        comment(b, 300 * DAY), comment(b, 250 * DAY),
        comment(f, 400 * DAY), comment(f, 300 * DAY),
        comment(c, 150 * DAY), comment(c, 10 * DAY),
        comment(d, 50 * DAY),
        comment(e, 20 * DAY), comment(e, 5 * DAY));
    EventStore s = EventStore.of(events);
    Retention metric = Retention.lfx(new Window(AS_OF.minus(Duration.ofDays(730)), AS_OF))
        .withDepartureGap(Duration.ofDays(100));
    RetentionResult r = metric.compute(s, People.resolve(s));
    assertEquals(List.of(a, b, f), r.departed());
    assertEquals(List.of(c), r.censored());
    assertEquals(List.of(d, e), r.withoutFollowUp());
    SurvivalCurve km = r.survival();
    assertEquals(6, km.subjects());
    assertEquals(3, km.events());
    assertEquals(2, km.withoutFollowUp());
    assertEquals(4, km.followed());
    assertEquals(3, km.steps().size());

    SurvivalStep at0 = km.steps().get(0);
    assertEquals(0, at0.time());
    assertEquals(4, at0.atRisk());
    assertEquals(1, at0.events());
    assertEquals(0.75, at0.survival(), 1e-15);
    assertEquals(0.75 * Math.sqrt(1.0 / 12), at0.standardError().getAsDouble(), 1e-12);

    SurvivalStep at50 = km.steps().get(1);
    assertEquals(50 * DAY, at50.time());
    assertEquals(3, at50.atRisk());
    assertEquals(0.5, at50.survival(), 1e-15);
    assertEquals(0.25, at50.standardError().getAsDouble(), 1e-12);
    // log(-log) 95 % band: sd = sqrt(1/4) / |ln 1/2| = 0.72135; 0.5^exp(+-1.95996 * 0.72135).
    assertEquals(0.057847, at50.lower().getAsDouble(), 1e-6);
    assertEquals(0.844861, at50.upper().getAsDouble(), 1e-6);

    SurvivalStep at100 = km.steps().get(2);
    assertEquals(100 * DAY, at100.time());
    assertEquals(1, at100.atRisk());
    assertEquals(0.0, at100.survival());
    assertEquals(OptionalDouble.empty(), at100.standardError());
    assertEquals(OptionalDouble.empty(), at100.lower());
    assertEquals(OptionalDouble.empty(), at100.upper());
  }

  static LongStream seeds() {
    return LongStream.of(1, 2, 3);
  }

  static final int PEOPLE = 20_000;
  static final double MEAN_DAYS = 200;
  static final long GAP_DAYS = 180;

  /** The planted truth: half depart at 0+, the rest after an exponential time of mean 200 days. */
  static double truth(long days) {
    return 0.5 * Math.exp(-days / MEAN_DAYS);
  }

  /**
   * 20,000 simulated contributors, first contributions uniform over the 900 days before asOf (a
   * fifth of them within the 180-day gap), half one-time contributors and half with an exponential
   * duration of mean 200 days, contributing every 30 days (well within the gap, so the gap never
   * splits one person's activity) and at the end. Independent censoring by the first
   * contribution: the Kaplan-Meier estimate is consistent, so it must lie within 4 Greenwood
   * standard errors of the truth (a two-sided chance of about 6e-5 per point of failing by luck).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void simulatedSurvivalMatchesThePlantedTruth(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Event> events = new ArrayList<>();
    int withinGap = 0;
    for (int i = 0; i < PEOPLE; i++) {
      Actor who = Actor.github("p" + i);
      long firstBefore = DAY + rnd.nextLong(899 * DAY); // seconds before asOf, 1 to 900 days
      if (firstBefore < GAP_DAYS * DAY) {
        withinGap++;
      }
      long duration = rnd.nextBoolean()
          ? 0
          : Math.max(1, Math.round(-Math.log(1 - rnd.nextDouble()) * MEAN_DAYS * DAY));
      events.add(comment(who, firstBefore));
      for (long t = 30 * DAY; t < duration && firstBefore - t > 0; t += 30 * DAY) {
        events.add(comment(who, firstBefore - t));
      }
      if (duration > 0 && firstBefore - duration > 0) {
        events.add(comment(who, firstBefore - duration));
      }
    }
    EventStore s = EventStore.of(events);
    Retention metric = Retention.lfx(new Window(AS_OF.minus(Duration.ofDays(1000)), AS_OF))
        .withDepartureGap(Duration.ofDays(GAP_DAYS));
    RetentionResult r = metric.compute(s, People.resolve(s));
    SurvivalCurve km = r.survival();
    assertEquals(PEOPLE, km.subjects(), "seed " + seed);
    assertTrue(withinGap > PEOPLE / 10, "seed " + seed + ": the simulation must put people in the gap");
    assertEquals(withinGap, km.withoutFollowUp(), "seed " + seed);
    StringBuilder log = new StringBuilder("seed " + seed + ":");
    boolean ok = true;
    for (long days : new long[] {0, 30, 90, 180, 365}) {
      SurvivalStep st = km.at(days * DAY).orElseThrow();
      double se = st.standardError().getAsDouble();
      double truth = truth(days);
      log.append(String.format(
          java.util.Locale.ROOT, " S(%d) %.4f truth %.4f se %.4f;", days, st.survival(), truth, se));
      ok &= Math.abs(st.survival() - truth) <= 4 * se;
    }
    assertTrue(ok, log.toString());
  }
}
