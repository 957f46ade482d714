package io.github.communitymetrics.github.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The raw reader's integers read as Jackson reads JSON integers, and its duplicate-key check
 * holds in objects of a hundred members (a pull request), where names are found by hash.
 */
class RawJsonTest {
  private static long integer(String value) {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    return RawJson.integer(b, 0, b.length);
  }

  @Test
  void integersAsJacksonReadsThem() {
    assertEquals(0, integer("0"));
    assertEquals(12, integer("12"));
    assertEquals(-5, integer("-5"));
    assertEquals(Long.MAX_VALUE, integer("9223372036854775807"));
    assertEquals(-9223372036854775807L, integer("-9223372036854775807"));
    assertEquals(123456789012345678L, integer("123456789012345678"));
    // Other kinds of values are not integers: Jackson gives another token.
    for (String other : List.of("1.5", "1e3", "2E-1", "12345678901234567890.5", "\"12\"", "true", "null",
        "{}", "[1]")) {
      assertEquals(RawJson.NOT_AN_INTEGER, integer(other), other);
    }
    // Jackson refuses these numbers: the line is malformed.
    for (String bad : List.of("007", "-", "-x", "12a", "9223372036854775808", "99999999999999999999")) {
      assertThrows(LineDecoder.MalformedLine.class, () -> integer(bad), bad);
    }
  }

  /** An object of {@code names.size()} members, each name's value its position. */
  private static byte[] object(List<String> names) {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < names.size(); i++) {
      s.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append("\":").append(i);
    }
    return s.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> visited(byte[] object) {
    List<String> out = new ArrayList<>();
    RawJson.members(object, 0, object.length,
        (buf, ns, ne, vs, ve) -> out.add(new String(buf, ns, ne - ns, StandardCharsets.UTF_8)));
    return out;
  }

  @Test
  void everyDuplicateIsFoundInLargeObjectsAndNoDistinctNamesAreTakenForOne() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      names.add("member_" + i);
    }
    // Names with equal hashes ("Aa" and "BB" hash alike, and so do their concatenations) are
    // distinct names.
    names.addAll(List.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB"));
    assertEquals(names, visited(object(names)));
    for (int k : new int[] {1, 11, 12, 13, 40, 155}) {
      for (int at : new int[] {k + 1, names.size()}) {
        List<String> twice = new ArrayList<>(names);
        twice.add(Math.min(at, twice.size()), names.get(k));
        LineDecoder.MalformedLine e =
            assertThrows(LineDecoder.MalformedLine.class, () -> visited(object(twice)), names.get(k));
        assertEquals("duplicate key \"" + names.get(k) + "\" in a JSON object", e.getMessage());
      }
    }
  }
}
