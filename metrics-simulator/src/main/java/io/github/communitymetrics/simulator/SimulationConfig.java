package io.github.communitymetrics.simulator;

import io.github.communitymetrics.core.impact.CommunityEvent;
import io.github.communitymetrics.core.impact.EventKind;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every parameter of a {@link CommunitySimulator} run. Equal configurations produce equal
 * communities. The generative process each parameter drives is described on {@link
 * CommunitySimulator}; the parameters that are ground truth reappear in {@link PlantedTruth}.
 *
 * <p>Rates are per repository; months are calendar months in UTC counted from {@link #start()};
 * durations are whole seconds (git's precision). Build one with {@link #builder()}, whose defaults
 * are the {@linkplain #demo() demo community}.
 *
 * @param seed the seed of the only random source
 * @param organization the GitHub organisation owning the repositories, such as {@code demo-org}
 * @param repositories how many ordinary repositories, at least 1 (the {@code welcome} profiles
 *     add theirs)
 * @param months how many calendar months are simulated, 1 to 1200
 * @param start the first simulated instant (whole seconds)
 * @param coreTeamSize core members per repository: present from the start, never leaving,
 *     members of the organisation, the only ones who create files, respond, merge and close
 * @param truckFactor the designed truck factor of every repository: the smallest number of core
 *     members whose created (and still existing) files are more than half of all files; at most
 *     {@code coreTeamSize / 2 + 1}
 * @param filesPerModule files in the module of each core member outside the truck (the truck's
 *     modules get as many or more, to make {@code truckFactor} exact); at least 2
 * @param coreActionsPerMonth the mean number of actions (direct commits, issues, pull requests,
 *     comments) per core member per month, a Poisson rate
 * @param newcomersPerMonth people who start contributing directly (without starring first) per
 *     repository per calendar month, exactly
 * @param stargazersPerMonth people who star or fork per repository per calendar month, exactly;
 *     each stars or forks exactly once
 * @param forkShare the probability that a stargazer forks instead of starring
 * @param conversionProbability the probability that a stargazer (or forker) later starts
 *     contributing
 * @param conversionDelayMedian the median of the exponential delay from the star or fork to the
 *     first contribution of a converting stargazer
 * @param departureProbability the probability that an active non-core contributor leaves in each
 *     month of membership: lifetimes are geometric, so the survival after {@code k} months is
 *     {@code (1 - p)^k}
 * @param contributorActionsPerMonth the monthly Poisson rate of a non-core contributor with the
 *     minimal activity weight 1; each contributor's rate is this times their weight
 * @param activityTailExponent the Pareto exponent α (greater than 1) of the activity weights:
 *     {@code P(weight > x) = x^-α} for {@code 1 <= x <= maxActivityWeight}
 * @param maxActivityWeight where activity weights are truncated, at least 1
 * @param firstResponseMedian the median of the exponential delay from opening an issue or pull
 *     request to the first response of a core member
 * @param resolutionMedian the median of the exponential delay from the first response to closing
 *     or merging
 * @param mergeProbability the probability that a resolved pull request is merged rather than
 *     closed
 * @param draftShare the probability that a pull request is opened as a draft
 * @param reopenProbability the probability that an issue or pull request is closed and reopened
 *     once before its final resolution
 * @param promotionMergedPullRequests a non-core contributor is given write access (a maintainer)
 *     at the merge of this many of their pull requests, if still active; at least 1
 * @param botPullRequestsPerMonth pull requests {@code dependabot[bot]} opens per repository per
 *     month, exactly
 * @param botCommentProbability the probability that a bot comments on a newly opened issue or
 *     pull request, before any person responds
 * @param twoEmailShare the probability that a person commits with two e-mail addresses
 * @param coAuthorShare the probability that a person's commit credits a core member as co-author
 * @param companies the employers people can be affiliated to, with their shares
 * @param webmailDomains the webmail domains of people without a company (those left by the
 *     companies' shares), chosen uniformly; at least one
 * @param releaseEveryMonths a release is published every this many months, at least 1
 * @param events community events planted with a known effect on newcomers and their retention,
 *     or with none (see {@link PlantedEvent}); each lies within the simulated span (event and
 *     effect span), and the effect spans of events with an effect do not overlap. Empty by
 *     default; the {@linkplain #demo() demo} has {@link #DEMO_EVENTS}
 * @param welcome the repositories with a planted newcomer experience, added after the {@code
 *     repositories} ordinary ones, and how newcomers react to it (see {@link NewcomerWelcome}).
 *     None by default; the {@linkplain #demo() demo} has {@link NewcomerWelcome#demo()}
 * @param governance repositories with a planted governance, added after all others (see {@link
 *     GovernanceScenario}). None by default and in the demo; {@link #governanceDemo()} has {@link
 *     GovernanceScenario#planted()}
 */
public record SimulationConfig(
    long seed,
    String organization,
    int repositories,
    int months,
    Instant start,
    int coreTeamSize,
    int truckFactor,
    int filesPerModule,
    double coreActionsPerMonth,
    int newcomersPerMonth,
    int stargazersPerMonth,
    double forkShare,
    double conversionProbability,
    Duration conversionDelayMedian,
    double departureProbability,
    double contributorActionsPerMonth,
    double activityTailExponent,
    double maxActivityWeight,
    Duration firstResponseMedian,
    Duration resolutionMedian,
    double mergeProbability,
    double draftShare,
    double reopenProbability,
    int promotionMergedPullRequests,
    int botPullRequestsPerMonth,
    double botCommentProbability,
    double twoEmailShare,
    double coAuthorShare,
    List<Company> companies,
    List<String> webmailDomains,
    int releaseEveryMonths,
    List<PlantedEvent> events,
    NewcomerWelcome welcome,
    List<GovernanceScenario> governance) {

  /** Events per repository over 24 months with the demo's per-repository parameters (measured). */
  static final double DEMO_EVENTS_PER_REPOSITORY = 12_600;

  /**
   * The demo community's planted events, described by {@code
   * examples/src/main/resources/demo-events.ics}:
   *
   * <ul>
   *   <li><b>DemoConf 2025</b>, a conference on 2025-05-14 and 2025-05-15 (UTC days; end
   *       2025-05-16T00:00:00Z exclusive) with a real effect: for the conference and the 42 days
   *       after it (44 days in all) each repository gets 0.25 extra newcomers a day (11 per
   *       repository, 44 in the community: a level shift of 1 new contributor a day), and the
   *       people who start contributing in those 44 days leave at 0.4 times the usual monthly
   *       rate;
   *   <li><b>Release 0.4.0</b>, the release of 2025-01-01T12:00:00Z (the simulator's release
   *       every three months), as a one-second event without any effect.
   * </ul>
   */
  public static final List<PlantedEvent> DEMO_EVENTS =
      List.of(
          new PlantedEvent(
              new CommunityEvent(
                  "DemoConf 2025",
                  EventKind.CONFERENCE,
                  Instant.parse("2025-05-14T00:00:00Z"),
                  Instant.parse("2025-05-16T00:00:00Z"),
                  Set.of(),
                  Set.of()),
              0.25,
              Duration.ofDays(42),
              0.4),
          PlantedEvent.noEffect(
              new CommunityEvent(
                  "Release 0.4.0",
                  EventKind.RELEASE,
                  Instant.parse("2025-01-01T12:00:00Z"),
                  Instant.parse("2025-01-01T12:00:01Z"),
                  Set.of(),
                  Set.of())));

  /**
   * An employer.
   *
   * @param name the company's name
   * @param domain the e-mail domain of its employees, such as {@code zentrix.example}
   * @param share the probability that a person works there, in {@code [0, 1]}
   */
  public record Company(String name, String domain, double share) {
    /** Checks the components. */
    public Company {
      SimChecks.notBlank(name, "company name");
      SimChecks.notBlank(domain, "company domain");
      SimChecks.probability(share, "share of company " + name);
    }
  }

  /**
   * Checks every parameter.
   *
   * @throws IllegalArgumentException naming the first parameter out of range
   */
  public SimulationConfig {
    SimChecks.notBlank(organization, "organization");
    SimChecks.argument(
        organization.matches("[A-Za-z0-9][A-Za-z0-9-]*"),
        "organization must be a GitHub login (letters, digits, '-') but was '" + organization + "'");
    SimChecks.between(repositories, 1, 100_000, "repositories");
    SimChecks.notNull(welcome, "welcome");
    governance = List.copyOf(SimChecks.notNull(governance, "governance"));
    SimChecks.argument(governance.stream().map(GovernanceScenario::name).distinct().count() == governance.size(),
        "two governance scenarios share a name");
    SimChecks.between(months, 1, 1200, "months");
    SimChecks.notNull(start, "start");
    SimChecks.argument(
        start.getNano() == 0, "start must be a whole second (git's precision) but was " + start);
    SimChecks.argument(
        start.getEpochSecond() >= 0 && start.atOffset(ZoneOffset.UTC).getYear() <= 9000,
        "start must be between 1970 and 9000 but was " + start);
    SimChecks.between(coreTeamSize, 1, 1000, "coreTeamSize");
    SimChecks.between(truckFactor, 1, coreTeamSize / 2 + 1, "truckFactor (with coreTeamSize " + coreTeamSize + ")");
    SimChecks.atLeast(filesPerModule, 2, "filesPerModule");
    SimChecks.positive(coreActionsPerMonth, "coreActionsPerMonth");
    SimChecks.atLeast(newcomersPerMonth, 0, "newcomersPerMonth");
    SimChecks.atLeast(stargazersPerMonth, 0, "stargazersPerMonth");
    SimChecks.probability(forkShare, "forkShare");
    SimChecks.probability(conversionProbability, "conversionProbability");
    SimChecks.positive(conversionDelayMedian, "conversionDelayMedian");
    SimChecks.probability(departureProbability, "departureProbability");
    SimChecks.positive(contributorActionsPerMonth, "contributorActionsPerMonth");
    SimChecks.argument(
        activityTailExponent > 1.0 && Double.isFinite(activityTailExponent),
        "activityTailExponent must be greater than 1 but was " + activityTailExponent);
    SimChecks.argument(
        maxActivityWeight >= 1.0 && Double.isFinite(maxActivityWeight),
        "maxActivityWeight must be at least 1 but was " + maxActivityWeight);
    SimChecks.positive(firstResponseMedian, "firstResponseMedian");
    SimChecks.positive(resolutionMedian, "resolutionMedian");
    SimChecks.probability(mergeProbability, "mergeProbability");
    SimChecks.probability(draftShare, "draftShare");
    SimChecks.probability(reopenProbability, "reopenProbability");
    SimChecks.atLeast(promotionMergedPullRequests, 1, "promotionMergedPullRequests");
    SimChecks.atLeast(botPullRequestsPerMonth, 0, "botPullRequestsPerMonth");
    SimChecks.probability(botCommentProbability, "botCommentProbability");
    SimChecks.probability(twoEmailShare, "twoEmailShare");
    SimChecks.probability(coAuthorShare, "coAuthorShare");
    companies = List.copyOf(SimChecks.notNull(companies, "companies"));
    double total = 0;
    Set<String> domains = new HashSet<>();
    for (Company c : companies) {
      total += c.share();
      SimChecks.argument(
          domains.add(c.domain()), "company domains must be distinct: " + c.domain() + " repeats");
    }
    SimChecks.argument(total <= 1.0 + 1e-9, "company shares must add up to at most 1 but add up to " + total);
    webmailDomains = List.copyOf(SimChecks.notNull(webmailDomains, "webmailDomains"));
    SimChecks.argument(!webmailDomains.isEmpty(), "webmailDomains must not be empty");
    for (String d : webmailDomains) {
      SimChecks.notBlank(d, "webmail domain");
      SimChecks.argument(
          domains.add(d), "webmail domains must differ from each other and from company domains: " + d);
    }
    SimChecks.atLeast(releaseEveryMonths, 1, "releaseEveryMonths");
    events = List.copyOf(SimChecks.notNull(events, "events"));
    checkEvents(events, start, start.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant());
    // Fails here, not in the middle of a run, if the truck factor cannot be designed.
    Modules.fileCounts(coreTeamSize, truckFactor, filesPerModule);
  }

  private static void checkEvents(List<PlantedEvent> events, Instant start, Instant end) {
    for (PlantedEvent e : events) {
      SimChecks.argument(
          !e.effectFrom().isBefore(start) && !e.effectTo().isAfter(end),
          "event " + e.event().name() + " and its effect (" + e.effectFrom() + " to " + e.effectTo()
              + ") must lie within the simulated span (" + start + " to " + end + ")");
    }
    // Two overlapping effects would leave open which departure factor a newcomer gets.
    List<PlantedEvent> effective =
        events.stream().filter(PlantedEvent::hasEffect).sorted(Comparator.comparing(PlantedEvent::effectFrom)).toList();
    for (int i = 1; i < effective.size(); i++) {
      PlantedEvent a = effective.get(i - 1);
      PlantedEvent b = effective.get(i);
      SimChecks.argument(
          !b.effectFrom().isBefore(a.effectTo()),
          "the effect spans of events " + a.event().name() + " and " + b.event().name() + " overlap");
    }
  }

  /**
   * A builder whose defaults are the {@linkplain #demo() demo community}'s parameters, except
   * that it plants no events and no profiled repositories.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** This configuration as a builder, to change some parameters. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * A small community for property tests (quick to simulate, every mechanism present): 2
   * repositories over 8 months, 6 stargazers a month, a conversion probability of 0.3, promotion
   * after 4 merged pull requests and 30 % of people with two e-mail addresses; the rest as {@link
   * #builder()} sets it.
   *
   * @param seed the seed
   * @return the configuration
   */
  public static SimulationConfig small(long seed) {
    return builder()
        .seed(seed)
        .repositories(2)
        .months(8)
        .stargazersPerMonth(6)
        .conversionProbability(0.3)
        .promotionMergedPullRequests(4)
        .twoEmailShare(0.3)
        .build();
  }

  /**
   * The simulated demo community: seed 42, organisation {@code demo-org}, 4 repositories, 24
   * months from 2024-01-01T00:00:00Z, about 650 people and about 50,000 events, and the planted
   * {@link #DEMO_EVENTS}. These are the {@link #builder()} defaults plus the events. See {@link
   * #welcomeDemo()} for the same with a welcoming and an unwelcoming repository.
   */
  public static SimulationConfig demo() {
    return builder().events(DEMO_EVENTS).build();
  }

  /**
   * The {@linkplain #demo() demo} with two more repositories, {@code demo-org/welcoming} and
   * {@code demo-org/unwelcoming} ({@link NewcomerWelcome#demo()}): 6 repositories, 932 people and
   * about 78,000 events. The demo's 4 repositories keep their events (but for the comment and
   * review ids, numbered across the community); its planted events act on them only.
   */
  public static SimulationConfig welcomeDemo() {
    return demo().toBuilder().welcome(NewcomerWelcome.demo()).build();
  }

  /**
   * The {@linkplain #demo() demo} with the three {@linkplain GovernanceScenario#planted() planted
   * governance scenarios} added after its repositories ({@code demo-org/single-vendor}, {@code
   * demo-org/diverse}, {@code demo-org/rfcs-by-one-organization}); the demo's own repositories
   * keep their events.
   */
  public static SimulationConfig governanceDemo() {
    return demo().toBuilder().governance(GovernanceScenario.planted()).build();
  }

  /**
   * The demo's per-repository parameters with as many repositories (or, below one repository's
   * worth, as few months) as give roughly {@code targetEvents} events, within a factor of about
   * 1.5. For benchmarks: {@code 10^7} events (870 repositories) took about 25 s on two cores
   * and retain about 1.3 GB of heap.
   *
   * @param seed the seed
   * @param targetEvents the wanted number of events, at least 100
   */
  public static SimulationConfig ofApproximateSize(long seed, int targetEvents) {
    SimChecks.atLeast(targetEvents, 100, "targetEvents");
    Builder b = builder().seed(seed);
    if (targetEvents >= DEMO_EVENTS_PER_REPOSITORY) {
      return b.repositories((int) Math.round(targetEvents / DEMO_EVENTS_PER_REPOSITORY)).build();
    }
    // Core members and the initial file commits cost a fixed amount, so shrink months linearly
    // but never below one.
    int months = (int) Math.max(1, Math.round(24 * targetEvents / DEMO_EVENTS_PER_REPOSITORY));
    return b.repositories(1).months(months).build();
  }

  /** The simulated span {@code [start, start + months)}, in UTC calendar months. */
  public Window window() {
    return Window.of(start, end());
  }

  /** The first instant after the simulation: {@code start} plus {@code months} calendar months (UTC). */
  public Instant end() {
    return start.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
  }

  /**
   * How many people the process creates, without bots: per repository the core team, the
   * newcomers and the stargazers, and per ordinary repository the planted events' extra
   * newcomers. Converting stargazers are counted once.
   */
  public long plannedPeople() {
    long extra = events.stream().mapToLong(PlantedEvent::extraNewcomersPerRepository).sum();
    long ordinary = coreTeamSize + (long) months * (newcomersPerMonth + stargazersPerMonth);
    return (long) repositories * (ordinary + extra) + (long) welcome.profiles().size() * ordinary;
  }

  /** All repositories: the ordinary ones and then one per {@linkplain #welcome() profile}. */
  public int totalRepositories() {
    return repositories + welcome.profiles().size();
  }

  /**
   * The monthly departure probability of a non-core contributor who starts contributing at
   * {@code join}: {@code min(1, departureProbability * departureFactor)} of the planted event
   * whose effect span covers it, else {@code departureProbability}.
   */
  public double departureProbabilityAt(Instant join) {
    SimChecks.notNull(join, "join");
    for (PlantedEvent e : events) {
      if (e.departureFactor() != 1.0 && e.covers(join)) {
        return Math.min(1.0, departureProbability * e.departureFactor());
      }
    }
    return departureProbability;
  }

  /**
   * The planned probability that a non-core contributor is still active {@code months} months
   * after joining: {@code (1 - departureProbability)^months}.
   */
  public double plannedSurvival(int months) {
    SimChecks.atLeast(months, 0, "months");
    return Math.pow(1.0 - departureProbability, months);
  }

  /** Builds a {@link SimulationConfig}; starts from the demo's parameters. */
  public static final class Builder {
    private long seed = 42;
    private String organization = "demo-org";
    private int repositories = 4;
    private int months = 24;
    private Instant start = Instant.parse("2024-01-01T00:00:00Z");
    private int coreTeamSize = 4;
    private int truckFactor = 2;
    private int filesPerModule = 12;
    private double coreActionsPerMonth = 25;
    private int newcomersPerMonth = 2;
    private int stargazersPerMonth = 4;
    private double forkShare = 0.25;
    private double conversionProbability = 0.15;
    private Duration conversionDelayMedian = Duration.ofDays(30);
    private double departureProbability = 0.12;
    private double contributorActionsPerMonth = 1.5;
    private double activityTailExponent = 1.5;
    private double maxActivityWeight = 40;
    private Duration firstResponseMedian = Duration.ofHours(20);
    private Duration resolutionMedian = Duration.ofDays(4);
    private double mergeProbability = 0.7;
    private double draftShare = 0.1;
    private double reopenProbability = 0.05;
    private int promotionMergedPullRequests = 10;
    private int botPullRequestsPerMonth = 2;
    private double botCommentProbability = 0.3;
    private double twoEmailShare = 0.2;
    private double coAuthorShare = 0.05;
    private List<Company> companies =
        List.of(
            new Company("Zentrix Labs", "zentrix.example", 0.25),
            new Company("Quorvia", "quorvia.example", 0.15),
            new Company("Blentaro Systems", "blentaro.example", 0.10));
    private List<String> webmailDomains = List.of("gmail.com", "outlook.com");
    private int releaseEveryMonths = 3;
    private List<PlantedEvent> events = new ArrayList<>();
    private NewcomerWelcome welcome = NewcomerWelcome.none();
    private List<GovernanceScenario> governance = List.of();

    Builder() {}

    Builder(SimulationConfig c) {
      seed = c.seed;
      organization = c.organization;
      repositories = c.repositories;
      months = c.months;
      start = c.start;
      coreTeamSize = c.coreTeamSize;
      truckFactor = c.truckFactor;
      filesPerModule = c.filesPerModule;
      coreActionsPerMonth = c.coreActionsPerMonth;
      newcomersPerMonth = c.newcomersPerMonth;
      stargazersPerMonth = c.stargazersPerMonth;
      forkShare = c.forkShare;
      conversionProbability = c.conversionProbability;
      conversionDelayMedian = c.conversionDelayMedian;
      departureProbability = c.departureProbability;
      contributorActionsPerMonth = c.contributorActionsPerMonth;
      activityTailExponent = c.activityTailExponent;
      maxActivityWeight = c.maxActivityWeight;
      firstResponseMedian = c.firstResponseMedian;
      resolutionMedian = c.resolutionMedian;
      mergeProbability = c.mergeProbability;
      draftShare = c.draftShare;
      reopenProbability = c.reopenProbability;
      promotionMergedPullRequests = c.promotionMergedPullRequests;
      botPullRequestsPerMonth = c.botPullRequestsPerMonth;
      botCommentProbability = c.botCommentProbability;
      twoEmailShare = c.twoEmailShare;
      coAuthorShare = c.coAuthorShare;
      companies = c.companies;
      webmailDomains = c.webmailDomains;
      releaseEveryMonths = c.releaseEveryMonths;
      events = c.events;
      welcome = c.welcome;
      governance = c.governance;
    }

    /** See {@link SimulationConfig#seed()}; default 42. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** See {@link SimulationConfig#organization()}; default {@code demo-org}. */
    public Builder organization(String value) {
      organization = value;
      return this;
    }

    /** See {@link SimulationConfig#repositories()}; default 4. */
    public Builder repositories(int value) {
      repositories = value;
      return this;
    }

    /** See {@link SimulationConfig#months()}; default 24. */
    public Builder months(int value) {
      months = value;
      return this;
    }

    /** See {@link SimulationConfig#start()}; default 2024-01-01T00:00:00Z. */
    public Builder start(Instant value) {
      start = value;
      return this;
    }

    /** See {@link SimulationConfig#coreTeamSize()}; default 4. */
    public Builder coreTeamSize(int value) {
      coreTeamSize = value;
      return this;
    }

    /** See {@link SimulationConfig#truckFactor()}; default 2. */
    public Builder truckFactor(int value) {
      truckFactor = value;
      return this;
    }

    /** See {@link SimulationConfig#filesPerModule()}; default 12. */
    public Builder filesPerModule(int value) {
      filesPerModule = value;
      return this;
    }

    /** See {@link SimulationConfig#coreActionsPerMonth()}; default 25. */
    public Builder coreActionsPerMonth(double value) {
      coreActionsPerMonth = value;
      return this;
    }

    /** See {@link SimulationConfig#newcomersPerMonth()}; default 2. */
    public Builder newcomersPerMonth(int value) {
      newcomersPerMonth = value;
      return this;
    }

    /** See {@link SimulationConfig#stargazersPerMonth()}; default 4. */
    public Builder stargazersPerMonth(int value) {
      stargazersPerMonth = value;
      return this;
    }

    /** See {@link SimulationConfig#forkShare()}; default 0.25. */
    public Builder forkShare(double value) {
      forkShare = value;
      return this;
    }

    /** See {@link SimulationConfig#conversionProbability()}; default 0.15. */
    public Builder conversionProbability(double value) {
      conversionProbability = value;
      return this;
    }

    /** See {@link SimulationConfig#conversionDelayMedian()}; default 30 days. */
    public Builder conversionDelayMedian(Duration value) {
      conversionDelayMedian = value;
      return this;
    }

    /** See {@link SimulationConfig#departureProbability()}; default 0.12 per month. */
    public Builder departureProbability(double value) {
      departureProbability = value;
      return this;
    }

    /** See {@link SimulationConfig#contributorActionsPerMonth()}; default 1.5. */
    public Builder contributorActionsPerMonth(double value) {
      contributorActionsPerMonth = value;
      return this;
    }

    /** See {@link SimulationConfig#activityTailExponent()}; default 1.5. */
    public Builder activityTailExponent(double value) {
      activityTailExponent = value;
      return this;
    }

    /** See {@link SimulationConfig#maxActivityWeight()}; default 40. */
    public Builder maxActivityWeight(double value) {
      maxActivityWeight = value;
      return this;
    }

    /** See {@link SimulationConfig#firstResponseMedian()}; default 20 hours. */
    public Builder firstResponseMedian(Duration value) {
      firstResponseMedian = value;
      return this;
    }

    /** See {@link SimulationConfig#resolutionMedian()}; default 4 days. */
    public Builder resolutionMedian(Duration value) {
      resolutionMedian = value;
      return this;
    }

    /** See {@link SimulationConfig#mergeProbability()}; default 0.7. */
    public Builder mergeProbability(double value) {
      mergeProbability = value;
      return this;
    }

    /** See {@link SimulationConfig#draftShare()}; default 0.1. */
    public Builder draftShare(double value) {
      draftShare = value;
      return this;
    }

    /** See {@link SimulationConfig#reopenProbability()}; default 0.05. */
    public Builder reopenProbability(double value) {
      reopenProbability = value;
      return this;
    }

    /** See {@link SimulationConfig#promotionMergedPullRequests()}; default 10. */
    public Builder promotionMergedPullRequests(int value) {
      promotionMergedPullRequests = value;
      return this;
    }

    /** See {@link SimulationConfig#botPullRequestsPerMonth()}; default 2. */
    public Builder botPullRequestsPerMonth(int value) {
      botPullRequestsPerMonth = value;
      return this;
    }

    /** See {@link SimulationConfig#botCommentProbability()}; default 0.3. */
    public Builder botCommentProbability(double value) {
      botCommentProbability = value;
      return this;
    }

    /** See {@link SimulationConfig#twoEmailShare()}; default 0.2. */
    public Builder twoEmailShare(double value) {
      twoEmailShare = value;
      return this;
    }

    /** See {@link SimulationConfig#coAuthorShare()}; default 0.05. */
    public Builder coAuthorShare(double value) {
      coAuthorShare = value;
      return this;
    }

    /**
     * See {@link SimulationConfig#companies()}; default Zentrix Labs 25 %, Quorvia 15 %, Blentaro
     * Systems 10 % (domains under {@code .example}).
     */
    public Builder companies(List<Company> value) {
      companies = new ArrayList<>(SimChecks.notNull(value, "companies"));
      return this;
    }

    /** See {@link SimulationConfig#webmailDomains()}; default gmail.com and outlook.com. */
    public Builder webmailDomains(List<String> value) {
      webmailDomains = new ArrayList<>(SimChecks.notNull(value, "webmailDomains"));
      return this;
    }

    /** See {@link SimulationConfig#releaseEveryMonths()}; default 3. */
    public Builder releaseEveryMonths(int value) {
      releaseEveryMonths = value;
      return this;
    }

    /** See {@link SimulationConfig#events()}; default none (the demo's are {@link #DEMO_EVENTS}). */
    public Builder events(List<PlantedEvent> value) {
      events = new ArrayList<>(SimChecks.notNull(value, "events"));
      return this;
    }

    /** See {@link SimulationConfig#governance()}; default none. */
    public Builder governance(List<GovernanceScenario> value) {
      governance = List.copyOf(SimChecks.notNull(value, "governance"));
      return this;
    }

    /** See {@link SimulationConfig#welcome()}; default {@link NewcomerWelcome#none()}. */
    public Builder welcome(NewcomerWelcome value) {
      welcome = SimChecks.notNull(value, "welcome");
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException naming the first parameter out of range
     */
    public SimulationConfig build() {
      return new SimulationConfig(
          seed, organization, repositories, months, start, coreTeamSize, truckFactor,
          filesPerModule, coreActionsPerMonth, newcomersPerMonth, stargazersPerMonth, forkShare,
          conversionProbability, conversionDelayMedian, departureProbability,
          contributorActionsPerMonth, activityTailExponent, maxActivityWeight,
          firstResponseMedian, resolutionMedian, mergeProbability, draftShare, reopenProbability,
          promotionMergedPullRequests, botPullRequestsPerMonth, botCommentProbability,
          twoEmailShare, coAuthorShare, companies, webmailDomains, releaseEveryMonths, events,
          welcome,
          governance);
    }
  }
}
