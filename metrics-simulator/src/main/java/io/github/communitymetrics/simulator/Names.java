package io.github.communitymetrics.simulator;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic names built from syllables, so that no real person appears. Uniqueness is checked
 * against sets that are only queried, never iterated, so output order never depends on hashing.
 */
final class Names {
  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "zo", "ba", "de", "fi", "go", "hu", "ja", "ki",
    "lu", "ma", "no", "pe", "ri", "so", "ta", "ve", "yo", "zu", "an", "el", "or", "is", "ul", "em",
    "dra", "tho", "kel", "mar", "vin", "sol", "bre", "quo"
  };
  private static final String[] ENDINGS = {"", "", "", "n", "r", "s", "l", "th", "x"};

  private final Set<String> logins = new HashSet<>();
  private final Set<String> emails = new HashSet<>();

  /** A word of {@code min} to {@code max} syllables, lower case. */
  static String word(SplittableRandom rng, int min, int max) {
    int n = min + rng.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(SYLLABLES[rng.nextInt(SYLLABLES.length)]);
    }
    sb.append(ENDINGS[rng.nextInt(ENDINGS.length)]);
    return sb.toString();
  }

  static String capitalized(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }

  /** A login not given out before, derived from the name parts. */
  String login(SplittableRandom rng, String first, String last) {
    String base;
    switch (rng.nextInt(3)) {
      case 0:
        base = first + "-" + last;
        break;
      case 1:
        base = first + last.charAt(0);
        break;
      default:
        base = first + last;
        break;
    }
    return unique(rng, base);
  }

  /** {@code base}, or {@code base} with digits appended if it was given out before. */
  String unique(SplittableRandom rng, String base) {
    String login = base;
    while (!logins.add(login)) {
      login = base + rng.nextInt(1000);
    }
    return login;
  }

  /** Claims a login that must be unique (bots, the organisation). */
  void reserveLogin(String login) {
    logins.add(login);
  }

  /** An address {@code local@domain} not given out before; adds digits to the local part if taken. */
  String email(SplittableRandom rng, String local, String domain) {
    String email = local + "@" + domain;
    while (!emails.add(email)) {
      email = local + rng.nextInt(10_000) + "@" + domain;
    }
    return email;
  }
}
