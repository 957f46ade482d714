// Throwaway harness of docs/performance.md, "Scoring the day's repositories".
// java -cp benchmarks.jar ScoreDay.java DAY.store THREADS ROUNDS: the three metrics of the end-to-end
// comparison over every repository of a saved store (measureEachRepository, as community-metrics score
// runs them), each round with its wall time and the calling thread's CPU time.
import io.github.communitymetrics.core.io.EventStoreFile;
import io.github.communitymetrics.core.metrics.*;
import io.github.communitymetrics.core.ProgressListener;
import io.github.communitymetrics.core.registry.*;
import io.github.communitymetrics.core.identity.*;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.event.Event;
import java.io.*;
import java.lang.management.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.function.Consumer;

public class ScoreDay {
  public static void main(String[] a) throws Exception {
    EventStore.Builder b = EventStore.builder().threads(2);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(a[0])), 1 << 16)) {
      EventStoreFile.read(in, a[0], s -> Optional.<Consumer<? super Event>>of(b::add));
    }
    EventStore store = b.build();
    People people = People.resolve(store);
    int threads = Integer.parseInt(a[1]);
    int rounds = Integer.parseInt(a[2]);
    Evaluation ev = new Evaluation(RepositoryScope.all(), Window.endingAt(Instant.parse("2024-03-05T00:00:00Z"), Duration.ofDays(30)),
        Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build(), ContributionType.COMMIT, Map.of());
    MetricRegistry reg = MetricRegistry.standard();
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < rounds; r++) {
      for (String id : List.of("contributor-confidence", "lottery-factor", "responsiveness")) {
        MetricDescriptor<?> d = reg.find(id).orElseThrow();
        long c0 = tm.getCurrentThreadCpuTime(), t0 = System.nanoTime();
        SortedMap<?, ?> m = d.measureEachRepository(store, people, ev, ProgressListener.NONE, threads);
        long t1 = System.nanoTime(), c1 = tm.getCurrentThreadCpuTime();
        System.out.printf("round %d %-24s %,d rows %6.0f ms wall %6.0f ms main-thread CPU%n", r, id, m.size(), (t1 - t0) / 1e6, (c1 - c0) / 1e6);
      }
    }
  }
}
