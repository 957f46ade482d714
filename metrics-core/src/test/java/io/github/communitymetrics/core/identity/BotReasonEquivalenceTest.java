package io.github.communitymetrics.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Forge;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BotDetector#reason} (hand-written string checks since issue 24) against the regular
 * expressions it had before, kept here as the reference, over seeded actors whose logins, names
 * and e-mail addresses mix listed bot names, {@code [bot]} suffixes, runs of every kind of white
 * space (and non-breaking spaces, which {@code \s} does not match) and GitHub noreply prefixes
 * with and without digits.
 */
class BotReasonEquivalenceTest {
  private static final Pattern NOREPLY_ID_PREFIX = Pattern.compile("^\\d+\\+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final String[] WORDS = {"renovate", "bot", "Renovate", "dependabot", "wei", "zhang", "[bot]", "ci", "ghost"};
  private static final String[] GAPS = {" ", "  ", "\t", "\u000B", "\f", "\r\n", "\u00A0", "\u2003", "-", "", " \t "};
  private static final String[] PREFIXES = {"", "123+", "+", "12a+", "007+", "\u0661\u0662+", "9+"};

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void reasonsAreThoseOfTheRegularExpressions(long seed) {
    Random r = new Random(seed);
    BotDetector.Builder b = BotDetector.builder().includeDefaults(r.nextInt(3) > 0);
    List<Pattern> patterns = new ArrayList<>();
    if (r.nextBoolean()) {
      b.addName("Wei\u000BZhang");
      b.addName(" renovate \t ci ");
    }
    if (r.nextBoolean()) {
      Pattern p = Pattern.compile(".*-ci", Pattern.CASE_INSENSITIVE);
      b.addPattern(p);
      patterns.add(p);
    }
    BotDetector detector = b.build();
    Set<String> emails = detector.names().contains("dependabot") ? Set.of("noreply@github.com") : Set.of();
    for (int k = 0; k < 50; k++) {
      Actor a = actor(r);
      assertEquals(oldReason(detector.names(), emails, patterns, a), detector.reason(a), "seed " + seed + ", " + a);
    }
  }

  private static Actor actor(Random r) {
    Optional<String> login = r.nextBoolean() ? Optional.of(text(r)) : Optional.empty();
    Optional<String> name = r.nextBoolean() ? Optional.of(text(r)) : Optional.empty();
    Set<String> emails = new LinkedHashSet<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      emails.add(r.nextInt(6) == 0 ? "NoReply@GitHub.com"
          : PREFIXES[r.nextInt(PREFIXES.length)] + text(r) + (r.nextBoolean() ? "@users.noreply.github.com" : ""));
    }
    if (login.isEmpty() && name.isEmpty() && emails.isEmpty()) {
      login = Optional.of("x");
    }
    ActorKind kind = r.nextInt(20) == 0 ? ActorKind.BOT : ActorKind.USER;
    return new Actor(Forge.GITHUB, login, OptionalLong.empty(), name, new ArrayList<>(emails), kind);
  }

  /** One to three words joined by gaps, maybe padded; never blank. */
  private static String text(Random r) {
    StringBuilder s = new StringBuilder(r.nextInt(4) == 0 ? GAPS[r.nextInt(GAPS.length)] : "");
    int words = 1 + r.nextInt(3);
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        s.append(GAPS[r.nextInt(GAPS.length)]);
      }
      s.append(WORDS[r.nextInt(WORDS.length)]);
    }
    if (r.nextInt(4) == 0) {
      s.append(GAPS[r.nextInt(GAPS.length)]);
    }
    return s.toString();
  }

  /** {@code BotDetector.reason} as it was before issue 24. */
  private static Optional<String> oldReason(Set<String> names, Set<String> emails, List<Pattern> patterns, Actor actor) {
    if (actor.kind() == ActorKind.BOT) {
      return Optional.of("the forge declared the account a bot (kind BOT)");
    }
    List<String[]> fields = new ArrayList<>();
    actor.login().ifPresent(l -> fields.add(new String[] {"login", l, Normalize.text(l)}));
    actor.name().ifPresent(n -> fields.add(new String[] {"name", n, Normalize.text(n)}));
    for (String e : actor.emails()) {
      String local = NOREPLY_ID_PREFIX.matcher(Normalize.localPart(e)).replaceFirst("");
      fields.add(new String[] {"e-mail local part of", e, local});
    }
    for (String[] f : fields) {
      if (f[2].endsWith("[bot]")) {
        return Optional.of(f[0] + " '" + f[1] + "' ends with [bot]");
      }
    }
    for (String[] f : fields) {
      String key = SPACES.matcher(f[2]).replaceAll("-");
      if (names.contains(key)) {
        return Optional.of(f[0] + " '" + f[1] + "' is the listed bot name '" + key + "'");
      }
    }
    for (String e : actor.emails()) {
      if (emails.contains(Normalize.email(e))) {
        return Optional.of("e-mail '" + e + "' is a listed bot address");
      }
    }
    for (Pattern p : patterns) {
      List<String> inputs = new ArrayList<>();
      actor.login().ifPresent(inputs::add);
      actor.name().ifPresent(inputs::add);
      inputs.addAll(actor.emails());
      for (String value : inputs) {
        if (p.matcher(value).matches()) {
          return Optional.of("'" + value + "' matches the pattern '" + p.pattern() + "'");
        }
      }
    }
    return Optional.empty();
  }
}
