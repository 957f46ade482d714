package io.github.communitymetrics.core.registry;

import java.util.List;
import tools.jackson.core.JsonGenerator;

/** How measurements read in JSON and text, the same in every output. */
public final class Measurements {
  /** What text shows for a measurement without evidence (JSON shows {@code null}). */
  public static final String NO_DATA = "no data";

  private Measurements() {}

  /**
   * Writes measurements as a JSON array of objects {@code {"name", "unit", "value", "category"
   * (levels only), "evidence", "preset"}}; {@code value} is {@code null} without evidence.
   */
  public static void write(JsonGenerator g, List<Measurement> measurements) {
    g.writeStartArray();
    for (Measurement m : measurements) {
      write(g, m);
    }
    g.writeEndArray();
  }

  /**
   * The value as a machine reads it (CSV): the category of a level, the number in full
   * precision (whole numbers without a decimal point), or the empty string without evidence.
   */
  public static String plain(Measurement m) {
    if (m.category().isPresent()) {
      return m.category().get();
    }
    if (m.value().isEmpty()) {
      return "";
    }
    double v = m.value().getAsDouble();
    return isWhole(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** Whether {@code v} prints as a whole number (exactly representable as a long). */
  static boolean isWhole(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15;
  }

  /** Writes one measurement object (see {@link #write(JsonGenerator, List)}). */
  public static void write(JsonGenerator g, Measurement m) {
    g.writeStartObject();
    g.writeStringProperty("name", m.name());
    g.writeStringProperty("unit", m.unit().id());
    if (m.unit() == Unit.LEVEL) {
      if (m.category().isPresent()) {
        g.writeStringProperty("category", m.category().get());
      } else {
        g.writeNullProperty("category");
      }
    } else if (m.value().isPresent()) {
      double v = m.value().getAsDouble();
      if (isWhole(v)) {
        g.writeNumberProperty("value", (long) v);
      } else {
        g.writeNumberProperty("value", v);
      }
    } else {
      g.writeNullProperty("value");
    }
    g.writeNumberProperty("evidence", m.evidence());
    g.writeStringProperty("preset", m.preset());
    g.writeEndObject();
  }
}
