package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.ProgressListener;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.internal.AscendingMap;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.EachRepository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/**
 * The one description of a metric: its stable id, the question it answers, its presets and
 * parameters, the measurements it yields, which events it reads, how to configure it for an
 * {@link Evaluation}, and how its result reads in a summary. Every output (the summary, the
 * CLI's text and JSON, the HTML report, series, Spark) loops over descriptors, so that a new
 * metric is one subclass registered in a {@link MetricRegistry}.
 *
 * <p>Only {@link #metric} and {@link #measure} are abstract: the summary rows and JSON default to
 * the measurements; metrics with evidence worth showing (rankings, curves, cohorts) override
 * {@link #rows} and {@link #writeJsonDetail}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <R> the metric's result
 */
public abstract class MetricDescriptor<R> {
  private final String id;
  private final String title;
  private final Optional<String> description;
  private final String jsonName;
  private final List<Preset> presets;
  private final List<Parameter> parameters;
  private final List<MeasurementSpec> measurements;
  private final Locality locality;

  /**
   * A metric without a {@linkplain #description() description}.
   *
   * @see #MetricDescriptor(String, String, String, String, List, List, List, Locality)
   */
  protected MetricDescriptor(
      String id,
      String title,
      String jsonName,
      List<Preset> presets,
      List<Parameter> parameters,
      List<MeasurementSpec> measurements,
      Locality locality) {
    this(id, title, Optional.empty(), jsonName, presets, parameters, measurements, locality);
  }

  /**
   * @param id the stable id, lower-case words joined by hyphens ({@code lottery-factor})
   * @param title the question the metric answers, for people
   * @param description what the metric measures, in plain language for people who do not know
   *     its definition (a few sentences)
   * @param jsonName the property that holds the metric in the summary's JSON ({@code
   *     lotteryFactor})
   * @param presets the published definitions it implements, the one it uses first
   * @param parameters what an evaluation may override
   * @param measurements what it yields, in the order {@link #measure} returns them
   * @param locality which events it reads
   * @throws IllegalArgumentException if the id is not lower-case hyphenated words, a list is
   *     empty where it must not be, names repeat, or a preset's scale rates a measurement the
   *     metric does not yield
   */
  protected MetricDescriptor(
      String id,
      String title,
      String description,
      String jsonName,
      List<Preset> presets,
      List<Parameter> parameters,
      List<MeasurementSpec> measurements,
      Locality locality) {
    this(id, title, Optional.of(Checks.notBlank(description, "description")), jsonName, presets,
        parameters, measurements, locality);
  }

  private MetricDescriptor(
      String id,
      String title,
      Optional<String> description,
      String jsonName,
      List<Preset> presets,
      List<Parameter> parameters,
      List<MeasurementSpec> measurements,
      Locality locality) {
    Checks.argument(
        Checks.notNull(id, "id").matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"),
        "a metric id is lower-case words joined by hyphens: " + id);
    this.id = id;
    this.title = Checks.notBlank(title, "title");
    this.description = description;
    this.jsonName = Checks.notBlank(jsonName, "jsonName");
    this.presets = List.copyOf(presets);
    this.parameters = List.copyOf(parameters);
    this.measurements = List.copyOf(measurements);
    this.locality = Checks.notNull(locality, "locality");
    Checks.argument(!this.presets.isEmpty(), id + ": a metric has at least one preset");
    Checks.argument(!this.measurements.isEmpty(), id + ": a metric yields at least one measurement");
    unique(this.parameters.stream().map(Parameter::name).toList(), "parameter");
    unique(this.measurements.stream().map(MeasurementSpec::name).toList(), "measurement");
    Set<String> names = new HashSet<>(this.measurements.stream().map(MeasurementSpec::name).toList());
    for (Preset p : this.presets) {
      for (Scale s : p.scales()) {
        Checks.argument(
            names.contains(s.measurement()),
            id + ": preset " + p.name() + " rates " + s.measurement() + ", which the metric does not yield");
      }
    }
  }

  private void unique(List<String> names, String what) {
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      Checks.argument(seen.add(n), id + ": " + what + " " + n + " declared twice");
    }
  }

  /** The stable id ({@code lottery-factor}). */
  public final String id() {
    return id;
  }

  /** The question the metric answers. */
  public final String title() {
    return title;
  }

  /**
   * What the metric measures, in plain language for people who do not know its definition;
   * empty for a metric registered without one.
   */
  public final Optional<String> description() {
    return description;
  }

  /**
   * The span of time the metric's value describes under {@code evaluation}: the evaluation's
   * window unless the metric's preset fixes its own (the lottery factor's 30 days, the pony
   * factor's 24 months) or reads history before it (retention's months), in which case the
   * metric says so by overriding this.
   */
  public Window describedWindow(Evaluation evaluation) {
    return Checks.notNull(evaluation, "evaluation").window();
  }

  /** The property holding the metric in the summary's JSON. */
  public final String jsonName() {
    return jsonName;
  }

  /** The published definitions it implements; the first is the one it uses. */
  public final List<Preset> presets() {
    return presets;
  }

  /** The preset it uses. */
  public final Preset preset() {
    return presets.get(0);
  }

  /** What an evaluation may override. */
  public final List<Parameter> parameters() {
    return parameters;
  }

  /**
   * The parameter named {@code name}.
   *
   * @throws IllegalArgumentException if there is none, naming those there are
   */
  public final Parameter parameter(String name) {
    for (Parameter p : parameters) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        id + " has no parameter " + name + " (it has "
            + (parameters.isEmpty() ? "none" : parameters.stream().map(Parameter::name).toList())
            + ")");
  }

  /** What it yields, in the order of {@link #measure}. */
  public final List<MeasurementSpec> measurements() {
    return measurements;
  }

  /** Which events it reads. */
  public final Locality locality() {
    return locality;
  }

  /**
   * What the result for one repository can change with when events are added or the as-of
   * instant moves ({@link Dependency}), read by {@link IncrementalScores} to recompute only the
   * repositories whose results can have changed. {@link Dependency#ANY_CHANGE} unless the metric
   * says otherwise; a metric that narrows it must depend on nothing else, or its incremental
   * results will differ from a full recomputation ({@code IncrementalScoresTest} compares them
   * over seeded histories for the standard metrics that declare something).
   *
   * @return an unmodifiable set, not empty
   */
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.ANY_CHANGE);
  }

  /**
   * The types of a repository's own events its result reads: an event of another type, added,
   * changing place as the window moves, or by an actor whose person changed, changes nothing
   * under {@link Dependency#WINDOW_EVENTS}, {@link Dependency#HISTORY_EVENTS} and {@link
   * Dependency#PEOPLE}, so {@link IncrementalScores} does not recompute a repository for it
   * (a GH Archive hour is about three quarters pushes, stars, forks and branch creations, which
   * responsiveness never reads). Every type unless the metric says otherwise; a metric that
   * narrows it must read nothing else of its own events in what it measures, not even their
   * instants (the lottery factor's grace period reads the earliest event of any type, but only
   * for a level no measurement shows), or its incremental results will differ from a full
   * recomputation.
   *
   * @return an unmodifiable set, not empty
   */
  public Set<EventType> ownReads() {
    return ALL_TYPES;
  }

  private static final Set<EventType> ALL_TYPES =
      java.util.Collections.unmodifiableSet(java.util.EnumSet.allOf(EventType.class));

  /**
   * For a metric that depends on {@link Dependency#OTHER_REPOSITORIES}: which of a repository's
   * events lead to which events of their actors elsewhere. {@link CrossRepositoryReads#ANY}
   * unless the metric says otherwise.
   */
  public CrossRepositoryReads crossRepositoryReads() {
    return CrossRepositoryReads.ANY;
  }

  /**
   * Whether the metric describes {@code scope}: every metric describes any set of repositories
   * unless it says otherwise (contributor confidence describes one named repository). Drivers
   * over owners or groups leave out the metrics that do not describe them.
   */
  public boolean describes(RepositoryScope scope) {
    Checks.notNull(scope, "scope");
    return true;
  }

  /**
   * The metric configured for {@code evaluation}: its scope, window, parameters.
   *
   * @throws IllegalArgumentException if the metric does not {@linkplain #describes describe}
   *     the evaluation's scope
   */
  public abstract SliceMetric<?, R> metric(Evaluation evaluation);

  /**
   * The measurements of a result of {@link #metric}{@code (evaluation)}, one per {@link
   * #measurements()} entry, in that order.
   */
  public abstract List<Measurement> measure(R result, Evaluation evaluation);

  /**
   * The result over {@code store}: {@code metric(evaluation).compute(store, people)}.
   *
   * @param store the events; metrics of {@link Locality#STORE} look at every repository, so do
   *     not restrict it to the scope first
   */
  public final Evaluated<R> evaluate(EventStore store, People people, Evaluation evaluation) {
    R result = metric(evaluation).compute(store, people);
    return new Evaluated<>(this, evaluation, result, measure(result, evaluation));
  }

  /**
   * The result for every repository of {@code store}, each with {@code evaluation}'s window,
   * affiliations and parameters and the repository as its scope, through the one
   * each-repository driver ({@link EachRepository#compute}): the same as {@link #evaluate} with
   * {@code evaluation.withScope(RepositoryScope.of(r))} for each repository {@code r}, at the
   * cost of each repository's own events.
   *
   * @return by repository, in {@link Repository} order; repositories without events have none
   */
  public final SortedMap<Repository, Evaluated<R>> evaluateEachRepository(
      EventStore store, People people, Evaluation evaluation) {
    return evaluateEachRepository(store, people, evaluation, ProgressListener.NONE);
  }

  /**
   * As {@link #evaluateEachRepository(EventStore, People, Evaluation)}, reporting to {@code
   * progress} how many repositories are done ({@link EachRepository#compute(EventStore, People,
   * Function, ProgressListener)}).
   *
   * @param progress hears the repositories done; {@link ProgressListener#NONE} for none
   * @return by repository, in {@link Repository} order; repositories without events have none
   */
  public final SortedMap<Repository, Evaluated<R>> evaluateEachRepository(
      EventStore store, People people, Evaluation evaluation, ProgressListener progress) {
    return evaluateEachRepository(store, people, evaluation, progress, 1);
  }

  /**
   * As {@link #evaluateEachRepository(EventStore, People, Evaluation, ProgressListener)}, the
   * repositories computed on {@code threads} threads ({@link EachRepository#compute(EventStore,
   * People, Function, ProgressListener, int)}): the same results, whatever the number.
   *
   * @param threads how many threads compute, the calling thread included; at least 1
   */
  public final SortedMap<Repository, Evaluated<R>> evaluateEachRepository(
      EventStore store, People people, Evaluation evaluation, ProgressListener progress, int threads) {
    Checks.notNull(evaluation, "evaluation");
    SortedMap<Repository, R> results =
        EachRepository.compute(
            store, people, r -> metric(evaluation.withScope(RepositoryScope.of(r))), progress, threads);
    // The results come in ascending order: built in linear time, not by a TreeMap's comparisons
    // of thousands of repositories.
    AscendingMap<Repository, Evaluated<R>> out = new AscendingMap<>();
    results.forEach(
        (r, result) -> out.put(r, evaluated(result, evaluation.withScope(RepositoryScope.of(r)))));
    return out.build();
  }

  /**
   * The measurements of each repository: for each repository {@code r}, {@link
   * #evaluateEachRepository(EventStore, People, Evaluation, ProgressListener, int)
   * evaluateEachRepository}{@code (...).get(r).measurements()}, without keeping the results. Each
   * result is measured on the thread that computed it and then dropped, and lists of
   * measurements without evidence (most repositories of a GH Archive day have none for most
   * metrics) are shared: what a caller that writes only measurements holds is the measurements.
   *
   * @param threads how many threads compute, the calling thread included; at least 1
   * @return the measurements by repository, in {@link Repository} order; unmodifiable
   */
  public final SortedMap<Repository, List<Measurement>> measureEachRepository(
      EventStore store, People people, Evaluation evaluation, ProgressListener progress, int threads) {
    Checks.notNull(evaluation, "evaluation");
    return EachRepository.compute(
        store,
        people,
        r -> metric(evaluation.withScope(RepositoryScope.of(r))),
        measuring(evaluation),
        progress,
        threads);
  }

  /**
   * As {@link #measureEachRepository} for the given repositories only, each with at least one
   * event in a part, over the union of disjoint stores, each repository's states of every part
   * merged when there are several ({@link EachRepository#computeOverParts}, under that method's
   * conditions): the same measurements as on one store of all their events.
   */
  final SortedMap<Repository, List<Measurement>> measureRepositories(
      List<EventStore> parts,
      List<People> people,
      Evaluation evaluation,
      Collection<Repository> repositories,
      int threads) {
    Checks.notNull(evaluation, "evaluation");
    Function<Repository, SliceMetric<?, R>> metricOf = r -> metric(evaluation.withScope(RepositoryScope.of(r)));
    return parts.size() == 1
        ? EachRepository.compute(
            parts.get(0), people.get(0), repositories, metricOf, measuring(evaluation), ProgressListener.NONE, threads)
        : EachRepository.computeOverParts(
            parts, people, repositories, metricOf, measuring(evaluation), ProgressListener.NONE, threads);
  }

  /**
   * A repository's result to its measurements, the lists without evidence shared among the
   * repositories of one call.
   */
  private BiFunction<Repository, R, List<Measurement>> measuring(Evaluation evaluation) {
    ConcurrentMap<List<Measurement>, List<Measurement>> withoutEvidence =
        new ConcurrentHashMap<>();
    return (r, result) -> {
      List<Measurement> m = List.copyOf(measure(result, evaluation.withScope(RepositoryScope.of(r))));
      for (Measurement one : m) {
        if (one.hasValue()) {
          return m;
        }
      }
      return withoutEvidence.computeIfAbsent(m, k -> k);
    };
  }

  /** The evaluated result of a result computed elsewhere (merged states, another engine). */
  public final Evaluated<R> evaluated(R result, Evaluation evaluation) {
    return new Evaluated<>(this, evaluation, result, measure(result, evaluation));
  }

  /**
   * The rows of a summary table. By default one per measurement: the title, or the title and the
   * measurement's name when there are several.
   *
   * @param label the name to show for a person key
   */
  public List<SummaryRow> rows(R result, Evaluation evaluation, Function<Actor, String> label) {
    List<SummaryRow> rows = new ArrayList<>();
    for (Measurement m : measure(result, evaluation)) {
      rows.add(
          new SummaryRow(
              measurements.size() == 1 ? title : title + ": " + m.name(), m.text(), "", m.preset()));
    }
    return rows;
  }

  /**
   * Lines of evidence a text summary prints after its table (a ranking of people, say), without
   * indentation or trailing newline. None by default.
   *
   * @param label the name to show for a person key
   */
  public List<String> textDetail(R result, Evaluation evaluation, Function<Actor, String> label) {
    return List.of();
  }

  /**
   * Writes what the summary's JSON shows of the result besides {@code id}, {@code preset} and
   * {@code measurements}, inside the metric's object. Nothing by default.
   *
   * @param label the name to show for a person key
   */
  public void writeJsonDetail(
      R result, Evaluation evaluation, Function<Actor, String> label, JsonGenerator g) {}

  @Override
  public final String toString() {
    return id;
  }
}
