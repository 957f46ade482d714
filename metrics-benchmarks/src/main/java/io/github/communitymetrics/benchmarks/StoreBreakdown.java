package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where a store's bytes go (issue 24): the bytes per event of each field of its columns, each
 * followed through the objects it references, every object counted once, for the first field (in
 * declaration order) that reaches it. Object sizes are computed from their fields for a 64-bit JVM
 * with compressed references (12-byte headers, 4-byte references, 8-byte alignment), as {@code
 * EventStore.estimatedBytes} assumes. Reads private fields by reflection, so it needs the JDK's
 * collections opened:
 *
 * <pre>
 * java -Xmx4g --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
 *     -cp metrics-benchmarks/target/benchmarks.jar io.github.communitymetrics.benchmarks.StoreBreakdown \
 *     zipf 1000000 | simulator 1000000 | files DIR
 * </pre>
 *
 * <p>The inputs are {@link IngestionFootprint}'s (files read with one thread).
 */
public final class StoreBreakdown {
  private StoreBreakdown() {}

  private static final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();

  static long align(long b) { return (b + 7) & ~7L; }

  static long shallow(Object o) {
    Class<?> c = o.getClass();
    if (c.isArray()) {
      Class<?> e = c.getComponentType();
      int n = Array.getLength(o);
      int w = !e.isPrimitive() ? 4 : (e == long.class || e == double.class) ? 8 : (e == int.class || e == float.class) ? 4 : (e == short.class || e == char.class) ? 2 : 1;
      return align(16 + (long) n * w);
    }
    long b = 12;
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) continue;
        Class<?> t = f.getType();
        b += !t.isPrimitive() ? 4 : (t == long.class || t == double.class) ? 8 : (t == int.class || t == float.class) ? 4 : (t == short.class || t == char.class) ? 2 : 1;
      }
    }
    return align(b);
  }

  static long deep(Object root) throws Exception {
    return deep(root, seen);
  }

  /** The bytes of {@code root} and what it reaches, skipping (and adding to) {@code seen}. */
  static long deep(Object root, IdentityHashMap<Object, Boolean> seen) throws Exception {
    long total = 0;
    ArrayDeque<Object> todo = new ArrayDeque<>();
    if (root != null) todo.add(root);
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (seen.put(o, true) != null) continue;
      Class<?> c = o.getClass();
      if (c.isEnum() || o instanceof Class || c.getName().startsWith("java.lang.Enum")) continue;
      total += shallow(o);
      if (c.isArray()) {
        if (!c.getComponentType().isPrimitive()) {
          for (int i = 0; i < Array.getLength(o); i++) { Object x = Array.get(o, i); if (x != null) todo.add(x); }
        }
        continue;
      }
      for (Class<?> k = c; k != null; k = k.getSuperclass()) {
        for (Field f : k.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
          try { f.setAccessible(true); } catch (RuntimeException e) { continue; }
          Object x = f.get(o);
          if (x != null) todo.add(x);
        }
      }
    }
    return total;
  }

  /**
   * The payload objects by class: how many, and the bytes per event of each class's objects and
   * what they reach (objects shared between payloads count once, for the first payload that
   * reaches them, as above, so the lines add up to {@code payloads}'s less its array).
   */
  private static void payloadsByClass(Object[] payloads, int n) throws Exception {
    java.util.TreeMap<String, long[]> byClass = new java.util.TreeMap<>();
    IdentityHashMap<Object, Boolean> counted = new IdentityHashMap<>();
    counted.put(Optional.empty(), true); counted.put(OptionalLong.empty(), true); counted.put(List.of(), true);
    for (Object o : payloads) {
      if (o == null) continue;
      long[] c = byClass.computeIfAbsent(o.getClass().getSimpleName(), k -> new long[2]);
      c[0]++;
      c[1] += deep(o, counted);
    }
    for (var e : byClass.entrySet()) {
      System.out.printf(Locale.ROOT, "    %-14s %,9d objects %8.2f B/event%n", e.getKey(), e.getValue()[0], (double) e.getValue()[1] / n);
    }
  }

  public static void main(String[] args) throws Exception {
    EventStore.Builder b = EventStore.builder();
    Consumer<Event> sink = b::add;
    switch (args[0]) {
      case "files" -> {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[1]))) {
          files = s.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList();
        }
        GhArchiveReader.builder().threads(1).options(ReadOptions.skipMalformed(20)).build().read(files, sink);
      }
      case "zipf" -> {
        IngestionFootprint.zipf(Integer.parseInt(args[1]), 42, sink);
      }
      default -> CommunitySimulator.simulate(SimulationConfig.ofApproximateSize(42, Integer.parseInt(args[1]))).events().forEach(sink);
    }
    EventStore store = b.build();
    b = null;
    // Shared enum constants and JDK singletons (Optional.empty, List.of()) are not the store's.
    seen.put(Optional.empty(), true); seen.put(OptionalLong.empty(), true); seen.put(List.of(), true);
    Field cf = EventStore.class.getDeclaredField("columns");
    cf.setAccessible(true);
    Object columns = cf.get(store);
    int n = store.size();
    System.out.printf(Locale.ROOT, "%s %s: %d events, %d actors, %d repositories%n", args[0], args[1], n, store.actors().size(), store.repositories().size());
    long sum = 0;
    for (Field f : columns.getClass().getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
      f.setAccessible(true);
      long d = deep(f.get(columns));
      sum += d;
      if (d > 0) System.out.printf(Locale.ROOT, "  %-16s %8.2f B/event%n", f.getName(), (double) d / n);
      if (f.getName().equals("payloads")) {
        payloadsByClass((Object[]) f.get(columns), n);
      }
    }
    System.out.printf(Locale.ROOT, "  %-16s %8.2f B/event (estimatedBytes %.2f)%n", "total", (double) sum / n, (double) store.estimatedBytes() / n);
  }
}
