package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.OnionLayer;
import io.github.communitymetrics.core.metrics.busfactor.OnionModel;
import io.github.communitymetrics.core.metrics.busfactor.OnionModelResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/** GrimoireLab onion model: core, regular and casual contributors of the window (80% / 95%). */
final class OnionModelMetric extends MetricDescriptor<OnionModelResult> {
  OnionModelMetric() {
    super(
        "onion-model",
        "Core / regular / casual contributors",
        "The people who contributed in the window, in three layers by their share of the"
            + " contributions: core (the people making the first 80%), regular (the next 15%) and"
            + " casual (the last 5%).",
        "onion",
        List.of(
            new Preset("grimoireLab", "GrimoireLab onion model (80% / 95%)")
                .definedAt("https://chaoss.github.io/grimoirelab-sigils/common/onion_analysis/")
                .withGuidance(
                    "A larger core is more resilient, and a wide casual layer is where future regular"
                        + " and core contributors come from. GrimoireLab publishes no levels.")),
        List.of(),
        List.of(
            new MeasurementSpec("core", Unit.PEOPLE, "people making the first 80% of contributions"),
            new MeasurementSpec("regular", Unit.PEOPLE, "people making the next 15%"),
            new MeasurementSpec("casual", Unit.PEOPLE, "everyone else who contributed")),
        Locality.WINDOW);
  }

  /** The window's events of the repository only. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.WINDOW_EVENTS, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, OnionModelResult> metric(Evaluation e) {
    return OnionModel.grimoireLab(e.window()).withScope(e.scope());
  }

  @Override
  public List<Measurement> measure(OnionModelResult r, Evaluation e) {
    List<Measurement> out = new ArrayList<>();
    long n = r.hasEvidence() ? r.total() : 0;
    for (OnionLayer layer : OnionLayer.values()) {
      out.add(Measurement.of(id(), layer.name().toLowerCase(Locale.ROOT), Unit.PEOPLE, r.layer(layer).size(), n, preset().name()));
    }
    return out;
  }

  @Override
  public List<SummaryRow> rows(OnionModelResult r, Evaluation e, Function<Actor, String> label) {
    return List.of(
        new SummaryRow(
            "Core / regular / casual contributors",
            r.hasEvidence()
                ? r.layer(OnionLayer.CORE).size() + " / " + r.layer(OnionLayer.REGULAR).size()
                    + " / " + r.layer(OnionLayer.CASUAL).size() + " people"
                : Text.NO_DATA,
            "",
            "grimoirelab onion, 80% / 95%"));
  }

  @Override
  public void writeJsonDetail(
      OnionModelResult r, Evaluation e, Function<Actor, String> label, JsonGenerator g) {
    for (OnionLayer layer : OnionLayer.values()) {
      Text.count(g, layer.name().toLowerCase(Locale.ROOT), r.hasEvidence(), r.layer(layer).size());
    }
  }
}
