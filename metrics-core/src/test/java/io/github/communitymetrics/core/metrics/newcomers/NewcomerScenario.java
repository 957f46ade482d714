package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A hand-built month of one repository, February 2024 (29 days), whose newcomer metrics are
 * worked out by hand in {@code NewcomerMetricsTest}. The cast:
 *
 * <ul>
 *   <li>maint: opened issue #1 on 5 January (established); answers as a MEMBER.
 *   <li>est: opened PR #2 on 10 January (established); in February opens issue #10 (answered by
 *       maint after 12 h) and PR #11 (never answered: censored at 1 March, 27 days = 648 h).
 *   <li>eve: commented on #1 on 1 December 2023 (returning, not new); opens PR #50 on 15 February,
 *       answered after 1 h.
 *   <li>alice (new): PR #20 on 5 February; a bot comments after 1 h, alice herself after 2 h, maint
 *       approves after 6 h (first response and first review), merges on 6 February. Issue #21 on
 *       10 February (her second contribution, 5 days after the first), answered by maint after
 *       12 h.
 *   <li>bob (new): PR #30 on 12 February, closed by maint on 13 February without a word (censored
 *       at 18 days = 432 h).
 *   <li>carol (new): issue #40 on 20 February, answered by dave after 72 h.
 *   <li>dave (new): his first contribution is that comment, 23 February; no issue or PR.
 *   <li>renovate[bot]: PR #60 on 8 February: bots are no one's newcomers.
 * </ul>
 */
final class NewcomerScenario {
  static final Repository REPO = Repository.github("acme/widget");
  static final Window FEB =
      new Window(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z"));
  static final Evaluation EVALUATION = Evaluation.of(RepositoryScope.of(REPO), FEB);
  static final Actor MAINT = Actor.github("maint");
  static final Actor EST = Actor.github("est");
  static final Actor EVE = Actor.github("eve");
  static final Actor ALICE = Actor.github("alice");
  static final Actor BOB = Actor.github("bob");
  static final Actor CAROL = Actor.github("carol");
  static final Actor DAVE = Actor.github("dave");
  static final Actor BOT = Actor.github("dependabot[bot]");
  static final Actor RENOVATE = Actor.github("renovate[bot]");
  static final Optional<AuthorAssociation> MEMBER = Optional.of(AuthorAssociation.MEMBER);
  static final Optional<AuthorAssociation> NONE = Optional.empty();

  private NewcomerScenario() {}

  static Instant at(String s) {
    return Instant.parse(s);
  }

  static IssueOpened issue(String when, Actor who, int n) {
    return new IssueOpened(at(when), REPO, who, n, NONE, List.of());
  }

  static PullRequestOpened pr(String when, Actor who, int n) {
    return new PullRequestOpened(at(when), REPO, who, n, false, Optional.of("main"), NONE);
  }

  static IssueComment comment(String when, Actor who, int n, Optional<AuthorAssociation> a) {
    return new IssueComment(at(when), REPO, who, n, false, a, OptionalLong.empty());
  }

  static Review review(String when, Actor who, int n, Actor author) {
    return new Review(at(when), REPO, who, n, ReviewState.APPROVED, Optional.of(author), MEMBER, OptionalLong.empty());
  }

  static ReviewComment reviewComment(String when, Actor who, int n) {
    return new ReviewComment(at(when), REPO, who, n, NONE, OptionalLong.empty());
  }

  static PullRequestMerged merged(String when, Actor who, int n, Actor author) {
    return new PullRequestMerged(at(when), REPO, who, n, Optional.of(author), Optional.of("main"), Optional.empty());
  }

  static PullRequestClosed closed(String when, Actor who, int n, Actor author) {
    return new PullRequestClosed(at(when), REPO, who, n, Optional.of(author));
  }

  static IssueClosed issueClosed(String when, Actor who, int n) {
    return new IssueClosed(at(when), REPO, who, n);
  }

  static List<Event> events() {
    return List.of(
        comment("2023-12-01T00:00:00Z", EVE, 1, NONE),
        issue("2024-01-05T00:00:00Z", MAINT, 1),
        pr("2024-01-10T00:00:00Z", EST, 2),
        issue("2024-02-02T00:00:00Z", EST, 10),
        comment("2024-02-02T12:00:00Z", MAINT, 10, MEMBER),
        pr("2024-02-03T00:00:00Z", EST, 11),
        pr("2024-02-05T00:00:00Z", ALICE, 20),
        comment("2024-02-05T01:00:00Z", BOT, 20, NONE),
        comment("2024-02-05T02:00:00Z", ALICE, 20, NONE),
        review("2024-02-05T06:00:00Z", MAINT, 20, ALICE),
        merged("2024-02-06T00:00:00Z", MAINT, 20, ALICE),
        pr("2024-02-08T00:00:00Z", RENOVATE, 60),
        issue("2024-02-10T00:00:00Z", ALICE, 21),
        comment("2024-02-10T12:00:00Z", MAINT, 21, MEMBER),
        pr("2024-02-12T00:00:00Z", BOB, 30),
        closed("2024-02-13T00:00:00Z", MAINT, 30, BOB),
        pr("2024-02-15T00:00:00Z", EVE, 50),
        comment("2024-02-15T01:00:00Z", MAINT, 50, MEMBER),
        issue("2024-02-20T00:00:00Z", CAROL, 40),
        comment("2024-02-23T00:00:00Z", DAVE, 40, NONE));
  }
}
