// Throwaway harness of docs/performance.md, "Garbage while reading, building and resolving people".
// java -cp benchmarks.jar PeopleDay.java DAY.store ROUNDS [THREADS,THREADS...]: People.resolve of a saved
// store, each round with its wall and thread CPU time and the bytes the thread allocated per actor; rounds
// cycle through the thread counts given (1 by default): People.resolve(store, threads). With more than one
// thread, the thread CPU and bytes are the calling thread's only.
import io.github.communitymetrics.core.io.EventStoreFile;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.event.Event;
import java.io.*;
import java.lang.management.*;
import java.nio.file.*;
import java.util.*;
import java.util.function.Consumer;

public class PeopleDay {
  public static void main(String[] a) throws Exception {
    EventStore.Builder b = EventStore.builder().threads(2);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(a[0])), 1 << 16)) {
      EventStoreFile.read(in, a[0], s -> Optional.<Consumer<? super Event>>of(b::add));
    }
    EventStore store = b.build();
    System.out.printf("store %,d events, %,d actors%n", store.size(), store.actors().size());
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    int rounds = Integer.parseInt(a[1]);
    int[] threads = Arrays.stream((a.length > 2 ? a[2] : "1").split(",")).mapToInt(Integer::parseInt).toArray();
    for (int i = 0; i < rounds; i++) {
      com.sun.management.ThreadMXBean st = (com.sun.management.ThreadMXBean) tm; long b0 = st.getCurrentThreadAllocatedBytes(); long c0 = tm.getCurrentThreadCpuTime(), t0 = System.nanoTime();
      int t = threads[i % threads.length];
      People p = People.resolve(store, t);
      long t1 = System.nanoTime(), c1 = tm.getCurrentThreadCpuTime(); long b1 = st.getCurrentThreadAllocatedBytes();
      System.out.printf("round %d, %d thread(s): %,d people, %.0f ms wall, %.0f ms thread CPU, %.2f us/actor, %d bytes/actor%n", i, t, p.size(), (t1-t0)/1e6, (c1-c0)/1e6, (t1-t0)/1e3/store.actors().size(), (b1-b0)/store.actors().size());
    }
  }
}
