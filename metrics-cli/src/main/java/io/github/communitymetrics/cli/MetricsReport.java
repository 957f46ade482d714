package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.summary.HealthSummary;
import io.github.communitymetrics.core.registry.Evaluated;
import io.github.communitymetrics.core.registry.Measurements;
import io.github.communitymetrics.core.registry.SummaryRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Prints a {@link HealthSummary} as aligned tables or as the JSON of {@code docs/metrics.md}: a
 * header, then each registered metric's rows, details and JSON object, in registry order.
 */
final class MetricsReport {
  /** Version of the JSON layout; bumped on incompatible changes (docs/metrics.md). */
  static final int SCHEMA_VERSION = 2;

  /** What the text shows for a metric whose evidence is empty (JSON shows {@code null}). */
  static final String NO_DATA = Measurements.NO_DATA;

  private final HealthSummary s;
  private final People people;
  private final String source;
  private final boolean simulated;
  private final Optional<io.github.communitymetrics.core.io.ReadReport> read;
  private final List<String> warnings;
  /** Shown under the header when the commit-based metrics did not count commits. */
  private final Optional<String> note;

  MetricsReport(HealthSummary summary, People people, String source, boolean simulated) {
    this(summary, people, source, simulated, Optional.empty(), List.of(), Optional.empty());
  }

  /**
   * @param read how the input was read, when it was read from a file
   * @param warnings what the reader should know about the question asked (printed as given)
   * @param note why the commit-based metrics counted something else than commits, if they did
   */
  MetricsReport(
      HealthSummary summary,
      People people,
      String source,
      boolean simulated,
      Optional<io.github.communitymetrics.core.io.ReadReport> read,
      List<String> warnings,
      Optional<String> note) {
    this.s = summary;
    this.people = people;
    this.source = source;
    this.simulated = simulated;
    this.read = read;
    this.warnings = List.copyOf(warnings);
    this.note = note;
  }

  /** What the commit-based metrics counted, as the JSON field {@code commitBasis} spells it. */
  private String basis() {
    return s.commitBasis().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private String label(Actor personKey) {
    return people.identities().personOf(personKey).map(Person::label).orElse(personKey.label());
  }

  void writeText(PrintWriter out) {
    out.println("Community Metrics: " + s.repository().fullName());
    out.println("Source: " + source);
    read.ifPresent(r -> out.println("Read:   " + CommunitySummary.readLine(r)));
    out.println("As of:  " + s.asOf() + "   window: " + s.window());
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
    note.ifPresent(n -> out.println("Note:   " + n));
    out.println();
    TextTable t = new TextTable("Question", "Answer", "Level", "Preset").numeric(1);
    for (Evaluated<?> e : s.metrics()) {
      for (SummaryRow row : e.rows(this::label)) {
        t.row(row.question(), row.answer(), row.level(), row.preset());
      }
    }
    t.print(out, "  ");
    out.println();
    for (Evaluated<?> e : s.metrics()) {
      for (String line : detail(e)) {
        out.println(line);
      }
    }
    if (simulated) {
      out.println();
      out.println("(Simulated data: the numbers describe the demo community, not a real project.)");
    }
  }

  private <R> List<String> detail(Evaluated<R> e) {
    return e.descriptor().textDetail(e.result(), e.evaluation(), this::label);
  }

  void writeJson(PrintWriter out) {
    try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeNumberProperty("schemaVersion", SCHEMA_VERSION);
      g.writeStringProperty("repo", s.repository().fullName());
      g.writeStringProperty("asOf", s.asOf().toString());
      g.writeObjectPropertyStart("window");
      g.writeStringProperty("start", s.window().start().toString());
      g.writeStringProperty("end", s.window().end().toString());
      g.writeEndObject();
      g.writeStringProperty("source", source);
      g.writeBooleanProperty("simulated", simulated);
      if (read.isPresent()) {
        CommunitySummary.writeRead(g, "read", read.get());
      }
      g.writeArrayPropertyStart("warnings");
      for (String w : warnings) {
        g.writeString(w);
      }
      g.writeEndArray();
      g.writeStringProperty("commitBasis", basis());
      if (note.isPresent()) {
        g.writeStringProperty("note", note.get());
      }
      for (Evaluated<?> e : s.metrics()) {
        e.writeJson(g, this::label);
      }
      g.writeEndObject();
    }
    out.println();
  }
}
