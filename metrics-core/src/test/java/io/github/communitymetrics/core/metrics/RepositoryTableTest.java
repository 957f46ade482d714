package io.github.communitymetrics.core.metrics;

import static io.github.communitymetrics.core.metrics.EachRepositoryTest.A;
import static io.github.communitymetrics.core.metrics.EachRepositoryTest.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.RepositoryTable.Column;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link RepositoryTable}: its checks, and {@link RepositoryTable#project}. */
class RepositoryTableTest {

  @Test
  void tableChecksItsColumnsAndRows() {
    Map<String, long[]> one = Map.of("n", new long[] {1, 2});
    RepositoryTable t = RepositoryTable.of(List.of(A, B), one, Map.of("x", new double[] {0.5, 1.5}));
    assertEquals(2, t.size());
    assertEquals(B, t.repository(1));
    assertEquals(2, t.getLong(1, "n"));
    assertEquals(0.5, t.getDouble(0, t.doubleColumn("x")));
    assertEquals(Map.of("n", 1L, "x", 0.5), t.toMap().get(A));
    assertEquals(t, RepositoryTable.of(List.of(A, B), one, Map.of("x", new double[] {0.5, 1.5})));
    assertThrows(IllegalArgumentException.class, () -> t.longColumn("x"));
    assertThrows(IndexOutOfBoundsException.class, () -> t.getLong(2, 0));
    assertThrows(IllegalArgumentException.class, () -> RepositoryTable.of(List.of(B, A), one, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> RepositoryTable.of(List.of(A, A), one, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> RepositoryTable.of(List.of(A), one, Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> RepositoryTable.of(List.of(A, B), one, Map.of("n", new double[2])));
    long[] values = {7, 8};
    RepositoryTable copied = RepositoryTable.of(List.of(A, B), Map.of("n", values), Map.of());
    values[0] = 99;
    assertEquals(7, copied.getLong(0, "n"));
    assertEquals(-1, copied.indexOf(Repository.github("o/none")));
  }

  @Test
  void projectionTakesEachColumnOfEachKeptResult() {
    SortedMap<Repository, String> results = new TreeMap<>();
    results.put(B, "bb");
    results.put(A, "a");
    results.put(Repository.github("o/c"), "");
    RepositoryTable t = RepositoryTable.project(
        results,
        s -> !s.isEmpty(),
        List.of(
            Column.ofDouble("half", s -> s.length() / 2.0),
            Column.ofLong("length", String::length),
            Column.ofLong("first", s -> s.charAt(0))));
    assertEquals(List.of(A, B), t.repositories());
    // long columns first, then double columns, each kind in the order given
    assertEquals(List.of("length", "first"), t.longColumns());
    assertEquals(List.of("half"), t.doubleColumns());
    assertEquals(2, t.getLong(1, "length"));
    assertEquals('a', t.getLong(0, "first"));
    assertEquals(0.5, t.getDouble(0, "half"));
    List<Column<String>> length = List.of(Column.ofLong("n", String::length));
    assertEquals(3, RepositoryTable.project(results, length).size());
    assertEquals(0, RepositoryTable.project(new TreeMap<Repository, String>(), length).size());
  }

  @Test
  void projectionChecksItsArguments() {
    SortedMap<Repository, String> results = new TreeMap<>(Map.of(A, "a"));
    Column<String> n = Column.ofLong("n", String::length);
    assertThrows(IllegalArgumentException.class, () -> RepositoryTable.project(results, List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> RepositoryTable.project(results, List.of(n, Column.<String>ofDouble("n", String::length))));
    assertThrows(IllegalArgumentException.class, () -> Column.<String>ofLong(" ", String::length));
    assertThrows(NullPointerException.class, () -> Column.<String>ofLong("n", null));
    SortedMap<Repository, String> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
    reversed.put(A, "a");
    assertThrows(IllegalArgumentException.class, () -> RepositoryTable.project(reversed, List.of(n)));
    SortedMap<Repository, String> withNull = new TreeMap<>();
    withNull.put(A, null);
    assertThrows(NullPointerException.class, () -> RepositoryTable.project(withNull, List.of(n)));
  }
}
