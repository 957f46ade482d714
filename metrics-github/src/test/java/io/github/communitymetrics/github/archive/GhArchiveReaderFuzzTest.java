package io.github.communitymetrics.github.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.ReadOptions;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the GH Archive reader with arbitrary bytes (uncompressed: the inflater is the JDK's). Every
 * test run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes, as {@code .ci/run} does. For any input:
 * a strict read ends normally or with a {@link GhArchiveException} naming a line within the
 * input; a skipping read never throws, and every line it read is mapped, not mapped (counted by
 * reason), unmappable, blank or malformed.
 */
class GhArchiveReaderFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void anyBytes(byte[] data) {
    long lines = 1;
    for (byte b : data) {
      if (b == '\n') {
        lines++;
      }
    }
    try {
      GhArchiveReader.builder().options(ReadOptions.strict()).maxLineBytes(4096).build()
          .read(new ByteArrayInputStream(data), "fuzz", e -> { });
    } catch (GhArchiveException e) {
      assertTrue(e.line() >= 1 && e.line() <= lines, e.getMessage());
    }
    List<Event> events = new ArrayList<>();
    GhArchiveReport report =
        GhArchiveReader.builder().options(ReadOptions.skipMalformed(3)).maxLineBytes(4096).build()
            .read(new ByteArrayInputStream(data), "fuzz", events::add);
    assertEquals(events.size(), report.eventsMapped(), report.toString());
    assertTrue(report.malformedLines() <= lines, report.toString());
  }
}
