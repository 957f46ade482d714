package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.CoAuthor;
import io.github.communitymetrics.core.event.FileChange;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Signature;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Total orders consistent with {@code equals} for the values a store interns or keeps.
 *
 * <p>A canonical store needs "compare == 0" to mean "equal", so that ties and duplicates do not
 * depend on input order. The natural orders of {@link Actor} and {@link Repository} are such
 * orders (an absent value before a present one, lists element by element), and these agree with
 * them.
 */
final class Canonical {
  private Canonical() {}

  static <T> Comparator<Optional<T>> optional(Comparator<? super T> inner) {
    return (a, b) -> {
      if (a.isEmpty() || b.isEmpty()) {
        return Boolean.compare(a.isPresent(), b.isPresent());
      }
      return inner.compare(a.get(), b.get());
    };
  }

  static int compare(OptionalLong a, OptionalLong b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isPresent(), b.isPresent());
    }
    return Long.compare(a.getAsLong(), b.getAsLong());
  }

  static int compare(OptionalInt a, OptionalInt b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isPresent(), b.isPresent());
    }
    return Integer.compare(a.getAsInt(), b.getAsInt());
  }

  /** Lexicographic order of lists: element by element, then the shorter first. */
  static <T> Comparator<List<T>> list(Comparator<? super T> element) {
    return (a, b) -> {
      int n = Math.min(a.size(), b.size());
      for (int i = 0; i < n; i++) {
        int c = element.compare(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    };
  }

  static final Comparator<Optional<String>> OPTIONAL_STRING = optional(Comparator.naturalOrder());
  static final Comparator<List<String>> STRINGS = list(Comparator.naturalOrder());

  /**
   * The natural order of actors, which is total (forge, login, id, name, e-mail addresses, kind;
   * absent first): written out there, since a store sorts every distinct actor with it.
   */
  static final Comparator<Actor> ACTOR = Comparator.naturalOrder();

  static final Comparator<Optional<Actor>> OPTIONAL_ACTOR = optional(ACTOR);

  /**
   * Forge, full name, then id (absent first). Written out rather than composed from key
   * extractors: {@link EventStore#indexOf(Repository)} runs it for every repository a metric of
   * one repository slices, thousands of times when every repository of a store is scored.
   */
  static final Comparator<Repository> REPOSITORY = Canonical::compareRepositories;

  private static int compareRepositories(Repository a, Repository b) {
    if (a == b) {
      return 0;
    }
    int c = a.forge() == b.forge() ? 0 : a.forge().compareTo(b.forge());
    if (c == 0) {
      c = a.fullName().compareTo(b.fullName());
    }
    return c != 0 ? c : compare(a.id(), b.id());
  }

  static final Comparator<Signature> SIGNATURE =
      Comparator.comparing(Signature::name)
          .thenComparing(Signature::email)
          .thenComparing(Signature::time);

  static final Comparator<CoAuthor> CO_AUTHOR =
      Comparator.comparing(CoAuthor::name).thenComparing(CoAuthor::email);

  static final Comparator<FileChange> FILE_CHANGE =
      Comparator.comparing(FileChange::status)
          .thenComparing(FileChange::path)
          .thenComparing(FileChange::oldPath, OPTIONAL_STRING)
          .thenComparing((a, b) -> compare(a.linesAdded(), b.linesAdded()))
          .thenComparing((a, b) -> compare(a.linesRemoved(), b.linesRemoved()));

  /**
   * Binary search over a table of {@code size} values in canonical order, {@code compareAt(k)}
   * being the sign of comparing value {@code k} with the key: the key's index, or {@code
   * -(insertion point) - 1} as {@link java.util.Arrays#binarySearch} gives.
   */
  static int binarySearch(int size, java.util.function.IntUnaryOperator compareAt) {
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compareAt.applyAsInt(mid);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }
}
