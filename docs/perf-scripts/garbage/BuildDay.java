// Throwaway harness of docs/performance.md, "Garbage while reading, building and resolving people".
// java -XX:+UseSerialGC -cp benchmarks.jar BuildDay.java DAY.store ROUNDS BUILD_THREADS: loads the saved
// store into a builder, prints the live heap after System.gc(), then times build() and People.resolve
// (wall, the calling thread's CPU and allocation).
import io.github.communitymetrics.core.io.EventStoreFile;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.event.Event;
import java.io.*;
import java.lang.management.*;
import java.nio.file.*;
import java.util.*;
import java.util.function.Consumer;

public class BuildDay {
  public static void main(String[] a) throws Exception {
    com.sun.management.ThreadMXBean st = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < Integer.parseInt(a[1]); i++) {
      EventStore.Builder b = EventStore.builder().threads(Integer.parseInt(a[2]));
      try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(a[0])), 1 << 16)) {
        EventStoreFile.read(in, a[0], s -> Optional.<Consumer<? super Event>>of(b::add));
      }
      System.gc();
      Runtime rt = Runtime.getRuntime();
      long staged = rt.totalMemory() - rt.freeMemory();
      long b0 = st.getCurrentThreadAllocatedBytes(), c0 = st.getCurrentThreadCpuTime(), t0 = System.nanoTime();
      EventStore store = b.build();
      long t1 = System.nanoTime(), c1 = st.getCurrentThreadCpuTime(), b1 = st.getCurrentThreadAllocatedBytes();
      long p0 = System.nanoTime(), pc0 = st.getCurrentThreadCpuTime(), pb0 = st.getCurrentThreadAllocatedBytes();
      People p = People.resolve(store);
      p.loginId(0);
      long p1 = System.nanoTime(), pc1 = st.getCurrentThreadCpuTime(), pb1 = st.getCurrentThreadAllocatedBytes();
      System.out.printf("staged heap %,d MB; ", staged >> 20);
      System.out.printf("round %d: build %.0f ms wall %.0f ms cpu %,d MB alloc | people %.0f ms wall %.0f ms cpu %,d MB alloc (%d events)%n", i,
          (t1-t0)/1e6, (c1-c0)/1e6, (b1-b0)>>20, (p1-p0)/1e6, (pc1-pc0)/1e6, (pb1-pb0)>>20, store.size());
    }
  }
}
