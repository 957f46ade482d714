package io.github.communitymetrics.core.metrics;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.AscendingMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Numbers of a metric for many repositories, as primitive columns, when the evidence of each
 * result (people, rankings, curves) is not wanted: a projection of the results of {@link
 * EachRepository} ({@link #project}), so by construction the same numbers as the results. One row
 * per repository, rows in {@link Repository} order; each column is either of {@code long} or of
 * {@code double} values and has a name its {@link Column} gives, with its unit.
 *
 * <p>Immutable and thread-safe. Reading a value by column index ({@link #longColumn(String)} once,
 * then {@link #getLong(int, int)}) does not box.
 */
public final class RepositoryTable {
  private final List<Repository> repositories;
  private final List<String> longNames;
  private final List<String> doubleNames;
  private final long[][] longs;
  private final double[][] doubles;

  private RepositoryTable(
      List<Repository> repositories,
      List<String> longNames,
      long[][] longs,
      List<String> doubleNames,
      double[][] doubles) {
    this.repositories = repositories;
    this.longNames = longNames;
    this.longs = longs;
    this.doubleNames = doubleNames;
    this.doubles = doubles;
  }

  /**
   * A table from its columns, which are copied.
   *
   * @param repositories the rows' repositories, strictly ascending
   * @param longColumns the {@code long} columns by name, in column order, each one value per row
   * @param doubleColumns the {@code double} columns by name, in column order, each one value per row
   * @throws IllegalArgumentException if the repositories do not strictly ascend, a column has
   *     another length than the repositories, or a name is blank or used twice
   */
  public static RepositoryTable of(
      List<Repository> repositories,
      Map<String, long[]> longColumns,
      Map<String, double[]> doubleColumns) {
    List<Repository> repos = List.copyOf(Checks.notNull(repositories, "repositories"));
    for (int i = 1; i < repos.size(); i++) {
      if (repos.get(i - 1).compareTo(repos.get(i)) >= 0) {
        throw new IllegalArgumentException(
            "repositories must strictly ascend: " + repos.get(i) + " after " + repos.get(i - 1));
      }
    }
    return columns(repos, longColumns, doubleColumns);
  }

  /**
   * The numbers of {@code results}: one row per repository, one column per {@link Column}, each
   * value the column's function of the repository's result. The {@code long} columns come first,
   * then the {@code double} columns, each kind in the order given.
   *
   * @param results the results by repository, as {@link EachRepository#compute} gives them
   * @param columns the columns, at least one, with distinct names
   * @param <R> the result
   * @throws IllegalArgumentException if there is no column or a name is used twice
   */
  public static <R> RepositoryTable project(
      SortedMap<Repository, ? extends R> results, List<? extends Column<? super R>> columns) {
    return project(results, r -> true, columns);
  }

  /**
   * As {@link #project(SortedMap, List)}, with the rows of the repositories whose result
   * {@code rows} accepts only (for example, those with evidence).
   *
   * @param results the results by repository, as {@link EachRepository#compute} gives them
   * @param rows which results become rows
   * @param columns the columns, at least one, with distinct names
   * @param <R> the result
   * @throws IllegalArgumentException if there is no column or a name is used twice
   */
  public static <R> RepositoryTable project(
      SortedMap<Repository, ? extends R> results,
      java.util.function.Predicate<? super R> rows,
      List<? extends Column<? super R>> columns) {
    Checks.notNull(results, "results");
    Checks.notNull(rows, "rows");
    Checks.notNull(columns, "columns");
    Checks.argument(!columns.isEmpty(), "columns must not be empty");
    Checks.argument(
        results.comparator() == null, "results must be in Repository order (a natural order)");
    List<Repository> repos = new ArrayList<>(results.size());
    List<R> kept = new ArrayList<>(results.size());
    for (Map.Entry<Repository, ? extends R> e : results.entrySet()) {
      R result = Checks.notNull(e.getValue(), "result of " + e.getKey());
      if (rows.test(result)) {
        repos.add(e.getKey());
        kept.add(result);
      }
    }
    Map<String, long[]> longs = new LinkedHashMap<>();
    Map<String, double[]> doubles = new LinkedHashMap<>();
    for (Column<? super R> c : columns) {
      Checks.notNull(c, "column");
      if (longs.containsKey(c.name()) || doubles.containsKey(c.name())) {
        throw new IllegalArgumentException("column name used twice: " + c.name());
      }
      if (c.isLong()) {
        long[] v = new long[kept.size()];
        for (int row = 0; row < v.length; row++) {
          v[row] = c.longs.applyAsLong(kept.get(row));
        }
        longs.put(c.name(), v);
      } else {
        double[] v = new double[kept.size()];
        for (int row = 0; row < v.length; row++) {
          v[row] = c.doubles.applyAsDouble(kept.get(row));
        }
        doubles.put(c.name(), v);
      }
    }
    // Keys of a naturally ordered sorted map ascend strictly: no check needed, no copy of columns.
    List<String> longNames = List.copyOf(longs.keySet());
    List<String> doubleNames = List.copyOf(doubles.keySet());
    return new RepositoryTable(
        List.copyOf(repos), longNames, longs.values().toArray(new long[0][]),
        doubleNames, doubles.values().toArray(new double[0][]));
  }

  /**
   * A column of a {@link #project projection}: a name and the value of each result, either a
   * {@code long} or a {@code double}. Immutable.
   *
   * @param <R> the result it reads
   */
  public static final class Column<R> {
    private final String name;
    private final java.util.function.ToLongFunction<? super R> longs;
    private final java.util.function.ToDoubleFunction<? super R> doubles;

    private Column(
        String name,
        java.util.function.ToLongFunction<? super R> longs,
        java.util.function.ToDoubleFunction<? super R> doubles) {
      this.name = Checks.notBlank(name, "name");
      this.longs = longs;
      this.doubles = doubles;
    }

    /**
     * A column of {@code long} values.
     *
     * @param name the column's name, not blank; say the unit in it or where it is documented
     * @param value the value of a result
     * @param <R> the result
     */
    public static <R> Column<R> ofLong(
        String name, java.util.function.ToLongFunction<? super R> value) {
      return new Column<>(name, Checks.notNull(value, "value"), null);
    }

    /**
     * A column of {@code double} values.
     *
     * @param name the column's name, not blank; say the unit in it or where it is documented
     * @param value the value of a result
     * @param <R> the result
     */
    public static <R> Column<R> ofDouble(
        String name, java.util.function.ToDoubleFunction<? super R> value) {
      return new Column<>(name, null, Checks.notNull(value, "value"));
    }

    /** The column's name. */
    public String name() {
      return name;
    }

    /** Whether its values are {@code long} ({@code true}) or {@code double}. */
    public boolean isLong() {
      return longs != null;
    }

    @Override
    public String toString() {
      return "Column[" + name + ", " + (isLong() ? "long" : "double") + "]";
    }
  }

  private static RepositoryTable columns(
      List<Repository> repos, Map<String, long[]> longColumns, Map<String, double[]> doubleColumns) {
    Checks.notNull(longColumns, "longColumns");
    Checks.notNull(doubleColumns, "doubleColumns");
    List<String> longNames = new ArrayList<>();
    List<String> doubleNames = new ArrayList<>();
    long[][] longs = new long[longColumns.size()][];
    double[][] doubles = new double[doubleColumns.size()][];
    for (Map.Entry<String, long[]> e : longColumns.entrySet()) {
      longs[longNames.size()] = checkColumn(e.getKey(), e.getValue(), longNames, doubleNames, repos).clone();
      longNames.add(e.getKey());
    }
    for (Map.Entry<String, double[]> e : doubleColumns.entrySet()) {
      doubles[doubleNames.size()] = checkColumn(e.getKey(), e.getValue(), longNames, doubleNames, repos).clone();
      doubleNames.add(e.getKey());
    }
    return new RepositoryTable(repos, List.copyOf(longNames), longs, List.copyOf(doubleNames), doubles);
  }

  private static <A> A checkColumn(
      String name, A values, List<String> longNames, List<String> doubleNames, List<Repository> repos) {
    Checks.notBlank(name, "column name");
    Checks.notNull(values, "column");
    if (longNames.contains(name) || doubleNames.contains(name)) {
      throw new IllegalArgumentException("column name used twice: " + name);
    }
    int length = java.lang.reflect.Array.getLength(values);
    if (length != repos.size()) {
      throw new IllegalArgumentException(
          "column " + name + " has " + length + " values for " + repos.size() + " repositories");
    }
    return values;
  }

  /** The number of rows (repositories). */
  public int size() {
    return repositories.size();
  }

  /** The repository of row {@code row}. */
  public Repository repository(int row) {
    return repositories.get(row);
  }

  /** The rows' repositories, ascending; unmodifiable. */
  public List<Repository> repositories() {
    return repositories;
  }

  /** The row of {@code repository}, or -1 if the table has none (a binary search). */
  public int indexOf(Repository repository) {
    Checks.notNull(repository, "repository");
    int i = Collections.binarySearch(repositories, repository);
    return i >= 0 ? i : -1;
  }

  /** The names of the {@code long} columns, in column order. */
  public List<String> longColumns() {
    return longNames;
  }

  /** The names of the {@code double} columns, in column order. */
  public List<String> doubleColumns() {
    return doubleNames;
  }

  /**
   * The index of the {@code long} column {@code name}, for {@link #getLong(int, int)}.
   *
   * @throws IllegalArgumentException if there is no such column
   */
  public int longColumn(String name) {
    return column(longNames, name);
  }

  /**
   * The index of the {@code double} column {@code name}, for {@link #getDouble(int, int)}.
   *
   * @throws IllegalArgumentException if there is no such column
   */
  public int doubleColumn(String name) {
    return column(doubleNames, name);
  }

  private static int column(List<String> names, String name) {
    int c = names.indexOf(Checks.notNull(name, "name"));
    Checks.argument(c >= 0, "no column " + name + " among " + names);
    return c;
  }

  /** The value of {@code long} column index {@code column} in row {@code row}. */
  public long getLong(int row, int column) {
    return longs[column][Objects.checkIndex(row, size())];
  }

  /** The value of {@code long} column {@code name} in row {@code row}. */
  public long getLong(int row, String name) {
    return getLong(row, longColumn(name));
  }

  /** The value of {@code double} column index {@code column} in row {@code row}. */
  public double getDouble(int row, int column) {
    return doubles[column][Objects.checkIndex(row, size())];
  }

  /** The value of {@code double} column {@code name} in row {@code row}. */
  public double getDouble(int row, String name) {
    return getDouble(row, doubleColumn(name));
  }

  /**
   * The table as a map (boxes every value: for tests and small tables): each repository's values
   * by column name, the {@code long} columns (as {@link Long}) then the {@code double} columns (as
   * {@link Double}), in column order. Unmodifiable.
   */
  public SortedMap<Repository, Map<String, Number>> toMap() {
    AscendingMap<Repository, Map<String, Number>> out = new AscendingMap<>();
    for (int row = 0; row < size(); row++) {
      Map<String, Number> values = new LinkedHashMap<>();
      for (int c = 0; c < longs.length; c++) {
        values.put(longNames.get(c), longs[c][row]);
      }
      for (int c = 0; c < doubles.length; c++) {
        values.put(doubleNames.get(c), doubles[c][row]);
      }
      out.put(repositories.get(row), Collections.unmodifiableMap(values));
    }
    return out.build();
  }

  /** Equal when the rows, the column names and every value (doubles as by {@link Double#equals}) are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof RepositoryTable
        && repositories.equals(((RepositoryTable) o).repositories)
        && longNames.equals(((RepositoryTable) o).longNames)
        && doubleNames.equals(((RepositoryTable) o).doubleNames)
        && Arrays.deepEquals(longs, ((RepositoryTable) o).longs)
        && Arrays.deepEquals(doubles, ((RepositoryTable) o).doubles);
  }

  @Override
  public int hashCode() {
    return repositories.hashCode() * 31 + Arrays.deepHashCode(longs) * 17 + Arrays.deepHashCode(doubles);
  }

  @Override
  public String toString() {
    return "RepositoryTable[" + size() + " repositories, long " + longNames + ", double " + doubleNames + "]";
  }
}
