package io.github.communitymetrics.simulator;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.impact.PersonContributions;
import io.github.communitymetrics.core.metrics.ContributionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-side collection of contributions from simulated events, for the event-impact tests (the
 * core turns them into series with {@link io.github.communitymetrics.core.impact.NewContributorSeries}).
 * Kept small and separate from the examples' identity-resolving version on purpose. A contribution
 * is an event of {@link ContributionType#ANY} (commits, pull requests and issues opened, comments,
 * reviews) credited to its actor's login; actors without a login (bare git identities, whose
 * people also act under their login, and earlier) and bots (declared ones, and logins ending in
 * {@code [bot]} like the simulator's triage bot, which its forge calls a user) are left out. Simulated people have one
 * login each, so no identity resolution is needed here.
 */
final class Contributions {
  private Contributions() {}

  /** Per login, in order of first contribution, every contribution instant (events are sorted). */
  static List<PersonContributions> byPerson(List<Event> events) {
    Map<String, List<Instant>> byLogin = new LinkedHashMap<>();
    for (Event e : events) {
      if (!ContributionType.ANY.includes(e.type()) || e.actor().isBot() || e.actor().login().isEmpty()) {
        continue;
      }
      String login = e.actor().login().get();
      if (!login.endsWith("[bot]")) {
        byLogin.computeIfAbsent(login, k -> new ArrayList<>()).add(e.at());
      }
    }
    List<PersonContributions> out = new ArrayList<>();
    byLogin.forEach((login, at) -> out.add(new PersonContributions(login, at)));
    return out;
  }
}
