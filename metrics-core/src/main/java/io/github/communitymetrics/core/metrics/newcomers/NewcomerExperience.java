package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.responsiveness.Ratio;
import io.github.communitymetrics.core.registry.Dependency;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Locality;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.Parameter;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.Unit;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Newcomer experience (CHAOSS DEI Newcomer Experience, with CHAOSS New Contributors and Time to
 * First Response): how many newcomers arrived per period, how long their first issue and first
 * pull request waited for a human answer compared with the established contributors' issues and
 * pull requests of the same window (Kaplan-Meier, unanswered ones censored at the window's end),
 * how many first pull requests were merged, how long they waited for a first review, and how many
 * were closed without a human word.
 */
public final class NewcomerExperience extends MetricDescriptor<NewcomerExperience.Result> {
  /** The registered instance ({@code StandardMetrics.NEWCOMER_EXPERIENCE}). */
  public static final NewcomerExperience INSTANCE = new NewcomerExperience();

  /** The shares of items answered within these waits are reported. */
  public static final Duration ONE_DAY = Duration.ofDays(1);

  /** See {@link #ONE_DAY}. */
  public static final Duration SEVEN_DAYS = Duration.ofDays(7);

  private NewcomerExperience() {
    super(
        "newcomer-experience",
        "Do newcomers get a quick answer?",
        "The people whose first contribution to the repository falls in the window, per period;"
            + " how long their first issue and first pull request waited for an answer from a"
            + " person other than the author (bots left out), against the established"
            + " contributors' issues and pull requests of the same window; how many first pull"
            + " requests were merged, reviewed, or closed without a human comment.",
        "newcomerExperience",
        List.of(
            new Preset("chaoss", "CHAOSS DEI Newcomer Experience, New Contributors, Time to First Response")
                .definedAt("https://github.com/chaoss/wg-dei/blob/main/focus-areas/project-and-community/newcomer-experience.md")
                .withGuidance(
                    "Newcomers should wait no longer than established contributors; a high first-PR"
                        + " merge rate and few first pull requests closed without a word are better."
                        + " CHAOSS publishes no levels.")),
        List.of(new Parameter("period", Parameter.Kind.GRANULARITY, "month", "", "newcomers are counted per hour, day, week (ISO) or month, UTC")),
        List.of(
            new MeasurementSpec("newcomers", Unit.PEOPLE, "people whose first contribution falls in the window"),
            new MeasurementSpec("issueFirstResponseMedianHours", Unit.HOURS, "Kaplan-Meier median wait of the newcomers' first issues for a human answer"),
            new MeasurementSpec("pullRequestFirstResponseMedianHours", Unit.HOURS, "the same for their first pull requests"),
            new MeasurementSpec("establishedIssueFirstResponseMedianHours", Unit.HOURS, "the same for the established contributors' issues opened in the window"),
            new MeasurementSpec("establishedPullRequestFirstResponseMedianHours", Unit.HOURS, "the same for their pull requests"),
            new MeasurementSpec("answeredWithin1Day", Unit.FRACTION, "newcomers' first issues and pull requests answered within a day (Kaplan-Meier)"),
            new MeasurementSpec("answeredWithin7Days", Unit.FRACTION, "the same within 7 days"),
            new MeasurementSpec("establishedAnsweredWithin1Day", Unit.FRACTION, "established contributors' issues and pull requests answered within a day"),
            new MeasurementSpec("establishedAnsweredWithin7Days", Unit.FRACTION, "the same within 7 days"),
            new MeasurementSpec("firstReviewMedianHours", Unit.HOURS, "Kaplan-Meier median wait of the newcomers' first pull requests for a review"),
            new MeasurementSpec("firstPullRequestMergeRate", Unit.FRACTION, "merged among the merged or closed first pull requests"),
            new MeasurementSpec("closedWithoutHumanComment", Unit.FRACTION, "first pull requests closed unmerged before any human comment, among all first pull requests")),
        Locality.HISTORY);
  }

  /**
   * Newcomers in one period.
   *
   * @param period the period, inside the window
   * @param newcomers how many newcomers made their first contribution in it
   */
  public record PeriodCount(Window period, int newcomers) {
    /** Checks the components. */
    public PeriodCount {
      Checks.notNull(period, "period");
      Checks.notNegative(newcomers, "newcomers");
    }
  }

  /**
   * The result.
   *
   * @param journeys every newcomer's journey and the established contributors' waits
   * @param perPeriod newcomers per complete period inside the window
   * @param issues the newcomers' first issues' waits for a first human answer
   * @param pullRequests their first pull requests' waits
   * @param items their first issues and first pull requests together
   * @param firstReview the newcomers' first pull requests' waits for a first review
   * @param firstPullRequestsMerged merged first pull requests over merged or closed ones
   * @param closedWithoutHumanComment first pull requests closed unmerged before any human comment
   *     over all first pull requests
   */
  public record Result(
      Journeys journeys,
      List<PeriodCount> perPeriod,
      ResponseTimes issues,
      ResponseTimes pullRequests,
      ResponseTimes items,
      ResponseTimes firstReview,
      Ratio firstPullRequestsMerged,
      Ratio closedWithoutHumanComment) {
    /** Checks the components and copies the list. */
    public Result {
      Checks.notNull(journeys, "journeys");
      perPeriod = List.copyOf(perPeriod);
      Checks.notNull(issues, "issues");
      Checks.notNull(pullRequests, "pullRequests");
      Checks.notNull(items, "items");
      Checks.notNull(firstReview, "firstReview");
      Checks.notNull(firstPullRequestsMerged, "firstPullRequestsMerged");
      Checks.notNull(closedWithoutHumanComment, "closedWithoutHumanComment");
    }

    /** The established contributors' issues' waits. */
    public ResponseTimes establishedIssues() {
      return journeys.establishedIssues();
    }

    /** The established contributors' issues and pull requests together. */
    public ResponseTimes establishedItems() {
      return journeys.establishedItems();
    }

    /** The established contributors' pull requests' waits. */
    public ResponseTimes establishedPullRequests() {
      return journeys.establishedPullRequests();
    }
  }

  /** What this metric makes of the journeys. */
  record View(Granularity period) implements Derived.View<Result> {
    @Override
    public Result of(Journeys j) {
      List<PeriodCount> perPeriod = new ArrayList<>();
      for (Window w : period.periodsInside(j.window())) {
        perPeriod.add(new PeriodCount(w, (int) j.newcomers().stream().filter(x -> w.contains(x.firstContribution())).count()));
      }
      Waits issues = new Waits(j.window());
      Waits pulls = new Waits(j.window());
      Waits all = new Waits(j.window());
      Waits review = new Waits(j.window());
      long merged = 0;
      long decided = 0;
      long silent = 0;
      long firstPulls = 0;
      for (Journey x : j.newcomers()) {
        x.firstIssue().ifPresent(i -> {
          issues.add(i.opened(), i.firstResponse());
          all.add(i.opened(), i.firstResponse());
        });
        if (x.firstPullRequest().isPresent()) {
          FirstItem p = x.firstPullRequest().get();
          pulls.add(p.opened(), p.firstResponse());
          all.add(p.opened(), p.firstResponse());
          review.add(p.opened(), p.firstReview());
          firstPulls++;
          merged += p.outcome() == Outcome.MERGED ? 1 : 0;
          decided += p.outcome() != Outcome.OPEN ? 1 : 0;
          silent += p.closedWithoutHumanComment() ? 1 : 0;
        }
      }
      return new Result(
          j, perPeriod, issues.build(), pulls.build(), all.build(), review.build(),
          new Ratio(merged, decided), new Ratio(silent, firstPulls));
    }
  }

  /** Unanswered newcomers' waits are censored at as-of. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.AS_OF, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, Result> metric(Evaluation e) {
    return metric(e, ContributionType.ANY);
  }

  /** This metric with newcomers found by their first contribution of {@code type}. */
  public SliceMetric<?, Result> metric(Evaluation e, ContributionType type) {
    return new Derived<>(Mentorship.engine(e, type), new View(e.granularity(this, "period")));
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    String p = preset().name();
    return List.of(
        Measurement.of(id(), "newcomers", Unit.PEOPLE, r.journeys().newcomers().size(), r.journeys().contributors(), p),
        hours("issueFirstResponseMedianHours", r.issues().median(), r.issues(), p),
        hours("pullRequestFirstResponseMedianHours", r.pullRequests().median(), r.pullRequests(), p),
        hours("establishedIssueFirstResponseMedianHours", r.establishedIssues().median(), r.establishedIssues(), p),
        hours("establishedPullRequestFirstResponseMedianHours", r.establishedPullRequests().median(), r.establishedPullRequests(), p),
        share("answeredWithin1Day", r.items(), ONE_DAY, p),
        share("answeredWithin7Days", r.items(), SEVEN_DAYS, p),
        share("establishedAnsweredWithin1Day", r.establishedItems(), ONE_DAY, p),
        share("establishedAnsweredWithin7Days", r.establishedItems(), SEVEN_DAYS, p),
        hours("firstReviewMedianHours", r.firstReview().median(), r.firstReview(), p),
        ratio("firstPullRequestMergeRate", r.firstPullRequestsMerged(), p),
        ratio("closedWithoutHumanComment", r.closedWithoutHumanComment(), p));
  }

  private Measurement hours(String name, Optional<Duration> d, ResponseTimes t, String p) {
    return Measurement.of(
        id(), name, Unit.HOURS,
        d.map(x -> OptionalDouble.of(x.getSeconds() / 3600.0)).orElse(OptionalDouble.empty()), t.items(), p);
  }

  private Measurement share(String name, ResponseTimes t, Duration within, String p) {
    return Measurement.of(id(), name, Unit.FRACTION, t.answeredWithin(within), t.items(), p);
  }

  private Measurement ratio(String name, Ratio r, String p) {
    return Measurement.of(id(), name, Unit.FRACTION, r.value(), r.denominator(), p);
  }
}
