// Throwaway harness of docs/performance.md, "Re-scoring after a new hour".
// java -cp benchmarks.jar [-Dmetrics=ID,ID] IncrementalDay.java DAY.store THREADS: the day's events before
// its last hour as the history, scored with the three metrics of the end-to-end comparison (or those
// given; IncrementalScores.start),
// then its last hour added (IncrementalScores.add, as-of at the end of the day); prints each phase's wall
// time and how many repositories each metric computed again; then as-of moved twice by an hour with no new
// events. Then (without a third argument), on the same JVM, the parts of an update
// timed one by one: the store built again, the people resolved, a full scoring for comparison.
import io.github.communitymetrics.core.ProgressListener;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.identity.*;
import io.github.communitymetrics.core.io.EventStoreFile;
import io.github.communitymetrics.core.metrics.*;
import io.github.communitymetrics.core.registry.*;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.io.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.function.Consumer;

public class IncrementalDay {
  public static void main(String[] a) throws Exception {
    int threads = Integer.parseInt(a[1]);
    EventStore.Builder b = EventStore.builder().threads(threads);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(a[0])), 1 << 16)) {
      EventStoreFile.read(in, a[0], s -> Optional.<Consumer<? super Event>>of(b::add));
    }
    EventStore day = b.build();
    Instant lastHour = Instant.parse("2024-03-04T23:00:00Z");
    Instant end = Instant.parse("2024-03-05T00:00:00Z");
    EventStore before = day.slice(Window.of(Instant.parse("2000-01-01T00:00:00Z"), lastHour));
    List<Event> hour = day.slice(Window.of(lastHour, end)).stream().toList();
    System.out.printf("history %,d events, last hour %,d events%n", before.size(), hour.size());
    MetricRegistry reg = MetricRegistry.standard();
    // -Dmetrics=lottery-factor,responsiveness scores others than the three.
    List<MetricDescriptor<?>> metrics = Arrays.stream(
            System.getProperty("metrics", "contributor-confidence,lottery-factor,responsiveness").split(","))
        .<MetricDescriptor<?>>map(reg::get).toList();
    Evaluation ev = new Evaluation(RepositoryScope.all(), Window.endingAt(lastHour, Duration.ofDays(90)),
        Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build(),
        ContributionType.COMMIT, Map.of());
    long t0 = System.nanoTime();
    IncrementalScores scores = IncrementalScores.start(metrics, ev, before, threads);
    long t1 = System.nanoTime();
    System.out.printf("start: %.2f s%n", (t1 - t0) / 1e9);
    before = null;
    day = null;
    long t2 = System.nanoTime();
    IncrementalScores.Update u = scores.add(hour, end);
    long t3 = System.nanoTime();
    System.out.printf("add the last hour: %.2f s (%s; %s)%n", (t3 - t2) / 1e9, u.everything().orElse("matched"),
        u.built() ? "built a store of every event" : "over the base and the new hour's store");
    for (IncrementalScores.MetricUpdate m : u.metrics()) {
      System.out.printf("  %-24s recomputed %,d of %,d repositories, %,d changed%n",
          m.metric().id(), m.recomputed(), scores.measurements(m.metric()).size(), m.changed().size());
    }
    for (int k = 1; k <= 2; k++) {
      // As-of moving an hour with no new events: the store and its people are kept.
      long q0 = System.nanoTime();
      IncrementalScores.Update v = scores.add(List.of(), end.plus(Duration.ofHours(k)));
      System.out.printf("as-of alone, %d hour(s) after the last event: %.3f s%n", k, (System.nanoTime() - q0) / 1e9);
      for (IncrementalScores.MetricUpdate m : v.metrics()) {
        System.out.printf("  %-24s recomputed %,d, %,d changed%n", m.metric().id(), m.recomputed(), m.changed().size());
      }
    }
    if (a.length > 2) return;
    EventStore all = scores.store();
    List<Event> events = all.stream().toList();
    long t4 = System.nanoTime();
    EventStore again = EventStore.builder().threads(threads).addAll(events).build();
    long t5 = System.nanoTime();
    People people = People.resolve(again);
    long t6 = System.nanoTime();
    Evaluation next = ev.withWindow(Window.endingAt(end, Duration.ofDays(90)));
    for (MetricDescriptor<?> d : metrics) {
      long s0 = System.nanoTime();
      d.measureEachRepository(again, people, next, ProgressListener.NONE, threads);
      System.out.printf("  full scoring %-24s %.2f s%n", d.id(), (System.nanoTime() - s0) / 1e9);
    }
    System.out.printf("store built from its events: %.2f s; people resolved: %.2f s%n", (t5 - t4) / 1e9, (t6 - t5) / 1e9);
  }
}
