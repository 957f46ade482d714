package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.stars.FakeStarMonth;
import io.github.communitymetrics.core.metrics.stars.FakeStarsResult;
import io.github.communitymetrics.core.metrics.stars.StarScoutMetrics;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The StarScout audit of every repository's stars ({@code lockstep-stars}, whose result carries
 * both signals: low-activity accounts and lockstep groups), and why the signals have no data when
 * they have none. Only orchestration: the signals are the core metric's.
 */
final class StarAudit {
  /** The metric evaluated: its result has the stars, both signals and either. */
  static final String METRIC = StarScoutMetrics.LOCKSTEP.id();

  /**
   * One repository's audit.
   *
   * @param name its row name
   * @param repository the repository
   * @param months its months with stars in the window, in order
   */
  record Repo(String name, Repository repository, List<FakeStarMonth> months) {
    int stars() {
      return months.stream().mapToInt(FakeStarMonth::stars).sum();
    }

    OptionalInt lowActivity() {
      return sum(months, FakeStarMonth::lowActivity);
    }

    OptionalInt lockstep() {
      return sum(months, FakeStarMonth::lockstep);
    }

    OptionalInt either() {
      return sum(months, FakeStarMonth::either);
    }
  }

  /**
   * The audit.
   *
   * @param window the first stars counted are in it; activity before its end counts
   * @param signals the metric's result over every repository
   * @param noData why the signals have no data, when they have none
   * @param repositories the repositories with stars in the window, by name
   */
  record Result(Window window, FakeStarsResult signals, Optional<String> noData, List<Repo> repositories) {
    OptionalDouble share() {
      return share(signals.stars(), noData.isPresent() ? OptionalInt.empty() : signals.either());
    }

    static OptionalDouble share(int stars, OptionalInt suspected) {
      return stars == 0 || suspected.isEmpty()
          ? OptionalDouble.empty()
          : OptionalDouble.of((double) suspected.getAsInt() / stars);
    }
  }

  private StarAudit() {}



  /**
   * Whether a per-repository driver ({@code score} without {@code --metric}, the HTML report's
   * portfolio) runs {@code d} by default: every standard metric but StarScout's two signals. Per
   * repository they read every account of the whole input again (measured: 60 s of a 74 s
   * {@code score} and 95% of an 89 s {@code report --html} on 11,217 real GH Archive events, and
   * quadratic in the input), and a repository's own events cannot carry them anyway (no data);
   * {@code stars --audit} runs them once over the whole input. Named with {@code --metric} they
   * still run. The same holds for the other metrics that read every repository of the input
   * whatever the scope: {@code fork-activity} and {@code hard-fork-signals} (a fork's own events
   * are outside its upstream's scope; {@code community-metrics forks} runs them) and {@code
   * consumers} (the consumer projects' people; {@code community-metrics governance}).
   */
  static boolean perRepositoryDefault(MetricDescriptor<?> d) {
    return !WHOLE_INPUT.contains(d.id());
  }

  /** The standard metrics that read the whole input for each repository. */
  private static final Set<String> WHOLE_INPUT = Set.of(
      StarScoutMetrics.LOW_ACTIVITY.id(),
      StarScoutMetrics.LOCKSTEP.id(),
      StandardMetrics.FORK_ACTIVITY.id(),
      StandardMetrics.HARD_FORK_SIGNALS.id(),
      StandardMetrics.CONSUMERS.id());

  /** The standard registry without what {@link #perRepositoryDefault} leaves out. */
  static MetricRegistry perRepository() {
    return MetricRegistry.builder()
        .registerAll(MetricRegistry.standard().metrics().stream().filter(StarAudit::perRepositoryDefault).toList())
        .build();
  }

  /**
   * Audits the first stars of every repository of {@code store} in {@code window}.
   *
   * @param apiSource when the events come from a forge's API, its name ("GitHub"): the API gives
   *     stargazer lists without the stargazers' activity elsewhere, so the signals have no data
   *     whatever the lists hold
   */
  static Result compute(EventStore store, People people, Window window, Optional<String> apiSource) {
    Evaluation e = ScoreCommand.evaluation(window.end(), window.duration()).withScope(RepositoryScope.all());
    FakeStarsResult r = StarScoutMetrics.LOCKSTEP.evaluate(store, people, e).result();
    Optional<String> noData;
    if (r.stars() == 0) {
      noData = Optional.of("the input has no star in the window (git clones record none)");
    } else if (apiSource.isPresent()) {
      noData = Optional.of(
          "the " + apiSource.get() + " API lists a repository's stargazers without their activity in"
              + " other repositories, which both signals read: every one-star account would look"
              + " low-activity");
    } else if (!r.signalsAvailable()) {
      noData = Optional.of(
          "no stargazer has an event in any repository but the one it starred: the input cannot tell"
              + " a one-time account from one whose other activity was not collected (a stargazer"
              + " list alone)");
    } else {
      noData = Optional.empty();
    }
    Map<Repository, List<FakeStarMonth>> byRepo = new TreeMap<>();
    for (FakeStarMonth m : r.months()) {
      FakeStarMonth shown =
          noData.isPresent()
              ? new FakeStarMonth(m.repository(), m.month(), m.stars(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty())
              : m;
      byRepo.computeIfAbsent(m.repository(), k -> new ArrayList<>()).add(shown);
    }
    Map<Repository, String> names = ScoreCommand.rowNames(byRepo.keySet());
    List<Repo> repos = new ArrayList<>();
    byRepo.forEach((repo, months) -> repos.add(new Repo(names.get(repo), repo, months)));
    repos.sort(java.util.Comparator.comparing(Repo::name));
    return new Result(window, r, noData, repos);
  }

  /** The API a source reads, when it reads one: its stargazers' other activity is not in it. */
  static Optional<String> apiSource(EventSource source) {
    if (source.github.present()) {
      return Optional.of("GitHub");
    }
    if (source.gitlab.isSet()) {
      return Optional.of("GitLab");
    }
    return Optional.empty();
  }

  private static OptionalInt sum(List<FakeStarMonth> months, java.util.function.Function<FakeStarMonth, OptionalInt> f) {
    int total = 0;
    for (FakeStarMonth m : months) {
      OptionalInt v = f.apply(m);
      if (v.isEmpty()) {
        return OptionalInt.empty();
      }
      total += v.getAsInt();
    }
    return OptionalInt.of(total);
  }
}
