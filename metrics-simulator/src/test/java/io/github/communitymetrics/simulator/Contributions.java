package io.github.communitymetrics.simulator;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.impact.DailySeries;
import io.github.communitymetrics.core.impact.PersonContributions;
import io.github.communitymetrics.core.metrics.ContributionType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-side counting of contributions from simulated events, for the event-impact tests: no
 * series builder from events exists in the core yet, so this small one stands in. A contribution
 * is an event of {@link ContributionType#ANY} (commits, pull requests and issues opened, comments,
 * reviews) credited to its actor's login; actors without a login (bare git identities, whose
 * people also act under their login, and earlier) and bots ({@link
 * io.github.communitymetrics.core.event.Actor#isBot()}) are left out. Simulated people have one
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

  /**
   * New contributors per UTC day from {@code from} (inclusive) to {@code to} (exclusive): the
   * people whose first contribution falls on each day. People who first contributed before
   * {@code from} are in no day, so start after the days the core team was set up.
   */
  static DailySeries newPerDay(List<PersonContributions> people, LocalDate from, LocalDate to) {
    double[] values = new double[Math.toIntExact(ChronoUnit.DAYS.between(from, to))];
    for (PersonContributions p : people) {
      long day = ChronoUnit.DAYS.between(from, LocalDate.ofInstant(p.first(), ZoneOffset.UTC));
      if (day >= 0 && day < values.length) {
        values[(int) day]++;
      }
    }
    return new DailySeries(from, values);
  }
}
