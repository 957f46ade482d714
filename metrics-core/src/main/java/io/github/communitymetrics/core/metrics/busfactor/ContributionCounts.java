package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.PersonAccess;
import io.github.communitymetrics.core.internal.StateReader;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.state.StateCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The mergeable state of the bus-factor metrics: exact contribution counts per key (a person's
 * {@linkplain io.github.communitymetrics.core.metrics.People#key(int) key}, or an {@link
 * Organization}) in one or more consecutive time buckets, plus what is needed to finish the
 * credit of merged pull requests whose author only another slice knows. Merging adds counts,
 * so it is exact, associative and commutative.
 *
 * <p>Immutable. Merge only states of the same metric computed with the same identities.
 *
 * @param <K> what contributions are credited to
 */
public final class ContributionCounts<K> {
  private final List<Map<K, Long>> buckets;
  private final Map<PendingMerge, Long> pending;
  private final Map<PullRequestRef, Opener> openers;
  private final Map<Repository, Instant> firstEvents;
  private final long leftOut;

  ContributionCounts(
      List<Map<K, Long>> buckets,
      Map<PendingMerge, Long> pending,
      Map<PullRequestRef, Opener> openers,
      Map<Repository, Instant> firstEvents,
      long leftOut) {
    List<Map<K, Long>> b = new ArrayList<>(buckets.size());
    for (Map<K, Long> m : buckets) {
      b.add(Collections.unmodifiableMap(m));
    }
    this.buckets = Collections.unmodifiableList(b);
    this.pending = Collections.unmodifiableMap(pending);
    this.openers = Collections.unmodifiableMap(openers);
    this.firstEvents = Collections.unmodifiableMap(firstEvents);
    this.leftOut = leftOut;
  }

  /** A merged pull request without an author, waiting for its opener; {@code at} is the merge. */
  record PendingMerge(Repository repo, int number, Instant at, int bucket) {}

  /** A pull request: repository and number. */
  record PullRequestRef(Repository repo, int number) {}

  /** Who opened a pull request, and when. */
  record Opener(Person person, Instant at) {
    /** The earlier opening wins; a tie (inconsistent data) goes to the smaller person key. */
    Opener earlier(Opener other) {
      int c = at.compareTo(other.at);
      if (c == 0) {
        c = person.actors().get(0).compareTo(other.person.actors().get(0));
      }
      return c <= 0 ? this : other;
    }
  }

  private static final Comparator<PendingMerge> PENDING_ORDER =
      Comparator.comparing(PendingMerge::repo, StateWriter.REPOSITORIES)
          .thenComparingInt(PendingMerge::number)
          .thenComparing(PendingMerge::at)
          .thenComparingInt(PendingMerge::bucket);
  private static final Comparator<PullRequestRef> REF_ORDER =
      Comparator.comparing(PullRequestRef::repo, StateWriter.REPOSITORIES).thenComparingInt(PullRequestRef::number);
  private static final Organization.Kind[] KINDS = Organization.Kind.values();

  static final BinaryStateCodec<ContributionCounts<Actor>> ACTORS =
      BinaryStateCodec.of(
          "contribution-counts.actor",
          1,
          (s, out) -> s.write(out, StateWriter::actor),
          in -> read(in, StateReader::actor));

  private static final BinaryStateCodec<ContributionCounts<Organization>> ORGANIZATION_CODEC =
      BinaryStateCodec.of(
          "contribution-counts.organization",
          1,
          (s, out) -> s.write(out, ContributionCounts::writeOrganization),
          in -> read(in, ContributionCounts::readOrganization));

  /**
   * The codec of states credited to person keys (every bus-factor metric but the elephant
   * factor). Layout: per bucket the counts per key, the unresolved merges with their counts,
   * the pull request openers, the first event per repository, and the left-out count.
   */
  public static StateCodec<ContributionCounts<Actor>> actorCodec() {
    return ACTORS;
  }

  /** The codec of states credited to {@link Organization}s (the elephant factor). */
  public static StateCodec<ContributionCounts<Organization>> organizationCodec() {
    return ORGANIZATION_CODEC;
  }

  private void write(StateWriter out, BiConsumer<StateWriter, K> key) {
    out.varint(buckets.size());
    for (Map<K, Long> b : buckets) {
      out.counts(b, ContributionCounts::compareKeys, key);
    }
    out.map(
        pending,
        PENDING_ORDER,
        (o, m) -> o.repository(m.repo()).varint(m.number()).instant(m.at()).varint(m.bucket()),
        StateWriter::varlong);
    out.map(
        openers,
        REF_ORDER,
        (o, r) -> o.repository(r.repo()).varint(r.number()),
        (o, op) -> writePerson(o, op.person()).instant(op.at()));
    out.map(firstEvents, StateWriter.REPOSITORIES, StateWriter::repository, StateWriter::instant);
    out.varlong(leftOut);
  }

  @SuppressWarnings("unchecked")
  private static <K> int compareKeys(K a, K b) {
    // Keys are Actors or Organizations, both comparable and consistent with equals.
    return a == b ? 0 : ((Comparable<K>) a).compareTo(b);
  }

  private static <K> ContributionCounts<K> read(StateReader in, Function<StateReader, K> key) {
    int n = in.count("buckets");
    Checks.argument(n > 0, "a state has at least one bucket");
    List<Map<K, Long>> buckets = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      buckets.add(in.counts("counts", () -> key.apply(in)));
    }
    Map<PendingMerge, Long> pending =
        in.counts(
            "unresolved merges",
            () -> {
              Repository repo = in.repository();
              int number = in.varint();
              Instant at = in.instant();
              int bucket = in.varint();
              if (bucket >= n) {
                throw in.error("bucket " + bucket + " of " + n);
              }
              return new PendingMerge(repo, number, at, bucket);
            });
    Map<PullRequestRef, Opener> openers =
        in.map(
            "openers",
            () -> new PullRequestRef(in.repository(), in.varint()),
            r -> new Opener(readPerson(in), in.instant()));
    Map<Repository, Instant> first = in.map("first events", in::repository, r -> in.instant());
    return new ContributionCounts<>(buckets, pending, openers, first, in.varlong());
  }

  private static StateWriter writePerson(StateWriter out, Person p) {
    return out.varint(p.index()).bool(p.bot()).list(p.actors(), StateWriter::actor);
  }

  private static Person readPerson(StateReader in) {
    int index = in.varint();
    boolean bot = in.bool();
    return PersonAccess.person(index, in.list("person's actors", in::actor), bot);
  }

  private static void writeOrganization(StateWriter out, Organization o) {
    out.varint(o.kind().ordinal()).sharedString(o.name());
    o.person().ifPresent(out::actor);
  }

  private static Organization readOrganization(StateReader in) {
    Organization.Kind kind = in.constant(KINDS, "organisation kind");
    String name = in.sharedString();
    return new Organization(
        kind, name, kind == Organization.Kind.INDIVIDUAL ? Optional.of(in.actor()) : Optional.empty());
  }

  /** How many consecutive time buckets the counts are split into (1 for one window). */
  public int bucketCount() {
    return buckets.size();
  }

  /**
   * Contributions credited per key in one bucket, not counting merges still waiting for their
   * author (see {@link #unresolvedMerges()}).
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= bucket < bucketCount()}
   */
  public Map<K, Long> counts(int bucket) {
    return buckets.get(bucket);
  }

  /** Contributions credited per key, summed over the buckets. */
  public Map<K, Long> counts() {
    if (buckets.size() == 1) {
      return buckets.get(0);
    }
    Map<K, Long> sum = new HashMap<>();
    for (Map<K, Long> m : buckets) {
      m.forEach((k, n) -> sum.merge(k, n, Long::sum));
    }
    return Collections.unmodifiableMap(sum);
  }

  /**
   * Merged pull requests without an author in the event, whose opener is looked up when the
   * metric finishes (it may be in another slice).
   */
  public long unresolvedMerges() {
    long n = 0;
    for (long v : pending.values()) {
      n += v;
    }
    return n;
  }

  /**
   * The earliest event instant per repository in scope, when the metric tracks it (the lottery
   * factor's fallback for a repository's creation); otherwise empty.
   */
  public Map<Repository, Instant> firstEvents() {
    return firstEvents;
  }

  /**
   * Contributions that counted but were credited to no key (the elephant factor's unaffiliated
   * people when they are left out).
   */
  public long leftOut() {
    return leftOut;
  }

  Map<PendingMerge, Long> pending() {
    return pending;
  }

  Map<PullRequestRef, Opener> openers() {
    return openers;
  }

  /**
   * The state of the union of the two slices.
   *
   * @throws IllegalArgumentException if the states have different bucket counts
   */
  public ContributionCounts<K> merge(ContributionCounts<K> other) {
    Checks.notNull(other, "other");
    if (!(other.buckets.size() == buckets.size())) {
      throw new IllegalArgumentException("cannot merge states with " + buckets.size() + " and " + other.buckets.size() + " buckets");
    }
    List<Map<K, Long>> b = new ArrayList<>(buckets.size());
    for (int i = 0; i < buckets.size(); i++) {
      b.add(sum(buckets.get(i), other.buckets.get(i)));
    }
    Map<PullRequestRef, Opener> o = new HashMap<>(openers);
    other.openers.forEach((ref, op) -> o.merge(ref, op, Opener::earlier));
    Map<Repository, Instant> f = new HashMap<>(firstEvents);
    other.firstEvents.forEach((r, t) -> f.merge(r, t, (x, y) -> x.isBefore(y) ? x : y));
    return new ContributionCounts<>(
        b, sum(pending, other.pending), o, f, Math.addExact(leftOut, other.leftOut));
  }

  private static <T> Map<T, Long> sum(Map<T, Long> a, Map<T, Long> b) {
    Map<T, Long> m = new HashMap<>(a);
    b.forEach((k, n) -> m.merge(k, n, Math::addExact));
    return m;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ContributionCounts)) {
      return false;
    }
    ContributionCounts<?> c = (ContributionCounts<?>) o;
    return leftOut == c.leftOut
        && buckets.equals(c.buckets)
        && pending.equals(c.pending)
        && openers.equals(c.openers)
        && firstEvents.equals(c.firstEvents);
  }

  @Override
  public int hashCode() {
    return Objects.hash(buckets, pending, openers, firstEvents, leftOut);
  }

  @Override
  public String toString() {
    return "ContributionCounts[buckets="
        + buckets.size()
        + ", keys="
        + counts().size()
        + ", unresolvedMerges="
        + unresolvedMerges()
        + ", leftOut="
        + leftOut
        + "]";
  }
}
