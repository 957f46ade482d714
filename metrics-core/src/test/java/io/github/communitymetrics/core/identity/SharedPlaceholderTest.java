package io.github.communitymetrics.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    "@users.noreply.github.com", "123+", "+", " ", "Z", "local", "host", "(none"
  };

  @ParameterizedTest
  @MethodSource("seeds")
  void placeholdersAreTheDomainsDefinition(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int k = 0; k < 500; k++) {
      StringBuilder b = new StringBuilder();
      for (int n = r.nextInt(5); n >= 0; n--) {
        b.append(PARTS[r.nextInt(PARTS.length)]);
      }
      String normal = Normalize.email(b.toString());
      int at = normal.lastIndexOf('@');
      String domain = at < 0 ? "" : normal.substring(at + 1);
      boolean defined = domain.equals("localhost") || domain.equals("localhost.localdomain") || domain.endsWith("(none)");
      assertEquals(defined, IdentityResolver.isSharedPlaceholder(normal, Set.of()), "seed " + seed + ": '" + normal + "'");
      Optional<Normalize.Noreply> parsed = Normalize.githubNoreply(b.toString());
      assertEquals(normal.matches("(?:(\\d+)\\+)?([^@+\\s]+)@users\\.noreply\\.github\\.com"), parsed.isPresent(),
          "seed " + seed + ": '" + normal + "'");
    }
  }
}
