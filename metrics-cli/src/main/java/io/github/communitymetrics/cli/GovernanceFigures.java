package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.metrics.Concentration;
import io.github.communitymetrics.core.metrics.governance.ApprovalRule;
import io.github.communitymetrics.core.metrics.governance.Consumers;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile;
import io.github.communitymetrics.report.ProfileCriteria;
import io.github.communitymetrics.core.metrics.governance.Decisions;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The numbers of {@code governance} that may have no value, each with the reason when it has
 * none: decided here once, so that the text's "no data (why)" and the JSON's null with its
 * {@code noData} reason always agree.
 */
final class GovernanceFigures {
  private GovernanceFigures() {}

  /** The share of merged pull requests meeting a rule. */
  static NewcomerFigure share(ApprovalRule.Outcome o) {
    return NewcomerFigure.of(o.share(), "no pull request by a known, human author was merged in the window");
  }

  static NewcomerFigure scorecardShare(ApprovalRule.ScorecardCodeReview s) {
    return NewcomerFigure.of(s.share(), "no merged pull request before the end (Scorecard: inconclusive)");
  }

  static NewcomerFigure scorecardScore(ApprovalRule.ScorecardCodeReview s) {
    return s.score().isPresent() ? NewcomerFigure.of(s.score().getAsInt())
        : NewcomerFigure.none("no merged pull request before the end (Scorecard: inconclusive)");
  }

  static NewcomerFigure acceptance(Decisions.Summary s) {
    return NewcomerFigure.of(s.acceptance(), s.proposals().isEmpty() ? noProposal()
        : "no proposal was accepted or rejected (all open or postponed)");
  }

  /** The Kaplan-Meier median time to decision, in days. */
  static NewcomerFigure medianDays(Decisions.Summary s) {
    if (s.proposals().isEmpty()) {
      return NewcomerFigure.none(noProposal());
    }
    Optional<Duration> m = s.medianTimeToDecision();
    return m.isPresent() ? NewcomerFigure.of(m.get().toNanos() / 86_400e9)
        : NewcomerFigure.none("fewer than half of the " + s.proposals().size() + " proposals were decided by the end");
  }

  static NewcomerFigure participantsMean(Decisions.Summary s) {
    return NewcomerFigure.of(s.participantsMean(), noProposal());
  }

  static NewcomerFigure effectiveOrganizationsMean(Decisions.Summary s) {
    return NewcomerFigure.of(s.effectiveOrganizationsMean(), s.proposals().isEmpty() ? noProposal()
        : "no comment or review on a proposal by a person with a known organisation");
  }

  static NewcomerFigure outsideMaintainersShare(Decisions.Summary s) {
    return NewcomerFigure.of(s.outsideMaintainersShare(), s.proposals().isEmpty() ? noProposal()
        : "no comment or review on a proposal");
  }

  static NewcomerFigure singleOrganizationShare(Decisions.Summary s) {
    return NewcomerFigure.of(s.singleOrganizationShare(), s.proposals().isEmpty() ? noProposal()
        : "no decided proposal whose deciders all have a known organisation");
  }

  /** The elephant factor of a group of maintainers; none without an affiliated one. */
  static NewcomerFigure elephant(Concentration<String> c, int maintainers) {
    if (maintainers == 0) {
      return NewcomerFigure.none("no maintainer");
    }
    return c.total() == 0 ? NewcomerFigure.none("no maintainer has a known organisation")
        : NewcomerFigure.of(c.factor());
  }

  /** A maturity-profile criterion's value in its unit; why it has none. */
  static NewcomerFigure criterion(MaturityProfile.Result r, MaturityProfile.Check c) {
    return NewcomerFigure.of(c.value(), ProfileCriteria.whyNoData(r, c.criterion()));
  }

  /** The share of the group's items from any consumer's people. */
  static NewcomerFigure consumersShare(Consumers.Result r) {
    return NewcomerFigure.of(r.share(), r.fromConsumers().isEmpty()
        ? "none of the consumers' repositories is in the input" : noItem());
  }

  /** One consumer's share of the group's items. */
  static NewcomerFigure consumerShare(Consumers.Result r, Consumers.Consumer c) {
    return NewcomerFigure.of(c.share(r.all()), c.items().isEmpty()
        ? "none of its repositories is in the input" : noItem());
  }

  private static String noItem() {
    return "no issue, pull request or review in the window";
  }

  private static String noProposal() {
    return "no proposal was opened in the window";
  }

  /** A fraction as a percentage, or "no data (why)". */
  static String percent(NewcomerFigure f) {
    return text(f, v -> String.format(java.util.Locale.ROOT, "%.0f%%", 100 * v));
  }

  /** A number with {@code format}, or "no data (why)". */
  static String text(NewcomerFigure f, java.util.function.DoubleFunction<String> format) {
    OptionalDouble v = f.value();
    return v.isPresent() ? format.apply(v.getAsDouble()) : "no data (" + f.why() + ")";
  }
}
