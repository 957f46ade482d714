package io.github.communitymetrics.core.metrics.governance;

import static io.github.communitymetrics.core.metrics.governance.Fixture.REPO;
import static io.github.communitymetrics.core.metrics.governance.Fixture.comment;
import static io.github.communitymetrics.core.metrics.governance.Fixture.issue;
import static io.github.communitymetrics.core.metrics.governance.Fixture.pr;
import static io.github.communitymetrics.core.metrics.governance.Fixture.review;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsumersTest {
  static final Repository QEMU = Repository.github("qemu/qemu");
  static final Repository FIRECRACKER = Repository.github("firecracker-microvm/firecracker");
  static final Window FEB = ApprovalRuleTest.FEB;

  /**
   * qa contributes to QEMU, fc to Firecracker, both to both, late to QEMU only after the window;
   * ext to none; a bot to QEMU. Their items in acme/vmm are counted in February.
   */
  static final List<Event> EVENTS =
      List.of(
          pr(QEMU, 1, "qa", "01-05"), comment(FIRECRACKER, 3, "fc", "01-06", false, false),
          pr(QEMU, 2, "both", "01-07"), review(FIRECRACKER, 9, "both", "01-08", ReviewState.APPROVED, false),
          pr(QEMU, 5, "late", "03-05"), pr(QEMU, 6, "dependabot[bot]", "01-09"),
          pr(REPO, 7, "qa", "01-20"), // before the window
          issue(REPO, 1, "qa", "02-02"), pr(REPO, 2, "qa", "02-03"),
          review(REPO, 2, "fc", "02-04", ReviewState.COMMENTED, false),
          pr(REPO, 3, "both", "02-05"), review(REPO, 2, "both", "02-06", ReviewState.APPROVED, false),
          pr(REPO, 4, "late", "02-07"),
          issue(REPO, 5, "ext", "02-08"), review(REPO, 4, "ext", "02-09", ReviewState.APPROVED, false),
          pr(REPO, 6, "dependabot[bot]", "02-10"));

  private static Evaluation feb() {
    return Evaluation.of(RepositoryScope.of(REPO), FEB);
  }

  @SuppressWarnings("unchecked")
  private static SliceMetric<Consumers.State, Consumers.Result> metric(Evaluation e) {
    return (SliceMetric<Consumers.State, Consumers.Result>) Consumers.INSTANCE.metric(e);
  }

  private static Consumers.Result compute(Evaluation e, List<Event> events) {
    EventStore store = EventStore.of(events);
    return metric(e).compute(store, People.resolve(store));
  }

  @Test
  void itemsFromEachConsumerWorkedByHand() {
    Consumers.Result r = compute(feb(), EVENTS);
    // Items by people in February: qa issue + PR, fc review, both PR + review, late PR, ext issue + review.
    assertEquals(new Consumers.Counts(2, 3, 3), r.all());
    List<Consumers.Consumer> c = r.consumers();
    assertEquals(List.of("qemu", "crosvm", "kata-containers", "firecracker"), c.stream().map(Consumers.Consumer::name).toList());
    // QEMU: qa and both (late came after the end, the bot is left out).
    assertEquals(List.of(QEMU), c.get(0).repositories());
    assertEquals(2, c.get(0).people());
    assertEquals(Optional.of(new Consumers.Counts(1, 2, 1)), c.get(0).items());
    assertEquals(0.5, c.get(0).share(r.all()).getAsDouble(), 1e-12);
    // crosvm and Kata are not in the data: no data, not zero.
    assertEquals(Optional.empty(), c.get(1).items());
    assertTrue(c.get(2).share(r.all()).isEmpty());
    // Firecracker: fc and both.
    assertEquals(Optional.of(new Consumers.Counts(0, 1, 2)), c.get(3).items());
    assertEquals(2, c.get(3).takingPart());
    // From any consumer, both counted once: qa 2, fc 1, both 2.
    assertEquals(Optional.of(new Consumers.Counts(1, 2, 2)), r.fromConsumers());
    assertEquals(5.0 / 8, r.share().getAsDouble(), 1e-12);
    List<Measurement> m = Consumers.INSTANCE.measure(r, feb());
    assertEquals(List.of(8.0, 5.0, 5.0 / 8, 2.0, 2.0),
        m.stream().map(x -> x.value().getAsDouble()).toList());
    assertTrue(StandardMetrics.all().contains(Consumers.INSTANCE));
  }

  @Test
  void consumersByOwnerAndNameAndAbsentOnesHaveNoData() {
    Consumers.Result byFullName = compute(feb().withParameter(Consumers.INSTANCE, "consumers", "QEMU/qemu,firecracker"), EVENTS);
    assertEquals(Optional.of(new Consumers.Counts(1, 2, 2)), byFullName.fromConsumers());
    // Another owner's qemu is not in the data: no consumer present, so no share (never 0).
    Evaluation other = feb().withParameter(Consumers.INSTANCE, "consumers", "other/qemu,crosvm");
    Consumers.Result absent = compute(other, EVENTS);
    assertEquals(Optional.empty(), absent.fromConsumers());
    List<Measurement> m = Consumers.INSTANCE.measure(absent, other);
    assertTrue(m.get(0).hasValue());
    assertFalse(m.get(1).hasValue());
    assertFalse(m.get(2).hasValue());
    assertEquals(0.0, m.get(3).value().getAsDouble()); // none of 2 looked for is present
    assertFalse(m.get(4).hasValue());
  }

  @Test
  void noEventsIsNoDataEverywhere() {
    for (Measurement m : Consumers.INSTANCE.measure(compute(feb(), List.of()), feb())) {
      assertFalse(m.hasValue(), m.name());
    }
  }

  @Test
  void everyCutMergesToTheWhole() {
    Consumers.Result whole = compute(feb(), EVENTS);
    SliceMetric<Consumers.State, Consumers.Result> m = metric(feb());
    for (int cut = 0; cut <= EVENTS.size(); cut++) {
      EventStore x = EventStore.of(EVENTS.subList(0, cut));
      EventStore y = EventStore.of(EVENTS.subList(cut, EVENTS.size()));
      assertEquals(whole, m.finish(m.merge(m.accumulate(y, People.resolve(y)), m.accumulate(x, People.resolve(x)))), "cut " + cut);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {41, 42, 43, 44, 45})
  void randomSplitsMergeThroughTheCodecToTheWhole(long seed) {
    System.out.println("ConsumersTest seed " + seed);
    Random r = new Random(seed);
    List<Event> events = Fixture.random(r, 500);
    Evaluation e = Evaluation.of(RepositoryScope.of(REPO),
            Window.of(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-06-01T00:00:00Z")))
        .withParameter(Consumers.INSTANCE, "consumers", "rfcs,absent");
    SliceMetric<Consumers.State, Consumers.Result> m = metric(e);
    Consumers.Result whole = compute(e, events);
    assertTrue(whole.fromConsumers().orElseThrow().total() > 0, "seed " + seed);
    assertEquals(whole, Fixture.splitMerged(m, events, r), "seed " + seed);
  }
}
