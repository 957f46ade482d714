package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/** What the factor metrics (absence, dependency, elephant, lottery) share in their outputs. */
final class Factors {
  private Factors() {}

  /** The factor and the contributions counted, as measurements. */
  static List<Measurement> measure(String id, FactorResult<?> f, Unit unit, String preset) {
    long n = f.hasEvidence() ? f.total() : 0;
    return List.of(
        Measurement.of(id, "factor", unit, f.factor(), n, preset),
        Measurement.of(id, "total", Unit.COUNT, f.total(), n, preset));
  }

  /** The factor's fields: {@code factor}, {@code total}, {@code preset}, {@code members}. */
  static <K> void write(JsonGenerator g, FactorResult<K> f, Function<K, String> label, String preset) {
    Text.count(g, "factor", f.hasEvidence(), f.factor());
    g.writeNumberProperty("total", f.total());
    g.writeArrayPropertyStart("members");
    for (Ranked<K> r : f.members()) {
      g.writeStartObject();
      g.writeStringProperty("name", label.apply(r.key()));
      g.writeNumberProperty("count", r.count());
      g.writeNumberProperty("share", r.share());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static List<MeasurementSpec> specs(Unit unit, String what) {
    return List.of(
        new MeasurementSpec("factor", unit, "the fewest " + unit.id() + " holding more than the share of " + what),
        new MeasurementSpec("total", Unit.COUNT, what + " counted"));
  }
}
