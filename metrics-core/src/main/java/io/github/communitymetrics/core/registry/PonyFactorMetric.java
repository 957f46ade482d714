package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactor;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactorResult;
import io.github.communitymetrics.core.time.Window;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/**
 * Apache Kibble pony factor over the commits of the 24 months before the as-of instant, with the
 * factor of each of the last quarters.
 */
final class PonyFactorMetric extends MetricDescriptor<PonyFactorResult> {
  PonyFactorMetric() {
    super(
        "pony-factor",
        "How many people wrote half the commits of 24 months?",
        "The fewest people who wrote more than half of the commits of the 24 months before the"
            + " as-of instant (Daniel Gruno's pony factor, as Apache Kibble computes it). The"
            + " meta-pony factor counts the e-mail domains of those people: roughly, their"
            + " organisations.",
        "ponyFactor",
        List.of(
            new Preset("kibble", "Apache Kibble pony factor (24 months)")
                .definedAt("https://ke4qqq.wordpress.com/2015/02/08/pony-factor-math/")
                .withGuidance(
                    "Higher is better: a low pony factor means a handful of people wrote most of the"
                        + " code of the last two years. Apache Kibble publishes no levels.")),
        List.of(
            new Parameter(
                "quarters", Parameter.Kind.INTEGER, "8", "quarters",
                "how many quarters of history the result carries")),
        List.of(
            new MeasurementSpec("factor", Unit.PEOPLE, "the fewest people writing half the commits"),
            new MeasurementSpec("metaPony", Unit.ORGANIZATIONS, "the e-mail domains of those people"),
            new MeasurementSpec("total", Unit.COUNT, "commits counted")),
        Locality.HISTORY);
  }

  /** The preset's 24 months before the as-of instant. */
  @Override
  public Window describedWindow(Evaluation e) {
    return PonyFactor.kibble(e.asOf(), e.integer(this, "quarters")).selection().window();
  }

  /** The measurements read the repository's own events of its 24 months (the quarterly samples of the JSON detail, aligned to calendar quarters, are not measurements). */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, PonyFactorResult> metric(Evaluation e) {
    return PonyFactor.kibble(e.asOf(), e.integer(this, "quarters"))
        .withContributionType(e.commitBasis())
        .withScope(e.scope());
  }

  @Override
  public List<Measurement> measure(PonyFactorResult r, Evaluation e) {
    var f = r.current().factor();
    long n = f.hasEvidence() ? f.total() : 0;
    String p = preset().name();
    return List.of(
        Measurement.of(id(), "factor", Unit.PEOPLE, r.current().ponyFactor(), n, p),
        Measurement.of(id(), "metaPony", Unit.ORGANIZATIONS, r.current().metaPonyFactor(), n, p),
        Measurement.of(id(), "total", Unit.COUNT, f.total(), n, p));
  }

  @Override
  public List<SummaryRow> rows(PonyFactorResult r, Evaluation e, Function<Actor, String> label) {
    boolean evidence = r.current().factor().hasEvidence();
    return List.of(
        new SummaryRow(
            "How many people wrote half the commits of 24 months?",
            Text.count(evidence, r.current().ponyFactor(), "people"),
            evidence ? "meta-pony " + r.current().metaPonyFactor() : "",
            "apache kibble pony factor" + Text.basisSuffix(e.commitBasis())));
  }

  @Override
  public void writeJsonDetail(
      PonyFactorResult r, Evaluation e, Function<Actor, String> label, JsonGenerator g) {
    boolean pony = r.current().factor().hasEvidence();
    Text.count(g, "factor", pony, r.current().ponyFactor());
    Text.count(g, "metaPony", pony, r.current().metaPonyFactor());
    g.writeArrayPropertyStart("quarterly");
    for (var q : r.quarterly()) {
      g.writeStartObject();
      g.writeStringProperty("end", q.window().end().toString());
      Text.count(g, "factor", q.factor().hasEvidence(), q.ponyFactor());
      Text.count(g, "metaPony", q.factor().hasEvidence(), q.metaPonyFactor());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
