package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.Concentration;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Dependency;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Locality;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.Parameter;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.Unit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who welcomes the newcomers: the people who gave a newcomer's first issue or first pull request
 * its first human answer, or its first pull request its first review. A welcome is one (newcomer,
 * person) pair, so someone who answered both a newcomer's first issue and first pull request
 * welcomed them once. Their shares, and how concentrated the welcoming is: the share of the top k,
 * the Gini coefficient over the welcomers, and the CHAOSS absence factor over welcomes (the fewest
 * people holding more than half of them: the load on the few).
 */
public final class NewcomerWelcomers extends MetricDescriptor<NewcomerWelcomers.Result> {
  /** The registered instance ({@code StandardMetrics.NEWCOMER_WELCOMERS}). */
  public static final NewcomerWelcomers INSTANCE = new NewcomerWelcomers();

  private NewcomerWelcomers() {
    super(
        "newcomer-welcomers",
        "Who welcomes the newcomers?",
        "The people who gave the newcomers of the window the first human answer on their first"
            + " issue or pull request, or the first review of their first pull request; how"
            + " many newcomers each welcomed, and how few people carry the welcoming.",
        "newcomerWelcomers",
        List.of(
            new Preset("chaoss", "CHAOSS Time to First Response (responders) and contributor absence factor over welcomes")
                .definedAt("https://github.com/chaoss/wg-metrics-development/blob/main/focus-areas/time/time-to-first-response.md")
                .withGuidance(
                    "Welcoming spread over many people is more resilient: a low top-k share and Gini"
                        + " and a higher absence factor are better. CHAOSS publishes no levels.")),
        List.of(new Parameter("top", Parameter.Kind.INTEGER, "3", "people", "k of the top-k share")),
        List.of(
            new MeasurementSpec("welcomers", Unit.PEOPLE, "people who welcomed at least one newcomer"),
            new MeasurementSpec("welcomes", Unit.COUNT, "welcomes: (newcomer, person) pairs"),
            new MeasurementSpec("welcomedShare", Unit.FRACTION, "newcomers with an issue or pull request who got a human answer or review on their first one"),
            new MeasurementSpec("absenceFactor", Unit.PEOPLE, "the fewest welcomers holding more than half the welcomes"),
            new MeasurementSpec("factorShare", Unit.FRACTION, "the share of the welcomes carried by the absence factor's members: the load on the few"),
            new MeasurementSpec("topShare", Unit.FRACTION, "the share of the welcomes by the top k welcomers"),
            new MeasurementSpec("gini", Unit.FRACTION, "Gini coefficient of the welcomes per welcomer (0 even, towards 1 one person)")),
        Locality.HISTORY);
  }

  /**
   * The result.
   *
   * @param journeys every newcomer's journey
   * @param top k of the top-k share
   * @param welcomes welcomes per person, ranked, with the absence factor (more than half)
   * @param withFirstItem newcomers who opened an issue or pull request
   * @param welcomed of those, how many got a first human answer or review on their first ones
   */
  public record Result(Journeys journeys, int top, Concentration<Actor> welcomes, int withFirstItem, int welcomed) {
    /** Checks the components. */
    public Result {
      Checks.notNull(journeys, "journeys");
      Checks.positive(top, "top");
      Checks.notNull(welcomes, "welcomes");
      Checks.argument(welcomed >= 0 && welcomed <= withFirstItem, "need 0 <= welcomed <= withFirstItem");
    }

    /** The share of the welcomes by the top k welcomers; empty without welcomes. */
    public OptionalDouble topShare() {
      List<Ranked<Actor>> r = welcomes.ranking();
      return r.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(r.get(Math.min(top, r.size()) - 1).cumulativeShare());
    }

    /** The share of the welcomes by the absence factor's members: the load on the few. */
    public OptionalDouble loadOnFactor() {
      return welcomes.factor() == 0 ? OptionalDouble.empty() : OptionalDouble.of(welcomes.ranking().get(welcomes.factor() - 1).cumulativeShare());
    }

    /**
     * The Gini coefficient of the welcomes per welcomer (people with at least one): {@code 2
     * sum(i x_i) / (n sum x) - (n + 1) / n} over the counts in increasing order, i from 1; 0 for
     * one welcomer; empty without welcomes.
     */
    public OptionalDouble gini() {
      return gini(welcomes.ranking().stream().mapToLong(Ranked::count).toArray());
    }

    static OptionalDouble gini(long[] counts) {
      int n = counts.length;
      if (n == 0) {
        return OptionalDouble.empty();
      }
      long[] x = counts.clone();
      Arrays.sort(x);
      double weighted = 0;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        weighted += (i + 1) * (double) x[i];
        sum += x[i];
      }
      return OptionalDouble.of(Math.max(0, 2 * weighted / (n * sum) - (n + 1.0) / n));
    }
  }

  /** The people who welcomed a newcomer: first answers of the first issue and PR, first review. */
  public static Set<Actor> welcomers(Journey j) {
    Set<Actor> out = new TreeSet<>();
    j.firstIssue().flatMap(FirstItem::firstResponse).ifPresent(w -> out.add(w.person()));
    j.firstPullRequest().flatMap(FirstItem::firstResponse).ifPresent(w -> out.add(w.person()));
    j.firstPullRequest().flatMap(FirstItem::firstReview).ifPresent(w -> out.add(w.person()));
    return out;
  }

  /** What this metric makes of the journeys. */
  record View(int top) implements Derived.View<Result> {
    @Override
    public Result of(Journeys j) {
      Map<Actor, Long> counts = new HashMap<>();
      int withItem = 0;
      int welcomed = 0;
      for (Journey x : j.newcomers()) {
        if (x.firstItem().isEmpty()) {
          continue;
        }
        withItem++;
        Set<Actor> w = welcomers(x);
        welcomed += w.isEmpty() ? 0 : 1;
        w.forEach(p -> counts.merge(p, 1L, Long::sum));
      }
      return new Result(
          j, top, Concentration.of(counts, ShareRule.MORE_THAN_HALF, Comparator.naturalOrder()), withItem, welcomed);
    }
  }

  /** Who answered newcomers first, from the repository's history; the measurements do not censor at as-of. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, Result> metric(Evaluation e) {
    return metric(e, ContributionType.ANY);
  }

  /** This metric with newcomers found by their first contribution of {@code type}. */
  public SliceMetric<?, Result> metric(Evaluation e, ContributionType type) {
    int top = e.integer(this, "top");
    Checks.argument(top > 0, "newcomer-welcomers.top must be positive: " + top);
    return new Derived<>(Mentorship.engine(e, type), new View(top));
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    String p = preset().name();
    Concentration<Actor> c = r.welcomes();
    long total = c.total();
    return List.of(
        Measurement.of(id(), "welcomers", Unit.PEOPLE, c.ranking().size(), r.withFirstItem(), p),
        Measurement.of(id(), "welcomes", Unit.COUNT, total, r.withFirstItem(), p),
        Measurement.of(id(), "welcomedShare", Unit.FRACTION, r.withFirstItem() == 0 ? 0 : (double) r.welcomed() / r.withFirstItem(), r.withFirstItem(), p),
        Measurement.of(id(), "absenceFactor", Unit.PEOPLE, c.factor(), total, p),
        Measurement.of(id(), "factorShare", Unit.FRACTION, r.loadOnFactor(), total, p),
        Measurement.of(id(), "topShare", Unit.FRACTION, r.topShare(), total, p),
        Measurement.of(id(), "gini", Unit.FRACTION, r.gini(), total, p));
  }
}
