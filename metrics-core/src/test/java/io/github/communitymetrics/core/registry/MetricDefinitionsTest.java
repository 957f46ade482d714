package io.github.communitymetrics.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependency;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryLevel;
import io.github.communitymetrics.core.metrics.confidence.ConfidenceLevel;
import io.github.communitymetrics.core.metrics.retention.PeriodRetention;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * What the registry tells people about each standard metric (a description, where the definition
 * is published, what good looks like, the published levels) is there for all of them, and the
 * levels it shows are the ones the metrics' code applies.
 */
class MetricDefinitionsTest {
  private static final Instant AS_OF = Instant.parse("2025-07-01T00:00:00Z");
  private static final Evaluation EVALUATION =
      Evaluation.of(
          RepositoryScope.of(Repository.github("acme/widget")),
          Window.endingAt(AS_OF, Duration.ofDays(91)));

  @Test
  void everyStandardMetricSaysWhatItMeansWhereItIsDefinedAndWhatGoodLooksLike() {
    List<MetricDescriptor<?>> all = MetricRegistry.standard().metrics();
    assertEquals(27, all.size());
    for (MetricDescriptor<?> d : all) {
      String description = d.description().orElseThrow(() -> new AssertionError(d.id() + ": no description"));
      assertTrue(description.length() > 60, d.id() + ": a description, not a title: " + description);
      Preset p = d.preset();
      assertTrue(p.guidance().isPresent(), d.id() + ": no guidance");
      // Every published definition has its address; cohort confidence is this project's own.
      assertEquals(!d.id().equals("cohort-confidence"), p.definition().isPresent(), d.id() + ": " + p.definition());
      p.definition().ifPresent(u -> assertEquals("https", u.getScheme(), d.id()));
    }
  }

  @Test
  void theScalesShownAreTheOnesTheMetricsApply() {
    checkScale(StandardMetrics.LOTTERY_FACTOR, "factor", 1, 40,
        f -> Optional.of(LotteryLevel.ofFactor((int) f).name().toLowerCase(Locale.ROOT).replace('_', '-')));
    checkScale(StandardMetrics.CONTRIBUTOR_DEPENDENCY, "factor", 1, 40,
        f -> points(ContributorDependency.points((int) f)));
    checkScale(StandardMetrics.ELEPHANT_FACTOR, "factor", 1, 40,
        f -> points(ElephantFactor.points((int) f)));
    checkScale(StandardMetrics.CONTRIBUTOR_CONFIDENCE, "percent", 0, 100,
        p -> Optional.of(ConfidenceLevel.ofPercent((int) p).name().toLowerCase(Locale.ROOT)));
    // Retention percents are not whole: step by a quarter percent across every bin edge.
    Scale retention = scale(StandardMetrics.RETENTION, "retentionPercent");
    for (double percent = 0; percent <= 100; percent += 0.25) {
      assertEquals(
          points(OptionalInt.of(PeriodRetention.lfxPoints(percent))),
          retention.bandOf(percent).map(Band::label),
          "retention " + percent + " %");
    }
  }

  /** The "5 pts" of the summary is explained: each band says how many people earn it. */
  @Test
  void bandsReadAsPeopleSayThem() {
    Scale lfx = scale(StandardMetrics.CONTRIBUTOR_DEPENDENCY, "factor");
    assertEquals(
        List.of("1", "2", "3\u20134", "5\u20136", "7\u20139", "10 or more"),
        lfx.bands().stream().map(b -> b.range(lfx.wholeNumbers())).toList());
    assertEquals("5 pts", lfx.bands().get(5).label());
    Scale retention = scale(StandardMetrics.RETENTION, "retentionPercent");
    assertEquals(
        List.of("below 3", "3 to under 6", "6 to under 10", "10 to under 15", "15 to under 20", "20 or more"),
        retention.bands().stream().map(b -> b.range(false)).toList());
  }

  @Test
  void scalesAndPresetsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> Band.between(3, 3, "x", "empty"));
    assertThrows(IllegalArgumentException.class,
        () -> new Scale("gap", "factor", true, List.of(Band.between(1, 2, "a", "a"), Band.atLeast(3, "b", "b"))));
    assertThrows(IllegalArgumentException.class, () -> new Preset("p", "s").definedAt("file:///etc/passwd"));
    // A scale must rate a measurement the metric yields.
    Preset wrong =
        new Preset("custom", "a test").withScale(new Scale("s", "nope", true, List.of(Band.atLeast(0, "a", "a"))));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new NewNameMetric(wrong));
    assertTrue(e.getMessage().contains("rates nope"), e.getMessage());
  }

  @Test
  void describedWindowsAreThePresetsOwn() {
    assertEquals(Window.endingAt(AS_OF, Duration.ofDays(91)),
        StandardMetrics.CONTRIBUTOR_ABSENCE_FACTOR.describedWindow(EVALUATION));
    assertEquals(Window.endingAt(AS_OF, Duration.ofDays(30)),
        StandardMetrics.LOTTERY_FACTOR.describedWindow(EVALUATION));
    assertEquals(new Window(AS_OF.atZone(ZoneOffset.UTC).minusMonths(24).toInstant(), AS_OF),
        StandardMetrics.PONY_FACTOR.describedWindow(EVALUATION));
    assertEquals(new Window(AS_OF.atZone(ZoneOffset.UTC).minusMonths(24).toInstant(), AS_OF),
        StandardMetrics.RETENTION.describedWindow(EVALUATION));
    // OpenSauced caps its range at 90 days.
    assertEquals(Window.endingAt(AS_OF, Duration.ofDays(90)),
        StandardMetrics.CONTRIBUTOR_CONFIDENCE.describedWindow(EVALUATION));
    // The cohort window (91 days) ends one horizon (90 days) before the as-of instant.
    assertEquals(new Window(AS_OF.minus(Duration.ofDays(181)), AS_OF),
        StandardMetrics.COHORT_CONFIDENCE.describedWindow(EVALUATION));
  }

  private static Optional<String> points(OptionalInt p) {
    return p.isPresent() ? Optional.of(p.getAsInt() + (p.getAsInt() == 1 ? " pt" : " pts")) : Optional.empty();
  }

  private static Scale scale(MetricDescriptor<?> d, String measurement) {
    List<Scale> scales = d.preset().scales().stream().filter(s -> s.measurement().equals(measurement)).toList();
    assertEquals(1, scales.size(), d.id() + " scales of " + measurement);
    return scales.get(0);
  }

  private static void checkScale(
      MetricDescriptor<?> d, String measurement, int from, int to, DoubleFunction<Optional<String>> code) {
    Scale s = scale(d, measurement);
    assertTrue(s.wholeNumbers(), d.id());
    for (int v = from; v <= to; v++) {
      assertEquals(code.apply(v), s.bandOf(v).map(Band::label), d.id() + " at " + v);
    }
    assertFalse(s.bands().isEmpty());
  }

  /** A metric whose preset's scale names a measurement it does not yield. */
  private static final class NewNameMetric extends MetricDescriptor<io.github.communitymetrics.core.metrics.newcomers.NewContributors.Result> {
    NewNameMetric(Preset preset) {
      super("bad-scale", "title", "a description", "badScale", List.of(preset), List.of(),
          List.of(new MeasurementSpec("factor", Unit.PEOPLE, "people")), Locality.HISTORY);
    }

    @Override
    public io.github.communitymetrics.core.metrics.SliceMetric<?, io.github.communitymetrics.core.metrics.newcomers.NewContributors.Result> metric(Evaluation e) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Measurement> measure(io.github.communitymetrics.core.metrics.newcomers.NewContributors.Result r, Evaluation e) {
      return List.of();
    }
  }
}
