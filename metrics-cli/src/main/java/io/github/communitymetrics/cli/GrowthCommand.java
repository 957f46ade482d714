package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.growth.Bursts;
import io.github.communitymetrics.core.metrics.growth.Growth;
import io.github.communitymetrics.core.metrics.growth.StarBursts;
import io.github.communitymetrics.core.metrics.growth.Trend;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.time.PeriodUnit;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;

/**
 * {@code growth}: for every repository of the input, new stargazers, forks, new contributors (of
 * any kind and of code) and active contributors per day, ISO week or month, with the cumulative
 * totals and the growth rate against the total before each period; the robust trend of one series
 * over the span; and the bursts of new stars.
 */
@Command(
    name = "growth",
    mixinStandardHelpOptions = true,
    description = {
      "Growth of every repository (or --repo's) per day, week or month (UTC): new stargazers (first"
          + " star per person), forks, new contributors (any kind; of code), active contributors,"
          + " the totals so far and the growth rate (new over the total before the period); the"
          + " Theil-Sen slope with its 95%% interval and the Mann-Kendall test of one series (--trend)"
          + " over the complete periods; the bursts of new stars (star-bursts: Bollinger bands) with"
          + " the share of each burst's stars by accounts first seen in it.",
      "No data is not zero: a kind the source does not record for a repository (a git clone's stars)"
          + " is \"no data\" (null in JSON), as is a growth rate with nothing before the period.",
      "Sources: --events FILE, --gharchive FILES or DIRS, --git DIR (repeatable) or --git-list"
          + " FILE (local clones), --github, --gitlab; default the simulated demo."
    })
final class GrowthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EventSource source;

  @Mixin GitClones clones;

  @Option(names = "--repo", paramLabel = "OWNER/NAME",
      description = "Only this repository (GH Archive input keeps only its events while parsing).")
  String repo;

  @Option(names = "--period", paramLabel = "day|week|month", defaultValue = "week",
      description = "The calendar period of the series, UTC; a week is an ISO week, Monday to Sunday"
          + " (default: ${DEFAULT-VALUE}).")
  String period;

  @Option(names = "--trend", paramLabel = "SERIES", defaultValue = "newStargazers",
      description = "The series whose trend is given: newStargazers, forks, newContributors,"
          + " newCodeContributors or activeContributors (default: ${DEFAULT-VALUE}).")
  String trend;

  @Option(names = "--burst-period", paramLabel = "PERIOD", defaultValue = "day",
      description = "The period of the burst detection, star-bursts' period parameter: hour, day,"
          + " week (ISO) or month, UTC (default: ${DEFAULT-VALUE}).")
  String burstPeriod;

  @Option(names = "--bands", paramLabel = "N",
      description = "The Bollinger bands' trailing window in periods (star-bursts' bands; default 20).")
  Integer bands;

  @Option(names = "--k", paramLabel = "K",
      description = "The Bollinger bands' width in standard deviations (star-bursts' k; default 2).")
  Double k;

  @Option(names = "--top", paramLabel = "N",
      description = "Keep the N repositories with the most new stargazers in the span.")
  Integer top;

  @Mixin SpanOutput output;

  @Override
  public Integer call() throws IOException {
    PeriodUnit unit =
        GrowthSeries.unit(period)
            .orElseThrow(() -> new ParameterException(
                spec.commandLine(), "--period must be day, week or month but was '" + period + "'"));
    GrowthSeries.Series series =
        GrowthSeries.Series.named(trend)
            .orElseThrow(() -> new ParameterException(
                spec.commandLine(), "--trend must be one of " + GrowthSeries.Series.names() + " but was '" + trend + "'"));
    if (top != null && top < 1) {
      throw new ParameterException(spec.commandLine(), "--top must be at least 1 but was " + top);
    }
    boolean asJson = output.isJson();
    SpanInput in = SpanInput.load(spec, source, clones, Optional.ofNullable(repo), output.asOf());
    Evaluation base = burstParameters(
        ScoreCommand.evaluation(in.span().end(), Duration.between(in.span().start(), in.span().end())));
    GrowthSeries result = new GrowthSeries(in.store(), in.people(), base, unit);
    List<Repository> kept = new ArrayList<>(result.repositories());
    if (repo != null) {
      kept.removeIf(r -> !r.fullName().equalsIgnoreCase(repo));
      if (kept.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--repo " + repo + ": no event of it in the input");
      }
    }
    if (top != null) {
      Map<Repository, Long> stars = new HashMap<>();
      kept.forEach(r -> stars.put(r, result.newStargazers(r).orElse(-1)));
      kept.sort(Comparator.comparing((Repository r) -> -stars.get(r)).thenComparing(result::name));
      kept = new ArrayList<>(kept.subList(0, Math.min(top, kept.size())));
      kept.sort(Comparator.comparing(result::name));
    }
    List<Repository> shown = kept;
    // Each repository's series is computed as it is written: a long span of many repositories
    // is never in memory at once.
    output.write(shown.size() + " repositories", out -> {
      try (ProgressTask task = ProgressOptions.of(spec).count("measuring growth", shown.size(), " repositories")) {
        Iterator<GrowthSeries.Repo> each = shown.stream().map(r -> {
          task.step(1);
          return result.of(r);
        }).iterator();
        if (asJson) {
          writeJson(out, in, result, each, series);
        } else {
          writeText(out, in, result, shown.size(), each, series);
        }
      }
    });
    return CommunityMetricsCli.EXIT_OK;
  }

  /** The star-bursts parameters of the options, checked by the metric itself. */
  private Evaluation burstParameters(Evaluation e) {
    try {
      Evaluation out = e.withParameter(StarBursts.INSTANCE, "period", burstPeriod.strip());
      if (bands != null) {
        out = out.withParameter(StarBursts.INSTANCE, "bands", String.valueOf(bands));
      }
      if (k != null) {
        out = out.withParameter(StarBursts.INSTANCE, "k", String.valueOf(k));
      }
      // The metric checks its parameters when configured: a period it does not take is a usage error.
      StarBursts.INSTANCE.metric(out);
      return out;
    } catch (IllegalArgumentException x) {
      throw new ParameterException(spec.commandLine(), "--burst-period, --bands, --k: " + x.getMessage());
    }
  }

  private static final String[] KINDS = {"stargazers", "forks", "contributors", "codeContributors"};

  private void writeText(
      PrintWriter out, SpanInput in, GrowthSeries result, int shown, Iterator<GrowthSeries.Repo> each,
      GrowthSeries.Series series) {
    out.println("Source: " + in.loaded().label());
    out.println("Span:   " + result.span().start() + " to " + result.span().end() + ", per "
        + GrowthSeries.word(result.unit()) + " (UTC)");
    out.println("Repositories: " + result.repositories().size() + ", showing " + shown);
    while (each.hasNext()) {
      GrowthSeries.Repo r = each.next();
      out.println();
      out.println(r.name() + "  (" + String.format(Locale.ROOT, "%,d", r.events()) + " events)");
      TextTable t =
          new TextTable(
              "Period", "New stars", "Stars", "Star growth", "Forks", "All forks", "Fork growth",
              "New contributors", "Contributors", "Contributor growth", "New code", "Code",
              "Code growth", "Active")
              .numeric(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
      for (GrowthSeries.Point p : r.points()) {
        List<Object> cells = new ArrayList<>();
        cells.add(p.period().label() + (p.complete() ? "" : " (partial)"));
        Growth.Result g = p.growth();
        addCount(cells, r, GrowthSeries.Series.NEW_STARGAZERS, g.stargazers());
        addCount(cells, r, GrowthSeries.Series.FORKS, g.forks());
        addCount(cells, r, GrowthSeries.Series.NEW_CONTRIBUTORS, g.contributors());
        addCount(cells, r, GrowthSeries.Series.NEW_CODE_CONTRIBUTORS, g.codeContributors());
        cells.add(text(r.value(GrowthSeries.Series.ACTIVE_CONTRIBUTORS, p)));
        t.row(cells.toArray());
      }
      t.print(out, "  ");
      out.println("  " + trendLine(r, series, result.unit()));
      burstLines(out, r);
    }
    if (in.loaded().simulated()) {
      out.println();
      out.println("(Simulated data: the numbers describe the demo community, not a real project.)");
    }
  }

  private static void addCount(List<Object> cells, GrowthSeries.Repo r, GrowthSeries.Series s, Growth.Count c) {
    boolean data = r.hasData(s);
    cells.add(data ? (Object) c.added() : "no data");
    cells.add(data ? (Object) c.total() : "no data");
    cells.add(data ? percent(c.rate()) : "no data");
  }

  private static String text(OptionalLong v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%,d", v.getAsLong()) : "no data";
  }

  private static String percent(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%+.1f%%", 100 * v.getAsDouble()) : "no data";
  }

  private static String trendLine(GrowthSeries.Repo r, GrowthSeries.Series s, PeriodUnit unit) {
    String word = GrowthSeries.word(unit);
    int n = r.trendPeriods();
    String head = "Trend of " + s.measurement + " over " + n + " complete " + word + (n == 1 ? "" : "s") + ": ";
    if (!r.hasData(s)) {
      return head + "no data (the input has no event of this kind of the repository)";
    }
    Optional<Trend> t = r.trend(s);
    if (t.isEmpty()) {
      return head + "no data (a trend needs at least " + Trend.MIN_PERIODS + " complete periods)";
    }
    Trend.TheilSen ts = t.get().theilSen();
    Trend.MannKendall mk = t.get().mannKendall();
    return head + String.format(
        Locale.ROOT,
        "Theil-Sen slope %.3f per %s (%.0f%% interval %.3f to %.3f); Mann-Kendall S %d, z %.3f, p %.4f",
        ts.slope(), word, 100 * ts.confidence(), ts.low(), ts.high(), mk.s(), mk.z(), mk.p());
  }

  private static void burstLines(PrintWriter out, GrowthSeries.Repo r) {
    StarBursts.Result b = r.bursts();
    String head = "Bursts of new stars (" + b.periods() + " periods of a " + b.unit().word() + ", " + b.tested() + " tested): ";
    if (b.stargazers() == 0) {
      out.println("  " + head + "no data (the input has no star of the repository)");
      return;
    }
    if (b.tested() == 0) {
      out.println("  " + head + "no data (no period has a full trailing window of the bands before it)");
      return;
    }
    out.println("  " + head + b.bursts().size());
    for (Bursts.Burst x : b.bursts()) {
      out.println(String.format(
          Locale.ROOT, "    %s to %s: %,d new stars, %,d by accounts first seen in the burst (%.1f%%)",
          x.window().start(), x.window().end(), x.size(), x.newAccountEvents(), 100 * x.newAccountShare()));
    }
  }

  private void writeJson(
      PrintWriter out, SpanInput in, GrowthSeries result, Iterator<GrowthSeries.Repo> each,
      GrowthSeries.Series series) {
    SpanOutput.json(out, in, g -> {
      g.writeStringProperty("period", GrowthSeries.word(result.unit()));
      g.writeStringProperty("trendOf", series.measurement);
      g.writeArrayPropertyStart("repositories");
      while (each.hasNext()) {
        GrowthSeries.Repo r = each.next();
        g.writeStartObject();
        g.writeStringProperty("name", r.name());
        g.writeNumberProperty("events", r.events());
        g.writeArrayPropertyStart("periods");
        for (GrowthSeries.Point p : r.points()) {
          point(g, r, p);
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("totals");
        for (GrowthSeries.Series s : GrowthSeries.Series.values()) {
          if (s != GrowthSeries.Series.ACTIVE_CONTRIBUTORS) {
            number(g, s.measurement, r.total(s));
          }
        }
        g.writeEndObject();
        trendJson(g, r, series);
        burstsJson(g, r.bursts());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  private static void point(JsonGenerator g, GrowthSeries.Repo r, GrowthSeries.Point p) {
    g.writeStartObject();
    g.writeStringProperty("period", p.period().label());
    g.writeStringProperty("start", p.window().start().toString());
    g.writeStringProperty("end", p.window().end().toString());
    g.writeBooleanProperty("complete", p.complete());
    Growth.Result x = p.growth();
    Growth.Count[] counts = {x.stargazers(), x.forks(), x.contributors(), x.codeContributors()};
    GrowthSeries.Series[] kinds = {
      GrowthSeries.Series.NEW_STARGAZERS, GrowthSeries.Series.FORKS,
      GrowthSeries.Series.NEW_CONTRIBUTORS, GrowthSeries.Series.NEW_CODE_CONTRIBUTORS
    };
    for (int i = 0; i < counts.length; i++) {
      boolean data = r.hasData(kinds[i]);
      g.writeObjectPropertyStart(KINDS[i]);
      number(g, "added", data ? OptionalLong.of(counts[i].added()) : OptionalLong.empty());
      number(g, "total", data ? OptionalLong.of(counts[i].total()) : OptionalLong.empty());
      decimal(g, "growth", data ? counts[i].rate() : OptionalDouble.empty());
      g.writeEndObject();
    }
    number(g, "activeContributors", r.value(GrowthSeries.Series.ACTIVE_CONTRIBUTORS, p));
    g.writeEndObject();
  }

  private static void trendJson(JsonGenerator g, GrowthSeries.Repo r, GrowthSeries.Series s) {
    g.writeObjectPropertyStart("trend");
    g.writeStringProperty("series", s.measurement);
    g.writeNumberProperty("periods", r.trendPeriods());
    Optional<Trend> t = r.trend(s);
    decimal(g, "slope", t.map(x -> OptionalDouble.of(x.theilSen().slope())).orElse(OptionalDouble.empty()));
    decimal(g, "slopeLow", t.map(x -> OptionalDouble.of(x.theilSen().low())).orElse(OptionalDouble.empty()));
    decimal(g, "slopeHigh", t.map(x -> OptionalDouble.of(x.theilSen().high())).orElse(OptionalDouble.empty()));
    decimal(g, "confidence", t.map(x -> OptionalDouble.of(x.theilSen().confidence())).orElse(OptionalDouble.empty()));
    number(g, "mannKendallS", t.map(x -> OptionalLong.of(x.mannKendall().s())).orElse(OptionalLong.empty()));
    decimal(g, "mannKendallZ", t.map(x -> OptionalDouble.of(x.mannKendall().z())).orElse(OptionalDouble.empty()));
    decimal(g, "mannKendallP", t.map(x -> OptionalDouble.of(x.mannKendall().p())).orElse(OptionalDouble.empty()));
    g.writeEndObject();
  }

  private static void burstsJson(JsonGenerator g, StarBursts.Result b) {
    g.writeObjectPropertyStart("bursts");
    g.writeStringProperty("period", b.unit().word());
    g.writeNumberProperty("periods", b.periods());
    g.writeNumberProperty("tested", b.tested());
    if (b.stargazers() == 0 || b.tested() == 0) {
      // No star at all, or no period with a full trailing window: no data, not "no burst".
      g.writeNullProperty("bursts");
    } else {
      g.writeArrayPropertyStart("bursts");
      for (Bursts.Burst x : b.bursts()) {
        g.writeStartObject();
        g.writeStringProperty("start", x.window().start().toString());
        g.writeStringProperty("end", x.window().end().toString());
        g.writeNumberProperty("periods", x.periods());
        g.writeNumberProperty("size", x.size());
        g.writeNumberProperty("newAccountStars", x.newAccountEvents());
        g.writeNumberProperty("newAccountShare", x.newAccountShare());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    decimal(g, "burstiness", b.burstiness());
    g.writeEndObject();
  }

  static void number(JsonGenerator g, String name, OptionalLong v) {
    if (v.isPresent()) {
      g.writeNumberProperty(name, v.getAsLong());
    } else {
      g.writeNullProperty(name);
    }
  }

  static void decimal(JsonGenerator g, String name, OptionalDouble v) {
    if (v.isPresent()) {
      g.writeNumberProperty(name, v.getAsDouble());
    } else {
      g.writeNullProperty(name);
    }
  }
}
