package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.newcomers.GoodFirstIssues;
import io.github.communitymetrics.core.metrics.newcomers.Mentorship;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerExperience;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerStaying;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerWelcomers;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The newcomer metrics of one repository or organisation, computed with the same evaluation and
 * contribution type: what {@code newcomers} prints for each group.
 *
 * @param name the repository's full name, or the owner's name for an organisation
 * @param events the group's events in the store (any type, any time)
 * @param experience {@code newcomer-experience}
 * @param staying {@code newcomer-staying}
 * @param welcomers {@code newcomer-welcomers}
 * @param mentorship {@code mentorship}
 * @param goodFirstIssues {@code good-first-issues}, with the evaluation's label set (its newcomers
 *     are people whose first contribution of any type falls in the window, whatever the type)
 */
record NewcomerFindings(
    String name,
    long events,
    NewcomerExperience.Result experience,
    NewcomerStaying.Result staying,
    NewcomerWelcomers.Result welcomers,
    Mentorship.Result mentorship,
    GoodFirstIssues.Result goodFirstIssues) {

  /**
   * What the command was asked: the evaluation (window, the metrics' parameters), who counts as a
   * newcomer, the staying horizons shown and whether the scope is an organisation.
   *
   * @param evaluation the window ending at the as-of instant and the metrics' parameters; its
   *     scope is replaced by each group's
   * @param type the contribution type that makes someone a contributor (first, second, last)
   * @param organisation whether a newcomer is new to the owner's repositories rather than to one
   * @param horizons the staying horizons shown, increasing
   */
  record Settings(Evaluation evaluation, ContributionType type, boolean organisation, List<Duration> horizons) {
    Settings {
      horizons = List.copyOf(horizons);
    }

    String scopeWord() {
      return organisation ? "organisation" : "repository";
    }
  }

  /**
   * The metrics of {@code scope}. Each of the four journey metrics runs the shared journeys engine
   * on its own (the core keeps the engine package-private): four passes over the scope's events,
   * and a fifth for the good first issues.
   */
  static NewcomerFindings compute(
      String name, RepositoryScope scope, EventStore store, People people, Settings s) {
    Evaluation e = s.evaluation().withScope(scope);
    return new NewcomerFindings(
        name,
        scope.restrict(store).size(),
        NewcomerExperience.INSTANCE.metric(e, s.type()).compute(store, people),
        NewcomerStaying.INSTANCE.metric(e, s.type()).compute(store, people),
        NewcomerWelcomers.INSTANCE.metric(e, s.type()).compute(store, people),
        Mentorship.INSTANCE.metric(e, s.type()).compute(store, people),
        GoodFirstIssues.INSTANCE.metric(e).compute(store, people));
  }

  /** How a person key is shown: the resolved person's label, else the key's. */
  static Function<Actor, String> labels(People people) {
    return key -> people.identities().personOf(key).map(Person::label).orElse(key.label());
  }

  /** The newcomers of the window. */
  int newcomers() {
    return experience.journeys().newcomers().size();
  }
}
