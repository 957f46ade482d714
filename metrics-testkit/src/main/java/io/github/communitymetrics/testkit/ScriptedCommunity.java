package io.github.communitymetrics.testkit;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.PullRequestReopened;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.Star;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fixed community the {@link ForgeCompatibilityKit} serves through a forge's wire format: two
 * repositories, six people, two bots and an organization, with stars, forks, issues and pull
 * requests (closed, merged, reviewed, one closed unmerged and reopened), comments, a reopened
 * issue, releases and commits, enough for several pages of every list at the kit's page size. Its
 * events are the expected truth of a compatibility run.
 *
 * <p>Every event has a distinct instant (one hour apart, in list order), every actor a login and a
 * numeric id, no name and no e-mail (forge APIs give neither in lists). Comment and review ids are
 * distinct across the community; fork repositories are named {@code LOGIN/NAME}. Commits are by
 * linked accounts: author and committer line {@code LOGIN <LOGIN@users.example>} (without a bot's
 * {@code [bot]} in the address), sha {@code %040x} of a distinct number, each the parent of the
 * repository's next one, no changed paths.
 */
public final class ScriptedCommunity {
  private final Forge forge;
  private final List<Repository> repositories;
  private final List<Actor> people;
  private final List<Event> events;

  private ScriptedCommunity(Forge forge) {
    this.forge = forge;
    List<Actor> actors = new ArrayList<>();
    String[] users = {"alice", "bob", "carol", "dave", "erin", "frank"};
    for (int i = 0; i < users.length; i++) {
      actors.add(actor(users[i], 101 + i, ActorKind.USER));
    }
    actors.add(actor("dependabot[bot]", 901, ActorKind.BOT));
    actors.add(actor("renovate[bot]", 902, ActorKind.BOT));
    actors.add(actor("acme", 501, ActorKind.ORGANIZATION));
    this.people = List.copyOf(actors);
    this.repositories =
        List.of(
            new Repository(forge, "scripted/alpha", OptionalLong.of(1001)),
            new Repository(forge, "scripted/beta", OptionalLong.of(1002)));
    List<Event> all = new ArrayList<>();
    all.addAll(repositoryEvents(0, 7, 4, 10));
    all.addAll(repositoryEvents(1, 4, 2, 6));
    all.sort(Comparator.comparing(Event::at));
    this.events = List.copyOf(all);
  }

  /**
   * The community with actors and repositories of the given forge.
   *
   * @param forge the forge the adapter under test reports
   * @return the community; equal arguments give equal events
   */
  public static ScriptedCommunity of(Forge forge) {
    return new ScriptedCommunity(Objects.requireNonNull(forge, "forge"));
  }

  private Actor actor(String login, long id, ActorKind kind) {
    return new Actor(forge, Optional.of(login), OptionalLong.of(id), Optional.empty(), List.of(), kind);
  }

  private Actor person(int index) {
    return people.get(Math.floorMod(index, people.size()));
  }

  /** One repository's history; the counts say how many stars, forks and numbered items. */
  private List<Event> repositoryEvents(int r, int stars, int forks, int items) {
    Repository repo = repositories.get(r);
    String name = repo.fullName().substring(repo.fullName().indexOf('/') + 1);
    Instant start = Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofDays(100L * r));
    List<Event> out = new ArrayList<>();
    int[] hour = {0};
    java.util.function.Supplier<Instant> next = () -> start.plus(Duration.ofHours(hour[0]++));
    long commentId = 10_000L * (r + 1);
    for (int i = 0; i < stars; i++) {
      // People 0..5, then the renovate bot and the organization star too.
      out.add(new Star(next.get(), repo, person(i + r)));
    }
    for (int i = 0; i < forks; i++) {
      Actor owner = person(1 + i + r);
      out.add(new Fork(next.get(), repo, owner, Optional.of(owner.login().orElseThrow() + "/" + name)));
    }
    Actor maintainer = person(0);
    for (int n = 1; n <= items; n++) {
      boolean pull = n % 2 == 0;
      // Every third pull request is the dependency bot's.
      Actor author = pull && n % 3 == 0 ? person(6) : person(n + r);
      if (pull) {
        out.add(
            new PullRequestOpened(
                next.get(), repo, author, n, false, Optional.empty(),
                Optional.of(AuthorAssociation.CONTRIBUTOR)));
      } else {
        out.add(
            new IssueOpened(
                next.get(), repo, author, n, Optional.of(AuthorAssociation.CONTRIBUTOR)));
      }
      for (int c = 0; c < 2; c++) {
        Actor commenter = c == 1 && n % 4 == 1 ? person(7) : person(n + c + 2);
        out.add(
            new IssueComment(
                next.get(), repo, commenter, n, pull, Optional.of(AuthorAssociation.CONTRIBUTOR),
                OptionalLong.of(commentId++)));
      }
      if (pull) {
        Actor reviewer = person(n + 1 + r);
        out.add(
            new ReviewComment(
                next.get(), repo, reviewer, n, Optional.of(AuthorAssociation.CONTRIBUTOR),
                OptionalLong.of(commentId++)));
        out.add(
            new Review(
                next.get(), repo, reviewer, n, ReviewState.APPROVED, Optional.of(author),
                Optional.of(AuthorAssociation.CONTRIBUTOR), OptionalLong.of(commentId++)));
        out.add(
            new PullRequestMerged(
                next.get(), repo, maintainer, n, Optional.of(author), Optional.empty(),
                Optional.empty()));
      } else if (n % 3 == 1) {
        out.add(new IssueClosed(next.get(), repo, maintainer, n));
      }
    }
    // After the numbered items (so that the instants above stay as they were): issue 1 reopened,
    // a pull request closed without a merge and reopened by its author, two releases, and
    // commits by linked accounts (one a bot's), each the parent of the next.
    out.add(new IssueReopened(next.get(), repo, person(1), 1));
    int extra = items + 1;
    Actor contributor = person(3 + r);
    out.add(
        new PullRequestOpened(
            next.get(), repo, contributor, extra, false, Optional.empty(), Optional.of(AuthorAssociation.CONTRIBUTOR)));
    out.add(new PullRequestClosed(next.get(), repo, maintainer, extra, Optional.of(contributor)));
    out.add(new PullRequestReopened(next.get(), repo, contributor, extra));
    out.add(new Release(next.get(), repo, maintainer, "v1.0", Optional.of("One"), false));
    out.add(new Release(next.get(), repo, maintainer, "v1.1-rc1", Optional.empty(), true));
    List<String> parents = List.of();
    for (int c = 0; c < 4; c++) {
      Actor committer = c == 2 ? person(6) : person(c + r);
      Instant at = next.get();
      String login = committer.login().orElseThrow();
      Signature line = new Signature(login, login.replace("[bot]", "") + "@users.example", at);
      String sha = String.format("%040x", 0xC0FFEE000L + 100L * r + c);
      out.add(new Commit(at, repo, committer, sha, parents, line, line, List.of(), List.of()));
      parents = List.of(sha);
    }
    return out;
  }

  /**
   * The forge of every actor and repository.
   *
   * @return the forge given to {@link #of}
   */
  public Forge forge() {
    return forge;
  }

  /**
   * The repositories, each with a numeric id.
   *
   * @return two repositories, {@code scripted/alpha} and {@code scripted/beta}
   */
  public List<Repository> repositories() {
    return repositories;
  }

  /**
   * Everyone who acts: users, bots ({@link ActorKind#BOT}, logins ending in {@code [bot]}) and an
   * organization.
   *
   * @return the actors, each once
   */
  public List<Actor> people() {
    return people;
  }

  /**
   * All events, oldest first.
   *
   * @return the expected truth of a full fetch
   */
  public List<Event> events() {
    return events;
  }

  /**
   * The events of one repository and type, oldest first: what one list of a forge serves.
   *
   * @param repo one of {@link #repositories()}
   * @param type the event type
   * @return the events, possibly none
   */
  public List<Event> events(Repository repo, EventType type) {
    List<Event> out = new ArrayList<>();
    for (Event e : events) {
      if (e.repo().equals(repo) && e.type() == type) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The repository with this full name.
   *
   * @param fullName such as {@code scripted/alpha}
   * @return the repository, or empty when the community has none of that name
   */
  public Optional<Repository> repository(String fullName) {
    return repositories.stream().filter(r -> r.fullName().equals(fullName)).findFirst();
  }

  @Override
  public String toString() {
    return "ScriptedCommunity[" + forge.name() + ", " + events.size() + " events]";
  }
}
