package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The actors of GH Archive-shaped hours, and events that use them, for measuring people
 * resolution ({@code People.resolve}) with a realistic number of distinct actors.
 *
 * <p>The actors (seeded): GitHub accounts with ids, no names and no e-mail addresses, as GH
 * Archive records them; logins of 4 to 15 characters from lower- and upper-case letters, digits
 * and inner hyphens. About 1 % are GitHub App accounts ({@code name[bot]}, kind {@code BOT}, as
 * the reader marks them), 0.3 % end in {@code -bot} (users to the default detector unless the name
 * is listed, as {@code renovate-bot} is), 0.1 % are listed bot names ({@code dependabot}, {@code
 * github-actions}, ...); 1 % were renamed (a second actor with the same id and another login, or
 * the same login in another case), 0.5 % are a login released and taken again (same login, another
 * id), and 0.2 % appear both as a user and as an organisation with the same login and id.
 *
 * <p>The events: every actor acts once, then {@code 1.4} more events per actor go to actors drawn
 * from a Zipf-like law ({@code floor(U^3 * actors)}), which is how GH Archive's 334k events of 4
 * hours fall on 139k actors.
 */
public final class GhArchiveActors {
  private static final Instant HOUR = Instant.parse("2024-03-05T10:00:00Z");
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final List<String> LISTED =
      List.of("dependabot", "github-actions", "renovate-bot", "codecov-commenter", "web-flow", "ghost", "stale", "imgbot");

  private GhArchiveActors() {}

  /** {@code n} distinct actors, seeded. */
  public static List<Actor> actors(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Actor> out = new ArrayList<>(n);
    long nextId = 1_000L;
    while (out.size() < n) {
      double dice = r.nextDouble() * 100;
      long id = nextId;
      nextId += 1 + r.nextInt(40);
      String login = login(r);
      ActorKind kind = ActorKind.USER;
      if (dice < 1) {
        login = login + "[bot]";
        kind = ActorKind.BOT;
      } else if (dice < 1.3) {
        login = login + "-bot";
      } else if (dice < 1.4) {
        login = LISTED.get(r.nextInt(LISTED.size()));
        if (r.nextBoolean()) {
          login = login + "[bot]";
          kind = ActorKind.BOT;
        }
      }
      out.add(github(login, id, kind));
      if (out.size() >= n) {
        break;
      }
      double twin = r.nextDouble() * 100;
      if (twin < 1) { // renamed: the same id, another login (sometimes only the case changed)
        String upper = login.toUpperCase(java.util.Locale.ROOT);
        String renamed = r.nextBoolean() || upper.equals(login) ? login + r.nextInt(100) : upper;
        out.add(github(renamed, id, kind));
      } else if (twin < 1.5) { // the login released and taken by another account
        out.add(github(login, nextId, kind));
        nextId += 1 + r.nextInt(40);
      } else if (twin < 1.7) { // seen as a user and as an organisation
        out.add(github(login, id, ActorKind.ORGANIZATION));
      }
    }
    return out;
  }

  /** Events over {@code actors}: one each, then 1.4 per actor drawn Zipf-like, in time order. */
  public static List<Event> events(List<Actor> actors, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = actors.size();
    int extra = (int) (n * 1.4);
    List<Event> out = new ArrayList<>(n + extra);
    int repositories = Math.max(1, n / 3);
    for (int i = 0; i < n + extra; i++) {
      Actor a = i < n ? actors.get(i) : actors.get((int) (n * Math.pow(r.nextDouble(), 3)));
      int ri = (int) (repositories * Math.pow(r.nextDouble(), 2.5));
      Repository repo = new Repository(Forge.GITHUB, "org" + (ri % 997) + "/project-" + ri, OptionalLong.of(1_000_000L + ri));
      Instant at = HOUR.plusMillis(r.nextLong(3_600_000L));
      double dice = r.nextDouble();
      if (dice < 0.6) {
        out.add(new Push(at, repo, a, "refs/heads/main", Long.toHexString(r.nextLong() | (1L << 62)), 1));
      } else if (dice < 0.8) {
        out.add(new Star(at, repo, a));
      } else {
        out.add(new IssueComment(at, repo, a, 1 + r.nextInt(500), false, Optional.empty(), OptionalLong.of(i + 1L)));
      }
    }
    return out;
  }

  private static Actor github(String login, long id, ActorKind kind) {
    return new Actor(Forge.GITHUB, Optional.of(login), OptionalLong.of(id), Optional.empty(), List.of(), kind);
  }

  private static String login(SplittableRandom r) {
    int len = 4 + r.nextInt(12);
    StringBuilder b = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      char c = LETTERS.charAt(r.nextInt(LETTERS.length()));
      if (i > 0 && i < len - 1 && r.nextInt(12) == 0) {
        c = '-';
      }
      b.append(c);
    }
    return b.toString();
  }
}
