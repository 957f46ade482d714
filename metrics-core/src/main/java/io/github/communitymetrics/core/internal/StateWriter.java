package io.github.communitymetrics.core.internal;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Repository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes one state's layout for {@link BinaryStateCodec}: varints, strings, instants and arrays
 * into the body, and the distinct strings, actors and repositories it names into tables written
 * once before the body (a state names the same people many times: as map keys, pull request
 * openers, reviewers). Table entries are numbered in order of first use, so the bytes depend
 * only on the order of the writes, which the codecs make a function of the state's value.
 *
 * <p>Not thread-safe; one writer per encoding.
 */
public final class StateWriter {
  /**
   * Repositories in their natural order, equal instances first: a state's keys mostly share a
   * few repository instances, whose full comparison walks two equal names on every compare.
   */
  public static final Comparator<Repository> REPOSITORIES = (a, b) -> a == b ? 0 : a.compareTo(b);

  /** Actors (person keys) in their natural order, equal instances first (see above). */
  public static final Comparator<Actor> ACTORS = (a, b) -> a == b ? 0 : a.compareTo(b);

  private final Buffer body = new Buffer(256);
  private final Buffer stringTable = new Buffer(64);
  private final Buffer actorTable = new Buffer(64);
  private final Buffer repositoryTable = new Buffer(32);
  private final Map<String, Integer> strings = new HashMap<>();
  private final Map<Actor, Integer> actors = new HashMap<>();
  /**
   * The same table by identity, looked up first: a state names one person many times through
   * one key instance ({@code People.key}), and an actor's record hash code walks its strings.
   */
  private final Map<Actor, Integer> actorInstances = new IdentityHashMap<>();
  private final Map<Repository, Integer> repositories = new HashMap<>();

  StateWriter() {}

  /** A non-negative int (a count, an index, a number) as an unsigned varint. */
  public StateWriter varint(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("a varint must not be negative: " + value);
    }
    body.varlong(value);
    return this;
  }

  /** A non-negative long (a count) as an unsigned varint. */
  public StateWriter varlong(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("a varlong must not be negative: " + value);
    }
    body.varlong(value);
    return this;
  }

  /** Any long, zig-zag encoded so that small negative values stay short. */
  public StateWriter zigzag(long value) {
    body.varlong((value << 1) ^ (value >> 63));
    return this;
  }

  /** A boolean as one byte, 0 or 1. */
  public StateWriter bool(boolean value) {
    body.write(value ? 1 : 0);
    return this;
  }

  /** A string written in place (UTF-8, length first): for strings that occur once. */
  public StateWriter string(String value) {
    body.string(value);
    return this;
  }

  /** A string by its index in the string table: for strings that repeat (forges, domains). */
  public StateWriter sharedString(String value) {
    body.varlong(stringRef(value));
    return this;
  }

  /** An actor (a person key) by its index in the actor table. */
  public StateWriter actor(Actor actor) {
    Integer ref = actorInstances.get(actor);
    if (ref == null) {
      ref = actors.get(actor);
      if (ref != null) {
        actorInstances.put(actor, ref);
      }
    }
    if (ref == null) {
      ref = actors.size();
      Buffer t = actorTable;
      t.varlong(stringRef(actor.forge().name()));
      int flags =
          (actor.login().isPresent() ? 1 : 0)
              | (actor.id().isPresent() ? 2 : 0)
              | (actor.name().isPresent() ? 4 : 0)
              | actor.kind().ordinal() << 3;
      t.varlong(flags);
      actor.login().ifPresent(t::string);
      if (actor.id().isPresent()) {
        t.zigzag(actor.id().getAsLong());
      }
      actor.name().ifPresent(t::string);
      t.varlong(actor.emails().size());
      for (String e : actor.emails()) {
        t.string(e);
      }
      actors.put(actor, ref);
      actorInstances.put(actor, ref);
    }
    body.varlong(ref);
    return this;
  }

  /** A repository by its index in the repository table. */
  public StateWriter repository(Repository repository) {
    Integer ref = repositories.get(repository);
    if (ref == null) {
      ref = repositories.size();
      Buffer t = repositoryTable;
      t.varlong(stringRef(repository.forge().name()));
      t.string(repository.fullName());
      if (repository.id().isPresent()) {
        t.write(1);
        t.zigzag(repository.id().getAsLong());
      } else {
        t.write(0);
      }
      repositories.put(repository, ref);
    }
    body.varlong(ref);
    return this;
  }

  /** An instant: epoch seconds zig-zag encoded, then the nanoseconds as a varint. */
  public StateWriter instant(Instant at) {
    zigzag(at.getEpochSecond());
    body.varlong(at.getNano());
    return this;
  }

  /**
   * Instants in their order: the count, then each one's seconds as the zig-zag difference from
   * the previous one (short for sorted or clustered instants) and its nanoseconds.
   */
  public StateWriter instants(List<Instant> instants) {
    varint(instants.size());
    long previous = 0;
    for (Instant t : instants) {
      zigzag(t.getEpochSecond() - previous);
      body.varlong(t.getNano());
      previous = t.getEpochSecond();
    }
    return this;
  }

  /**
   * Ascending longs (such as epoch seconds): the count, the first value zig-zag encoded, then
   * the non-negative gaps as varints.
   *
   * @throws IllegalArgumentException if {@code values} is not ascending or a gap overflows
   */
  public StateWriter ascending(long[] values) {
    varint(values.length);
    for (int i = 0; i < values.length; i++) {
      if (i == 0) {
        zigzag(values[0]);
      } else {
        varlong(Math.subtractExact(values[i], values[i - 1]));
      }
    }
    return this;
  }

  /** Elements in their order, each by {@code element}, after their count. */
  public <T> StateWriter list(Collection<T> values, BiConsumer<StateWriter, ? super T> element) {
    varint(values.size());
    for (T v : values) {
      element.accept(this, v);
    }
    return this;
  }

  /**
   * A map's entries in {@code order} of their keys (so that equal maps give equal bytes), after
   * their count.
   */
  public <K, V> StateWriter map(
      Map<K, V> map,
      Comparator<? super K> order,
      BiConsumer<StateWriter, ? super K> key,
      BiConsumer<StateWriter, ? super V> value) {
    List<Map.Entry<K, V>> entries = new ArrayList<>(map.entrySet());
    entries.sort(Map.Entry.comparingByKey(order));
    varint(entries.size());
    for (Map.Entry<K, V> e : entries) {
      key.accept(this, e.getKey());
      value.accept(this, e.getValue());
    }
    return this;
  }

  /** Counts per key (each count non-negative), keys in {@code order}. */
  public <K> StateWriter counts(
      Map<K, Long> counts, Comparator<? super K> order, BiConsumer<StateWriter, ? super K> key) {
    return map(counts, order, key, StateWriter::varlong);
  }

  /** Counts per actor key, in actor order. */
  public StateWriter actorCounts(Map<Actor, Long> counts) {
    return counts(counts, ACTORS, StateWriter::actor);
  }

  private int stringRef(String s) {
    Integer ref = strings.get(s);
    if (ref == null) {
      ref = strings.size();
      stringTable.string(s);
      strings.put(s, ref);
    }
    return ref;
  }

  /** The encoding: header, the three tables (each after its entry count), then the body. */
  byte[] finish(String id, int version) {
    Buffer out =
        new Buffer(
            16 + id.length() + stringTable.size + actorTable.size + repositoryTable.size + body.size);
    out.write('C');
    out.write('M');
    out.write('S');
    out.string(id);
    out.varlong(version);
    out.varlong(strings.size());
    out.append(stringTable);
    out.varlong(actors.size());
    out.append(actorTable);
    out.varlong(repositories.size());
    out.append(repositoryTable);
    out.append(body);
    return out.toArray();
  }

  /** A growable byte array with the varint and string primitives. */
  private static final class Buffer {
    private byte[] bytes;
    private int size;

    Buffer(int capacity) {
      bytes = new byte[capacity];
    }

    void write(int b) {
      if (size == bytes.length) {
        bytes = Arrays.copyOf(bytes, bytes.length * 2);
      }
      bytes[size++] = (byte) b;
    }

    void varlong(long v) {
      while ((v & ~0x7FL) != 0) {
        write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      write((int) v);
    }

    void zigzag(long v) {
      varlong((v << 1) ^ (v >> 63));
    }

    void string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varlong(b.length);
      append(b, b.length);
    }

    void append(Buffer other) {
      append(other.bytes, other.size);
    }

    private void append(byte[] b, int n) {
      if (size + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
      }
      System.arraycopy(b, 0, bytes, size, n);
      size += n;
    }

    byte[] toArray() {
      return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
  }
}
