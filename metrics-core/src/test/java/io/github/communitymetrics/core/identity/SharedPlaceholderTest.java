package io.github.communitymetrics.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The placeholder and noreply tests that look at an address's end agree with their definitions
 * (the domain after the last '@'; the noreply pattern), over addresses built to sit on the edges.
 */
class SharedPlaceholderTest {
  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  private static final String[] PARTS = {
    "a", "@", "localhost", ".localdomain", "(none)", "x@", "@localhost", "users.noreply.github.com",
    "@users.noreply.github.com", "123+", "+", " ", "Z", "local", "host", "(none", "9", "0+",
    "99999999999999999999+", "\t", "\u000B", "\u00e9", "-", "users.noreply.github.com@"
  };

  private static final java.util.regex.Pattern NOREPLY =
      java.util.regex.Pattern.compile("(?:(\\d+)\\+)?([^@+\\s]+)@users\\.noreply\\.github\\.com");

  @ParameterizedTest
  @MethodSource("seeds")
  void placeholdersAreTheDomainsDefinition(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int withId = 0;
    int withoutId = 0;
    for (int k = 0; k < 2000; k++) {
      StringBuilder b = new StringBuilder();
      for (int n = r.nextInt(5); n >= 0; n--) {
        b.append(PARTS[r.nextInt(PARTS.length)]);
      }
      if (k % 4 == 0) {
        // Near a noreply address: an id-like prefix, the parts above, the domain.
        b.insert(0, PARTS[r.nextInt(PARTS.length)].replaceAll("[^0-9+]", "")).append("@users.noreply.github.com");
      }
      String normal = Normalize.email(b.toString());
      int at = normal.lastIndexOf('@');
      String domain = at < 0 ? "" : normal.substring(at + 1);
      boolean defined = domain.equals("localhost") || domain.equals("localhost.localdomain") || domain.endsWith("(none)");
      assertEquals(defined, IdentityResolver.isSharedPlaceholder(normal, Set.of()), "seed " + seed + ": '" + normal + "'");
      // The hand-written parse against the pattern it replaces: the same addresses, ids and logins.
      java.util.regex.Matcher m = NOREPLY.matcher(normal);
      Optional<Normalize.Noreply> expected = Optional.empty();
      if (m.matches()) {
        Optional<Long> id = Optional.empty();
        if (m.group(1) != null) {
          try {
            id = Optional.of(Long.parseLong(m.group(1)));
          } catch (NumberFormatException tooLong) {
            // as githubNoreply: only the login
          }
        }
        expected = Optional.of(new Normalize.Noreply(id, m.group(2)));
      }
      assertEquals(expected, Normalize.githubNoreply(b.toString()), "seed " + seed + ": '" + normal + "'");
      withId += expected.isPresent() && expected.get().id().isPresent() ? 1 : 0;
      withoutId += expected.isPresent() && expected.get().id().isEmpty() ? 1 : 0;
    }
    assertTrue(withId > 0 && withoutId > 0, "seed " + seed + ": " + withId + " with an id, " + withoutId + " without");
  }
}
