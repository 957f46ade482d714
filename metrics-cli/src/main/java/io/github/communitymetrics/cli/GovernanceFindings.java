package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.metrics.Concentration;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.metrics.governance.ApprovalRule;
import io.github.communitymetrics.core.metrics.governance.Consumers;
import io.github.communitymetrics.core.metrics.governance.Decisions;
import io.github.communitymetrics.core.metrics.governance.Maintainers;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The governance metrics of one repository or organisation ({@code approval-rule}, {@code
 * decisions}, {@code maintainers}, {@code maturity-profile}, {@code consumers}), and, with {@code --maintainers-file}, the listed maintainers
 * as the group that approves: what {@code governance} prints for each group.
 *
 * @param name the repository's full name, or the owner's name
 * @param events the group's events in the store (any type, any time)
 * @param approvals {@code approval-rule}; with a maintainers file, its maintainers' approvals
 *     count as maintainers' too
 * @param decisions {@code decisions}
 * @param maintainers {@code maintainers}: the maintainers the events show
 * @param listed the file's maintainers in this group; empty without a file
 * @param profile {@code maturity-profile}: each criterion against the {@code --profile} thresholds
 * @param consumers {@code consumers}: the group's items by people of the consumer projects, found
 *     in the whole input (the consumers' repositories lie outside the group)
 */
record GovernanceFindings(
    String name,
    long events,
    ApprovalRule.Result approvals,
    Decisions.Result decisions,
    Maintainers.Result maintainers,
    Optional<Listed> listed,
    MaturityProfile.Result profile,
    Consumers.Result consumers) {

  /**
   * What the command was asked.
   *
   * @param evaluation the window and the metrics' parameters; its scope is replaced by each group's
   * @param rule the approval-rule preset's name ({@code --rule})
   * @param file the maintainers file, if given
   * @param list how many pull requests that missed the rule are listed per group
   * @param organisation whether a group is an owner's repositories rather than one
   */
  record Settings(Evaluation evaluation, String rule, Optional<MaintainersFile> file, int list, boolean organisation) {
    ApprovalRule.Rule approvalRule() {
      return new ApprovalRule.Rule(
          evaluation.integer(ApprovalRule.INSTANCE, "approvers"),
          evaluation.integer(ApprovalRule.INSTANCE, "organizations"),
          evaluation.integer(ApprovalRule.INSTANCE, "maintainersOnly") != 0);
    }

    Duration inactiveAfter() {
      return evaluation.duration(Maintainers.INSTANCE, "inactiveAfter");
    }
  }

  /**
   * One maintainer of the file.
   *
   * @param login the login the file gives
   * @param person the person the login is in the events; empty when no event names it
   * @param organization the file's organisation, else the affiliations' just before the end
   * @param lastActivity the person's last merge or review in the group before the end
   * @param active whether that lies within {@code inactiveAfter} of the end
   */
  record ListedMaintainer(
      String login, Optional<Actor> person, Optional<String> organization, Optional<Instant> lastActivity, boolean active) {}

  /**
   * The file's maintainers as one group.
   *
   * @param maintainers each of them, in file order
   * @param elephant the fewest organisations holding more than half the affiliated ones
   */
  record Listed(List<ListedMaintainer> maintainers, Concentration<String> elephant) {
    long active() {
      return maintainers.stream().filter(ListedMaintainer::active).count();
    }

    long organizations() {
      return maintainers.stream().flatMap(m -> m.organization().stream()).distinct().count();
    }
  }

  /**
   * The metrics of {@code scope}: each runs the shared governance scan on its own.
   *
   * @param keys each login of the events, lower case, to its person's key ({@link #keys}); used
   *     with a maintainers file only
   */
  static GovernanceFindings compute(
      String name, RepositoryScope scope, EventStore store, People people, Settings s, Map<String, Actor> keys) {
    Evaluation e = s.evaluation().withScope(scope);
    // A maintainers file is the metrics' parameter maintainers (set by the command): its logins
    // join the maintainers the events show.
    Optional<Listed> listed = s.file().map(f -> listed(f, keys, scope, store, people, e, s.inactiveAfter()));
    return new GovernanceFindings(
        name,
        scope.restrict(store).size(),
        ApprovalRule.INSTANCE.metric(e).compute(store, people),
        Decisions.INSTANCE.metric(e).compute(store, people),
        Maintainers.INSTANCE.metric(e).compute(store, people),
        listed,
        MaturityProfile.INSTANCE.metric(e).compute(store, people),
        // Over the whole store: the consumers' people are found in their own repositories.
        Consumers.INSTANCE.metric(e).compute(store, people));
  }

  /** Each login of the events (lower case) to its person's key; bots left out. */
  static Map<String, Actor> keys(EventStore store, People people) {
    Map<String, Actor> out = new HashMap<>();
    for (int a = 0; a < store.actors().size(); a++) {
      if (people.isBot(a)) {
        continue;
      }
      int p = people.personOf(a);
      Person person = people.person(p);
      for (String login : person.logins()) {
        out.putIfAbsent(login.toLowerCase(Locale.ROOT), people.key(p));
      }
    }
    return out;
  }

  private static Listed listed(
      MaintainersFile file, Map<String, Actor> keys, RepositoryScope scope, EventStore store, People people,
      Evaluation e, Duration inactiveAfter) {
    Instant end = e.window().end();
    // Each person's last merge or review in the group before the end.
    Map<Actor, Instant> last = new HashMap<>();
    EventStore s = scope.restrict(store);
    for (int i = 0; i < s.size(); i++) {
      EventType t = s.type(i);
      if ((t == EventType.REVIEW || t == EventType.PULL_REQUEST_MERGED) && s.instant(i).isBefore(end)) {
        last.merge(people.key(people.personOf(s.actorIndex(i))), s.instant(i), (x, y) -> x.isAfter(y) ? x : y);
      }
    }
    List<ListedMaintainer> out = new ArrayList<>();
    Map<String, Long> perOrganization = new TreeMap<>();
    for (MaintainersFile.Entry m : file.entries()) {
      Optional<Actor> person = Optional.ofNullable(keys.get(m.login().toLowerCase(Locale.ROOT)));
      Optional<String> org = m.organization().or(() -> person
          .flatMap(k -> people.identities().personOf(k))
          .flatMap(p -> e.affiliations().organizationOf(p, end.minusNanos(1))));
      Optional<Instant> at = person.map(last::get);
      boolean active = at.isPresent() && !at.get().isBefore(end.minus(inactiveAfter));
      out.add(new ListedMaintainer(m.login(), person, org, at, active));
      org.ifPresent(o -> perOrganization.merge(o, 1L, Long::sum));
    }
    return new Listed(out, Concentration.of(perOrganization, ShareRule.MORE_THAN_HALF, Comparator.naturalOrder()));
  }
}
