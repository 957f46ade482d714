package io.github.communitymetrics.github.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {
  private static long parse(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return Times.epochSecond(b, 0, b.length);
  }

  @ParameterizedTest
  @CsvSource({
    "2012-04-01T00:00:00Z, 2012-04-01T00:00:00Z",
    "2012-10-13T00:00:17-07:00, 2012-10-13T07:00:17Z",
    "2014-12-31T23:59:59-08:00, 2015-01-01T07:59:59Z",
    "2015-01-01T15:00:00+05:30, 2015-01-01T09:30:00Z",
    "2021-07-21T06:00:01.250Z, 2021-07-21T06:00:01Z",
    "2024-02-29T12:00:00Z, 2024-02-29T12:00:00Z"
  })
  void parsesBothArchiveShapes(String text, String utc) {
    assertEquals(Instant.parse(utc).getEpochSecond(), parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2012-04-01 00:00:00Z", "2023-02-30T00:00:00Z", "2012-04-01T00:00:00", "2012-04-01T24:00:00Z", "2012-04-01T00:00:00+7:00"})
  void rejectsOtherShapes(String text) {
    assertEquals(Times.INVALID, parse(text));
  }

  /** The hand-written path agrees with java.time on random instants and offsets. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void agreesWithJavaTime(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 2000; i++) {
      long second = random.nextLong(0, 4_102_444_800L); // 1970 to 2100
      int offsetMinutes = (random.nextInt(-18 * 4, 18 * 4 + 1)) * 15;
      OffsetDateTime t =
          OffsetDateTime.ofInstant(
              Instant.ofEpochSecond(second), ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
      String text = t.toString();
      if (text.length() == 16 + (offsetMinutes == 0 ? 1 : 6)) {
        continue; // java.time drops ":00" seconds; GH Archive never does
      }
      assertEquals(second, parse(text), "seed " + seed + ": " + text);
    }
  }
}
