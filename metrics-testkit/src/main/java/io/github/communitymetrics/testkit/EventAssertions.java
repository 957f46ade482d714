package io.github.communitymetrics.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks on the events a fetch emitted, shared by the adapters' tests. */
public final class EventAssertions {
  private EventAssertions() {}

  /**
   * Fails unless both lists hold the same events the same number of times, in any order, naming
   * the missing and the extra ones.
   *
   * @param expected the events wanted
   * @param actual the events got
   * @param what what was compared, for the message
   */
  public static void assertSameMultiset(List<Event> expected, List<Event> actual, String what) {
    List<Event> missing = minus(expected, actual);
    List<Event> extra = minus(actual, expected);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      fail(what + ": " + missing.size() + " missing " + missing + "; " + extra.size() + " extra " + extra);
    }
  }

  /**
   * The elements of {@code a} not matched by one in {@code b}, with multiplicity.
   *
   * @param a the first list
   * @param b the second list
   * @param <T> the element type
   * @return what {@code a} has more of, in its order
   */
  public static <T> List<T> minus(List<T> a, List<T> b) {
    Map<T, Integer> left = new HashMap<>();
    b.forEach(v -> left.merge(v, 1, Integer::sum));
    List<T> out = new ArrayList<>();
    for (T v : a) {
      if (left.merge(v, -1, Integer::sum) < 0) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * The events of each repository, by full name in name order, each list in emission order.
   *
   * @param events events of several repositories
   * @return the events grouped
   */
  public static Map<String, List<Event>> byRepository(List<Event> events) {
    Map<String, List<Event>> out = new TreeMap<>();
    events.forEach(e -> out.computeIfAbsent(e.repo().fullName(), k -> new ArrayList<>()).add(e));
    return out;
  }

  /**
   * The events of a canonical JSON Lines file (not compressed).
   *
   * @param file the file
   * @return its events in order
   */
  public static List<Event> read(Path file) {
    List<Event> events = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file)) {
      EventJsonLines.reader(in).forEachRemaining(events::add);
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot read " + file, e);
    }
    return events;
  }
}
