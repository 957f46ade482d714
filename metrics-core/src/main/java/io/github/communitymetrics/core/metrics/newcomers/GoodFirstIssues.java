package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Dependency;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Locality;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.Parameter;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.Unit;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Good first issues (CHAOSS DEI Issue Label Inclusivity, "newcomer friendliness", measured by what
 * happens to the labelled issues, with CHAOSS New Contributors for who counts as a newcomer): of
 * the issues that became labelled with a newcomer label in the window, how soon someone claimed
 * them, how many a newcomer's pull request closed, and how many were still open 90 days after
 * being labelled.
 *
 * <p><b>Labelled.</b> An issue (not a pull request) carries a label of the set (names compared
 * ignoring case, {@link Locale#ROOT}) when it had one at its opening or got one by a label event,
 * and a removal undoes it; replayed in time order up to the as-of instant (the window's end), at
 * one instant the opening first, then removals, then additions. A label listed at the opening whose
 * first change is an addition is taken to have come by that addition (GitHub records no addition of
 * a label already there; the REST and GitLab lists give the current labels as the opening's). It
 * counts when it carries at least
 * one such label at the as-of instant and its <em>labelling</em>, the start of that uninterrupted
 * labelled spell (its opening, when it was opened so), falls in the window.
 *
 * <p><b>Claim.</b> The first pull request, opened by a person who is not a bot, whose closing
 * references name the issue (they name issues of the pull request's own repository, so a pull
 * request of another repository never claims it), or the first assignment of the issue to a
 * person who is not a bot (whoever made it: a bot that assigns a person on their {@code /assign}
 * command records that person's claim). Claims from the labelling on count; an issue claimed
 * before its labelling is counted apart and left out of the time to claim, which runs from the
 * labelling to the first claim before the as-of instant (Kaplan-Meier, unclaimed issues censored
 * at the as-of instant).
 *
 * <p><b>Closed, and by whom.</b> An issue is closed when its last close or reopen before the
 * as-of instant is a close. Its closing pull request is the first merged (before the as-of
 * instant) pull request whose closing references name it, by a person who is not a bot. A
 * <em>newcomer</em> is a person whose first contribution in the scope (commit, pull request or
 * issue opened, comment or review, as in {@link NewContributors}) falls in the window: the same
 * people as the other newcomer metrics count, so their pull request is among their first window's
 * contributions. Everyone else is established.
 *
 * <p>Exactly mergeable: the state keeps each issue's opening labels, label changes, closes and
 * reopens and human assignments, each closing pull request's author, opening and merge, and each
 * person's first contribution.
 */
public final class GoodFirstIssues extends MetricDescriptor<GoodFirstIssues.Result> {

  /** The default label set: the names GitHub suggests and the common variants. */
  public static final Set<String> DEFAULT_LABELS =
      Set.of("good first issue", "good-first-issue", "help wanted", "beginner", "first-timers-only", "easy");

  /** The registered instance, with {@link #DEFAULT_LABELS} ({@code StandardMetrics.GOOD_FIRST_ISSUES}). */
  public static final GoodFirstIssues INSTANCE = new GoodFirstIssues(DEFAULT_LABELS);

  /** Shares of the issues claimed within these waits are reported. */
  public static final Duration SEVEN_DAYS = Duration.ofDays(7);

  /** See {@link #SEVEN_DAYS}. */
  public static final Duration THIRTY_DAYS = Duration.ofDays(30);

  /** An issue still open this long after its labelling counts as left open. */
  public static final Duration NINETY_DAYS = Duration.ofDays(90);

  private final Set<String> labels;

  private GoodFirstIssues(Set<String> labels) {
    super(
        "good-first-issues",
        "Are good first issues taken up, and by newcomers?",
        "The issues that became labelled for newcomers in the window (good first issue, help"
            + " wanted, ...): how soon a pull request or an assignment claimed them, how many a"
            + " newcomer's merged pull request closed, and how many were still open 90 days after"
            + " being labelled.",
        "goodFirstIssues",
        List.of(
            new Preset("chaoss", "CHAOSS DEI Issue Label Inclusivity, New Contributors")
                .definedAt("https://chaoss.community/metric-issue-label-inclusivity/")
                .withGuidance(
                    "Labelled issues should be claimed quickly, many of them by newcomers, and few"
                        + " left open for months. CHAOSS publishes no levels.")),
        List.of(
            new Parameter(
                "labels", Parameter.Kind.WORDS, String.join(",", new TreeSet<>(normalize(labels))), "labels",
                "label names (comma-separated, any case) that mark an issue for newcomers")),
        List.of(
            new MeasurementSpec("labelledIssues", Unit.COUNT, "issues whose labelling falls in the window, still labelled at its end"),
            new MeasurementSpec("claimed", Unit.COUNT, "labelled issues claimed (pull request with a closing reference, or assignment) after their labelling"),
            new MeasurementSpec("claimedByNewcomers", Unit.COUNT, "claimed issues whose first claimant is a newcomer"),
            new MeasurementSpec("claimedByEstablished", Unit.COUNT, "claimed issues whose first claimant is not a newcomer"),
            new MeasurementSpec("claimedBeforeLabelling", Unit.COUNT, "labelled issues claimed before their labelling (left out of the time to claim)"),
            new MeasurementSpec("timeToClaimMedianHours", Unit.HOURS, "Kaplan-Meier median time from labelling to first claim, unclaimed issues censored at the window's end"),
            new MeasurementSpec("claimedWithin7Days", Unit.FRACTION, "Kaplan-Meier share claimed within 7 days of labelling"),
            new MeasurementSpec("claimedWithin30Days", Unit.FRACTION, "the same within 30 days"),
            new MeasurementSpec("closed", Unit.COUNT, "labelled issues closed at the window's end"),
            new MeasurementSpec("closedByNewcomers", Unit.COUNT, "closed labelled issues whose closing pull request is a newcomer's"),
            new MeasurementSpec("closedByEstablished", Unit.COUNT, "closed labelled issues whose closing pull request is an established contributor's"),
            new MeasurementSpec("closedByNewcomerShare", Unit.FRACTION, "closedByNewcomers / closed"),
            new MeasurementSpec("openAfter90Days", Unit.FRACTION, "of the labelled issues labelled at least 90 days before the window's end, those still open 90 days after labelling")),
        Locality.HISTORY);
    this.labels = normalize(labels);
  }

  /**
   * This metric with another label set, to register in place of {@link #INSTANCE} (same id).
   *
   * @throws IllegalArgumentException if {@code labels} is empty or a name is blank
   */
  public static GoodFirstIssues withLabels(Collection<String> labels) {
    return new GoodFirstIssues(Set.copyOf(Checks.notNull(labels, "labels")));
  }

  /**
   * This instance's label names, lower case ({@link Locale#ROOT}): the default of its {@code labels}
   * parameter, which an evaluation can set to another comma-separated list.
   */
  public Set<String> labels() {
    return labels;
  }

  static Set<String> normalize(Collection<String> labels) {
    Checks.argument(!labels.isEmpty(), "labels must not be empty");
    TreeSet<String> out = new TreeSet<>();
    for (String l : labels) {
      out.add(Checks.notBlank(l, "label").strip().toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }

  /**
   * The result.
   *
   * @param window the window; its end is the as-of instant
   * @param labelled issues whose labelling falls in the window, still labelled at its end
   * @param claimed of those, claimed from their labelling on
   * @param claimedByNewcomers claimed issues whose first claimant is a newcomer
   * @param claimedBeforeLabelling labelled issues with a claim before their labelling
   * @param timeToClaim waits from labelling to first claim of the labelled issues not claimed
   *     before their labelling (censored at the window's end when unclaimed)
   * @param closed labelled issues closed at the window's end
   * @param closedByNewcomers closed ones whose closing pull request is a newcomer's
   * @param closedByEstablished closed ones whose closing pull request is someone else's
   * @param oldEnough labelled issues labelled at least 90 days before the window's end
   * @param openAfter90Days of those, the ones still open 90 days after their labelling
   */
  public record Result(
      Window window,
      int labelled,
      int claimed,
      int claimedByNewcomers,
      int claimedBeforeLabelling,
      ResponseTimes timeToClaim,
      int closed,
      int closedByNewcomers,
      int closedByEstablished,
      int oldEnough,
      int openAfter90Days) {
    /** Checks the components. */
    public Result {
      Checks.notNull(window, "window");
      Checks.notNull(timeToClaim, "timeToClaim");
      Checks.argument(claimed + claimedBeforeLabelling <= labelled && claimedByNewcomers <= claimed, "claims exceed issues");
      Checks.argument(closedByNewcomers + closedByEstablished <= closed && closed <= labelled, "closes exceed issues");
      Checks.argument(openAfter90Days <= oldEnough && oldEnough <= labelled, "open issues exceed issues");
    }

    /** Claimed issues whose first claimant is not a newcomer. */
    public int claimedByEstablished() {
      return claimed - claimedByNewcomers;
    }

    /** Closed labelled issues with no merged closing pull request by a person (closed by hand or by a bot's). */
    public int closedOtherwise() {
      return closed - closedByNewcomers - closedByEstablished;
    }
  }

  /** Unclaimed issues are censored at as-of, and an issue is old enough 90 days after its labelling. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.AS_OF, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, Result> metric(Evaluation e) {
    // The evaluation's label set (its default is this instance's), so that an evaluation can
    // choose one without registering another instance.
    return new GoodFirstIssueScan(e.scope(), e.window(), normalize(e.words(this, "labels")));
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    String p = preset().name();
    int n = r.labelled();
    ResponseTimes t = r.timeToClaim();
    OptionalDouble median =
        t.median().map(d -> OptionalDouble.of(d.getSeconds() / 3600.0)).orElse(OptionalDouble.empty());
    return List.of(
        Measurement.of(id(), "labelledIssues", Unit.COUNT, n, n, p),
        Measurement.of(id(), "claimed", Unit.COUNT, r.claimed(), n, p),
        Measurement.of(id(), "claimedByNewcomers", Unit.COUNT, r.claimedByNewcomers(), n, p),
        Measurement.of(id(), "claimedByEstablished", Unit.COUNT, r.claimedByEstablished(), n, p),
        Measurement.of(id(), "claimedBeforeLabelling", Unit.COUNT, r.claimedBeforeLabelling(), n, p),
        Measurement.of(id(), "timeToClaimMedianHours", Unit.HOURS, median, t.items(), p),
        Measurement.of(id(), "claimedWithin7Days", Unit.FRACTION, t.answeredWithin(SEVEN_DAYS), t.items(), p),
        Measurement.of(id(), "claimedWithin30Days", Unit.FRACTION, t.answeredWithin(THIRTY_DAYS), t.items(), p),
        Measurement.of(id(), "closed", Unit.COUNT, r.closed(), n, p),
        Measurement.of(id(), "closedByNewcomers", Unit.COUNT, r.closedByNewcomers(), n, p),
        Measurement.of(id(), "closedByEstablished", Unit.COUNT, r.closedByEstablished(), n, p),
        Measurement.of(id(), "closedByNewcomerShare", Unit.FRACTION,
            r.closed() == 0 ? 0 : (double) r.closedByNewcomers() / r.closed(), r.closed(), p),
        Measurement.of(id(), "openAfter90Days", Unit.FRACTION,
            r.oldEnough() == 0 ? 0 : (double) r.openAfter90Days() / r.oldEnough(), r.oldEnough(), p));
  }

  /** Whether the event types this metric reads include {@code t} (for the scan). */
  static boolean reads(EventType t) {
    return switch (t) {
      case ISSUE_OPENED, ISSUE_LABELED, ISSUE_UNLABELED, ISSUE_CLOSED, ISSUE_REOPENED, ISSUE_ASSIGNED,
          PULL_REQUEST_OPENED, PULL_REQUEST_MERGED -> true;
      default -> false;
    };
  }

  /** The labels of the set among {@code names}, lower case. */
  static Set<String> matching(Set<String> set, List<String> names) {
    TreeSet<String> out = new TreeSet<>();
    for (String n : names) {
      String l = n.strip().toLowerCase(Locale.ROOT);
      if (set.contains(l)) {
        out.add(l);
      }
    }
    return out;
  }
}
