package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/**
 * A metric's result for one evaluation, with its measurements.
 *
 * @param descriptor the metric
 * @param evaluation where and when it was evaluated
 * @param result the metric's own result, with all its evidence
 * @param measurements {@code descriptor.measure(result, evaluation)}
 * @param <R> the result type
 */
public record Evaluated<R>(
    MetricDescriptor<R> descriptor, Evaluation evaluation, R result, List<Measurement> measurements) {

  /** Checks and copies the fields. */
  public Evaluated {
    Checks.notNull(descriptor, "descriptor");
    Checks.notNull(evaluation, "evaluation");
    Checks.notNull(result, "result");
    measurements = List.copyOf(measurements);
  }

  /** The measurement named {@code name}, if the metric yields one. */
  public Optional<Measurement> measurement(String name) {
    return measurements.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** The rows of a summary table ({@link MetricDescriptor#rows}). */
  public List<SummaryRow> rows(Function<Actor, String> label) {
    return descriptor.rows(result, evaluation, label);
  }

  /**
   * Writes the metric's JSON object as a property of the current object: {@code id}, {@code
   * preset}, {@code measurements} ({@link Measurements#write}) and the metric's detail.
   */
  public void writeJson(JsonGenerator g, Function<Actor, String> label) {
    g.writeObjectPropertyStart(descriptor.jsonName());
    g.writeStringProperty("id", descriptor.id());
    g.writeStringProperty("preset", descriptor.preset().name());
    g.writeName("measurements");
    Measurements.write(g, measurements);
    descriptor.writeJsonDetail(result, evaluation, label, g);
    g.writeEndObject();
  }
}
