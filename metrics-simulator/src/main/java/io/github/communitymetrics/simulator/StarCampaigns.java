package io.github.communitymetrics.simulator;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Plants star campaigns with known truth (for StarScout's signals): bursts of low-activity
 * accounts on one repository, lockstep groups starring the same repositories within days, and
 * organic bursts of otherwise active users after a release. Planted accounts and repositories
 * have names of their own (accounts {@code fan-}, {@code ring-}, {@code user-}; owners {@code
 * promo-}, {@code ringN-}, {@code popular-}, {@code misc-}), so they meet nothing in the base
 * events.
 */
public final class StarCampaigns {
  private static final long DAY = 86_400L;

  private StarCampaigns() {}

  /** The kind of a planted burst. */
  public enum Kind {
    /** Accounts that star one repository and do nothing else. */
    LOW_ACTIVITY,
    /** A group starring the same repositories within days of each repository's centre. */
    LOCKSTEP,
    /** Real users with other activity, after a release: not fake. */
    ORGANIC
  }

  /**
   * One planted burst.
   *
   * @param kind its kind
   * @param stars its stars, each {@code (actor, repository)}
   */
  public record Campaign(Kind kind, List<PlantedStar> stars) {
    /** Copies the list. */
    public Campaign {
      SimChecks.notNull(kind, "kind");
      stars = List.copyOf(stars);
    }
  }

  /**
   * A planted star.
   *
   * @param actor the stargazer
   * @param repository the starred repository
   */
  public record PlantedStar(Actor actor, Repository repository) {}

  /**
   * The base events with the campaigns added, sorted by time, and the campaigns.
   *
   * @param events every event
   * @param campaigns the planted bursts
   */
  public record Planted(List<Event> events, List<Campaign> campaigns) {
    /** Copies the lists. */
    public Planted {
      events = List.copyOf(events);
      campaigns = List.copyOf(campaigns);
    }
  }

  /**
   * Adds the campaigns of {@code config} to {@code base}. Equal inputs give equal results.
   *
   * @param base any events (a simulated community, say)
   * @param config what to plant
   * @return the events and the planted truth
   */
  public static Planted plant(List<Event> base, StarCampaignConfig config) {
    SimChecks.notNull(base, "base");
    SimChecks.notNull(config, "config");
    SplittableRandom rnd = new SplittableRandom(config.seed());
    List<Event> events = new ArrayList<>(base);
    List<Campaign> campaigns = new ArrayList<>();
    long burst = config.burst().toSeconds();
    long t = config.start().getEpochSecond();
    int number = 1;
    for (int c = 0; c < config.lowActivityCampaigns(); c++, t += 20 * DAY) {
      Repository target = Repository.github("promo-" + c + "/tool");
      List<PlantedStar> stars = new ArrayList<>();
      for (int i = 0; i < config.lowActivityAccounts(); i++) {
        Actor fan = Actor.github("fan-" + c + "-" + i);
        // A burst may straddle midnight; each account still acts on one day (one event).
        events.add(new Star(Instant.ofEpochSecond(t + rnd.nextLong(burst)), target, fan));
        stars.add(new PlantedStar(fan, target));
      }
      campaigns.add(new Campaign(Kind.LOW_ACTIVITY, stars));
    }
    for (int g = 0; g < config.lockstepGroups(); g++, t += 20 * DAY) {
      List<PlantedStar> stars = new ArrayList<>();
      for (int r = 0; r < config.lockstepRepositories(); r++) {
        Repository target = Repository.github("ring" + g + "-" + r + "/app");
        long centre = t + r * 5 * DAY;
        for (int i = 0; i < config.lockstepAccounts(); i++) {
          Actor member = Actor.github("ring-" + g + "-" + i);
          events.add(new Star(Instant.ofEpochSecond(centre + rnd.nextLong(burst)), target, member));
          stars.add(new PlantedStar(member, target));
        }
      }
      campaigns.add(new Campaign(Kind.LOCKSTEP, stars));
    }
    for (int b = 0; b < config.organicBursts(); b++, t += 20 * DAY) {
      Repository target = Repository.github("popular-" + b + "/lib");
      events.add(new Release(Instant.ofEpochSecond(t), target, Actor.github("popular-" + b), "v" + (b + 1) + ".0",
          Optional.empty(), false));
      List<PlantedStar> stars = new ArrayList<>();
      for (int i = 0; i < config.organicAccounts(); i++) {
        Actor user = Actor.github("user-" + b + "-" + i);
        // Ordinary activity on other days and repositories in the preceding 180 days.
        for (int k = 0; k < 3; k++) {
          Repository other = Repository.github("misc-" + rnd.nextInt(40) + "/project");
          Instant at = Instant.ofEpochSecond(t - DAY - rnd.nextLong(180 * DAY));
          events.add(k == 0
              ? new IssueOpened(at, other, user, number++, Optional.empty())
              : new Star(at, other, user));
        }
        events.add(new Star(Instant.ofEpochSecond(t + rnd.nextLong(burst)), target, user));
        stars.add(new PlantedStar(user, target));
      }
      campaigns.add(new Campaign(Kind.ORGANIC, stars));
    }
    events.sort(Comparator.comparing(Event::at));
    return new Planted(events, campaigns);
  }
}
