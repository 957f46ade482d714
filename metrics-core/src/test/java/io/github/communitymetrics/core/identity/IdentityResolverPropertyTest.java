package io.github.communitymetrics.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Forge;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link IdentityResolver} over random actors that share logins, ids, e-mail
 * addresses, noreply addresses and names in random ways, including bots.
 */
class IdentityResolverPropertyTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 300);
  }

  private static final String[] LOGINS = {"ana", "bo", "cy", "dependabot[bot]", "renovate", "dee"};
  private static final long[] IDS = {11, 12, 13, 14, 49699333};
  private static final String[] NAMES = {"Ana", "Bo B", "Wei Zhang", " wei zhang ", "renovate bot"};
  private static final String[] PLAIN_EMAILS = {
    "ana@a.example", "bo@b.example", "shared@team.example", "support@dependabot.com", "cy@c.example"
  };

  /** A local seeded generator of actors. */
  static List<Actor> actors(Random r) {
    int n = 1 + r.nextInt(25);
    Set<Actor> out = new LinkedHashSet<>();
    while (out.size() < n) {
      Forge forge = List.of(Forge.GITHUB, Forge.GITLAB, Forge.GIT).get(r.nextInt(3));
      Optional<String> login =
          forge != Forge.GIT && r.nextInt(10) < 7
              ? Optional.of(caseVariant(r, LOGINS[r.nextInt(LOGINS.length)]))
              : Optional.empty();
      OptionalLong id =
          forge != Forge.GIT && r.nextInt(10) < 4
              ? OptionalLong.of(IDS[r.nextInt(IDS.length)])
              : OptionalLong.empty();
      Optional<String> name =
          r.nextBoolean() ? Optional.of(NAMES[r.nextInt(NAMES.length)]) : Optional.empty();
      Set<String> emails = new LinkedHashSet<>();
      int count = r.nextInt(3);
      for (int i = 0; i < count; i++) {
        emails.add(caseVariant(r, email(r)));
      }
      if (login.isEmpty() && id.isEmpty() && name.isEmpty() && emails.isEmpty()) {
        name = Optional.of(NAMES[r.nextInt(NAMES.length)]);
      }
      ActorKind kind = r.nextInt(10) == 0 ? ActorKind.BOT : ActorKind.USER;
      out.add(new Actor(forge, login, id, name, new ArrayList<>(emails), kind));
    }
    return new ArrayList<>(out);
  }

  private static String email(Random r) {
    switch (r.nextInt(3)) {
      case 0:
        return PLAIN_EMAILS[r.nextInt(PLAIN_EMAILS.length)];
      case 1:
        return IDS[r.nextInt(IDS.length)] + "+" + LOGINS[r.nextInt(LOGINS.length)]
            + "@users.noreply.github.com";
      default:
        return LOGINS[r.nextInt(LOGINS.length)] + "@users.noreply.github.com";
    }
  }

  private static String caseVariant(Random r, String s) {
    return r.nextInt(4) == 0 ? s.toUpperCase(Locale.ROOT) : s;
  }

  private static IdentityResolver resolver(long seed) {
    IdentityResolver.Builder b =
        IdentityResolver.builder()
            .mailmap(Mailmap.parse("<ana@a.example> <cy@c.example>\n"))
            .aliases(AliasList.of(List.of(Set.of("Bo B", "dee"))));
    if (seed % 2 == 1) {
      b.enable(MergeRule.SAME_NAME);
    }
    return b.build();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void samePersonIsAnEquivalenceRelation(long seed) {
    List<Actor> actors = actors(new Random(seed));
    Identities ids = resolver(seed).resolve(actors);
    for (Actor a : actors) {
      assertTrue(ids.samePerson(a, a), "reflexive, seed " + seed);
      for (Actor b : actors) {
        boolean ab = ids.samePerson(a, b);
        assertEquals(ab, ids.samePerson(b, a), "symmetric, seed " + seed);
        assertEquals(ab, ids.personOf(a).equals(ids.personOf(b)), "seed " + seed);
        if (ab) {
          for (Actor c : actors) {
            if (ids.samePerson(b, c)) {
              assertTrue(ids.samePerson(a, c), "transitive, seed " + seed);
            }
          }
        }
      }
    }
    int total = ids.people().stream().mapToInt(p -> p.actors().size()).sum();
    assertEquals(actors.size(), total, "a partition of the input, seed " + seed);
    for (int i = 0; i < ids.size(); i++) {
      assertEquals(i, ids.people().get(i).index(), "seed " + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void resolutionIsIdempotent(long seed) {
    IdentityResolver resolver = resolver(seed);
    List<Actor> actors = actors(new Random(seed));
    Identities ids = resolver.resolve(actors);
    for (Person p : ids.people()) {
      Identities again = resolver.resolve(p.actors());
      assertEquals(1, again.size(), "one person stays one, seed " + seed + ", " + p);
      assertEquals(p.actors(), again.people().get(0).actors(), "seed " + seed);
      assertEquals(ids.evidence(p), again.evidence(again.people().get(0)), "seed " + seed);
    }
    List<Actor> flattened = new ArrayList<>();
    ids.people().forEach(p -> flattened.addAll(p.actors()));
    assertEquals(ids.people(), resolver.resolve(flattened).people(), "seed " + seed);
    assertEquals(ids.people(), resolver.resolve(actors).people(), "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void independentOfOrderAndDuplicates(long seed) {
    IdentityResolver resolver = resolver(seed);
    Random r = new Random(seed);
    List<Actor> actors = actors(r);
    Identities ids = resolver.resolve(actors);
    List<Actor> shuffled = new ArrayList<>(actors);
    for (int i = r.nextInt(actors.size() + 1); i > 0; i--) {
      shuffled.add(actors.get(r.nextInt(actors.size())));
    }
    Collections.shuffle(shuffled, r);
    Identities other = resolver.resolve(shuffled);
    assertEquals(ids.people(), other.people(), "seed " + seed);
    assertEquals(ids.refused(), other.refused(), "seed " + seed);
    for (Person p : ids.people()) {
      assertEquals(ids.evidence(p), other.evidence(p), "seed " + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void botsNeverShareAPersonWithPeople(long seed) {
    List<Actor> actors = actors(new Random(seed));
    Identities ids = resolver(seed).resolve(actors);
    BotDetector bots = BotDetector.defaults();
    for (Person p : ids.people()) {
      for (Actor a : p.actors()) {
        assertEquals(p.bot(), bots.isBot(a), "seed " + seed + ", " + p + ", " + a);
      }
      for (MergeEvidence e : ids.evidence(p)) {
        assertTrue(p.actors().contains(e.first()) && p.actors().contains(e.second()), "seed " + seed);
      }
    }
    for (RefusedMerge m : ids.refused()) {
      MergeEvidence e = m.evidence();
      assertNotEquals(bots.isBot(e.first()), bots.isBot(e.second()), "seed " + seed);
      assertTrue(!ids.samePerson(e.first(), e.second()), "seed " + seed);
    }
  }

  /**
   * Compares the default rules with a naive oracle: link every pair of actors of the same kind
   * that shares an id, a login, an address or a noreply claim, then take the transitive closure.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void matchesANaivePairwiseOracle(long seed) {
    List<Actor> actors = new ArrayList<>(new LinkedHashSet<>(actors(new Random(seed))));
    Identities ids = IdentityResolver.defaults().resolve(actors);
    BotDetector bots = BotDetector.defaults();
    int n = actors.size();
    boolean[][] linked = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        Actor a = actors.get(i);
        Actor b = actors.get(j);
        linked[i][j] = i == j || (bots.isBot(a) == bots.isBot(b) && directlyLinked(a, b));
      }
    }
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          linked[i][j] |= linked[i][k] && linked[k][j];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertEquals(
            linked[i][j],
            ids.samePerson(actors.get(i), actors.get(j)),
            "seed " + seed + ": " + actors.get(i) + " / " + actors.get(j));
      }
    }
  }

  private static final Pattern NOREPLY =
      Pattern.compile("(?i)(?:(\\d+)\\+)?([^@+]+)@users\\.noreply\\.github\\.com");

  private static boolean directlyLinked(Actor a, Actor b) {
    if (a.forge().equals(b.forge())) {
      if (a.id().isPresent() && a.id().equals(b.id())) {
        return true;
      }
      if (a.login().isPresent()
          && b.login().isPresent()
          && a.login().get().equalsIgnoreCase(b.login().get())) {
        return true;
      }
    }
    Set<String> ea = lower(a.emails());
    ea.retainAll(lower(b.emails()));
    if (!ea.isEmpty()) {
      return true;
    }
    Set<String> claimsA = noreplyClaims(a);
    Set<String> claimsB = noreplyClaims(b);
    Set<String> both = new HashSet<>(claimsA);
    both.retainAll(claimsB);
    if (!both.isEmpty()) {
      return true;
    }
    claimsA.retainAll(accountClaims(b));
    claimsB.retainAll(accountClaims(a));
    return !claimsA.isEmpty() || !claimsB.isEmpty();
  }

  private static Set<String> lower(List<String> strings) {
    Set<String> out = new HashSet<>();
    strings.forEach(s -> out.add(s.trim().toLowerCase(Locale.ROOT)));
    return out;
  }

  private static Set<String> noreplyClaims(Actor a) {
    Set<String> out = new HashSet<>();
    for (String e : a.emails()) {
      Matcher m = NOREPLY.matcher(e.trim());
      if (m.matches()) {
        out.add("login " + m.group(2).toLowerCase(Locale.ROOT));
        if (m.group(1) != null) {
          out.add("id " + Long.parseLong(m.group(1)));
        }
      }
    }
    return out;
  }

  private static Set<String> accountClaims(Actor a) {
    Set<String> out = new HashSet<>();
    if (a.forge().equals(Forge.GITHUB)) {
      a.login().ifPresent(l -> out.add("login " + l.toLowerCase(Locale.ROOT)));
      a.id().ifPresent(id -> out.add("id " + id));
    }
    return out;
  }
}
