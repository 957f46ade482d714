package io.github.communitymetrics.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Measurements without evidence are shared instances (scoring a GH Archive day makes millions of
 * them), equal to what the constructor makes, and the factories still check their arguments.
 */
class MeasurementTest {
  private enum Level { HIGH }

  @Test
  void measurementsWithoutEvidenceAreSharedAndEqualTheConstructedOnes() {
    Measurement constructed =
        new Measurement("m", "factor", Unit.PEOPLE, OptionalDouble.empty(), Optional.empty(), 0, "chaoss");
    Measurement a = Measurement.noData("m", "factor", Unit.PEOPLE, "chaoss");
    assertEquals(constructed, a);
    assertSame(a, Measurement.noData("m", new String("factor"), Unit.PEOPLE, "chaoss"));
    assertSame(a, Measurement.of("m", "factor", Unit.PEOPLE, 3.0, 0, "chaoss"));
    assertSame(a, Measurement.of("m", "factor", Unit.PEOPLE, OptionalDouble.empty(), 5, "chaoss"));
    Measurement level = Measurement.level("m", "level", Optional.<Level>empty(), 4, "chaoss");
    assertSame(Measurement.noData("m", "level", Unit.LEVEL, "chaoss"), level);
    assertFalse(level.hasValue());
    assertNotSame(a, Measurement.noData("m", "factor", Unit.COUNT, "chaoss"));
    assertNotSame(a, Measurement.noData("m", "factor", Unit.PEOPLE, "openSauced"));
  }

  @Test
  void factoriesStillCheckTheirArguments() {
    assertThrows(IllegalArgumentException.class, () -> Measurement.of("m", "x", Unit.COUNT, 1.0, -1, "p"));
    assertThrows(RuntimeException.class, () -> Measurement.noData(null, "x", Unit.COUNT, "p"));
    assertThrows(RuntimeException.class, () -> Measurement.noData("m", "x", null, "p"));
    assertThrows(IllegalArgumentException.class, () -> Measurement.noData(" ", "x", Unit.COUNT, "p"));
    assertEquals(1.0, Measurement.of("m", "x", Unit.COUNT, 1.0, 2, "p").value().getAsDouble());
  }
}
