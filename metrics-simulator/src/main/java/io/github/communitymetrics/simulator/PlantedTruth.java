package io.github.communitymetrics.simulator;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.impact.CommunityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the simulator planted, so that tests can check that metrics recover it. Everything here is
 * fixed by the configuration and the seed before or while events are generated; the events are
 * consistent with it by construction.
 *
 * @param repositories per repository: core team, designed truck factor and file ownership, in
 *     repository order
 * @param people every simulated person (not bots), in creation order
 * @param stargazers every star or fork, with whether that stargazer was chosen to convert, in
 *     creation order
 * @param maintainers every grant of access, core members' and promoted contributors', in
 *     repository then time order
 * @param bots the bot accounts that act
 * @param conversionProbability the probability used to choose converting stargazers
 * @param conversionDelayMedian the median of the exponential conversion delay used
 * @param newcomersPerMonth direct newcomers per repository per calendar month (exact)
 * @param stargazersPerMonth stargazers per repository per calendar month (exact)
 * @param departureProbability the monthly departure probability of non-core contributors
 * @param firstResponseMedian the median delay of core members' first responses
 * @param events the planted community events and their true effects, in configuration order
 * @param welcome the profiled repositories' planted newcomer experience (empty lists without
 *     profiles)
 * @param governance the governance scenarios' repositories, in configuration order (none by
 *     default)
 */
public record PlantedTruth(
    List<RepositoryTruth> repositories,
    List<PersonTruth> people,
    List<StargazerTruth> stargazers,
    List<MaintainerTruth> maintainers,
    List<BotTruth> bots,
    double conversionProbability,
    Duration conversionDelayMedian,
    int newcomersPerMonth,
    int stargazersPerMonth,
    double departureProbability,
    Duration firstResponseMedian,
    List<EventTruth> events,
    WelcomeTruth welcome,
    List<GovernanceTruth> governance) {

  /** Copies the lists. */
  public PlantedTruth {
    repositories = List.copyOf(repositories);
    people = List.copyOf(people);
    stargazers = List.copyOf(stargazers);
    maintainers = List.copyOf(maintainers);
    bots = List.copyOf(bots);
    events = List.copyOf(events);
    SimChecks.notNull(conversionDelayMedian, "conversionDelayMedian");
    SimChecks.notNull(firstResponseMedian, "firstResponseMedian");
    SimChecks.notNull(welcome, "welcome");
    governance = List.copyOf(governance);
  }

  /**
   * A governance scenario's repository.
   *
   * @param repository the repository
   * @param scenario what was planted
   * @param maintainers the maintainers' logins
   * @param organizations each maintainer's organisation for the whole simulation, by login
   *     (contributors have none)
   */
  public record GovernanceTruth(
      Repository repository, GovernanceScenario scenario, List<String> maintainers, Map<String, String> organizations) {
    /** Checks and copies. */
    public GovernanceTruth {
      SimChecks.notNull(repository, "repository");
      SimChecks.notNull(scenario, "scenario");
      maintainers = List.copyOf(maintainers);
      organizations = Collections.unmodifiableMap(new LinkedHashMap<>(organizations));
    }
  }

  /** The person with this GitHub login, if any. Linear time. */
  public Optional<PersonTruth> person(String login) {
    return people.stream().filter(p -> p.login().equals(login)).findFirst();
  }

  /** The stargazers chosen to convert, in creation order. */
  public List<StargazerTruth> converted() {
    return stargazers.stream().filter(StargazerTruth::chosenToConvert).toList();
  }

  /**
   * A planted community event and its true effect (see {@link PlantedEvent}).
   *
   * @param event the event, as an events file would describe it
   * @param effectFrom the start of the effect span: the event's start
   * @param effectTo the end of the effect span (exclusive): the event's end plus the effect's
   *     duration
   * @param extraNewcomers the logins of the extra newcomers the event brought, in all
   *     repositories; each first contributed (an issue or comment) at an instant in the effect
   *     span. Empty for an event without level shift
   * @param newcomerLevelShiftPerDay the true level shift of new contributors per day in the whole
   *     community during the effect span: {@code extraNewcomers.size()} over the span's length in
   *     days; 0 for none
   * @param departureProbability the monthly departure probability of everyone who started
   *     contributing in the effect span
   * @param baselineDepartureProbability the monthly departure probability of everyone else
   */
  public record EventTruth(
      CommunityEvent event,
      Instant effectFrom,
      Instant effectTo,
      List<String> extraNewcomers,
      double newcomerLevelShiftPerDay,
      double departureProbability,
      double baselineDepartureProbability) {
    /** Copies the list. */
    public EventTruth {
      SimChecks.notNull(event, "event");
      SimChecks.notNull(effectFrom, "effectFrom");
      SimChecks.notNull(effectTo, "effectTo");
      extraNewcomers = List.copyOf(extraNewcomers);
    }

    /** Whether the event changed nothing: no extra newcomers and the usual departures. */
    public boolean noEffect() {
      return extraNewcomers.isEmpty() && departureProbability == baselineDepartureProbability;
    }
  }

  /** How a person came to the community. */
  public enum Role {
    /** A core member of their repository: present from the start, never leaves. */
    CORE,
    /** Started contributing directly, at a planted arrival instant. */
    NEWCOMER,
    /** Starred or forked; contributes only if chosen to convert. */
    STARGAZER
  }

  /**
   * One repository's planted structure.
   *
   * @param repository the repository
   * @param coreTeam the core members' logins; the first is the repository's owner-like admin
   * @param truckFactor the designed truck factor: the smallest number of core members whose
   *     created files that still exist at the end are more than half of the files at the end
   * @param modules the modules, one per core member, in core team order
   */
  public record RepositoryTruth(
      Repository repository, List<String> coreTeam, int truckFactor, List<ModuleTruth> modules) {
    /** Copies the lists. */
    public RepositoryTruth {
      SimChecks.notNull(repository, "repository");
      coreTeam = List.copyOf(coreTeam);
      modules = List.copyOf(modules);
    }

    /** The number of files at the end of the simulation. */
    public int totalFiles() {
      return modules.stream().mapToInt(ModuleTruth::files).sum();
    }
  }

  /**
   * A directory whose files one core member creates (and mostly modifies). Others only modify
   * them; its owner renames and replaces files inside it, which keeps the count.
   *
   * @param directory the directory, such as {@code kavo}, without a trailing slash
   * @param owner the owning core member's login
   * @param files how many files it holds at the end, all created by the owner
   */
  public record ModuleTruth(String directory, String owner, int files) {}

  /**
   * One simulated person.
   *
   * @param login the GitHub login
   * @param githubId the GitHub account id
   * @param name the display name, also the git author name
   * @param role how they came
   * @param repository their only repository
   * @param emails their git e-mail addresses, primary first (one or two)
   * @param actors every distinct {@link Actor} value their events carry: the GitHub account, and
   *     per e-mail address either the linked account with that address or a bare git identity
   * @param company their employer's name; empty for webmail users
   * @param joined when they started contributing: the simulation start for core members; for
   *     others the instant of their first issue or comment, which is an event; empty for
   *     stargazers who never contribute (within the simulated span)
   * @param departed when they stopped for good: no event of theirs is at or after it; empty for
   *     core members, non-contributors, and contributors still active at the end (censored)
   * @param activityWeight the Pareto activity weight (1 for core members)
   */
  public record PersonTruth(
      String login,
      long githubId,
      String name,
      Role role,
      Repository repository,
      List<String> emails,
      List<Actor> actors,
      Optional<String> company,
      Optional<Instant> joined,
      Optional<Instant> departed,
      double activityWeight) {
    /** Copies the lists. */
    public PersonTruth {
      SimChecks.notBlank(login, "login");
      emails = List.copyOf(emails);
      actors = List.copyOf(actors);
      SimChecks.notNull(company, "company");
      SimChecks.notNull(joined, "joined");
      SimChecks.notNull(departed, "departed");
    }

    /** Whether they commit with two e-mail addresses. */
    public boolean hasTwoEmails() {
      return emails.size() == 2;
    }
  }

  /**
   * A star or fork, and its planted fate.
   *
   * @param login the stargazer's login
   * @param repository the repository starred or forked
   * @param via {@link EventType#STAR} or {@link EventType#FORK}
   * @param at when
   * @param chosenToConvert whether the stargazer was chosen (with the conversion probability) to
   *     contribute later
   * @param firstContribution when a converting stargazer first contributed (an issue or comment
   *     at exactly this instant): their star plus the exponential delay; empty if not chosen or if
   *     that instant is after the simulated span
   */
  public record StargazerTruth(
      String login,
      Repository repository,
      EventType via,
      Instant at,
      boolean chosenToConvert,
      Optional<Instant> firstContribution) {
    /** Checks the components. */
    public StargazerTruth {
      SimChecks.notNull(firstContribution, "firstContribution");
      SimChecks.argument(
          chosenToConvert || firstContribution.isEmpty(),
          "only a converting stargazer has a first contribution");
    }
  }

  /**
   * A grant of access, matching one {@code member_added} event.
   *
   * @param login the new maintainer's login
   * @param repository where
   * @param at when
   * @param permission what was granted
   * @param core whether they are a core member (granted at the start) rather than a promoted
   *     contributor (granted at the merge of their N-th pull request)
   */
  public record MaintainerTruth(
      String login, Repository repository, Instant at, Permission permission, boolean core) {}

  /**
   * A bot account.
   *
   * @param actor the actor its events carry
   * @param declaredKind the kind the forge declares: {@link ActorKind#BOT}, or {@link
   *     ActorKind#USER} for a bot only its {@code [bot]} login suffix gives away
   * @param activity what it does, for people reading test failures
   */
  public record BotTruth(Actor actor, ActorKind declaredKind, String activity) {
    /** The bot's login. */
    public String login() {
      return actor.login().orElseThrow();
    }
  }

  /**
   * What was planted in the profiled repositories (see {@link NewcomerWelcome}).
   *
   * @param repositories the profiled repositories, in configuration order
   * @param quickResponse the longest first response that counted as quick
   * @param returnIfQuick the planted probability that a newcomer answered quickly returns
   * @param returnIfSlow the planted probability that a newcomer answered slowly or never returns
   * @param newcomers every newcomer of the profiled repositories, in arrival order per repository
   *     (the people who arrive to claim a good first issue are not among them: see {@code
   *     goodFirstIssues})
   * @param claims the planted claims of good first issues, if any ({@link NewcomerWelcome#claims()})
   * @param goodFirstIssues with planted claims, every good first issue of the profiled repositories
   *     and its fate, by repository and then issue number; empty without planted claims
   */
  public record WelcomeTruth(
      List<ProfiledRepository> repositories,
      Duration quickResponse,
      double returnIfQuick,
      double returnIfSlow,
      List<NewcomerTruth> newcomers,
      Optional<GoodFirstIssueClaims> claims,
      List<GoodFirstIssueTruth> goodFirstIssues) {
    /** Copies the lists. */
    public WelcomeTruth {
      repositories = List.copyOf(repositories);
      SimChecks.notNull(quickResponse, "quickResponse");
      newcomers = List.copyOf(newcomers);
      SimChecks.notNull(claims, "claims");
      goodFirstIssues = List.copyOf(goodFirstIssues);
    }

    /** The good first issues of one repository with their planted fates, by issue number. */
    public List<GoodFirstIssueTruth> goodFirstIssues(Repository repository) {
      return goodFirstIssues.stream().filter(g -> g.repository().equals(repository)).toList();
    }

    /** The planted difference in the probability of returning, quick minus slow. */
    public double returnDifference() {
      return returnIfQuick - returnIfSlow;
    }

    /** The profiled repository with this profile name, if any. */
    public Optional<ProfiledRepository> repository(String profileName) {
      return repositories.stream().filter(r -> r.profile().name().equals(profileName)).findFirst();
    }

    /** The newcomers of one repository, in arrival order. */
    public List<NewcomerTruth> newcomers(Repository repository) {
      return newcomers.stream().filter(n -> n.repository().equals(repository)).toList();
    }
  }

  /**
   * A repository with a planted newcomer experience.
   *
   * @param repository the repository
   * @param profile how it treats newcomers
   * @param goodFirstIssues the numbers of its issues labelled {@code good first issue} (at opening
   *     or later), ascending
   */
  public record ProfiledRepository(Repository repository, WelcomeProfile profile, List<Integer> goodFirstIssues) {
    /** Copies the list. */
    public ProfiledRepository {
      SimChecks.notNull(repository, "repository");
      SimChecks.notNull(profile, "profile");
      goodFirstIssues = List.copyOf(goodFirstIssues);
    }
  }

  /**
   * One newcomer of a profiled repository and what was planted for them.
   *
   * @param login their login
   * @param repository their repository
   * @param firstContribution when they opened their first issue (their first contribution)
   * @param firstIssue that issue's number
   * @param firstResponse how long the issue waited for its first (human) response; empty if none
   *     came before the end of the simulation
   * @param quick whether that response came within the quick threshold
   * @param returnProbability the planted probability of returning that applied to them
   * @param returned whether they were drawn to return
   * @param secondContribution when they opened their second item, a pull request; empty if they
   *     did not return or that instant is after the end
   * @param mentor their mentor's login, if they were given one
   * @param mentorAnswers how many of their issues and pull requests their mentor answered before
   *     the end (0 without a mentor)
   */
  public record NewcomerTruth(
      String login,
      Repository repository,
      Instant firstContribution,
      int firstIssue,
      Optional<Duration> firstResponse,
      boolean quick,
      double returnProbability,
      boolean returned,
      Optional<Instant> secondContribution,
      Optional<String> mentor,
      int mentorAnswers) {
    /** Checks the components. */
    public NewcomerTruth {
      SimChecks.notBlank(login, "login");
      SimChecks.notNull(repository, "repository");
      SimChecks.notNull(firstContribution, "firstContribution");
      SimChecks.notNull(firstResponse, "firstResponse");
      SimChecks.notNull(secondContribution, "secondContribution");
      SimChecks.notNull(mentor, "mentor");
      SimChecks.argument(returned || secondContribution.isEmpty(), "only a returning newcomer has a second contribution");
    }
  }

  /** How a good first issue was planted to be claimed (see {@link GoodFirstIssueClaims}). */
  public enum ClaimKind {
    /** A newcomer's pull request whose closing references name the issue. */
    NEWCOMER_PULL_REQUEST,
    /** An assignment to a newcomer, who asked for the issue in a comment just before. */
    ASSIGNED_NEWCOMER,
    /** An assignment to a core member. */
    ASSIGNED_ESTABLISHED,
    /** Nobody claims it; it stays open. */
    UNCLAIMED
  }

  /**
   * One good first issue of a profiled repository with planted claims, and its planted fate.
   *
   * @param repository its repository
   * @param number its number
   * @param labelled when it got the label {@code good first issue} (its opening or the label
   *     event); it keeps the label to the end
   * @param kind how it was planted to be claimed
   * @param claimDelay the drawn delay from labelling to claim; empty when unclaimed. Drawn for
   *     every planted claim, also those that would fall after the end of the simulation
   * @param claimed when it was claimed (labelled plus the delay), if before the end of the
   *     simulation; then the claim event (pull request opening or assignment) is in the stream
   * @param claimant who claimed it (present with {@code claimed}): the pull request's author or the
   *     assignee
   * @param claimantArrived when the claimant joined the repository (present with {@code claimed}):
   *     a newcomer at their first contribution, the comment asking for the issue, after the
   *     labelling and at most an hour before the claim; a core member at the simulation's start
   *     (their first contributions come on its first day)
   * @param closingPullRequest the number of the pull request whose closing references name the
   *     issue, if one was opened before the end
   * @param closed when that pull request was merged, closing the issue, if before the end; nothing
   *     else closes the issue
   * @param closedByNewcomer whether it was closed by the merged pull request of a person who
   *     arrived to take it (false when not closed)
   */
  public record GoodFirstIssueTruth(
      Repository repository,
      int number,
      Instant labelled,
      ClaimKind kind,
      Optional<Duration> claimDelay,
      Optional<Instant> claimed,
      Optional<String> claimant,
      Optional<Instant> claimantArrived,
      Optional<Integer> closingPullRequest,
      Optional<Instant> closed,
      boolean closedByNewcomer) {
    /** Checks the components. */
    public GoodFirstIssueTruth {
      SimChecks.notNull(repository, "repository");
      SimChecks.notNull(labelled, "labelled");
      SimChecks.notNull(kind, "kind");
      SimChecks.argument(claimDelay.isEmpty() == (kind == ClaimKind.UNCLAIMED), "a claim delay exactly for the claimed kinds");
      SimChecks.argument(claimed.isPresent() == claimant.isPresent() && claimant.isPresent() == claimantArrived.isPresent(),
          "a claim instant, a claimant and their arrival go together");
      SimChecks.argument(claimed.isEmpty() || claimDelay.isPresent(), "a claim needs a delay");
      SimChecks.argument(closed.isEmpty() || closingPullRequest.isPresent(), "only a pull request closes");
      SimChecks.argument(!closedByNewcomer || closed.isPresent(), "closed by a newcomer needs a close");
    }

    /** Whether the claimant arrived to take this issue (a newcomer), rather than being a core member. */
    public boolean newcomerClaim() {
      return kind == ClaimKind.NEWCOMER_PULL_REQUEST || kind == ClaimKind.ASSIGNED_NEWCOMER;
    }
  }
}
