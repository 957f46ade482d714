package io.github.communitymetrics.core.metrics.governance;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.StateReader;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Locality;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.Parameter;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.Unit;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/**
 * Do the projects that consume ours take part in it? Given consumer projects (parameter {@code
 * consumers}: repository names such as {@code qemu}, or {@code owner/name}), how many of the
 * issues, pull requests and reviews of the measured repositories come from their people.
 *
 * <p><b>A consumer's people</b> are the people (after identity resolution, bots left out) who
 * contributed to one of its repositories in the same data before the window's end: any event but
 * a star, a fork or an access grant (commits, pushes, issues, pull requests, comments, reviews,
 * merges, closes, labels, releases). A repository is a consumer's when its {@code owner/name} or
 * its name equals the consumer's word, case ignored. A consumer none of whose repositories the
 * data shows has no people: its counts are <em>no data</em>, not zero (the data cannot tell).
 *
 * <p><b>Items</b>: issues opened, pull requests opened and reviews submitted in the scope's
 * repositories inside the window, by people (bots left out). A person of two consumers counts for
 * both consumers and once in the total from consumers.
 *
 * <p>Exactly mergeable: the state keeps each consumer's people and each person's items by kind.
 */
public final class Consumers extends MetricDescriptor<Consumers.Result> {

  /**
   * rust-vmm's consumers as the rust-vmm community names them (QEMU, crosvm, Kata Containers,
   * Firecracker), as repository names (qemu/qemu, google/crosvm,
   * kata-containers/kata-containers, firecracker-microvm/firecracker).
   */
  public static final List<String> RUST_VMM_CONSUMERS = List.of("qemu", "crosvm", "kata-containers", "firecracker");

  private static final String PRESET = "rust-vmm";

  /** The registered instance ({@code StandardMetrics.CONSUMERS}); declared after what it reads. */
  public static final Consumers INSTANCE = new Consumers();

  private Consumers() {
    super(
        "consumers",
        "Do the projects that use ours take part in it?",
        "For each consumer project (by default rust-vmm's: QEMU, crosvm, Kata Containers and"
            + " Firecracker), the people who contribute to its repositories in the same data, and how"
            + " many of the issues, pull requests and reviews of the measured repositories in the"
            + " window come from them, per consumer and in total, with their share.",
        "consumers",
        List.of(
            new Preset(PRESET, "rust-vmm: shared virtualization components built by their consumers")
                .definedAt("https://github.com/rust-vmm/community")
                .withGuidance(
                    "rust-vmm is meant to be developed by the projects that use it: a larger share of"
                        + " items from consumers, and more consumers taking part, are better. No"
                        + " published levels.")),
        List.of(
            new Parameter("consumers", Parameter.Kind.WORDS, String.join(",", RUST_VMM_CONSUMERS), "repositories",
                "consumer projects: a repository name (any owner) or owner/name each")),
        List.of(
            new MeasurementSpec("items", Unit.COUNT, "issues, pull requests and reviews by people in the measured repositories in the window"),
            new MeasurementSpec("fromConsumers", Unit.COUNT, "of them, those by people of a consumer present in the data"),
            new MeasurementSpec("share", Unit.FRACTION, "fromConsumers / items; no data when no consumer is in the data"),
            new MeasurementSpec("consumersPresent", Unit.COUNT, "consumers whose repositories the data shows contributions to"),
            new MeasurementSpec("consumersTakingPart", Unit.COUNT, "of them, those whose people wrote at least one item")),
        Locality.STORE);
  }

  /**
   * Items by kind.
   *
   * @param issues issues opened
   * @param pullRequests pull requests opened
   * @param reviews reviews submitted
   */
  public record Counts(long issues, long pullRequests, long reviews) {
    static final Counts ZERO = new Counts(0, 0, 0);

    /** Checks the counts. */
    public Counts {
      Checks.argument(issues >= 0 && pullRequests >= 0 && reviews >= 0, "negative count");
    }

    /** All three. */
    public long total() {
      return issues + pullRequests + reviews;
    }

    Counts plus(Counts o) {
      return new Counts(issues + o.issues, pullRequests + o.pullRequests, reviews + o.reviews);
    }
  }

  /**
   * One consumer.
   *
   * @param name the consumer's word, lower case
   * @param repositories its repositories the data shows contributions to, sorted
   * @param people its people (contributors to those repositories before the end)
   * @param takingPart of them, those who wrote an item in the measured repositories in the window
   * @param items their items; empty (no data) when the data shows none of its repositories
   */
  public record Consumer(String name, List<Repository> repositories, int people, int takingPart, Optional<Counts> items) {
    /** Checks and copies. */
    public Consumer {
      Checks.notBlank(name, "name");
      Checks.notNull(items, "items");
      repositories = List.copyOf(repositories);
    }

    /** Their items' share of all items, empty without data or without items. */
    public OptionalDouble share(Counts all) {
      return items.isEmpty() || all.total() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) items.get().total() / all.total());
    }
  }

  /**
   * The result.
   *
   * @param window the window of the items
   * @param consumers each consumer, in parameter order
   * @param all every item by people in the measured repositories in the window
   * @param fromConsumers those by people of any consumer (each item once); empty when no consumer
   *     is in the data
   */
  public record Result(Window window, List<Consumer> consumers, Counts all, Optional<Counts> fromConsumers) {
    /** Checks and copies. */
    public Result {
      Checks.notNull(window, "window");
      Checks.notNull(all, "all");
      Checks.notNull(fromConsumers, "fromConsumers");
      consumers = List.copyOf(consumers);
    }

    /** fromConsumers / all; empty when no consumer is in the data or there is no item. */
    public OptionalDouble share() {
      return fromConsumers.isEmpty() || all.total() == 0
          ? OptionalDouble.empty()
          : OptionalDouble.of((double) fromConsumers.get().total() / all.total());
    }

    /** Consumers the data shows. */
    public int present() {
      return (int) consumers.stream().filter(c -> c.items().isPresent()).count();
    }

    /** Consumers whose people wrote at least one item. */
    public int takingPart() {
      return (int) consumers.stream().filter(c -> c.items().map(Counts::total).orElse(0L) > 0).count();
    }
  }

  @Override
  public SliceMetric<?, Result> metric(Evaluation e) {
    return of(e.scope(), e.window(), e.words(this, "consumers"));
  }

  /**
   * The algorithm.
   *
   * @param consumers consumer projects: a repository name or {@code owner/name} each, case ignored
   * @throws IllegalArgumentException if {@code consumers} is empty
   */
  public static SliceMetric<State, Result> of(RepositoryScope scope, Window window, List<String> consumers) {
    return new Engine(scope, window, consumers);
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    long n = r.all().total();
    long from = r.fromConsumers().map(Counts::total).orElse(0L);
    int present = r.present();
    return List.of(
        Measurement.of(id(), "items", Unit.COUNT, n, n, PRESET),
        r.fromConsumers().isPresent()
            ? Measurement.of(id(), "fromConsumers", Unit.COUNT, from, n, PRESET)
            : Measurement.noData(id(), "fromConsumers", Unit.COUNT, PRESET),
        Measurement.of(id(), "share", Unit.FRACTION, r.share(), n, PRESET),
        // Evidence: the items and the consumers seen; with neither (no events) there is no data.
        Measurement.of(id(), "consumersPresent", Unit.COUNT, present, n + present, PRESET),
        present == 0
            ? Measurement.noData(id(), "consumersTakingPart", Unit.COUNT, PRESET)
            : Measurement.of(id(), "consumersTakingPart", Unit.COUNT, r.takingPart(), present, PRESET));
  }

  @Override
  public List<String> textDetail(Result r, Evaluation e, Function<Actor, String> label) {
    List<String> lines = new ArrayList<>();
    lines.add("Items by consumer (issues, pull requests, reviews; share of all " + r.all().total() + "):");
    for (Consumer c : r.consumers()) {
      lines.add(c.items()
          .map(i -> String.format(Locale.ROOT, "  %-20s %,6d people %,6d taking part %,6d %,6d %,6d  %5.1f %%",
              c.name(), c.people(), c.takingPart(), i.issues(), i.pullRequests(), i.reviews(),
              100 * c.share(r.all()).orElse(0)))
          .orElse(String.format(Locale.ROOT, "  %-20s no data (none of its repositories in the data)", c.name())));
    }
    return lines;
  }

  @Override
  public void writeJsonDetail(Result r, Evaluation e, Function<Actor, String> label, JsonGenerator g) {
    g.writeArrayPropertyStart("perConsumer");
    for (Consumer c : r.consumers()) {
      g.writeStartObject();
      g.writeStringProperty("consumer", c.name());
      g.writeArrayPropertyStart("repositories");
      c.repositories().forEach(x -> g.writeString(x.fullName()));
      g.writeEndArray();
      g.writeNumberProperty("people", c.people());
      g.writeNumberProperty("takingPart", c.takingPart());
      if (c.items().isPresent()) {
        Counts i = c.items().get();
        g.writeNumberProperty("issues", i.issues());
        g.writeNumberProperty("pullRequests", i.pullRequests());
        g.writeNumberProperty("reviews", i.reviews());
      } else {
        g.writeNullProperty("issues");
        g.writeNullProperty("pullRequests");
        g.writeNullProperty("reviews");
      }
      OptionalDouble share = c.share(r.all());
      if (share.isPresent()) {
        g.writeNumberProperty("share", share.getAsDouble());
      } else {
        g.writeNullProperty("share");
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * The mergeable state: each consumer's repositories and people seen, each person's items.
   * Immutable once built.
   */
  public static final class State {
    static final BinaryStateCodec<State> CODEC = BinaryStateCodec.of("consumers", 1, State::write, State::read);

    final Map<String, Set<Repository>> repositories;
    final Map<String, Set<Actor>> people;
    final Map<Actor, Counts> items;

    State(Map<String, Set<Repository>> repositories, Map<String, Set<Actor>> people, Map<Actor, Counts> items) {
      this.repositories = Collections.unmodifiableMap(repositories);
      this.people = Collections.unmodifiableMap(people);
      this.items = Collections.unmodifiableMap(items);
    }

    static State merge(State a, State b) {
      Map<String, Set<Repository>> repositories = union(a.repositories, b.repositories);
      Map<String, Set<Actor>> people = union(a.people, b.people);
      Map<Actor, Counts> items = new HashMap<>(a.items);
      b.items.forEach((k, v) -> items.merge(k, v, Counts::plus));
      return new State(repositories, people, items);
    }

    private static <T> Map<String, Set<T>> union(Map<String, Set<T>> a, Map<String, Set<T>> b) {
      Map<String, Set<T>> out = new HashMap<>();
      a.forEach((k, v) -> out.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
      b.forEach((k, v) -> out.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
      return out;
    }

    private static void write(State s, StateWriter out) {
      Comparator<String> words = Comparator.naturalOrder();
      out.map(s.repositories, words, StateWriter::sharedString,
          (o, set) -> o.list(new TreeSet<>(set), StateWriter::repository));
      out.map(s.people, words, StateWriter::sharedString,
          (o, set) -> o.list(sorted(set), StateWriter::actor));
      out.map(s.items, StateWriter.ACTORS, StateWriter::actor,
          (o, c) -> o.varlong(c.issues()).varlong(c.pullRequests()).varlong(c.reviews()));
    }

    private static List<Actor> sorted(Set<Actor> set) {
      List<Actor> out = new ArrayList<>(set);
      out.sort(StateWriter.ACTORS);
      return out;
    }

    private static State read(StateReader in) {
      Map<String, Set<Repository>> repositories =
          in.map("consumer repositories", in::sharedString, k -> new HashSet<>(in.list("repositories", in::repository)));
      Map<String, Set<Actor>> people =
          in.map("consumer people", in::sharedString, k -> new HashSet<>(in.list("people", in::actor)));
      Map<Actor, Counts> items =
          in.map("items", in::actor, k -> new Counts(in.varlong(), in.varlong(), in.varlong()));
      return new State(repositories, people, items);
    }

    @Override
    public String toString() {
      return "Consumers.State[" + people.size() + " consumers seen, " + items.size() + " people with items]";
    }
  }

  static final class Engine implements SliceMetric<State, Result> {
    private final RepositoryScope scope;
    private final Window window;
    private final List<String> consumers;

    Engine(RepositoryScope scope, Window window, List<String> consumers) {
      this.scope = Checks.notNull(scope, "scope");
      this.window = Checks.notNull(window, "window");
      Set<String> words = new LinkedHashSet<>();
      for (String c : Checks.notNull(consumers, "consumers")) {
        words.add(Checks.notBlank(c, "consumer").strip().toLowerCase(Locale.ROOT));
      }
      Checks.argument(!words.isEmpty(), "consumers must not be empty");
      this.consumers = List.copyOf(words);
    }

    /** The consumers a repository belongs to (by owner/name, else by name). */
    private List<String> consumersOf(Repository r) {
      return consumers.stream().filter(c -> RepositoryWords.names(c, r)).toList();
    }

    @Override
    public State accumulate(EventStore slice, People people) {
      Checks.notNull(slice, "slice");
      Checks.notNull(people, "people");
      Map<String, Set<Repository>> repositories = new HashMap<>();
      Map<String, Set<Actor>> consumerPeople = new HashMap<>();
      Map<Actor, Counts> items = new HashMap<>();
      List<List<String>> byRepository = new ArrayList<>();
      List<Boolean> inScope = new ArrayList<>();
      for (Repository r : slice.repositories()) {
        byRepository.add(consumersOf(r));
        inScope.add(scope.includes(r));
      }
      Instant end = window.end();
      for (int i = 0; i < slice.size(); i++) {
        Instant at = slice.instant(i);
        if (!at.isBefore(end)) {
          continue;
        }
        EventType type = slice.type(i);
        int actor = slice.actorIndex(i);
        if (type == EventType.STAR || type == EventType.FORK || type == EventType.MEMBER_ADDED || people.isBot(actor)) {
          continue;
        }
        int repository = slice.repositoryIndex(i);
        Actor who = people.key(people.personOf(actor));
        for (String c : byRepository.get(repository)) {
          repositories.computeIfAbsent(c, k -> new HashSet<>()).add(slice.repository(repository));
          consumerPeople.computeIfAbsent(c, k -> new HashSet<>()).add(who);
        }
        if (inScope.get(repository) && window.contains(at)) {
          Counts one = switch (type) {
            case ISSUE_OPENED -> new Counts(1, 0, 0);
            case PULL_REQUEST_OPENED -> new Counts(0, 1, 0);
            case REVIEW -> new Counts(0, 0, 1);
            default -> null;
          };
          if (one != null) {
            items.merge(who, one, Counts::plus);
          }
        }
      }
      return new State(repositories, consumerPeople, items);
    }

    @Override
    public State merge(State a, State b) {
      return State.merge(Checks.notNull(a, "a"), Checks.notNull(b, "b"));
    }

    @Override
    public Result finish(State state) {
      Counts all = state.items.values().stream().reduce(Counts.ZERO, Counts::plus);
      List<Consumer> out = new ArrayList<>();
      Set<Actor> anyConsumer = new HashSet<>();
      for (String c : consumers) {
        Set<Actor> people = state.people.getOrDefault(c, Set.of());
        anyConsumer.addAll(people);
        Counts sum = Counts.ZERO;
        int taking = 0;
        for (Actor p : people) {
          Counts x = state.items.get(p);
          if (x != null && x.total() > 0) {
            sum = sum.plus(x);
            taking++;
          }
        }
        List<Repository> repos = List.copyOf(new TreeSet<>(state.repositories.getOrDefault(c, Set.of())));
        out.add(new Consumer(c, repos, people.size(), taking, people.isEmpty() ? Optional.empty() : Optional.of(sum)));
      }
      Optional<Counts> from = Optional.empty();
      if (!anyConsumer.isEmpty()) {
        Counts sum = Counts.ZERO;
        for (Actor p : anyConsumer) {
          sum = sum.plus(state.items.getOrDefault(p, Counts.ZERO));
        }
        from = Optional.of(sum);
      }
      return new Result(window, out, all, from);
    }

    @Override
    public StateCodec<State> stateCodec() {
      return State.CODEC;
    }
  }
}
