package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.stars.FakeStarsResult;
import io.github.communitymetrics.core.metrics.stars.StarScoutMetrics;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependency;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependencyResult;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactor;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.OnionModel;
import io.github.communitymetrics.core.metrics.busfactor.OnionModelResult;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactor;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactorResult;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidence;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.ladder.LadderResult;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessResult;
import io.github.communitymetrics.core.metrics.retention.RetentionResult;
import io.github.communitymetrics.core.metrics.growth.Growth;
import io.github.communitymetrics.core.metrics.growth.StarBursts;
import io.github.communitymetrics.core.metrics.growth.StarTrend;
import io.github.communitymetrics.core.metrics.governance.ApprovalRule;
import io.github.communitymetrics.core.metrics.governance.Consumers;
import io.github.communitymetrics.core.metrics.governance.Decisions;
import io.github.communitymetrics.core.metrics.governance.Maintainers;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile;
import io.github.communitymetrics.core.metrics.newcomers.GoodFirstIssues;
import io.github.communitymetrics.core.metrics.newcomers.Mentorship;
import io.github.communitymetrics.core.metrics.newcomers.NewContributors;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerExperience;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerStaying;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerWelcomers;
import java.util.List;

/**
 * The built-in metrics, each with the preset the summary uses, in the order outputs show them.
 * {@code docs/metrics.md} defines each id; {@code docs/adding-a-metric.md} shows how to add one.
 */
public final class StandardMetrics {
  /** {@code contributor-confidence}: OpenSauced contributor confidence of one repository. */
  public static final MetricDescriptor<OpenSaucedConfidenceResult> CONTRIBUTOR_CONFIDENCE =
      new ContributorConfidenceMetric();

  /** {@code cohort-confidence}: the share of a cohort of stargazers and forkers who contributed. */
  public static final MetricDescriptor<CohortConfidenceResult> COHORT_CONFIDENCE =
      new CohortConfidenceMetric();

  /** {@code contributor-absence-factor}: CHAOSS contributor absence factor over commits. */
  public static final MetricDescriptor<FactorResult<Actor>> CONTRIBUTOR_ABSENCE_FACTOR =
      new AbsenceFactorMetric();

  /** {@code lottery-factor}: OpenSauced lottery factor over 30 days of pull requests. */
  public static final MetricDescriptor<LotteryFactorResult> LOTTERY_FACTOR = new LotteryFactorMetric();

  /** {@code pony-factor}: Apache Kibble pony factor over 24 months of commits. */
  public static final MetricDescriptor<PonyFactorResult> PONY_FACTOR = new PonyFactorMetric();

  /** {@code contributor-dependency}: LFX Insights contributor dependency (51%). */
  public static final MetricDescriptor<ContributorDependencyResult> CONTRIBUTOR_DEPENDENCY =
      new ContributorDependencyMetric();

  /** {@code elephant-factor}: CHAOSS elephant factor by affiliation. */
  public static final MetricDescriptor<ElephantFactorResult> ELEPHANT_FACTOR = new ElephantFactorMetric();

  /** {@code onion-model}: GrimoireLab onion model. */
  public static final MetricDescriptor<OnionModelResult> ONION_MODEL = new OnionModelMetric();

  /** {@code contributor-ladder}: the contributor ladder D0 to D3. */
  public static final MetricDescriptor<LadderResult> CONTRIBUTOR_LADDER = new LadderMetric();

  /** {@code retention}: LFX retention, 8Knot activity, cohorts and survival. */
  public static final MetricDescriptor<RetentionResult> RETENTION = new RetentionMetric();

  /** {@code responsiveness}: CHAOSS responsiveness and review metrics. */
  public static final MetricDescriptor<ResponsivenessResult> RESPONSIVENESS = new ResponsivenessMetric();

  /** {@code new-contributors}: CHAOSS new contributors (the example of docs/adding-a-metric.md). */
  public static final MetricDescriptor<NewContributors.Result> NEW_CONTRIBUTORS = NewContributors.INSTANCE;

  /** {@code newcomer-experience}: newcomers' first answers, first-PR merges, against established contributors. */
  public static final MetricDescriptor<NewcomerExperience.Result> NEWCOMER_EXPERIENCE = NewcomerExperience.INSTANCE;

  /** {@code newcomer-staying}: newcomers' second contributions, by first-PR fate and first-answer speed. */
  public static final MetricDescriptor<NewcomerStaying.Result> NEWCOMER_STAYING = NewcomerStaying.INSTANCE;

  /** {@code newcomer-welcomers}: who gives newcomers their first answers and reviews, and how concentrated. */
  public static final MetricDescriptor<NewcomerWelcomers.Result> NEWCOMER_WELCOMERS = NewcomerWelcomers.INSTANCE;

  /** {@code mentorship}: CHAOSS DEI mentorship: mentees' retention and climb against other newcomers. */
  public static final MetricDescriptor<Mentorship.Result> MENTORSHIP = Mentorship.INSTANCE;

  /** {@code good-first-issues}: CHAOSS DEI Issue Label Inclusivity: labelled issues claimed, closed by newcomers, left open. */
  public static final MetricDescriptor<GoodFirstIssues.Result> GOOD_FIRST_ISSUES = GoodFirstIssues.INSTANCE;

  /** {@code growth}: new stargazers, forks and contributors, totals and growth rates. */
  public static final MetricDescriptor<Growth.Result> GROWTH = Growth.INSTANCE;

  /** {@code star-trend}: Theil-Sen slope and Mann-Kendall test of new stargazers per period. */
  public static final MetricDescriptor<StarTrend.Result> STAR_TREND = StarTrend.INSTANCE;

  /** {@code star-bursts}: CHAOSS Burstiness (Bollinger bands) and Goh-Barabasi B of new stars. */
  public static final MetricDescriptor<StarBursts.Result> STAR_BURSTS = StarBursts.INSTANCE;

  /** {@code approval-rule}: N approvers of K organisations among maintainers; rust-vmm; Scorecard Code-Review. */
  public static final MetricDescriptor<ApprovalRule.Result> APPROVAL_RULE = ApprovalRule.INSTANCE;

  /** {@code decisions}: proposals (RFCs, KEPs, ...): outcomes, time to decision, participation breadth. */
  public static final MetricDescriptor<Decisions.Result> DECISIONS = Decisions.INSTANCE;

  /** {@code maintainers}: who governs, their organisations, elephant factor, LFX check, activity. */
  public static final MetricDescriptor<Maintainers.Result> MAINTAINERS = Maintainers.INSTANCE;

  /** {@code consumers}: issues, pull requests and reviews from the people of consumer projects (rust-vmm's by default). */
  public static final MetricDescriptor<Consumers.Result> CONSUMERS = Consumers.INSTANCE;

  /** {@code maturity-profile}: age, activity, maintainer organisations, bus and elephant factors, approval and decision diversity, each against its threshold. */
  public static final MetricDescriptor<MaturityProfile.Result> MATURITY_PROFILE = MaturityProfile.INSTANCE;

  /** {@code low-activity-stars}: StarScout's low-activity stargazers (reads every repository). */
  public static final MetricDescriptor<FakeStarsResult> LOW_ACTIVITY_STARS = StarScoutMetrics.LOW_ACTIVITY;

  /** {@code lockstep-stars}: StarScout's lockstep (CopyCatch) stargazers (reads every repository). */
  public static final MetricDescriptor<FakeStarsResult> LOCKSTEP_STARS = StarScoutMetrics.LOCKSTEP;

  private StandardMetrics() {}

  /** Every built-in metric, in the order outputs show them. */
  public static List<MetricDescriptor<?>> all() {
    return List.of(
        CONTRIBUTOR_CONFIDENCE,
        COHORT_CONFIDENCE,
        CONTRIBUTOR_ABSENCE_FACTOR,
        LOTTERY_FACTOR,
        PONY_FACTOR,
        CONTRIBUTOR_DEPENDENCY,
        ELEPHANT_FACTOR,
        ONION_MODEL,
        CONTRIBUTOR_LADDER,
        RETENTION,
        RESPONSIVENESS,
        NEW_CONTRIBUTORS,
        NEWCOMER_EXPERIENCE,
        NEWCOMER_STAYING,
        NEWCOMER_WELCOMERS,
        MENTORSHIP,
        GOOD_FIRST_ISSUES,
        GROWTH,
        STAR_TREND,
        STAR_BURSTS,
        APPROVAL_RULE,
        DECISIONS,
        MAINTAINERS,
        CONSUMERS,
        MATURITY_PROFILE,
        LOW_ACTIVITY_STARS,
        LOCKSTEP_STARS);
  }
}
