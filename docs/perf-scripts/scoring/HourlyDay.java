// Throwaway harness of docs/performance.md, "Re-scoring over the base and the new hour's store".
// java -cp benchmarks.jar [-Dmetrics=ID,ID] [-Dfirst=12] HourlyDay.java DAY.store THREADS: the day's first
// hours (12 by default) as the history, then each later hour added in turn (IncrementalScores.add, as-of at
// the hour's end), as a process that keeps its scores between GH Archive hours would; prints each update's
// wall time, whether it built the store of every event (a rebuild), how many repositories each metric
// computed again, and how long a merge it started ran in the background (waited for before the next
// hour, as an hour passes between two). Lottery factor and responsiveness by default.
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

public class HourlyDay {
  public static void main(String[] a) throws Exception {
    int threads = Integer.parseInt(a[1]);
    EventStore.Builder b = EventStore.builder().threads(threads);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(a[0])), 1 << 16)) {
      EventStoreFile.read(in, a[0], s -> Optional.<Consumer<? super Event>>of(b::add));
    }
    EventStore day = b.build();
    Instant start = Instant.parse("2024-03-04T00:00:00Z");
    int first = Integer.getInteger("first", 12);
    MetricRegistry reg = MetricRegistry.standard();
    List<MetricDescriptor<?>> metrics = Arrays.stream(
            System.getProperty("metrics", "lottery-factor,responsiveness").split(","))
        .<MetricDescriptor<?>>map(reg::get).toList();
    Instant cut = start.plus(Duration.ofHours(first));
    EventStore history = day.slice(Window.of(Instant.parse("2000-01-01T00:00:00Z"), cut));
    List<List<Event>> hours = new ArrayList<>();
    for (int h = first; h < 24; h++) {
      hours.add(day.slice(Window.of(start.plus(Duration.ofHours(h)), start.plus(Duration.ofHours(h + 1)))).stream().toList());
    }
    Evaluation ev = new Evaluation(RepositoryScope.all(), Window.endingAt(cut, Duration.ofDays(90)),
        Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build(),
        ContributionType.COMMIT, Map.of());
    long t0 = System.nanoTime();
    IncrementalScores scores = IncrementalScores.start(metrics, ev, history, threads);
    System.out.printf("start with %d hours, %,d events: %.2f s%n", first, history.size(), (System.nanoTime() - t0) / 1e9);
    history = null;
    day = null;
    for (int k = 0; k < hours.size(); k++) {
      Instant asOf = cut.plus(Duration.ofHours(k + 1));
      long q0 = System.nanoTime();
      IncrementalScores.Update u = scores.add(hours.get(k), asOf);
      double s = (System.nanoTime() - q0) / 1e9;
      StringBuilder line = new StringBuilder(String.format("hour %02d, %,7d events: %6.2f s, %s", first + k,
          hours.get(k).size(), s, u.built() ? "built the store of every event" : "over the base and the delta"));
      for (IncrementalScores.MetricUpdate m : u.metrics()) {
        line.append(String.format(", %s %,d recomputed", m.metric().id(), m.recomputed()));
      }
      if (scores.merging()) {
        // The next hour comes an hour later: a merge started in the background has ended by then.
        long m0 = System.nanoTime();
        while (scores.merging()) {
          Thread.sleep(50);
        }
        line.append(String.format("; merged in the background in %.2f s", (System.nanoTime() - m0) / 1e9));
      }
      System.out.println(line);
    }
  }
}
