package io.github.communitymetrics.core.store;

import java.util.AbstractList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * An unmodifiable list over a store's interned table, without copying it ({@link java.util.List#of} copies
 * the array: 4 bytes per actor and repository for nothing, since the store never changes the
 * table); its elements are rebuilt by the table when asked for ({@link ActorTable}, {@link
 * RepositoryTable}). Behaves as {@link java.util.List#of} does: every mutator throws {@link
 * UnsupportedOperationException} even when it would change nothing, and null queries ({@code
 * contains(null)}, {@code indexOf(null)}) throw {@link NullPointerException}.
 */
final class TableList<T> extends AbstractList<T> implements RandomAccess {
  private final int size;
  private final IntFunction<T> element;
  private final ToIntFunction<Object> search;

  /**
   * The list of {@code size} distinct elements, element {@code i} being {@code element.apply(i)},
   * and {@code search} giving an object's index, or a negative number when it is not an element
   * (a binary search of the table: {@code indexOf} and {@code contains} then rebuild no element).
   */
  TableList(int size, IntFunction<T> element, ToIntFunction<Object> search) {
    this.size = size;
    this.element = element;
    this.search = search;
  }

  @Override
  public T get(int index) {
    return element.apply(Objects.checkIndex(index, size));
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int indexOf(Object o) {
    Objects.requireNonNull(o);
    return Math.max(-1, search.applyAsInt(o));
  }

  @Override
  public int lastIndexOf(Object o) {
    return indexOf(o); // the elements are distinct
  }

  @Override
  public boolean contains(Object o) {
    return indexOf(o) >= 0;
  }

  private static UnsupportedOperationException immutable() {
    return new UnsupportedOperationException("the store's tables are immutable");
  }

  @Override
  public boolean add(T e) {
    throw immutable();
  }

  @Override
  public boolean addAll(Collection<? extends T> c) {
    throw immutable();
  }

  @Override
  public boolean addAll(int index, Collection<? extends T> c) {
    throw immutable();
  }

  @Override
  public void clear() {
    throw immutable();
  }

  @Override
  public boolean remove(Object o) {
    throw immutable();
  }

  @Override
  public boolean removeAll(Collection<?> c) {
    throw immutable();
  }

  @Override
  public boolean retainAll(Collection<?> c) {
    throw immutable();
  }

  @Override
  public boolean removeIf(Predicate<? super T> filter) {
    throw immutable();
  }

  @Override
  public void replaceAll(UnaryOperator<T> operator) {
    throw immutable();
  }

  @Override
  public void sort(Comparator<? super T> c) {
    throw immutable();
  }
}
