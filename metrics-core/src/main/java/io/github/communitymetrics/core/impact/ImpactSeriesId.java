package io.github.communitymetrics.core.impact;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The daily series {@link ImpactSeries} computes from events, by the id a command names them
 * with. Every series counts per UTC calendar day, in the given repository scope, and leaves bots
 * out (a bot's pull requests or stars say nothing about whether people came).
 */
public enum ImpactSeriesId {
  /**
   * People whose first contribution of any kind (commit, pull request, issue, comment or review,
   * as {@code new-contributors} and {@link io.github.communitymetrics.core.metrics.ContributionType#ANY}
   * define it) in the scope falls on the day; the whole history counts, so a returning person is
   * not new. Unit: people per day.
   */
  NEW_CONTRIBUTORS("new-contributors", "people per day", "people whose first contribution of any kind falls on the day"),
  /** People whose first pull request opened in the scope falls on the day. Unit: people per day. */
  FIRST_TIME_PR_AUTHORS("first-time-pr-authors", "people per day", "people who opened their first pull request on the day"),
  /** Pull requests opened on the day. Unit: pull requests per day. */
  PRS_OPENED("prs-opened", "pull requests per day", "pull requests opened on the day"),
  /** People who starred the scope for the first time on the day (a re-star counts once). Unit: people per day. */
  STARS("stars", "people per day", "new stargazers: people whose first star falls on the day"),
  /** Distinct people with a contribution of any kind on the day. Unit: people per day. */
  ACTIVE_CONTRIBUTORS("active-contributors", "people per day", "distinct people with a contribution of any kind on the day"),
  /** Issues opened on the day. Unit: issues per day. */
  ISSUES_OPENED("issues-opened", "issues per day", "issues opened on the day"),
  /**
   * Responsiveness as a level: at the end of the day, the issues and pull requests opened by
   * people (not bots) in the scope, not yet closed or merged, that still wait for a first
   * response: a comment, review or review comment by a person other than the author (after
   * identity resolution; bots do not count), as {@code responsiveness} defines it. A close or
   * merge by anyone ends the wait, answered or not. A triage sprint should lower it. Unit: items
   * (issues and pull requests) waiting.
   */
  AWAITING_FIRST_RESPONSE("awaiting-first-response", "items waiting",
      "issues and pull requests open at the day's end without a first response from someone other than their author"),
  /**
   * Issues and pull requests of people that received their first response (as for {@link
   * #AWAITING_FIRST_RESPONSE}) on the day: how many first responses were given. Unit: items per
   * day.
   */
  FIRST_RESPONSES("first-responses", "items per day",
      "issues and pull requests whose first response from someone other than their author came on the day");

  private final String id;
  private final String unit;
  private final String description;

  ImpactSeriesId(String id, String unit, String description) {
    this.id = id;
    this.unit = unit;
    this.description = description;
  }

  /** The id commands use, such as {@code new-contributors}. */
  public String id() {
    return id;
  }

  /** The unit of a day's value, such as "people per day". */
  public String unit() {
    return unit;
  }

  /** What a day's value counts, a phrase. */
  public String description() {
    return description;
  }

  /** The series with this id (exact, lower case). */
  public static Optional<ImpactSeriesId> of(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }

  /** Every id, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(ImpactSeriesId::id).toList();
  }
}
