package io.github.communitymetrics.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/**
 * Fuzzes the three event-file readers with arbitrary text. Every test run replays the seeds;
 * {@code JAZZER_FUZZ=1} fuzzes, as {@code .ci/run} does. For any input each reader returns the
 * events or throws an {@link EventFileException} naming a line within the input (or none): never
 * a parser's own exception, a NullPointerException or an IllegalArgumentException.
 */
class CommunityEventFilesFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void anyText(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    // Parsers count a lone carriage return as a line break too: count both as an upper bound.
    long lines = text.chars().filter(c -> c == '\n' || c == '\r').count() + 2;
    check(CommunityEventFiles::readJson, text, lines);
    check(CommunityEventFiles::readCsv, text, lines);
    check(CommunityEventFiles::readICalendar, text, lines);
  }

  private static void check(BiFunction<StringReader, String, ?> reader, String text, long lines) {
    try {
      reader.apply(new StringReader(text), "fuzz");
    } catch (EventFileException e) {
      assertTrue(e.line().orElse(1) >= 1 && e.line().orElse(1) <= lines, e.getMessage());
      assertTrue(e.getMessage().startsWith("fuzz"), e.getMessage());
    }
  }
}
