package io.github.communitymetrics.core.metrics.busfactor;

import static io.github.communitymetrics.core.metrics.busfactor.Events.REPO;
import static io.github.communitymetrics.core.metrics.busfactor.Events.T0;
import static io.github.communitymetrics.core.metrics.busfactor.Events.person;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ElephantFactorTest {
  private static final Window YEAR = Window.startingAt(T0, Duration.ofDays(365));
  private static final Instant CHANGE = T0.plus(Duration.ofDays(100));
  private static final Actor ALICE = person("alice", "alice@personal.example");
  private static final Actor BOB = person("bob", "bob@acme.example");
  private static final Actor CAROL = person("carol", "carol@gmail.com");
  private static final Actor DAVE = person("dave", "dave@outlook.com");
  private static final Affiliations AFFILIATIONS =
      Affiliations.builder()
          .domain("acme.example", "Acme")
          .enrollment("alice", "Acme", Window.of(Instant.MIN, CHANGE))
          .enrollment("alice", "Globex", Window.of(CHANGE, Instant.MAX))
          .build();

  /** Alice 3 commits at Acme then 2 at Globex; Bob 1 (Acme by domain); webmail Carol 3, Dave 1. */
  private static Events community() {
    Events e = new Events();
    e.commits(3, CHANGE.minusSeconds(3), REPO, ALICE).commits(2, CHANGE, REPO, ALICE);
    e.commit(T0.plusSeconds(5), REPO, BOB);
    e.commits(3, T0.plusSeconds(50), REPO, CAROL).commit(T0.plusSeconds(60), REPO, DAVE);
    return e;
  }

  private static Map<Organization, Long> counts(ElephantFactorResult r) {
    return r.factor().ranking().stream().collect(Collectors.toMap(Ranked::key, Ranked::count));
  }

  @Test
  void employerChangeSplitsAndWebmailIsLeftOutByDefault() {
    ElephantFactorResult r = community().compute(ElephantFactor.chaoss(YEAR, AFFILIATIONS));
    assertEquals(
        Map.of(Organization.named("Acme"), 4L, Organization.named("Globex"), 2L), counts(r));
    assertEquals(4, r.leftOut());
    assertEquals(UnaffiliatedPolicy.LEAVE_OUT, r.policy());
    assertEquals(1, r.factor().factor(), "4 of 6 is more than half");
    assertEquals(OptionalInt.of(0), r.points());
  }

  @Test
  void unaffiliatedAsOneBucket() {
    ElephantFactorResult r =
        community()
            .compute(ElephantFactor.chaoss(YEAR, AFFILIATIONS).withUnaffiliated(UnaffiliatedPolicy.ONE_BUCKET));
    assertEquals(
        Map.of(
            Organization.named("Acme"), 4L,
            Organization.named("Globex"), 2L,
            Organization.unaffiliated(), 4L),
        counts(r));
    assertEquals(0, r.leftOut());
    // 4 of 10 is not more than half; 8 is. The tie goes to the named organisation first.
    assertEquals(2, r.factor().factor());
    assertEquals(Organization.named("Acme"), r.factor().members().get(0).key());
    assertEquals(OptionalInt.of(1), r.points());
  }

  @Test
  void unaffiliatedPeopleAsTheirOwnOrganizations() {
    ElephantFactorResult r =
        community()
            .compute(ElephantFactor.chaoss(YEAR, AFFILIATIONS).withUnaffiliated(UnaffiliatedPolicy.EACH_PERSON));
    Organization carol = Organization.individual(CAROL, "carol");
    assertEquals(
        Map.of(
            Organization.named("Acme"), 4L,
            Organization.named("Globex"), 2L,
            carol, 3L,
            Organization.individual(DAVE, "dave"), 1L),
        counts(r));
    assertEquals(
        List.of(Organization.named("Acme"), carol),
        r.factor().members().stream().map(Ranked::key).collect(Collectors.toList()));
  }

  @Test
  void windowCutsAtTheChange() {
    ElephantFactorResult after =
        community().compute(ElephantFactor.chaoss(Window.of(CHANGE, YEAR.end()), AFFILIATIONS));
    assertEquals(Map.of(Organization.named("Globex"), 2L), counts(after));
    assertEquals(0, after.leftOut());
  }

  @Test
  void lfxOrganizationDependencyBins() {
    int[] expected = {-1, 0, 1, 2, 3, 3, 4, 4, 5, 5, 5};
    for (int f = 0; f < expected.length; f++) {
      assertEquals(
          expected[f] < 0 ? OptionalInt.empty() : OptionalInt.of(expected[f]),
          ElephantFactor.points(f),
          "factor " + f);
    }
  }

  @Test
  void eightEqualOrganizationsScoreFive() {
    Events e = new Events();
    Affiliations.Builder b = Affiliations.builder();
    for (int i = 0; i < 8; i++) {
      b.domain("org" + i + ".example", "Org" + i);
      e.commit(T0.plusSeconds(i), REPO, person("p" + i, "p" + i + "@org" + i + ".example"));
    }
    ElephantFactor m = ElephantFactor.chaoss(YEAR, b.build());
    ElephantFactorResult r = e.compute(m);
    assertEquals(5, r.factor().factor(), "5 of 8 is the first count above half");
    assertEquals(OptionalInt.of(3), r.points());
    ElephantFactorResult all = e.compute(m.withRule(new ShareRule(1, 1, true)));
    assertEquals(8, all.factor().factor());
    assertEquals(OptionalInt.of(5), all.points());
  }
}
