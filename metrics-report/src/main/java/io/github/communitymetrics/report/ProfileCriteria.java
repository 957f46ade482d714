package io.github.communitymetrics.report;

import io.github.communitymetrics.core.metrics.governance.MaturityProfile;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile.Check;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile.Comparison;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile.Criterion;
import java.util.Locale;

/**
 * The words of the {@code maturity-profile} criteria, shared by the report's governance section
 * and {@code community-metrics governance} so that both say the same: each criterion's name and
 * what it means in one line, its value and threshold in its unit, and why it has no data. The
 * profile is read criterion by criterion; nothing here adds them up.
 */
public final class ProfileCriteria {
  private ProfileCriteria() {}

  /** The thresholds a profile was held to, in words. */
  public static String thresholds(MaturityProfile.Result r) {
    MaturityProfile.Thresholds t = r.thresholds();
    String name = t.equals(MaturityProfile.Thresholds.SFC) ? "thresholds sfc"
        : t.equals(MaturityProfile.Thresholds.RUST_VMM) ? "thresholds rust-vmm" : "thresholds as set";
    return name + "; approval diversity: " + t.approvers() + " maintainers of " + t.approvalOrganizations() + " organisations";
  }

  /** The criterion's name in words ("maintainers' organisations"). */
  public static String name(Criterion c) {
    return switch (c) {
      case AGE -> "age";
      case ACTIVITY -> "activity";
      case MAINTAINER_ORGANIZATIONS -> "maintainers' organisations";
      case ABSENCE_FACTOR -> "bus factor";
      case ELEPHANT_FACTOR -> "elephant factor";
      case APPROVAL_DIVERSITY -> "approval diversity";
      case DECISION_TRANSPARENCY -> "decisions across organisations";
    };
  }

  /** What the criterion means, in one line, with whose criterion it is. */
  public static String meaning(Criterion c) {
    return switch (c) {
      case AGE -> "days from the first event in the data to the end: developed for more than a year?"
          + " (Software Freedom Conservancy)";
      case ACTIVITY -> "OpenSSF Scorecard's Maintained score: commits and issues touched by maintainers in the"
          + " last 90 days, 10 is one a week";
      case MAINTAINER_ORGANIZATIONS -> "distinct organisations of the maintainers at the end (LFX Insights asks"
          + " for 3 or more)";
      case ABSENCE_FACTOR -> "fewest people holding more than half the window's commits (CHAOSS contributor"
          + " absence factor)";
      case ELEPHANT_FACTOR -> "fewest organisations holding more than half the window's commits (CHAOSS"
          + " elephant factor)";
      case APPROVAL_DIVERSITY -> "share of merged pull requests approved by enough maintainers of enough"
          + " organisations (rust-vmm)";
      case DECISION_TRANSPARENCY -> "share of decided proposals not decided by people of one organisation";
    };
  }

  /** The value with its unit, or "no data". */
  public static String value(Check c) {
    return c.value().isPresent() ? amount(c.criterion(), c.value().getAsDouble()) : "no data";
  }

  /** The threshold with its comparison ("more than 365 days", "at least 3 organisations"). */
  public static String threshold(Check c) {
    return (c.comparison() == Comparison.MORE_THAN ? "more than " : "at least ") + amount(c.criterion(), c.threshold());
  }

  /** "pass", "fail" or "no data". */
  public static String outcome(Check c) {
    return c.outcome().map(o -> o == MaturityProfile.Outcome.PASS ? "pass" : "fail").orElse("no data");
  }

  /**
   * Why a criterion of {@code r} has no value; meaningful only when it has none.
   *
   * @param r the profile the check belongs to (its evidence says which reason applies)
   */
  public static String whyNoData(MaturityProfile.Result r, Criterion c) {
    return switch (c) {
      case AGE, ACTIVITY -> "no event of the repository before the end";
      case MAINTAINER_ORGANIZATIONS -> r.maintainers().maintainers().isEmpty()
          ? "no maintainer in the events" : "no maintainer has a known organisation";
      case ABSENCE_FACTOR -> "no commit in the window";
      case ELEPHANT_FACTOR -> "no commit in the window by a person with a known organisation";
      case APPROVAL_DIVERSITY -> "no pull request by a known, human author was merged in the window";
      case DECISION_TRANSPARENCY -> r.decisions().all().proposals().isEmpty()
          ? "no proposal was opened in the window" : "no decided proposal whose deciders all have a known organisation";
    };
  }

  private static String amount(Criterion c, double v) {
    return switch (c) {
      // Tenths: an age just under the year must not print as the year itself.
      case AGE -> String.format(Locale.ROOT, "%.1f days", v);
      case ACTIVITY -> String.format(Locale.ROOT, "%.0f of 10", v);
      case MAINTAINER_ORGANIZATIONS, ELEPHANT_FACTOR -> String.format(Locale.ROOT, "%.0f ", v) + (v == 1 ? "organisation" : "organisations");
      case ABSENCE_FACTOR -> String.format(Locale.ROOT, "%.0f ", v) + (v == 1 ? "person" : "people");
      case APPROVAL_DIVERSITY, DECISION_TRANSPARENCY -> String.format(Locale.ROOT, "%.0f%%", 100 * v);
    };
  }
}
