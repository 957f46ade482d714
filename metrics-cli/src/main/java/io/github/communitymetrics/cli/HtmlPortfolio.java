package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.stars.FakeStarMonth;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.forks.ForkActivity;
import io.github.communitymetrics.core.metrics.forks.ForkInput;
import io.github.communitymetrics.core.metrics.forks.ForkState;
import io.github.communitymetrics.core.metrics.forks.HardForkSignals;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.time.Period;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.report.GovernanceSection;
import io.github.communitymetrics.report.ForkSection;
import io.github.communitymetrics.report.NewcomerSection;
import io.github.communitymetrics.report.Portfolio;
import io.github.communitymetrics.report.PortfolioReport;
import io.github.communitymetrics.report.Provenance;
import io.github.communitymetrics.report.Section;
import io.github.communitymetrics.report.StarCurve;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes {@code report --html}: the portfolio page of every repository of the source (or {@code
 * --repo}'s), or, for a git history given without events, a page of that history alone, so that
 * the simulated demo never stands beside real data.
 */
final class HtmlPortfolio {
  /**
   * One repository's fork section from one scan: both fork metrics read the same state (same
   * scope and as-of; their {@code forkEvents} setting is used only when finishing), so it is
   * scanned once for the two, over the repository's and its forks' events ({@link ForkInput}: the
   * same results as over the whole input, without reading every event of it per repository).
   */
  @SuppressWarnings("unchecked") // both metrics are ForkScan engines over ForkState
  private static Optional<ForkSection> forkSection(
      SummaryOptions.Prepared p, Repository repository, Function<Actor, String> label, boolean heads, Progress progress) {
    Evaluation one = p.evaluation().withScope(RepositoryScope.of(repository));
    SliceMetric<ForkState, ForkActivity.Result> activity =
        (SliceMetric<ForkState, ForkActivity.Result>) ForkActivity.INSTANCE.metric(one);
    SliceMetric<ForkState, HardForkSignals.Result> signals =
        (SliceMetric<ForkState, HardForkSignals.Result>) HardForkSignals.INSTANCE.metric(one);
    ForkState state = progress.busy("scanning the forks of " + repository.fullName(),
        () -> activity.accumulate(ForkInput.of(p.store(), RepositoryScope.of(repository)), p.people()));
    return ForkSection.of(repository, Optional.of(activity.finish(state)), Optional.of(signals.finish(state)), label, heads);
  }

  /** How many months each trend of the overview has. */
  static final int TREND_MONTHS = 24;

  private HtmlPortfolio() {}

  /**
   * Writes the portfolio page of the loaded events.
   *
   * @param git the git history's page section and its input line, when one was given
   * @param more sections added after the git history's, computed from the page's store
   * @return the warnings, which the command prints on standard error
   */
  static List<String> write(
      Path html,
      EventSource source,
      SummaryOptions options,
      EventSource.Loaded loaded,
      Optional<GitPart> git,
      MoreSections more,
      int maxRepositories,
      Clock clock,
      Progress progress)
      throws IOException {
    // Every repository's metrics and trends, but StarScout's whole-input audit (per repository it
    // would read every account again; the star curves show its monthly shares instead).
    MetricRegistry registry = StarAudit.perRepository();
    SummaryOptions.Prepared p = options.preparePortfolio(source, loaded, registry);
    String only = options.repo;
    // Every metric of every shown repository, then each metric's monthly series: seconds of
    // silence on a large input without this.
    Portfolio portfolio =
        progress.busy(
            String.format(
                "computing metrics and %d-month trends", TREND_MONTHS),
            () -> Portfolio.compute(
                registry, p.store(), p.people(), p.evaluation(),
                r -> only == null || r.equals(p.repository()), maxRepositories, TREND_MONTHS,
                source.threads()));
    List<String> notes = new ArrayList<>();
    loaded.readReport().ifPresent(r -> notes.add("Read: " + CommunitySummary.readLine(r)));
    p.warnings().forEach(w -> notes.add("Warning: " + w));
    // When the commit-based metrics counted pushes or merged pull requests, the page says so.
    p.note().ifPresent(n -> notes.add("Note: " + n));
    List<String> inputs = new ArrayList<>(inputs(source));
    git.ifPresent(g -> inputs.add(g.input()));
    Provenance provenance =
        new Provenance(
            loaded.label(), inputs, loaded.simulated(), clock.instant(), Provenance.projectVersion(), notes);
    Function<Actor, String> label =
        key -> p.people().identities().personOf(key).map(Person::label).orElse(key.label());
    String title =
        "Community report: "
            + (only != null
                ? p.repository().fullName()
                : portfolio.repositories().size() == 1
                    ? portfolio.repositories().get(0).repository().fullName()
                    : (portfolio.repositories().size() + portfolio.leftOut().size()) + " repositories");
    Map<Repository, StarCurve> curves =
        progress.busy("drawing the star curves", () -> starCurves(p, portfolio, StarAudit.apiSource(source)));
    // From the newcomer metrics the portfolio already computed: no second pass over the events.
    Map<Repository, Section> newcomers = new java.util.HashMap<>();
    Map<Repository, Section> governance = new java.util.HashMap<>();
    Map<Repository, ForkSection> forks = new java.util.HashMap<>();
    boolean heads = ForksCommand.headsKnown(p.store());
    // The fork metrics read the whole input (a fork's own events are other repositories'), so
    // they are not in the per-repository registry: each shown repository that something names as
    // a fork's upstream gets its own two scans, as `forks --repo` does (at most
    // --max-repositories of them).
    Set<String> upstreams = ForksCommand.namedUpstreams(p.store());
    for (Portfolio.Entry entry : portfolio.repositories()) {
      NewcomerSection.of(entry.results(), label).ifPresent(s -> newcomers.put(entry.repository(), s));
      GovernanceSection.of(entry.results()).ifPresent(s -> governance.put(entry.repository(), s));
      if (upstreams.contains(ForksCommand.key(entry.repository()))) {
        forkSection(p, entry.repository(), label, heads, progress).ifPresent(s -> forks.put(entry.repository(), s));
      }
    }
    List<Section> extra = new ArrayList<>(git.map(g -> List.of(g.section())).orElse(List.of()));
    extra.addAll(more.sections(p.store(), p.people()));
    write(html, new PortfolioReport(title, provenance, Optional.of(portfolio), label, extra)
        .withStarCurves(curves).withNewcomerSections(newcomers)
        .withGovernanceSections(governance).withForkSections(forks));
    return p.warnings();
  }

  /** Up to this span the star curve is by day; beyond it, by ISO week. */
  static final java.time.Duration DAILY_UP_TO = java.time.Duration.ofDays(190);

  /**
   * The star curve of each shown repository over the trends' months (from the first event's day
   * when the data starts later): new stars per day (or ISO
   * week, over a longer span) up to the last whole period before the as-of instant, the bursts,
   * and the StarScout audit's months.
   */
  static Map<Repository, StarCurve> starCurves(
      SummaryOptions.Prepared p, Portfolio portfolio, Optional<String> apiSource) {
    // From the trends' first month, or from the first event's day when the data starts later.
    Instant first = p.store().instant(0).atOffset(java.time.ZoneOffset.UTC)
        .truncatedTo(java.time.temporal.ChronoUnit.DAYS).toInstant();
    Instant since = first.isAfter(portfolio.trend().since()) ? first : portfolio.trend().since();
    Instant asOf = portfolio.evaluation().asOf();
    boolean daily = java.time.Duration.between(since, asOf).compareTo(DAILY_UP_TO) <= 0;
    PeriodUnit unit = daily ? PeriodUnit.DAY : PeriodUnit.ISO_WEEK;
    // The curve's cumulative total is the stargazers before the window's end: end it at a period's end.
    Instant end = Period.containingUtc(asOf, unit).window().start();
    Map<Repository, StarCurve> out = new java.util.HashMap<>();
    if (!since.isBefore(end)) {
      return out;
    }
    Window window = new Window(since, end);
    String period = daily ? "day" : "week";
    Evaluation e =
        portfolio.evaluation().withWindow(window)
            .withParameter(StandardMetrics.STAR_TREND, "period", period)
            .withParameter(StandardMetrics.STAR_BURSTS, "period", period);
    StarAudit.Result audit = StarAudit.compute(p.store(), p.people(), window, apiSource);
    Map<Repository, List<FakeStarMonth>> months = new java.util.HashMap<>();
    audit.repositories().forEach(r -> months.put(r.repository(), r.months()));
    for (Portfolio.Entry entry : portfolio.repositories()) {
      Repository r = entry.repository();
      out.put(r, StarCurve.compute(p.store(), p.people(), e, r, months.getOrDefault(r, List.of()), audit.noData()));
    }
    return out;
  }

  /**
   * Writes the page of a git history given without events: its truck factor alone, labelled as
   * such, and nothing from the simulated demo.
   */
  static void writeGitOnly(Path html, GitPart git, Clock clock) throws IOException {
    Provenance provenance =
        new Provenance(
            "git history only", List.of(git.input()), false, clock.instant(), Provenance.projectVersion(),
            List.of(
                "Only the git history was read: no event source was given (--events, --gharchive,"
                    + " --github or --gitlab), so the community metrics, which need issues, pull"
                    + " requests and stars, are not on this page."));
    write(html, new PortfolioReport("Truck factor of the git history", provenance, Optional.empty(),
        Actor::label, List.of(git.section())));
  }

  private static void write(Path html, PortfolioReport report) throws IOException {
    Path parent = html.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
      report.writeTo(w);
    }
  }

  /**
   * The page's section of a git history and what it was read from.
   *
   * @param section the truck factor section
   * @param input the history for the provenance: {@code "git log FILE (N bytes)"} or the
   *     repository's path
   */
  record GitPart(Section section, String input) {}

  /** Sections computed from the page's store and its people. */
  @FunctionalInterface
  interface MoreSections {
    List<Section> sections(io.github.communitymetrics.core.store.EventStore store, People people);
  }

  /** The files read, each with its size; forges are named by the source's label. */
  static List<String> inputs(EventSource source) throws IOException {
    List<String> out = new ArrayList<>();
    if (source.eventsFile != null) {
      out.add("events file " + sized(source.eventsFile));
    }
    if (source.gharchiveFiles != null) {
      long total = 0;
      for (Path f : source.gharchiveFiles) {
        total += Files.size(f);
      }
      int listed = Math.min(20, source.gharchiveFiles.size());
      for (int i = 0; i < listed; i++) {
        out.add(sized(source.gharchiveFiles.get(i)));
      }
      if (listed < source.gharchiveFiles.size()) {
        out.add("and " + (source.gharchiveFiles.size() - listed) + " more files");
      }
      out.add(String.format(Locale.ROOT, "%,d GH Archive files, %,d bytes in all", source.gharchiveFiles.size(), total));
    }
    return out;
  }

  /** {@code path (12,345 bytes)}. */
  static String sized(Path file) throws IOException {
    return String.format(Locale.ROOT, "%s (%,d bytes)", file, Files.size(file));
  }

}
