package io.github.communitymetrics.report;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile;
import io.github.communitymetrics.core.registry.Band;
import io.github.communitymetrics.core.registry.Evaluated;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.Measurements;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.Scale;
import io.github.communitymetrics.core.registry.SeriesSpec;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.report.internal.SvgCharts;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One self-contained HTML page about a portfolio of repositories: what it was computed from
 * (loudly when the data is simulated), an overview table with one row per repository and one
 * column per metric headline (its value and a sparkline of its monthly trend, sortable by a
 * click on the header), then one collapsible part per repository with every metric: its rows and
 * charts, the period it describes, what it means, what good looks like (the preset's published
 * levels, the band of the current value marked) and where its definition is published. Extra
 * sections (the truck factor of a git history) follow.
 *
 * <p>Nothing is fetched: CSS and SVG are inline and the only script, which sorts the table, is
 * allowed by its hash in the page's Content-Security-Policy. Links to definitions are links.
 */
public final class PortfolioReport {
  /** Repositories whose parts are open when the page loads; with more, all start collapsed. */
  static final int OPEN_UP_TO = 4;

  /** Sorts the overview by the clicked column; no data sorts last in both directions. */
  static final String SCRIPT =
      "(function(){var t=document.querySelector('table.sortable');if(!t){return;}"
          + "var hs=t.tHead.rows[0].cells;"
          + "function sort(i){var th=hs[i];var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;"
          + "for(var j=0;j<hs.length;j++){hs[j].removeAttribute('aria-sort');}"
          + "th.setAttribute('aria-sort',dir>0?'ascending':'descending');"
          + "var b=t.tBodies[0];var rows=Array.prototype.slice.call(b.rows);"
          + "var text=th.getAttribute('data-k')==='t';"
          + "rows.sort(function(a,c){var x=a.cells[i].getAttribute('data-v'),y=c.cells[i].getAttribute('data-v');"
          + "if(text){return dir*x.localeCompare(y);}"
          + "if(x===y){return 0;}if(x===''){return 1;}if(y===''){return -1;}"
          + "return dir*(parseFloat(x)-parseFloat(y));});"
          + "rows.forEach(function(r){b.appendChild(r);});}"
          + "for(var i=0;i<hs.length;i++){(function(i){hs[i].addEventListener('click',function(){sort(i);});"
          + "hs[i].addEventListener('keydown',function(e){if(e.key==='Enter'){sort(i);}});})(i);}})();";

  private static final String CSS =
      HtmlReport.CSS
          + "body{max-width:1240px;padding:0 .5em}code{white-space:nowrap}"
          + "section.metric .charts svg{width:auto;max-height:300px}"
          + ".simulated{background:#b00020;color:#fff;padding:.7em 1em;border-radius:.3em;font-size:1.1em}"
          + ".notice{background:#fff4d6;border-left:4px solid #e0a000;padding:.5em 1em}"
          + "table.provenance th{width:10em;color:#555;font-weight:normal}"
          + ".scroll{overflow-x:auto}"
          + "table.overview th{cursor:pointer;vertical-align:bottom;font-size:.8em;padding:.2em .3em}"
          + "table.overview th small{color:#666;font-weight:normal}"
          + "table.overview th[aria-sort=ascending]::after{content:' \\25B2'}"
          + "table.overview th[aria-sort=descending]::after{content:' \\25BC'}"
          + "table.overview td{white-space:nowrap;padding:.2em .3em}"
          + "table.overview td .v{display:block;font-variant-numeric:tabular-nums}"
          + "svg.spark{display:block}svg.spark polyline{fill:none;stroke:#2f6fb0;stroke-width:1.4}"
          + "svg.spark circle{fill:#2f6fb0}"
          + "details.repo{border-top:3px solid #2f6fb0;margin-top:1.5em}"
          + "details.repo>summary{cursor:pointer;font-size:1.3em;font-weight:bold;padding:.4em 0}"
          + "details.repo>summary small{font-weight:normal;color:#555;font-size:.7em}"
          + "section.metric{border-top:1px solid #ccc;margin-top:1em;padding-top:.3em}"
          + "section.metric h3 .id{color:#777;font-weight:normal;font-size:.8em;margin-left:.5em}"
          + "section.metric section{border-top:none;margin-top:.5em}"
          + "h4{margin:.4em 0}.period{color:#333}"
          + "dl.about dt{font-weight:bold;margin-top:.5em}dl.about dd{margin-left:1.5em}"
          + "table.scale{margin:.3em 0}table.scale caption{text-align:left;color:#555}"
          + "table.scale tr.current{background:#e6f0fa;font-weight:bold}"
          + "section.stars{border-top:1px solid #ccc;margin-top:1em;padding-top:.3em}"
          + "section.stars h3 .id{color:#777;font-weight:normal;font-size:.8em;margin-left:.5em}"
          + "svg.star-curve{max-width:100%;height:auto}"
          + "section.newcomers{border-top:1px solid #ccc;margin-top:1em;padding-top:.3em}"
          + "section.newcomers h3 .id{color:#777;font-weight:normal;font-size:.8em;margin-left:.5em}"
          + "section.newcomers .charts svg{width:auto;max-height:300px}"
          + "section.governance{border-top:1px solid #ccc;margin-top:1em;padding-top:.3em}"
          + "section.governance h3 .id{color:#777;font-weight:normal;font-size:.8em;margin-left:.5em}"
          + "section.governance .charts svg{width:auto;max-height:300px}"
          + "section.forks{border-top:1px solid #ccc;margin-top:1em;padding-top:.3em}"
          + "section.forks h3 .id{color:#777;font-weight:normal;font-size:.8em;margin-left:.5em}"
          + "svg.fork-timeline{max-width:100%;height:auto}"
          + "table.profile td.pass{color:#1a7f37}table.profile td.fail{color:#c62828}table.profile td.no-data{color:#777}";

  private final String title;
  private final Provenance provenance;
  private final Optional<Portfolio> portfolio;
  private final Function<Actor, String> label;
  private final List<Section> extra;
  private final Map<Repository, StarCurve> stars;
  private final Map<Repository, Section> newcomers;
  private final Map<Repository, Section> governance;
  private final Map<Repository, ForkSection> forks;

  /**
   * @param title the page title
   * @param provenance what, when and with which version
   * @param portfolio the repositories and their metrics; empty for a page of extra sections only
   *     (a git history without events)
   * @param label the name shown for a person key; the result is escaped when written
   * @param extra sections after the repositories (the truck factor of a git history)
   */
  public PortfolioReport(
      String title,
      Provenance provenance,
      Optional<Portfolio> portfolio,
      Function<Actor, String> label,
      List<Section> extra) {
    this.title = Objects.requireNonNull(title, "title");
    this.provenance = Objects.requireNonNull(provenance, "provenance");
    this.portfolio = Objects.requireNonNull(portfolio, "portfolio");
    this.label = Objects.requireNonNull(label, "label");
    this.extra = List.copyOf(extra);
    this.stars = Map.of();
    this.newcomers = Map.of();
    this.governance = Map.of();
    this.forks = Map.of();
  }

  private PortfolioReport(PortfolioReport base, Map<Repository, StarCurve> stars, Map<Repository, Section> newcomers) {
    this(base, stars, newcomers, base.governance, base.forks);
  }

  private PortfolioReport(
      PortfolioReport base, Map<Repository, StarCurve> stars, Map<Repository, Section> newcomers,
      Map<Repository, Section> governance, Map<Repository, ForkSection> forks) {
    this.title = base.title;
    this.provenance = base.provenance;
    this.portfolio = base.portfolio;
    this.label = base.label;
    this.extra = base.extra;
    this.stars = Map.copyOf(stars);
    this.newcomers = Map.copyOf(newcomers);
    this.governance = Map.copyOf(governance);
    this.forks = Map.copyOf(forks);
  }

  /**
   * This page with a star curve in each repository's part that has one: new stargazers per
   * period and in all, the bursts marked, and the share of suspected stars per month.
   *
   * @param curves by repository; repositories without one have no curve
   */
  public PortfolioReport withStarCurves(Map<Repository, StarCurve> curves) {
    return new PortfolioReport(this, Objects.requireNonNull(curves, "curves"), newcomers);
  }

  /**
   * This page with a "Do newcomers feel welcome?" section in each repository's part that has one
   * ({@link NewcomerSection}), after the star curve and before the metrics.
   *
   * @param sections by repository; repositories without one have none
   */
  public PortfolioReport withNewcomerSections(Map<Repository, Section> sections) {
    return new PortfolioReport(this, stars, Objects.requireNonNull(sections, "sections"));
  }

  /**
   * This page with an "Are decisions open and approvals diverse?" section in each repository's
   * part that has one ({@link GovernanceSection}), after the newcomer section and before the
   * metrics.
   *
   * @param sections by repository; repositories without one have none
   */
  public PortfolioReport withGovernanceSections(Map<Repository, Section> sections) {
    return new PortfolioReport(this, stars, newcomers, Objects.requireNonNull(sections, "sections"), forks);
  }

  /**
   * This page with a "Do forks change, come back, or split off?" section in each repository's
   * part that has one ({@link ForkSection}), after the newcomers and before the metrics.
   *
   * @param sections by repository; repositories without one have none
   */
  public PortfolioReport withForkSections(Map<Repository, ForkSection> sections) {
    return new PortfolioReport(this, stars, newcomers, governance, Objects.requireNonNull(sections, "sections"));
  }

  /**
   * Writes the page.
   *
   * @param out where to write; not closed
   * @throws CommunityMetricsIoException if writing fails
   */
  public void writeTo(Writer out) {
    HtmlReport.write(out, toHtml());
  }

  /** The page as a string. */
  public String toHtml() {
    StringBuilder h = new StringBuilder(1 << 18);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // Nothing from the network; the one script is allowed by its hash, so an injected one is inert.
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" style-src 'unsafe-inline'; img-src data:; script-src 'sha256-").append(sha256(SCRIPT))
        .append("'\">\n<title>").append(e(title)).append("</title>\n<style>").append(CSS)
        .append("</style>\n</head>\n<body>\n<h1>").append(e(title)).append("</h1>\n");
    if (provenance.simulated()) {
      h.append("<p class=\"simulated\" role=\"alert\"><strong>SIMULATED DATA.</strong> Every number on this")
          .append(" page describes a community made up by the simulator, not a real project. Give")
          .append(" <code>--events</code>, <code>--gharchive</code>, <code>--github</code> or <code>--gitlab</code>")
          .append(" for real data.</p>\n");
    }
    provenance(h);
    int[] charts = new int[1];
    portfolio.ifPresent(p -> {
      overview(h, p);
      for (int i = 0; i < p.repositories().size(); i++) {
        repository(h, p, i, charts);
      }
    });
    for (Section s : extra) {
      h.append("<section class=\"extra\">\n");
      HtmlReport.table(h, List.of(s));
      HtmlReport.charts(h, List.of(s), "h2", charts);
      h.append("</section>\n");
    }
    h.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private void provenance(StringBuilder h) {
    h.append("<table class=\"provenance\">\n<tr><th>Computed from</th><td>").append(e(provenance.source()));
    if (!provenance.inputs().isEmpty()) {
      h.append("<ul>");
      provenance.inputs().forEach(i -> h.append("<li>").append(e(i)).append("</li>"));
      h.append("</ul>");
    }
    h.append("</td></tr>\n");
    portfolio.ifPresent(p -> {
      row(h, "As of", time(p.evaluation().asOf()) + " (events at or after it are not counted)");
      row(h, "Window", e(Dates.window(p.evaluation().window()))
          + " unless a metric's definition fixes its own period (each metric says which)");
      SeriesSpec t = p.trend();
      row(h, "Trends", "one point per calendar month (UTC) from " + e(Dates.month(t.since())) + " to "
          + e(Dates.month(t.until().minusNanos(1))) + ", each the headline over the "
          + (t.periodsPerWindow() == 1 ? "month" : t.periodsPerWindow() + " months ending with that month")
          + "; the last month runs to the as-of instant; a gap is a month without data");
    });
    row(h, "Generated", time(provenance.generated()));
    row(h, "Version", "community-metrics " + e(provenance.version()));
    h.append("</table>\n");
    for (String n : provenance.notes()) {
      h.append("<p class=\"notice\">").append(e(n)).append("</p>\n");
    }
  }

  private static void row(StringBuilder h, String name, String html) {
    h.append("<tr><th>").append(e(name)).append("</th><td>").append(html).append("</td></tr>\n");
  }

  private static String time(Instant at) {
    return "<time datetime=\"" + at + "\">" + e(Dates.instant(at)) + "</time>";
  }

  private void overview(StringBuilder h, Portfolio p) {
    int shown = p.repositories().size();
    h.append("<h2 id=\"overview\">Overview: ").append(shown).append(shown == 1 ? " repository" : " repositories")
        .append("</h2>\n<p class=\"note\">Each cell is a metric's headline for the repository as of ")
        .append(e(Dates.instant(p.evaluation().asOf())))
        .append(", with its monthly trend below (hover for the months' values). Click a column to sort;")
        .append(" no data sorts last.</p>\n<div class=\"scroll\"><table class=\"overview sortable\">\n<thead><tr>")
        .append("<th data-k=\"t\" tabindex=\"0\">Repository</th><th data-k=\"n\" tabindex=\"0\">Events</th>");
    for (MetricDescriptor<?> d : p.metrics()) {
      MeasurementSpec headline = d.measurements().get(0);
      h.append("<th data-k=\"n\" tabindex=\"0\" title=\"").append(e(d.title())).append("\">").append(e(d.id()))
          .append("<br><small>").append(e(headline.name()))
          .append(headline.unit().symbol().isEmpty() ? "" : " (" + e(headline.unit().symbol()) + ")")
          .append("</small></th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < shown; i++) {
      Portfolio.Entry entry = p.repositories().get(i);
      String name = entry.repository().fullName();
      h.append("<tr><td data-v=\"").append(e(name)).append("\"><a href=\"#repo-").append(i + 1).append("\">")
          .append(e(name)).append("</a></td><td class=\"n\" data-v=\"").append(entry.events()).append("\">")
          .append(String.format(java.util.Locale.ROOT, "%,d", entry.events())).append("</td>");
      for (int m = 0; m < p.metrics().size(); m++) {
        Measurement headline = entry.results().get(m).measurements().get(0);
        h.append("<td class=\"n\" data-v=\"").append(e(Measurements.plain(headline))).append("\"><span class=\"v\">")
            .append(e(number(headline))).append("</span>").append(Sparkline.svg(entry.trends().get(m), 0))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table></div>\n");
    if (!p.leftOut().isEmpty()) {
      int listed = Math.min(30, p.leftOut().size());
      h.append("<p class=\"notice\">").append(p.leftOut().size())
          .append(p.leftOut().size() == 1 ? " more repository is" : " more repositories are")
          .append(" not shown: the page shows the ").append(shown)
          .append(" with the most events (--max-repositories raises the cap). Not shown: ");
      for (int i = 0; i < listed; i++) {
        h.append(i == 0 ? "" : ", ").append(e(p.leftOut().get(i).fullName()));
      }
      h.append(listed < p.leftOut().size() ? ", …" : "").append(".</p>\n");
    }
  }

  private void repository(StringBuilder h, Portfolio p, int index, int[] charts) {
    Portfolio.Entry entry = p.repositories().get(index);
    String id = "repo-" + (index + 1);
    h.append("<details class=\"repo\" id=\"").append(id).append('"')
        .append(open(p.repositories().size()) ? " open" : "").append(">\n<summary>")
        .append(e(entry.repository().fullName())).append(" <small>")
        .append(String.format(java.util.Locale.ROOT, "%,d", entry.events())).append(" events</small></summary>\n");
    StarCurve curve = stars.get(entry.repository());
    if (curve != null) {
      stars(h, id, curve);
    }
    Section welcome = newcomers.get(entry.repository());
    if (welcome != null) {
      newcomers(h, id, welcome, charts);
    }
    Section governed = governance.get(entry.repository());
    if (governed != null) {
      governance(h, id, governed, GovernanceSection.profile(entry.results()), charts);
    }
    ForkSection fork = forks.get(entry.repository());
    if (fork != null) {
      h.append(fork.html(id));
    }
    for (int m = 0; m < p.metrics().size(); m++) {
      metric(h, id, entry.results().get(m), charts);
    }
    h.append("</details>\n");
  }

  /** The star curve of a repository, with what its marks mean and why shares may have no data. */
  private static void stars(StringBuilder h, String repoId, StarCurve curve) {
    h.append("<section class=\"stars\" id=\"").append(repoId).append("-stars\">\n<h3>Stars")
        .append("<span class=\"id\">star-trend, star-bursts, lockstep-stars</span></h3>\n<div class=\"charts\">")
        .append(StarCurveSvg.svg(curve, repoId + "-star-curve")).append("</div>\n<p class=\"note\">Bars: new")
        .append(" stargazers (first star per person) per ").append(curve.unit() == Granularity.WEEK ? "ISO week" : curve.unit().word())
        .append("; line: stargazers in all (right axis); red bands: bursts of new stars (Bollinger bands,")
        .append(" star-bursts); the cells below: per month, the share of stars StarScout's signals suspect")
        .append(" (low-activity accounts or lockstep groups), darker for more.</p>\n");
    curve.noSignals().ifPresent(why -> h.append("<p class=\"notice\">Suspected stars: no data: ").append(e(why))
        .append(".</p>\n"));
    if (curve.stargazers() == 0) {
      h.append("<p class=\"notice\">No star of this repository in the data: the curve has no data.</p>\n");
    }
    h.append("</section>\n");
  }

  /** A repository's newcomer section: its answer, what its charts show, the charts. */
  private static void newcomers(StringBuilder h, String repoId, Section s, int[] charts) {
    question(h, repoId, "newcomers", "newcomer-experience, newcomer-staying, newcomer-welcomers", s, "", charts,
        "Bars: the window's newcomers, those who came back with a second"
            + " contribution to another issue, pull request or commit, and those who reached D2 (a merged pull"
            + " request). Curves: the share of issues and pull requests still waiting for a first answer from a"
            + " person other than the author (bots left out); those still waiting at the end are censored."
            + " Last bars: who gave newcomers their first answers and reviews.");
  }

  /** A repository's governance section: its answer, what its charts show, the charts. */
  private static void governance(
      StringBuilder h, String repoId, Section s, Optional<MaturityProfile.Result> profile, int[] charts) {
    question(h, repoId, "governance", "approval-rule, decisions, maintainers" + (profile.isPresent() ? ", maturity-profile" : ""),
        s, profile.map(PortfolioReport::profile).orElse(""), charts,
        "Bars: the pull requests merged in the window (by known, human authors)"
            + " and those whose standing approvals, given by people other than the author before the merge, met"
            + " each rule; the proposals (labelled rfc, KEP, proposal, PEP or RFE, or pull requests to an RFC"
            + " repository) by outcome; the maintainers the events show (access granted, maintainer association,"
            + " merges) by organisation. community-metrics governance lists the pull requests that missed.");
  }

  /**
   * The maturity profile as a table: each criterion with its value, threshold, a pass, fail or
   * no-data mark (no data with its reason) and what it means. No row adds the others up.
   */
  static String profile(MaturityProfile.Result r) {
    StringBuilder t = new StringBuilder("<table class=\"profile\">\n<caption>Maturity profile (")
        .append(e(ProfileCriteria.thresholds(r))).append("): each criterion on its own, no overall score</caption>\n")
        .append("<tr><th>Criterion</th><th>Value</th><th>Threshold</th><th>Check</th><th>What it means</th></tr>\n");
    for (MaturityProfile.Check c : r.checks()) {
      String mark = c.outcome().map(o -> o == MaturityProfile.Outcome.PASS ? "\u2713 pass" : "\u2717 fail")
          .orElse("\u2013 no data (" + ProfileCriteria.whyNoData(r, c.criterion()) + ")");
      t.append("<tr><td>").append(e(ProfileCriteria.name(c.criterion()))).append("</td><td class=\"n\">")
          .append(e(ProfileCriteria.value(c))).append("</td><td>").append(e(ProfileCriteria.threshold(c)))
          .append("</td><td class=\"").append(ProfileCriteria.outcome(c).replace(' ', '-')).append("\">").append(e(mark))
          .append("</td><td>").append(e(ProfileCriteria.meaning(c.criterion()))).append("</td></tr>\n");
    }
    return t.append("</table>\n").toString();
  }

  /**
   * A question section of a repository's part: the question with the metrics' ids, the answer,
   * the preset, a table (HTML, empty for none), then the charts and what they show (plain text,
   * escaped here) when there are any.
   */
  private static void question(
      StringBuilder h, String repoId, String kind, String ids, Section s, String table, int[] charts, String note) {
    h.append("<section class=\"").append(kind).append("\" id=\"").append(repoId).append('-').append(kind)
        .append("\">\n<h3>").append(e(s.question()))
        .append("<span class=\"id\">").append(e(ids)).append("</span></h3>\n<p>")
        .append(e(s.answer())).append("</p>\n<p class=\"preset\">").append(e(s.preset())).append("</p>\n")
        .append(table);
    if (!s.charts().isEmpty()) {
      h.append("<div class=\"charts\">\n");
      for (Chart c : s.charts()) {
        h.append(SvgCharts.svg(c, "chart-" + ++charts[0])).append('\n');
      }
      h.append("</div>\n<p class=\"note\">").append(e(note)).append("</p>\n");
    }
    h.append("</section>\n");
  }

  /** The value without its unit (the column header says it), or "no data". */
  private static String number(Measurement m) {
    String text = m.text();
    String symbol = m.unit().symbol();
    return m.hasValue() && !symbol.isEmpty() && text.endsWith(" " + symbol)
        ? text.substring(0, text.length() - symbol.length() - 1)
        : text;
  }

  /** Whether the repositories' parts start open: only for a few, so that many stay usable. */
  static boolean open(int repositories) {
    return repositories <= OPEN_UP_TO;
  }

  private void metric(StringBuilder h, String repoId, Evaluated<?> result, int[] charts) {
    MetricDescriptor<?> d = result.descriptor();
    h.append("<section class=\"metric\" id=\"").append(repoId).append('-').append(e(d.id())).append("\">\n<h3>")
        .append(e(d.title())).append("<span class=\"id\">").append(e(d.id())).append("</span></h3>\n")
        .append("<p class=\"period\">Period: ")
        .append(e(Dates.window(d.describedWindow(result.evaluation())))).append("</p>\n");
    List<Section> sections = HealthSections.sections(result, label);
    HtmlReport.table(h, sections);
    List<Chart> drawn = sections.stream().flatMap(x -> x.charts().stream()).toList();
    if (!drawn.isEmpty()) {
      h.append("<div class=\"charts\">\n");
      for (Chart c : drawn) {
        h.append(SvgCharts.svg(c, "chart-" + ++charts[0])).append('\n');
      }
      h.append("</div>\n");
    }
    Preset preset = d.preset();
    h.append("<dl class=\"about\">\n<dt>What it means</dt><dd>")
        .append(e(d.description().orElse("No description was registered with this metric."))).append("</dd>\n")
        .append("<dt>What good looks like</dt><dd>")
        .append(e(preset.guidance().orElse("The definition publishes no guidance.")));
    for (Scale scale : preset.scales()) {
      scale(h, scale, result.measurement(scale.measurement()));
    }
    h.append("</dd>\n<dt>Definition</dt><dd>").append(e(preset.source()));
    preset.definition().ifPresent(u -> h.append(": <a href=\"").append(e(u.toString()))
        .append("\" rel=\"noopener noreferrer\">").append(e(u.toString())).append("</a>"));
    h.append("</dd>\n</dl>\n</section>\n");
  }

  /** The scale's bands, the one holding the current value marked. */
  private static void scale(StringBuilder h, Scale scale, Optional<Measurement> current) {
    Optional<Band> here =
        current.filter(m -> m.value().isPresent()).flatMap(m -> scale.bandOf(m.value().getAsDouble()));
    h.append("<table class=\"scale\"><caption>").append(e(scale.name())).append(" (of the measurement ")
        .append(e(scale.measurement())).append(")</caption>\n");
    for (Band b : scale.bands()) {
      boolean mine = here.isPresent() && here.get().equals(b);
      h.append(mine ? "<tr class=\"current\">" : "<tr>").append("<td>").append(e(b.range(scale.wholeNumbers())))
          .append("</td><td>").append(e(b.label())).append("</td><td>").append(e(b.meaning()))
          .append("</td><td>").append(mine ? "\u2190 this repository (" + e(current.get().text()) + ")" : "")
          .append("</td></tr>\n");
    }
    h.append("</table>");
  }

  private static String e(String text) {
    return HtmlReport.escape(text);
  }

  /** The CSP source of an inline script: base64 of its UTF-8 SHA-256. */
  static String sha256(String script) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
