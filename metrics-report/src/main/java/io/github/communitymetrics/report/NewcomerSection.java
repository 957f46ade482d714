package io.github.communitymetrics.report;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.Concentration;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.newcomers.Journey;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerExperience;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerStaying;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerWelcomers;
import io.github.communitymetrics.core.metrics.newcomers.ResponseTimes;
import io.github.communitymetrics.core.metrics.newcomers.Staying;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import io.github.communitymetrics.core.metrics.retention.SurvivalStep;
import io.github.communitymetrics.core.registry.Evaluated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * "Do newcomers feel welcome?": one repository's newcomers drawn from the results the portfolio
 * already holds ({@code newcomer-experience}, {@code newcomer-staying}, {@code
 * newcomer-welcomers}), so the section costs no second computation. Its charts: the funnel from a
 * first contribution to a second one and to ladder rung D2, the wait for a first human answer of
 * the newcomers' first issues and pull requests against the established contributors' (Kaplan-
 * Meier), and the welcomers' shares of the welcomes.
 */
public final class NewcomerSection {
  /** The section's question. */
  public static final String QUESTION = "Do newcomers feel welcome?";

  /** How many welcomers get a bar of their own; the others share one. */
  static final int WELCOMER_BARS = 8;

  private NewcomerSection() {}

  /**
   * The section of one repository's results, or empty when the results lack one of the three
   * metrics (a registry without them).
   *
   * @param results the repository's evaluated metrics (a {@link Portfolio.Entry}'s)
   * @param label the name shown for a person key
   */
  public static Optional<Section> of(List<Evaluated<?>> results, Function<Actor, String> label) {
    Objects.requireNonNull(label, "label");
    Optional<NewcomerExperience.Result> x = find(results, NewcomerExperience.Result.class);
    Optional<NewcomerStaying.Result> s = find(results, NewcomerStaying.Result.class);
    Optional<NewcomerWelcomers.Result> w = find(results, NewcomerWelcomers.Result.class);
    if (x.isEmpty() || s.isEmpty() || w.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(section(x.get(), s.get(), w.get(), label));
  }

  private static <R> Optional<R> find(List<Evaluated<?>> results, Class<R> type) {
    return results.stream().map(Evaluated::result).filter(type::isInstance).map(type::cast).findFirst();
  }

  static Section section(
      NewcomerExperience.Result x, NewcomerStaying.Result s, NewcomerWelcomers.Result w, Function<Actor, String> label) {
    List<Journey> newcomers = x.journeys().newcomers();
    if (newcomers.isEmpty()) {
      return new Section(QUESTION,
          "no data: nobody's first contribution to the repository falls in the window", "", preset(s), List.of());
    }
    List<Chart> charts = new ArrayList<>();
    charts.add(funnel(newcomers));
    List<SurvivalComparisonChart.Curve> curves = new ArrayList<>();
    curve(curves, "newcomers' first issues and pull requests", x.items());
    curve(curves, "established contributors' issues and pull requests", x.establishedItems());
    if (!curves.isEmpty()) {
      charts.add(new SurvivalComparisonChart(
          "Waiting for a first human answer (Kaplan-Meier): share still waiting", "hours since opened", curves));
    }
    if (w.welcomes().total() > 0) {
      charts.add(welcomers(w.welcomes(), label));
    }
    return new Section(QUESTION, answer(x, s, w), "", preset(s), charts);
  }

  private static String preset(NewcomerStaying.Result s) {
    return "CHAOSS DEI Newcomer Experience, Time to First Response; quick answer within "
        + s.quickResponse().toHours() + " hours; no published levels";
  }

  /** The headline: newcomers, their median wait against the established, staying, welcomers. */
  static String answer(NewcomerExperience.Result x, NewcomerStaying.Result s, NewcomerWelcomers.Result w) {
    Staying all = s.all();
    return x.journeys().newcomers().size() + " newcomers; median wait for a first human answer "
        + hours(x.items()) + " (established contributors: " + hours(x.establishedItems()) + "); back within 90 days: "
        + percent(all.within(Staying.NINETY_DAYS).isPresent() ? Optional.of(all.within(Staying.NINETY_DAYS).getAsDouble()) : Optional.empty())
        + "; " + w.welcomes().ranking().size() + " people welcomed them";
  }

  private static String hours(ResponseTimes t) {
    if (t.items() == 0) {
      return "no data (no item)";
    }
    Optional<Duration> m = t.median();
    return m.map(d -> String.format(Locale.ROOT, "%.1f h", d.getSeconds() / 3600.0))
        .orElse("no data (over half still waiting)");
  }

  private static String percent(Optional<Double> v) {
    return v.map(x -> String.format(Locale.ROOT, "%.0f%%", 100 * x)).orElse("no data");
  }

  /** Newcomers, those who came back, those who reached D2: a funnel of three bars. */
  static BarChart funnel(List<Journey> newcomers) {
    long back = newcomers.stream().filter(j -> j.secondContribution().isPresent()).count();
    long d2 = newcomers.stream().filter(j -> j.reachedD2().isPresent()).count();
    // Short labels: the chart cuts long ones; the title and the page's note say what they count.
    return new BarChart("Newcomers: arrived (first contribution), came back (a second, to another item), reached D2", "people",
        List.of(
            new Bar("arrived: " + newcomers.size(), newcomers.size()),
            new Bar("came back: " + back, back),
            new Bar("reached D2: " + d2, d2)));
  }

  private static void curve(List<SurvivalComparisonChart.Curve> curves, String label, ResponseTimes t) {
    if (t.items() == 0) {
      return;
    }
    SurvivalCurve km = t.curve();
    List<SurvivalChart.Point> points = new ArrayList<>();
    for (SurvivalStep step : km.steps()) {
      // Where the band is undefined (S = 0) none is drawn, as in the report's survival chart.
      points.add(new SurvivalChart.Point(step.time() / 3600.0, step.survival(),
          step.lower().orElse(step.survival()), step.upper().orElse(step.survival())));
    }
    curves.add(new SurvivalComparisonChart.Curve(
        label + " (" + t.items() + ", " + t.waiting() + " still waiting)", points));
  }

  /** The top welcomers' welcomes, then everyone else's together. */
  static BarChart welcomers(Concentration<Actor> c, Function<Actor, String> label) {
    List<Bar> bars = new ArrayList<>();
    List<Ranked<Actor>> ranking = c.ranking();
    long rest = 0;
    int others = 0;
    for (int i = 0; i < ranking.size(); i++) {
      Ranked<Actor> r = ranking.get(i);
      if (i < WELCOMER_BARS) {
        bars.add(new Bar(label.apply(r.key()) + String.format(Locale.ROOT, " (%.0f%%)", 100 * r.share()), r.count()));
      } else {
        rest += r.count();
        others++;
      }
    }
    if (others > 0) {
      bars.add(new Bar(others + " others" + String.format(Locale.ROOT, " (%.0f%%)", 100.0 * rest / c.total()), rest));
    }
    return new BarChart("Who welcomes newcomers: first answers and reviews of their first issue or pull request",
        "newcomers welcomed", bars);
  }
}
