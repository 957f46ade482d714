package io.github.communitymetrics.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The read report counts skipped lines per reason, and the counts add up. */
class MalformedReasonTest {
  private static final String STAR =
      "{\"type\":\"star\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"acme/widget\","
          + "\"actor\":{\"login\":\"bob\",\"bot\":false}}";

  @Test
  void eachKindOfMalformedLineIsCountedUnderItsReason() {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes((STAR + "\n").getBytes(StandardCharsets.UTF_8));
    in.writeBytes(new byte[] {'{', (byte) 0xC3, '}', '\n'}); // invalid UTF-8
    in.writeBytes("{\"a\":\u0000}\n".getBytes(StandardCharsets.UTF_8)); // raw NUL
    in.writeBytes(("{\"pad\":\"" + "x".repeat(400) + "\"}\n").getBytes(StandardCharsets.UTF_8)); // too long
    in.writeBytes((STAR.replace("2024", "2300") + "\n").getBytes(StandardCharsets.UTF_8));
    in.writeBytes("[1,2]\n".getBytes(StandardCharsets.UTF_8)); // not an object
    in.writeBytes("{\"type\":\"star\"}\n".getBytes(StandardCharsets.UTF_8)); // missing fields
    in.writeBytes("{\"type\":\"star\"} {}\n".getBytes(StandardCharsets.UTF_8)); // trailing content
    in.writeBytes((STAR + "\n").getBytes(StandardCharsets.UTF_8));
    ReadReport r;
    try (EventReader reader =
        EventJsonLines.reader(
            new ByteArrayInputStream(in.toByteArray()), ReadOptions.skipMalformed(20).withMaxLineLength(300))) {
      reader.forEachRemaining(e -> {});
      r = reader.report();
    }
    assertEquals(2, r.eventsRead());
    assertEquals(7, r.malformedLinesSkipped());
    assertEquals(
        Map.of(
            MalformedReason.INVALID_UTF8, 1L,
            MalformedReason.NUL_CHARACTER, 1L,
            MalformedReason.LINE_TOO_LONG, 1L,
            MalformedReason.INSTANT_OUT_OF_RANGE, 1L,
            MalformedReason.INVALID_JSON, 2L,
            MalformedReason.INVALID_EVENT, 1L),
        r.malformedByReason());
    // In MalformedReason's order, so that reports list them alike.
    assertEquals(List.of(MalformedReason.values()), List.copyOf(r.malformedByReason().keySet()));
    assertEquals("invalid-utf8", MalformedReason.INVALID_UTF8.label());
  }

  @Test
  void countsMustBePositiveAndAddUpToNoMoreThanTheSkipped() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ReadReport(3, 0, 1, 1, List.of(), Map.of(MalformedReason.INVALID_JSON, 2L)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ReadReport(3, 0, 1, 1, List.of(), Map.of(MalformedReason.INVALID_JSON, 0L)));
    assertEquals(Map.of(), new ReadReport(3, 0, 1, 1, List.of()).malformedByReason());
  }
}
