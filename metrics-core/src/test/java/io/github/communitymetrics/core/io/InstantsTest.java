package io.github.communitymetrics.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstantsTest {
  /** What the fast path must agree with: {@link Instant#parse}, restricted to a final 'Z'. */
  static Optional<Instant> reference(String text) {
    if (!text.endsWith("Z")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 100);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void agreesWithInstantParseOnValidAndMutatedInput(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    RandomEvents events = new RandomEvents(seed);
    String alphabet = "0123456789-:TZz.+ x";
    for (int i = 0; i < 200; i++) {
      String valid = events.instant().toString();
      assertEquals(Optional.of(Instant.parse(valid)), Instants.parseUtc(valid), "seed " + seed);
      char[] mutated = valid.toCharArray();
      mutated[random.nextInt(mutated.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      String text = new String(mutated);
      assertEquals(reference(text), Instants.parseUtc(text), "seed " + seed + ": " + text);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-03-01T12:00:00Z",
        "2024-02-29T23:59:59Z",
        "2023-02-29T12:00:00Z",
        "2024-02-30T12:00:00Z",
        "2024-13-01T00:00:00Z",
        "2024-00-01T00:00:00Z",
        "2024-03-00T00:00:00Z",
        "2024-03-01T24:00:00Z",
        "2024-03-01T23:60:00Z",
        "2024-03-01T23:59:60Z",
        "2024-03-01t12:00:00Z",
        "2024-03-01T12:00:00z",
        "2024-03-01T12:00:00+00:00",
        "2024-03-01 12:00:00Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "+10000-01-01T00:00:00Z",
        "-0001-01-01T00:00:00Z",
        "Z",
        ""
      })
  void agreesWithInstantParseOnEdgeCases(String text) {
    assertEquals(reference(text), Instants.parseUtc(text), text);
  }
}
