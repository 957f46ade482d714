package io.github.communitymetrics.report;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * What a report was computed from, when and by which version, so that a reader can tell a
 * simulated demo from a real project and reproduce the page.
 *
 * @param source the source in a few words ({@code "SIMULATED demo community (seed 42)"}, {@code
 *     "GH Archive, 24 files"}, {@code "GitHub octo/widget"}), plain text
 * @param inputs the files read, each with its size ({@code "events.jsonl (12,345 bytes)"}), or the
 *     forge and repository asked for; plain text
 * @param simulated whether the events are the simulator's, not a real project's: the page says
 *     so loudly
 * @param generated when the page was written
 * @param version the version of the tool that wrote it
 * @param notes further lines: warnings, what the commit-based metrics counted; plain text
 */
public record Provenance(
    String source, List<String> inputs, boolean simulated, Instant generated, String version, List<String> notes) {
  /** Checks and copies the fields. */
  public Provenance {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(generated, "generated");
    Objects.requireNonNull(version, "version");
    inputs = List.copyOf(inputs);
    notes = List.copyOf(notes);
  }

  /**
   * This library's version, as the build wrote it into the module ({@code 0.1.0-SNAPSHOT}), or
   * {@code "unknown"} in a build that did not (an IDE compiling the sources alone).
   */
  public static String projectVersion() {
    try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      // An unfiltered copy still holds the placeholder.
      return v.isBlank() || v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
