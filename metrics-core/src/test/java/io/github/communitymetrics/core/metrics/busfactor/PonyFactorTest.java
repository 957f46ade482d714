package io.github.communitymetrics.core.metrics.busfactor;

import static io.github.communitymetrics.core.metrics.busfactor.Events.REPO;
import static io.github.communitymetrics.core.metrics.busfactor.Events.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PonyFactorTest {
  private static final Actor ALICE = person("alice", "alice@corp.example", "alice@gmail.com");
  private static final Actor BOB = person("bob", "bob@gmail.com");
  private static final Actor CAROL = person("carol", "carol@corp.example");
  private static final Actor DAVE = person("dave", "dave@other.example");
  private static final Instant AS_OF = Instant.parse("2025-08-15T00:00:00Z");

  private static Instant at(String date) {
    return Instant.parse(date + "T00:00:00Z");
  }

  private static Events community() {
    Events e = new Events();
    e.commits(5, at("2023-05-01"), REPO, ALICE); // only in the April 2025 sample
    e.commits(3, at("2025-05-01"), REPO, BOB); // in the July sample and the current value
    e.commits(2, at("2024-01-01"), REPO, CAROL); // in all three
    e.commits(4, at("2025-07-20"), REPO, DAVE); // only in the current value
    return e;
  }

  private static List<Actor> members(PonyFactor.Sample s) {
    return s.factor().members().stream().map(Ranked::key).collect(Collectors.toList());
  }

  @Test
  void samplesAtQuarterEndsAndTheCurrentValue() {
    PonyFactor m = PonyFactor.kibble(AS_OF, 2);
    assertEquals(
        List.of(
            Window.of(at("2023-04-01"), at("2025-04-01")),
            Window.of(at("2023-07-01"), at("2025-07-01")),
            Window.of(at("2023-08-15"), AS_OF)),
        m.sampleWindows());
    PonyFactorResult r = community().compute(m);
    PonyFactor.Sample april = r.quarterly().get(0);
    assertEquals(7, april.factor().total());
    assertEquals(List.of(ALICE), members(april));
    assertEquals(Set.of("corp.example"), april.domains(), "alice's company domain, not her webmail");
    PonyFactor.Sample july = r.quarterly().get(1);
    assertEquals(5, july.factor().total());
    assertEquals(List.of(BOB), members(july));
    assertEquals(Set.of("gmail.com"), july.domains());
    PonyFactor.Sample current = r.current();
    // 9 commits: dave's 4 are not more than 4.5, with bob's 3 they are.
    assertEquals(9, current.factor().total());
    assertEquals(List.of(DAVE, BOB), members(current));
    assertEquals(2, current.ponyFactor());
    assertEquals(2, current.metaPonyFactor());
  }

  @Test
  void metaPonyCountsDistinctDomains() {
    Events e = new Events();
    e.commits(3, at("2024-02-01"), REPO, ALICE).commits(3, at("2024-03-01"), REPO, CAROL);
    e.commit(at("2024-04-01"), REPO, BOB);
    PonyFactor.Sample s = e.compute(PonyFactor.kibble(at("2024-06-01"), 0)).current();
    assertEquals(List.of(ALICE, CAROL), members(s));
    assertEquals(Set.of("corp.example"), s.domains());
    assertEquals(1, s.metaPonyFactor());
  }

  @Test
  void asOfOnAQuarterEndIsTheLastSample() {
    PonyFactor m = PonyFactor.kibble(at("2025-07-01"), 3);
    List<Window> w = m.sampleWindows();
    assertEquals(4, w.size());
    assertEquals(w.get(2), w.get(3));
    PonyFactorResult r = community().compute(m);
    assertEquals(r.quarterly().get(2), r.current());
  }

  @Test
  void timeSlicesCutInsideBucketsMergeExactly() {
    EventStore all = community().store();
    People people = People.resolve(all);
    PonyFactor m = PonyFactor.kibble(AS_OF, 4);
    Instant cut = at("2024-10-17");
    PonyFactor.State a = m.accumulate(all.slice(Window.of(Instant.MIN, cut)), people);
    PonyFactor.State b = m.accumulate(all.slice(Window.of(cut, Instant.MAX)), people);
    PonyFactor.State whole = m.accumulate(all, people);
    assertEquals(whole, m.merge(a, b));
    assertEquals(m.finish(whole), m.finish(m.merge(b, a)));
  }

  @Test
  void checksParameters() {
    assertThrows(IllegalArgumentException.class, () -> PonyFactor.kibble(AS_OF, -1));
    assertThrows(IllegalArgumentException.class, () -> PonyFactor.kibble(AS_OF, 1).withLookbackMonths(0));
  }

  @Test
  void domainChoice() {
    EventStore s =
        new Events()
            .commit(at("2024-01-01"), REPO, person("x", "x@users.noreply.github.com", "x@zeta.example"))
            .commit(at("2024-01-01"), REPO, person("y", "y@gmail.com", "y@aol.com"))
            .commit(at("2024-01-01"), REPO, Actor.github("z"))
            .store();
    People people = People.resolve(s);
    assertEquals("zeta.example", PonyFactor.domainOf(resolved(people, "x")).orElseThrow());
    assertEquals("aol.com", PonyFactor.domainOf(resolved(people, "y")).orElseThrow());
    assertEquals(java.util.Optional.empty(), PonyFactor.domainOf(resolved(people, "z")));
  }

  private static io.github.communitymetrics.core.identity.Person resolved(People people, String login) {
    return people.identities().people().stream()
        .filter(p -> p.logins().contains(login))
        .findFirst()
        .orElseThrow();
  }
}
