package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.metrics.stars.FakeStarMonth;
import io.github.communitymetrics.core.metrics.stars.StarScoutMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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
 * {@code stars --audit}: per repository and month, the first stars and how many of them
 * StarScout's signals suspect (low-activity accounts, lockstep groups, either), with the share;
 * "no data" and the reason when the input cannot tell.
 */
@Command(
    name = "stars",
    mixinStandardHelpOptions = true,
    description = {
      "Audit the stars of every repository (or --repo's) per calendar month (UTC): first stars (one"
          + " per person and repository), how many come from low-activity accounts (all their events"
          + " in the input on one day, at most 2 events, 1 repository, 1 owner), how many from"
          + " lockstep groups (CopyCatch: 50 accounts starring 10 repositories within 15 days), either,"
          + " and the share (StarScout, He et al., ICSE 2026).",
      "The signals read every stargazer's activity in every repository: GH Archive hours have it;"
          + " a stargazer list from the GitHub or GitLab API does not, and then the signals are"
          + " \"no data\" (null in JSON) with the reason, never 0.",
      "Sources: --events FILE, --gharchive FILES or DIRS, --git DIR (repeatable) or --git-list"
          + " FILE (local clones), --github, --gitlab; default the simulated demo."
    })
final class StarsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EventSource source;

  @Mixin GitClones clones;

  @Option(names = "--audit", description = "The suspected fake stars per repository and month (required:"
      + " the only report of this command so far; growth shows the star counts).")
  boolean audit;

  @Option(names = "--repo", paramLabel = "OWNER/NAME",
      description = "Show only this repository (every repository is still read: the signals need the"
          + " stargazers' activity everywhere).")
  String repo;

  @Option(names = "--top", paramLabel = "N", description = "Keep the N repositories with the most stars in the window.")
  Integer top;

  @Mixin SpanOutput output;

  @Override
  public Integer call() throws IOException {
    if (!audit) {
      throw new ParameterException(
          spec.commandLine(), "give --audit (the suspected fake stars; growth shows the star counts)");
    }
    if (top != null && top < 1) {
      throw new ParameterException(spec.commandLine(), "--top must be at least 1 but was " + top);
    }
    boolean asJson = output.isJson();
    SpanInput in = SpanInput.load(spec, source, clones, Optional.empty(), output.asOf());
    StarAudit.Result result =
        ProgressOptions.of(spec).busy("auditing the stars",
            () -> StarAudit.compute(in.store(), in.people(), in.span(), StarAudit.apiSource(source)));
    List<StarAudit.Repo> shown = new ArrayList<>(result.repositories());
    if (repo != null) {
      shown.removeIf(r -> !r.repository().fullName().equalsIgnoreCase(repo));
    }
    if (top != null) {
      shown.sort(Comparator.comparing((StarAudit.Repo r) -> -r.stars()).thenComparing(StarAudit.Repo::name));
      shown = new ArrayList<>(shown.subList(0, Math.min(top, shown.size())));
      shown.sort(Comparator.comparing(StarAudit.Repo::name));
    }
    List<StarAudit.Repo> rows = shown;
    output.write(rows.size() + " repositories", out -> {
      if (asJson) {
        writeJson(out, in, result, rows);
      } else {
        writeText(out, in, result, rows);
      }
    });
    return CommunityMetricsCli.EXIT_OK;
  }

  private void writeText(PrintWriter out, SpanInput in, StarAudit.Result audit, List<StarAudit.Repo> rows) {
    out.println("Source: " + in.loaded().label());
    out.println("Window: " + audit.window().start() + " to " + audit.window().end()
        + " (first stars in it; the stargazers' activity before its end counts)");
    out.println("Signals: StarScout (" + StarScoutMetrics.PRESET + ", He et al., ICSE 2026): low-activity"
        + " accounts and lockstep groups, default thresholds");
    audit.noData().ifPresent(why -> out.println("Signals: no data: " + why));
    // Without the signals one "no data" says it; "no data (no data)" said it twice.
    String suspected =
        audit.noData().isPresent()
            ? count(OptionalInt.empty())
            : count(audit.signals().either()) + " (" + percent(audit.share()) + ")";
    out.println(String.format(Locale.ROOT, "Stars: %,d in %,d repositories; suspected by either signal: %s",
        audit.signals().stars(), audit.repositories().size(), suspected));
    out.println();
    if (rows.isEmpty()) {
      out.println("(no repository with stars in the window" + (repo == null ? "" : " named " + repo) + ")");
      return;
    }
    TextTable t = new TextTable("Repository", "Month", "Stars", "Low-activity", "Lockstep", "Either", "Share")
        .numeric(2, 3, 4, 5, 6);
    for (StarAudit.Repo r : rows) {
      for (FakeStarMonth m : r.months()) {
        t.row(r.name(), m.month().toString(), m.stars(), count(m.lowActivity()), count(m.lockstep()),
            count(m.either()), percent(m.share()));
      }
      if (r.months().size() > 1) {
        t.row(r.name(), "all", r.stars(), count(r.lowActivity()), count(r.lockstep()), count(r.either()),
            percent(StarAudit.Result.share(r.stars(), r.either())));
      }
    }
    t.print(out, "");
    if (in.loaded().simulated()) {
      out.println();
      out.println("(Simulated data: the numbers describe the demo community, not a real project.)");
    }
  }

  private static String count(OptionalInt v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%,d", v.getAsInt()) : "no data";
  }

  private static String percent(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.1f%%", 100 * v.getAsDouble()) : "no data";
  }

  private static void writeJson(PrintWriter out, SpanInput in, StarAudit.Result audit, List<StarAudit.Repo> rows) {
    SpanOutput.json(out, in, g -> {
      g.writeObjectPropertyStart("signals");
      g.writeStringProperty("metric", StarAudit.METRIC);
      g.writeStringProperty("preset", StarScoutMetrics.PRESET);
      g.writeBooleanProperty("available", audit.noData().isEmpty());
      if (audit.noData().isPresent()) {
        g.writeStringProperty("noData", audit.noData().get());
      } else {
        g.writeNullProperty("noData");
      }
      g.writeEndObject();
      boolean none = audit.noData().isPresent();
      counts(g, audit.signals().stars(),
          none ? OptionalInt.empty() : audit.signals().lowActivity(),
          none ? OptionalInt.empty() : audit.signals().lockstep(),
          none ? OptionalInt.empty() : audit.signals().either());
      g.writeArrayPropertyStart("repositories");
      for (StarAudit.Repo r : rows) {
        g.writeStartObject();
        g.writeStringProperty("name", r.name());
        counts(g, r.stars(), r.lowActivity(), r.lockstep(), r.either());
        g.writeArrayPropertyStart("months");
        for (FakeStarMonth m : r.months()) {
          g.writeStartObject();
          g.writeStringProperty("month", m.month().toString());
          counts(g, m.stars(), m.lowActivity(), m.lockstep(), m.either());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  private static void counts(JsonGenerator g, int stars, OptionalInt low, OptionalInt lockstep, OptionalInt either) {
    g.writeNumberProperty("stars", stars);
    GrowthCommand.number(g, "lowActivity", longOf(low));
    GrowthCommand.number(g, "lockstep", longOf(lockstep));
    GrowthCommand.number(g, "either", longOf(either));
    GrowthCommand.decimal(g, "share", StarAudit.Result.share(stars, either));
  }

  private static OptionalLong longOf(OptionalInt v) {
    return v.isPresent() ? OptionalLong.of(v.getAsInt()) : OptionalLong.empty();
  }
}
