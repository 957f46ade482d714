package io.github.communitymetrics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.summary.HealthSummary;
import io.github.communitymetrics.core.registry.Evaluated;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Locality;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.registry.SummaryRow;
import io.github.communitymetrics.core.registry.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's sections loop over the summary's metrics: their rows, the built-ins' charts. */
class HealthSectionsRegistryTest {
  /** A metric a user registers: the absence factor under another id, with the default rows. */
  static final class CommitHolders extends MetricDescriptor<FactorResult<Actor>> {
    static final String TITLE = "Who holds the commits, by a custom metric?";

    CommitHolders() {
      super(
          "custom-commit-holders",
          TITLE,
          "customCommitHolders",
          List.of(new Preset("custom", "a test's own metric")),
          List.of(),
          List.of(new MeasurementSpec("factor", Unit.PEOPLE, "people holding half the commits")),
          Locality.WINDOW);
    }

    @Override
    public SliceMetric<?, FactorResult<Actor>> metric(Evaluation e) {
      return ContributorAbsenceFactor.chaoss(e.window()).withScope(e.scope());
    }

    @Override
    public List<Measurement> measure(FactorResult<Actor> f, Evaluation e) {
      return List.of(
          Measurement.of(id(), "factor", Unit.PEOPLE, f.factor(), f.hasEvidence() ? f.total() : 0,
              preset().name()));
    }
  }

  /**
   * The demo's sections before the report looped over the registry: 9 sections (one per
   * metric of the report, hand-written questions) with 9 charts. Each chart is still drawn, under
   * the row of the same metric that asks its question.
   */
  private static final Map<String, List<Class<? extends Chart>>> CHARTS_BY_QUESTION =
      new LinkedHashMap<>();

  static {
    CHARTS_BY_QUESTION.put("Will stargazers and forkers contribute? (OpenSauced)", List.of(GaugeChart.class));
    CHARTS_BY_QUESTION.put("Of those who starred/forked, how many contributed?", List.of(GaugeChart.class));
    CHARTS_BY_QUESTION.put("How many people hold more than half the commits?", List.of(BarChart.class));
    CHARTS_BY_QUESTION.put("How many people hold half the new pull requests?", List.of(BarChart.class));
    CHARTS_BY_QUESTION.put("How many organisations hold more than half the commits?", List.of(BarChart.class));
    CHARTS_BY_QUESTION.put("Ladder D0 / D1 / D2 / D3 reached in the window", List.of(BarChart.class));
    CHARTS_BY_QUESTION.put("Of the previous quarter's contributors, how many stayed?", List.of(HeatMapChart.class));
    CHARTS_BY_QUESTION.put("Median time from first to last contribution", List.of(SurvivalChart.class));
    CHARTS_BY_QUESTION.put("Median time to first response (issues and PRs)", List.of(PercentileChart.class));
  }

  private static HealthSummary withCustom(MetricDescriptor<?> custom) {
    MetricRegistry registry =
        MetricRegistry.builder().registerAll(StandardMetrics.all()).register(custom).build();
    Evaluation evaluation =
        new Evaluation(
                RepositoryScope.of(Demo.REPO),
                Demo.SUMMARY.window(),
                Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build(),
                ContributionType.COMMIT,
                Map.of())
            .withParameter(StandardMetrics.COHORT_CONFIDENCE, "horizon", "P90D");
    return HealthSummary.compute(registry, Demo.STORE, Demo.PEOPLE, Demo.REPO, evaluation);
  }

  @Test
  void aRegisteredMetricGetsItsSectionWithoutCharts() {
    CommitHolders custom = new CommitHolders();
    HealthSummary s = withCustom(custom);
    List<Section> sections = HealthSections.of(s, Demo::label);
    List<Section> mine = sections.stream().filter(x -> x.question().equals(CommitHolders.TITLE)).toList();
    assertEquals(1, mine.size(), "the custom metric's section: " + sections.stream().map(Section::question).toList());
    FactorResult<Actor> f = s.result(custom).orElseThrow();
    assertTrue(f.hasEvidence(), "the demo has commits");
    Section section = mine.get(0);
    assertEquals(f.factor() + " people", section.answer());
    assertEquals("custom", section.preset());
    assertEquals(List.of(), section.charts());
    // Last, as registered.
    assertEquals(section, sections.get(sections.size() - 1));

    String html = new HtmlReport("demo", List.of(), sections).toHtml();
    // A section without charts is a row of the page's table, with its question and answer.
    assertTrue(html.contains("<tr><td>" + CommitHolders.TITLE + "</td><td class=\"n\">" + f.factor()
        + " people</td><td></td><td>custom</td></tr>"), html);
    assertEquals(9, html.split("<svg ", -1).length - 1);

    // The built-in sections and their charts are those of the standard summary.
    List<Section> standard = HealthSections.of(Demo.SUMMARY, Demo::label);
    assertEquals(standard.size() + 1, sections.size());
    assertEquals(summary(standard), summary(sections.subList(0, standard.size())));
    assertEquals(9, charts(sections));
  }

  @Test
  void sectionsAreTheDescriptorsRowsWithEveryChartOfBefore() {
    List<Section> sections = HealthSections.of(Demo.SUMMARY, Demo::label);
    List<SummaryRow> rows = new ArrayList<>();
    for (Evaluated<?> e : Demo.SUMMARY.metrics()) {
      rows.addAll(e.rows(Demo::label));
    }
    assertEquals(rows.size(), sections.size());
    for (int i = 0; i < rows.size(); i++) {
      SummaryRow r = rows.get(i);
      Section x = sections.get(i);
      assertEquals(List.of(r.question(), r.answer(), r.level(), r.preset()),
          List.of(x.question(), x.answer(), x.level(), x.preset()));
    }
    // Before the registry: 9 sections, 9 charts; now every row is a section, the charts the same.
    assertEquals(9, charts(sections));
    Map<String, List<Class<? extends Chart>>> drawn = new LinkedHashMap<>();
    for (Section x : sections) {
      if (!x.charts().isEmpty()) {
        drawn.put(x.question(), x.charts().stream().<Class<? extends Chart>>map(Chart::getClass).toList());
      }
    }
    assertEquals(CHARTS_BY_QUESTION, drawn);
    String html = new HtmlReport("demo", List.of(), sections).toHtml();
    assertEquals(9, html.split("<svg ", -1).length - 1);
  }

  private static int charts(List<Section> sections) {
    return sections.stream().mapToInt(x -> x.charts().size()).sum();
  }

  private static List<String> summary(List<Section> sections) {
    return sections.stream()
        .map(x -> x.question() + " | " + x.answer() + " | " + x.level() + " | " + x.preset() + " | "
            + x.charts().stream().map(c -> c.getClass().getSimpleName()).toList())
        .toList();
  }
}
