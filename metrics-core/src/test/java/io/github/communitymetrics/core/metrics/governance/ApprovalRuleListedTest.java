package io.github.communitymetrics.core.metrics.governance;

import static io.github.communitymetrics.core.metrics.governance.Fixture.REPO;
import static io.github.communitymetrics.core.metrics.governance.Fixture.a;
import static io.github.communitymetrics.core.metrics.governance.Fixture.approve;
import static io.github.communitymetrics.core.metrics.governance.Fixture.merge;
import static io.github.communitymetrics.core.metrics.governance.Fixture.pr;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.store.EventStore;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ApprovalRule#of(RepositoryScope, io.github.communitymetrics.core.time.Window,
 * io.github.communitymetrics.core.identity.Affiliations, ApprovalRule.Rule, int, Set)}: the
 * maintainers a file lists replace the events' evidence.
 */
class ApprovalRuleListedTest {
  /**
   * m1, m2, m3 are granted access in January (ApprovalRuleTest's events). #1 by alice is approved
   * by m1 and by ext, whom the events never show as a maintainer, and merged by m1.
   */
  static final List<Event> EVENTS = List.of(
      Fixture.grant(REPO, "m1", "01-02"), Fixture.grant(REPO, "m2", "01-02"),
      pr(REPO, 1, "alice", "02-01"), approve(1, "m1", "02-02"), approve(1, "ext", "02-03"), merge(REPO, 1, "m1", "02-04"));

  private static ApprovalRule.Verdict verdict(Set<io.github.communitymetrics.core.event.Actor> listed) {
    EventStore store = EventStore.of(EVENTS);
    ApprovalRule.Rule rule = new ApprovalRule.Rule(2, 0, true);
    var metric = listed == null
        ? ApprovalRule.of(RepositoryScope.all(), ApprovalRuleTest.FEB, ApprovalRuleTest.AFFILIATIONS, rule, 30)
        : ApprovalRule.of(RepositoryScope.all(), ApprovalRuleTest.FEB, ApprovalRuleTest.AFFILIATIONS, rule, 30, listed);
    return metric.compute(store, People.resolve(store)).rule().verdicts().get(0);
  }

  @Test
  void theEventsEvidenceCountsM1Only() {
    ApprovalRule.Verdict v = verdict(null);
    assertEquals(List.of(a("m1")), v.approvers());
    assertEquals(false, v.met());
  }

  @Test
  void aListNamingExtCountsBothApprovals() {
    // ext is listed: both approvals count, and the rule (2 approvers) is met.
    ApprovalRule.Verdict v = verdict(Set.of(a("m1"), a("ext")));
    assertEquals(List.of(a("ext"), a("m1")), v.approvers());
    assertEquals(true, v.met());
  }

  @Test
  void aListWithoutM1CountsExtOnlyThoughM1WasGrantedAccess() {
    ApprovalRule.Verdict v = verdict(Set.of(a("ext"), a("m2")));
    assertEquals(List.of(a("ext")), v.approvers());
  }
}
