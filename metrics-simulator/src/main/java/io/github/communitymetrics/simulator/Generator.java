package io.github.communitymetrics.simulator;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.ChangeStatus;
import io.github.communitymetrics.core.event.CoAuthor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.FileChange;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.PullRequestReopened;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.simulator.PlantedTruth.BotTruth;
import io.github.communitymetrics.simulator.PlantedTruth.ClaimKind;
import io.github.communitymetrics.simulator.PlantedTruth.MaintainerTruth;
import io.github.communitymetrics.simulator.PlantedTruth.ModuleTruth;
import io.github.communitymetrics.simulator.PlantedTruth.PersonTruth;
import io.github.communitymetrics.simulator.PlantedTruth.RepositoryTruth;
import io.github.communitymetrics.simulator.PlantedTruth.Role;
import io.github.communitymetrics.simulator.PlantedTruth.StargazerTruth;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/** One simulation run; see {@link CommunitySimulator} for the process. Not thread-safe. */
final class Generator {
  /** The mean Gregorian month, to turn monthly rates into rates per second. */
  private static final double MONTH_SECONDS = 365.2425 * 86_400 / 12;

  private static final long DAY = 86_400;
  private static final int INDEX_BITS = 27;
  private static final int TYPE_BITS = 5;
  private static final int MAX_EVENTS = 1 << INDEX_BITS;
  private static final long NEVER = Long.MAX_VALUE;
  private static final String MAIN = "refs/heads/main";
  private static final String GOOD_FIRST_ISSUE = "good first issue";
  private static final Optional<String> MAIN_BRANCH = Optional.of("main");
  private static final AuthorAssociation[] ASSOCIATIONS = AuthorAssociation.values();
  private static final List<Optional<AuthorAssociation>> ASSOCIATION_OPTIONALS =
      Arrays.stream(ASSOCIATIONS).map(Optional::of).toList();
  private static final OptionalInt[] SMALL_INTS = new OptionalInt[64];

  static {
    for (int i = 0; i < SMALL_INTS.length; i++) {
      SMALL_INTS[i] = OptionalInt.of(i);
    }
  }

  private final SimulationConfig cfg;
  private final long startS;
  private final long endS;
  private final long setupEndS;
  private final long[] monthStart;
  private final Names names = new Names();
  private final List<Person> people = new ArrayList<>();
  private final List<StargazerTruth> stargazers = new ArrayList<>();
  private final List<MaintainerTruth> maintainers = new ArrayList<>();
  private final List<RepositoryTruth> repoTruths = new ArrayList<>();
  private final Actor organizationActor;
  private final Person dependabot;
  private final Person actionsBot;
  private final Person triageBot;
  private final int[] moduleFiles;
  /** Per planted event, the logins of its extra newcomers in all repositories. */
  private final List<List<String>> eventNewcomers = new ArrayList<>();
  private final NewcomerWelcome welcome;
  private final List<WelcomeProfile> profiles;
  private List<PlantedTruth.GovernanceTruth> governanceTruths = List.of();
  private final List<PlantedTruth.ProfiledRepository> profiledTruths = new ArrayList<>();
  private final List<PlantedTruth.NewcomerTruth> newcomerTruths = new ArrayList<>();
  private final List<PlantedTruth.GoodFirstIssueTruth> goodFirstIssueTruths = new ArrayList<>();

  Generator(SimulationConfig cfg) {
    this.cfg = cfg;
    this.welcome = cfg.welcome();
    this.profiles = welcome.profiles();
    this.startS = cfg.start().getEpochSecond();
    this.endS = cfg.end().getEpochSecond();
    this.setupEndS = Math.min(endS, startS + DAY);
    this.monthStart = new long[cfg.months() + 1];
    for (int m = 0; m <= cfg.months(); m++) {
      monthStart[m] = plusMonths(startS, m);
    }
    this.moduleFiles =
        Modules.fileCounts(cfg.coreTeamSize(), cfg.truckFactor(), cfg.filesPerModule());
    for (int i = 0; i < cfg.events().size(); i++) {
      eventNewcomers.add(new ArrayList<>());
    }
    names.reserveLogin(cfg.organization());
    organizationActor =
        new Actor(
            Forge.GITHUB,
            Optional.of(cfg.organization()),
            OptionalLong.of(70_000_000L),
            Optional.of(cfg.organization()),
            List.of(),
            ActorKind.ORGANIZATION);
    dependabot = bot("dependabot[bot]", 49_699_333L, ActorKind.BOT);
    actionsBot = bot("github-actions[bot]", 41_898_282L, ActorKind.BOT);
    triageBot = bot("triage-helper[bot]", 90_000_001L, ActorKind.USER);
  }

  private Person bot(String login, long id, ActorKind kind) {
    names.reserveLogin(login);
    Actor github =
        new Actor(
            Forge.GITHUB, Optional.of(login), OptionalLong.of(id), Optional.empty(), List.of(), kind);
    String email = id + "+" + login + "@users.noreply.github.com";
    Actor commitActor =
        new Actor(
            Forge.GITHUB,
            Optional.of(login),
            OptionalLong.of(id),
            Optional.empty(),
            List.of(email),
            kind);
    Person p =
        new Person(login, id, login, null, -1, List.of(email), new Actor[] {commitActor}, github);
    p.bot = true;
    return p;
  }

  SimulatedCommunity run() {
    SplittableRandom master = new SplittableRandom(cfg.seed());
    SplittableRandom nameRng = master.split();
    List<Repository> repos = new ArrayList<>();
    List<String> repoNames = new ArrayList<>();
    for (int r = 0; r < cfg.repositories(); r++) {
      repoNames.add(names.unique(nameRng, Names.word(nameRng, 2, 2)));
    }
    for (WelcomeProfile p : profiles) {
      SimChecks.argument(!repoNames.contains(p.name()), "a profile is named like a repository: " + p.name());
      repoNames.add(p.name());
    }
    for (int r = 0; r < repoNames.size(); r++) {
      repos.add(
          new Repository(
              Forge.GITHUB, cfg.organization() + "/" + repoNames.get(r), OptionalLong.of(600_000_000L + r)));
    }
    List<Event> all = new ArrayList<>();
    for (int r = 0; r < repos.size(); r++) {
      // One split per repository: each repository's draws are independent of the others'. The
      // profiled repositories come last, so the ordinary ones draw as they would without them.
      WelcomeProfile profile = r < cfg.repositories() ? null : profiles.get(r - cfg.repositories());
      new RepoSim(r, repos.get(r), master.split(), all, profile).run();
      SimChecks.argument(
          all.size() <= MAX_EVENTS,
          "the configuration produces more than " + MAX_EVENTS + " events; use a smaller one");
    }
    // The governance scenarios come after everything else, so the other repositories draw as
    // they would without them; no scenario, no draw.
    governanceTruths = new ArrayList<>();
    for (int g = 0; g < cfg.governance().size(); g++) {
      GovernanceScenario s = cfg.governance().get(g);
      SimChecks.argument(!repoNames.contains(s.name()), "a governance scenario is named like a repository: " + s.name());
      repoNames.add(s.name());
      Repository repo = new Repository(
          Forge.GITHUB, cfg.organization() + "/" + s.name(), OptionalLong.of(600_000_000L + repoNames.size() - 1));
      governanceTruths.add(GovernanceScenarios.generate(s, repo, g, cfg.start(), cfg.end(), master.split(), all));
      SimChecks.argument(
          all.size() <= MAX_EVENTS,
          "the configuration produces more than " + MAX_EVENTS + " events; use a smaller one");
    }
    List<Event> sorted = sort(all);
    all = null;
    return new SimulatedCommunity(cfg, sorted, truth());
  }

  /**
   * Sorts by time, type, then generation index, and numbers the comments and reviews. Repositories
   * are generated one after the other, so the index orders equal (time, type) pairs by repository
   * and then by generation order.
   */
  private List<Event> sort(List<Event> all) {
    int n = all.size();
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      Event e = all.get(i);
      long rel = e.at().getEpochSecond() - startS;
      // 32 bits of seconds (1200 months are under 2^32 s), 5 of type, 27 of index: all 64 bits,
      // so the keys are compared unsigned (the sign bit flipped for the signed sort).
      keys[i] = ((rel << (INDEX_BITS + TYPE_BITS)) | ((long) e.type().ordinal() << INDEX_BITS) | i) ^ Long.MIN_VALUE;
    }
    Arrays.sort(keys);
    Event[] out = new Event[n];
    long mask = MAX_EVENTS - 1;
    long commentIds = 0;
    long reviewIds = 0;
    for (int i = 0; i < n; i++) {
      Event e = all.get((int) ((keys[i] ^ Long.MIN_VALUE) & mask));
      // Forge ids, counted in time order as a forge hands them out: one sequence for comments of
      // either kind, one for reviews. Without them, line comments submitted with one review (same
      // second, person, pull request) would be equal values and a store would keep one.
      switch (e.type()) {
        case ISSUE_COMMENT:
          IssueComment c = (IssueComment) e;
          e =
              new IssueComment(
                  c.at(), c.repo(), c.actor(), c.number(), c.onPullRequest(), c.association(),
                  OptionalLong.of(++commentIds));
          break;
        case REVIEW_COMMENT:
          ReviewComment rc = (ReviewComment) e;
          e =
              new ReviewComment(
                  rc.at(), rc.repo(), rc.actor(), rc.number(), rc.association(),
                  OptionalLong.of(++commentIds));
          break;
        case REVIEW:
          Review r = (Review) e;
          e =
              new Review(
                  r.at(), r.repo(), r.actor(), r.number(), r.state(), r.pullRequestAuthor(),
                  r.association(), OptionalLong.of(++reviewIds));
          break;
        default:
          break;
      }
      out[i] = e;
    }
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  private PlantedTruth truth() {
    List<PersonTruth> persons = new ArrayList<>(people.size());
    for (Person p : people) {
      List<Actor> actors = new ArrayList<>();
      actors.add(p.github);
      actors.addAll(Arrays.asList(p.commitActors));
      boolean joined = p.joined != NEVER;
      persons.add(
          new PersonTruth(
              p.login,
              p.id,
              p.name,
              p.role,
              repoTruths.get(p.repo).repository(),
              p.emails,
              actors,
              p.company,
              joined ? Optional.of(Instant.ofEpochSecond(p.joined)) : Optional.empty(),
              joined && p.departed < endS
                  ? Optional.of(Instant.ofEpochSecond(p.departed))
                  : Optional.empty(),
              p.weight));
    }
    List<BotTruth> bots =
        List.of(
            new BotTruth(dependabot.github, ActorKind.BOT, "opens dependency-bump pull requests"),
            new BotTruth(actionsBot.github, ActorKind.BOT, "comments on new pull requests"),
            new BotTruth(triageBot.github, ActorKind.USER, "comments on new issues"));
    return new PlantedTruth(
        repoTruths,
        persons,
        stargazers,
        maintainers,
        bots,
        cfg.conversionProbability(),
        cfg.conversionDelayMedian(),
        cfg.newcomersPerMonth(),
        cfg.stargazersPerMonth(),
        cfg.departureProbability(),
        cfg.firstResponseMedian(),
        eventTruths(),
        new PlantedTruth.WelcomeTruth(
            profiledTruths, welcome.quickResponse(), welcome.returnIfQuick(), welcome.returnIfSlow(), newcomerTruths,
            welcome.claims(), goodFirstIssueTruths),
        governanceTruths);
  }

  private List<PlantedTruth.EventTruth> eventTruths() {
    List<PlantedTruth.EventTruth> out = new ArrayList<>();
    for (int i = 0; i < cfg.events().size(); i++) {
      PlantedEvent e = cfg.events().get(i);
      List<String> extra = eventNewcomers.get(i);
      out.add(
          new PlantedTruth.EventTruth(
              e.event(),
              e.effectFrom(),
              e.effectTo(),
              extra,
              extra.isEmpty() ? 0 : extra.size() / e.effectDays(),
              Math.min(1.0, cfg.departureProbability() * e.departureFactor()),
              cfg.departureProbability()));
    }
    return out;
  }

  static long plusMonths(long epochSecond, long months) {
    return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC)
        .plusMonths(months)
        .toEpochSecond(ZoneOffset.UTC);
  }

  /** An exponential delay in whole seconds, at least one, with the given median. */
  static long exponential(SplittableRandom rng, long medianSeconds) {
    double mean = medianSeconds / Math.log(2);
    return Math.max(1, (long) (-Math.log(1.0 - rng.nextDouble()) * mean));
  }

  /** A person, or a bot playing one. */
  static final class Person {
    final String login;
    final long id;
    final String name;
    final Role role;
    final int repo;
    final List<String> emails;
    final Actor[] commitActors;
    final Actor github;
    final Optional<Actor> githubOptional;
    Optional<String> company = Optional.empty();
    boolean bot;
    boolean core;
    int module = -1;
    double weight = 1;
    long joined = NEVER;
    long departed = NEVER;
    long firstMerge = NEVER;
    long promotedAt = NEVER;
    long[] merges = new long[0];
    int mergeCount;
    /** In a profiled repository: the mentor, if any. */
    Person mentor;
    /** In a profiled repository: how many of this person's threads the mentor answered. */
    int mentorAnswers;

    Person(
        String login,
        long id,
        String name,
        Role role,
        int repo,
        List<String> emails,
        Actor[] commitActors,
        Actor github) {
      this.login = login;
      this.id = id;
      this.name = name;
      this.role = role;
      this.repo = repo;
      this.emails = emails;
      this.commitActors = commitActors;
      this.github = github;
      this.githubOptional = Optional.of(github);
    }

    boolean activeAt(long t) {
      return !bot && t < departed;
    }

    void addMerge(long t) {
      if (mergeCount == merges.length) {
        merges = Arrays.copyOf(merges, Math.max(4, 2 * mergeCount));
      }
      merges[mergeCount++] = t;
      firstMerge = Math.min(firstMerge, t);
    }
  }

  private enum Kind {
    COMMENT,
    REVIEW,
    REVIEW_COMMENT,
    CLOSE,
    REOPEN,
    LABEL,
    UNLABEL
  }

  /** Something that happens on a thread; {@code label} only for label changes. */
  private record Item(long t, Kind kind, Person actor, ReviewState state, String label) {
    Item(long t, Kind kind, Person actor, ReviewState state) {
      this(t, kind, actor, state, null);
    }
  }

  /** An issue or pull request and everything that happens on it. */
  private static final class Thread {
    final boolean pr;
    final Person author;
    final long open;
    final int seq;
    final boolean draft;
    final List<Item> items = new ArrayList<>(6);
    long firstResponse = NEVER;
    long firstClose = NEVER;
    Person merger;
    long mergeAt = NEVER;
    int number;
    /** Labels at opening (profiled repositories only). */
    List<String> openLabels = List.of();
    boolean goodFirstIssue;
    /** When it got the label {@code good first issue} (good first issues only). */
    long labelledAt = NEVER;
    /** A good first issue's planted claim, with planted claims only. */
    ClaimPlan claim;
    /** A pull request's issue named by its closing references (planted claims only). */
    Thread closesIssue;
    /** An issue's planted assignment: when, by whom, to whom ({@code NEVER}: none). */
    long assignedAt = NEVER;
    Person assigner;
    Person assignee;
    /**
     * In a profiled repository, a thread of someone outside the core team: others' comments and
     * reviews stay away from it, so that its answers by maintainers are the planted ones.
     */
    boolean guarded;
    /** The core member who answered first, if any (profiled repositories). */
    Person responder;
    String head;
    int commits;
    String mergeSha;

    Thread(boolean pr, Person author, long open, int seq, boolean draft) {
      this.pr = pr;
      this.author = author;
      this.open = open;
      this.seq = seq;
      this.draft = draft;
    }
  }

  private enum CommitKind {
    INITIAL,
    DIRECT,
    PULL_REQUEST,
    MERGE,
    RELEASE
  }

  private record Intent(
      long t, int seq, CommitKind kind, Person author, Thread thread, List<FileChange> files) {}

  private record Participation(long t, Person person, boolean review) {}

  /** The planted fate of a good first issue (see {@link GoodFirstIssueClaims}). */
  private static final class ClaimPlan {
    ClaimKind kind = ClaimKind.UNCLAIMED;
    /** The drawn delay from labelling to claim, seconds; 0 when unclaimed. */
    long delay;
    long claimAt = NEVER;
    Person claimant;
    Thread pullRequest;
    long closedAt = NEVER;
  }

  /** A newcomer of a profiled repository: their first issue, the draw of their return, their PR. */
  private static final class Arrival {
    final Person person;
    final Thread first;
    final boolean quick;
    final double returnProbability;
    final boolean returned;
    Thread second;

    Arrival(Person person, Thread first, boolean quick, double returnProbability, boolean returned) {
      this.person = person;
      this.first = first;
      this.quick = quick;
      this.returnProbability = returnProbability;
      this.returned = returned;
    }
  }

  /** The simulation of one repository. */
  private final class RepoSim {
    private final int index;
    private final Repository repo;
    private final SplittableRandom rng;
    private final List<Event> out;
    private final List<Person> core = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Participation> participations = new ArrayList<>();
    private final List<Intent> intents = new ArrayList<>();
    private final List<Person> contributors = new ArrayList<>();
    private final List<String> moduleDirs = new ArrayList<>();
    private final List<List<String>> liveFiles = new ArrayList<>();
    private int fileCounter;
    private int seq;
    private long commitSeq;
    /** The planted newcomer experience; null for an ordinary repository. */
    private final WelcomeProfile profile;
    /** A profiled repository's newcomers, in arrival order. */
    private final List<Arrival> arrivals = new ArrayList<>();

    RepoSim(int index, Repository repo, SplittableRandom rng, List<Event> out, WelcomeProfile profile) {
      this.index = index;
      this.repo = repo;
      this.rng = rng;
      this.out = out;
      this.profile = profile;
    }

    void run() {
      setUpCore();
      for (Person c : core) {
        actions(c, setupEndS, endS, cfg.coreActionsPerMonth(), true);
      }
      arrivals();
      for (int m = 0; m < cfg.months(); m++) {
        for (int k = 0; k < cfg.botPullRequestsPerMonth(); k++) {
          openThread(true, dependabot, uniformInMonth(m));
        }
      }
      resolveParticipations();
      if (profile != null) {
        assignResponders();
      }
      promote();
      commits();
      materialiseThreads();
      if (profile != null) {
        profiledTruth();
      }
    }

    /** The planted truth of a profiled repository, once its threads have numbers. */
    private void profiledTruth() {
      List<Integer> goodFirst = new ArrayList<>();
      for (Thread th : threads) {
        if (th.goodFirstIssue) {
          goodFirst.add(th.number);
        }
      }
      Collections.sort(goodFirst);
      profiledTruths.add(new PlantedTruth.ProfiledRepository(repo, profile, goodFirst));
      List<Thread> claimed = new ArrayList<>();
      for (Thread th : threads) {
        if (th.claim != null) {
          claimed.add(th);
        }
      }
      claimed.sort(Comparator.comparingInt(t -> t.number));
      for (Thread th : claimed) {
        ClaimPlan c = th.claim;
        boolean claimedBeforeEnd = c.claimAt != NEVER;
        goodFirstIssueTruths.add(
            new PlantedTruth.GoodFirstIssueTruth(
                repo, th.number, Instant.ofEpochSecond(th.labelledAt), c.kind,
                c.kind == ClaimKind.UNCLAIMED ? Optional.empty() : Optional.of(Duration.ofSeconds(c.delay)),
                claimedBeforeEnd ? Optional.of(Instant.ofEpochSecond(c.claimAt)) : Optional.empty(),
                claimedBeforeEnd ? Optional.of(c.claimant.login) : Optional.empty(),
                claimedBeforeEnd ? Optional.of(Instant.ofEpochSecond(c.claimant.joined)) : Optional.empty(),
                c.pullRequest == null ? Optional.empty() : Optional.of(c.pullRequest.number),
                c.closedAt == NEVER ? Optional.empty() : Optional.of(Instant.ofEpochSecond(c.closedAt)),
                c.closedAt != NEVER && !c.pullRequest.author.core));
      }
      for (Arrival a : arrivals) {
        Person p = a.person;
        Optional<Duration> response =
            a.first.firstResponse == NEVER
                ? Optional.empty()
                : Optional.of(Duration.ofSeconds(a.first.firstResponse - a.first.open));
        newcomerTruths.add(
            new PlantedTruth.NewcomerTruth(
                p.login, repo, Instant.ofEpochSecond(a.first.open), a.first.number, response, a.quick,
                a.returnProbability, a.returned,
                a.second == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(a.second.open)),
                p.mentor == null ? Optional.empty() : Optional.of(p.mentor.login),
                p.mentorAnswers));
      }
    }

    private long uniformInMonth(int m) {
      long from = Math.max(monthStart[m], setupEndS);
      long to = monthStart[m + 1];
      return from < to ? rng.nextLong(from, to) : from;
    }

    private Person newPerson(Role role) {
      String first = Names.word(rng, 2, 2);
      String last = Names.word(rng, 2, 3);
      String login = names.login(rng, first, last);
      long id = 1_000_000L + 17L * people.size() + rng.nextInt(17);
      String name = Names.capitalized(first) + " " + Names.capitalized(last);
      Optional<String> company = Optional.empty();
      String primary = null;
      double u = rng.nextDouble();
      for (SimulationConfig.Company c : cfg.companies()) {
        if (u < c.share()) {
          company = Optional.of(c.name());
          primary = names.email(rng, first + "." + last, c.domain());
          break;
        }
        u -= c.share();
      }
      if (primary == null) {
        String webmail = cfg.webmailDomains().get(rng.nextInt(cfg.webmailDomains().size()));
        primary = names.email(rng, login, webmail);
      }
      Actor github =
          new Actor(
              Forge.GITHUB,
              Optional.of(login),
              OptionalLong.of(id),
              Optional.of(name),
              List.of(),
              ActorKind.USER);
      List<String> emails;
      Actor[] commitActors;
      Actor linkedPrimary = linked(login, id, name, primary);
      if (rng.nextDouble() < cfg.twoEmailShare()) {
        if (company.isPresent()) {
          String webmail = cfg.webmailDomains().get(rng.nextInt(cfg.webmailDomains().size()));
          String personal = names.email(rng, first + "." + last, webmail);
          emails = List.of(primary, personal);
          commitActors = new Actor[] {linkedPrimary, Actor.git(name, personal)};
        } else {
          String noreply = id + "+" + login + "@users.noreply.github.com";
          emails = List.of(primary, noreply);
          commitActors = new Actor[] {linkedPrimary, linked(login, id, name, noreply)};
        }
      } else {
        emails = List.of(primary);
        commitActors = new Actor[] {linkedPrimary};
      }
      Person p = new Person(login, id, name, role, index, emails, commitActors, github);
      p.company = company;
      people.add(p);
      return p;
    }

    private Actor linked(String login, long id, String name, String email) {
      return new Actor(
          Forge.GITHUB,
          Optional.of(login),
          OptionalLong.of(id),
          Optional.of(name),
          List.of(email),
          ActorKind.USER);
    }

    private void setUpCore() {
      List<String> coreLogins = new ArrayList<>();
      List<ModuleTruth> modules = new ArrayList<>();
      int c = cfg.coreTeamSize();
      for (int i = 0; i < c; i++) {
        Person p = newPerson(Role.CORE);
        p.core = true;
        p.module = i;
        p.joined = startS;
        core.add(p);
        coreLogins.add(p.login);
        Permission permission = i == 0 ? Permission.ADMIN : Permission.MAINTAIN;
        long at = startS + i;
        out.add(new MemberAdded(Instant.ofEpochSecond(at), repo, organizationActor, p.github, permission));
        maintainers.add(
            new MaintainerTruth(p.login, repo, Instant.ofEpochSecond(at), permission, true));
        String dir;
        do {
          dir = Names.word(rng, 2, 2);
        } while (moduleDirs.contains(dir));
        moduleDirs.add(dir);
        modules.add(new ModuleTruth(dir, p.login, moduleFiles[i]));
        List<String> files = new ArrayList<>();
        files.add(dir + "/pom.xml");
        while (files.size() < moduleFiles[i]) {
          files.add(newPath(dir));
        }
        liveFiles.add(files);
        // The initial import of each module, in chunks, spread over the first day after an hour.
        long at0 = startS + 3600 + i * ((setupEndS - startS - 3600) / c);
        int chunk = 0;
        for (int from = 0; from < files.size(); from += 25, chunk++) {
          List<FileChange> changes = new ArrayList<>();
          for (String f : files.subList(from, Math.min(files.size(), from + 25))) {
            changes.add(change(ChangeStatus.ADDED, f, 20 + rng.nextInt(200), 0));
          }
          intents.add(new Intent(at0 + chunk, seq++, CommitKind.INITIAL, p, null, changes));
        }
      }
      repoTruths.add(new RepositoryTruth(repo, coreLogins, cfg.truckFactor(), modules));
      for (int m = cfg.releaseEveryMonths(); m < cfg.months(); m += cfg.releaseEveryMonths()) {
        intents.add(
            new Intent(monthStart[m] + 12 * 3600, seq++, CommitKind.RELEASE, core.get(0), null, List.of()));
      }
    }

    private String newPath(String dir) {
      return dir + "/src/main/java/" + Names.capitalized(Names.word(rng, 1, 2)) + (fileCounter++) + ".java";
    }

    private FileChange change(ChangeStatus status, String path, int added, int removed) {
      return new FileChange(status, path, Optional.empty(), smallInt(added), smallInt(removed));
    }

    private OptionalInt smallInt(int n) {
      return n < SMALL_INTS.length ? SMALL_INTS[n] : OptionalInt.of(n);
    }

    private void arrivals() {
      for (int m = 0; m < cfg.months(); m++) {
        for (int k = 0; k < cfg.newcomersPerMonth(); k++) {
          Person p = newPerson(Role.NEWCOMER);
          startContributing(p, uniformInMonth(m));
        }
      }
      for (int m = 0; m < cfg.months(); m++) {
        for (int k = 0; k < cfg.stargazersPerMonth(); k++) {
          Person p = newPerson(Role.STARGAZER);
          long at = uniformInMonth(m);
          Instant when = Instant.ofEpochSecond(at);
          EventType via;
          if (rng.nextDouble() < cfg.forkShare()) {
            via = EventType.FORK;
            String forkName = p.login + "/" + repo.fullName().substring(repo.fullName().indexOf('/') + 1);
            out.add(new Fork(when, repo, p.github, Optional.of(forkName)));
          } else {
            via = EventType.STAR;
            out.add(new Star(when, repo, p.github));
          }
          boolean converts = rng.nextDouble() < cfg.conversionProbability();
          Optional<Instant> first = Optional.empty();
          if (converts) {
            long join = at + exponential(rng, cfg.conversionDelayMedian().getSeconds());
            if (join < endS) {
              first = Optional.of(Instant.ofEpochSecond(join));
              startContributing(p, join);
            }
          }
          stargazers.add(new StargazerTruth(p.login, repo, via, when, converts, first));
        }
      }
      // Drawn after everything else, so that events without a level shift leave the run as it is.
      // Planted community events act on the ordinary repositories only.
      for (int i = 0; i < cfg.events().size() && profile == null; i++) {
        PlantedEvent e = cfg.events().get(i);
        long from = Math.max(e.effectFrom().getEpochSecond(), setupEndS);
        long to = e.effectTo().getEpochSecond();
        for (int k = 0; k < e.extraNewcomersPerRepository() && from < to; k++) {
          Person p = newPerson(Role.NEWCOMER);
          startContributing(p, rng.nextLong(from, to));
          eventNewcomers.get(i).add(p.login);
        }
      }
    }

    private void startContributing(Person p, long join) {
      if (profile != null) {
        startProfiled(p, join);
        return;
      }
      p.joined = join;
      double p0 = cfg.departureProbabilityAt(Instant.ofEpochSecond(join));
      if (p0 > 0) {
        p.departed = plusMonths(join, lifetimeMonths(p0));
      }
      drawWeight(p);
      contributors.add(p);
      // The first contribution, at exactly the join instant, is an issue or a comment.
      if (rng.nextBoolean()) {
        openThread(false, p, join);
      } else {
        participations.add(new Participation(join, p, false));
      }
      actions(p, join, Math.min(endS, p.departed), cfg.contributorActionsPerMonth() * p.weight, false);
    }

    /**
     * A newcomer of a profiled repository (see {@link NewcomerWelcome}): a mentor or not, a first
     * issue, a return drawn from how quickly it was answered, then an ordinary contributor's life.
     */
    private void startProfiled(Person p, long join) {
      p.joined = join;
      drawWeight(p);
      contributors.add(p);
      if (rng.nextDouble() < profile.mentoredShare()) {
        p.mentor = core.get(rng.nextInt(core.size()));
      }
      Thread first = openThread(false, p, join);
      long quickS = welcome.quickResponse().getSeconds();
      boolean quick = first.firstResponse != NEVER && first.firstResponse - join <= quickS;
      double returnProbability = quick ? welcome.returnIfQuick() : welcome.returnIfSlow();
      boolean returned = rng.nextDouble() < returnProbability;
      Arrival arrival = new Arrival(p, first, quick, returnProbability, returned);
      arrivals.add(arrival);
      // Their last word on their own issue (a reply or a reopening), if any.
      long last = join;
      for (Item it : first.items) {
        if (it.actor == p) {
          last = Math.max(last, it.t);
        }
      }
      if (!returned) {
        p.departed = last + 1;
        return;
      }
      long second = join + rng.nextLong(quickS, welcome.returnWithin().getSeconds());
      double p0 = Math.min(1.0, cfg.departureProbability() * (p.mentor != null ? welcome.mentoredDepartureFactor() : 1.0));
      p.departed = p0 > 0 ? Math.max(last + 1, plusMonths(second, lifetimeMonths(p0))) : NEVER;
      if (second >= endS) {
        return;
      }
      arrival.second = openThread(true, p, second);
      actions(p, second, Math.min(endS, p.departed), cfg.contributorActionsPerMonth() * p.weight, false);
    }

    /** A geometric lifetime in months, at least 1, for a monthly departure probability in (0, 1]. */
    private long lifetimeMonths(double p0) {
      if (p0 >= 1) {
        return 1;
      }
      double l = Math.floor(Math.log(1.0 - rng.nextDouble()) / Math.log(1.0 - p0));
      return 1 + (long) Math.min(l, cfg.months() + 1.0);
    }

    /** The truncated Pareto activity weight. */
    private void drawWeight(Person p) {
      double u = 1.0 - rng.nextDouble();
      p.weight = Math.min(cfg.maxActivityWeight(), Math.pow(u, -1.0 / cfg.activityTailExponent()));
    }

    /** A Poisson stream of actions in (from, to). */
    private void actions(Person p, long from, long to, double perMonth, boolean isCore) {
      double mean = MONTH_SECONDS / perMonth;
      long t = from;
      while (true) {
        t += Math.max(1, (long) (-Math.log(1.0 - rng.nextDouble()) * mean));
        if (t >= to) {
          return;
        }
        double u = rng.nextDouble();
        if (isCore) {
          if (u < 0.7) {
            intents.add(new Intent(t, seq++, CommitKind.DIRECT, p, null, List.of()));
          } else if (u < 0.8) {
            openThread(true, p, t);
          } else if (u < 0.9) {
            openThread(false, p, t);
          } else {
            participations.add(new Participation(t, p, false));
          }
        } else if (u < 0.30) {
          openThread(true, p, t);
        } else if (u < 0.55) {
          openThread(false, p, t);
        } else {
          participations.add(new Participation(t, p, u >= 0.85));
        }
      }
    }

    private Person otherCore(Person notThis) {
      if (core.size() == 1 && core.get(0) == notThis) {
        return null;
      }
      while (true) {
        Person c = core.get(rng.nextInt(core.size()));
        if (c != notThis) {
          return c;
        }
      }
    }

    private Thread openThread(boolean pr, Person author, long t0) {
      Thread th = new Thread(pr, author, t0, seq++, pr && rng.nextDouble() < cfg.draftShare());
      threads.add(th);
      if (rng.nextDouble() < cfg.botCommentProbability()) {
        long at = t0 + (pr ? 60 + rng.nextInt(900) : 30 + rng.nextInt(600));
        if (at < endS) {
          th.items.add(new Item(at, Kind.COMMENT, pr ? actionsBot : triageBot, null));
        }
      }
      boolean outsider = profile != null && !author.core && !author.bot;
      if (profile != null && author.core && !pr && rng.nextDouble() < profile.goodFirstIssueShare()) {
        goodFirstIssue(th);
        if (th.goodFirstIssue && welcome.claims().isPresent()) {
          // Planted claims replace the ordinary answer and resolution: the claims are the only
          // ones, and the issue closes only by a claimant's merged pull request.
          plantClaim(th, welcome.claims().get());
          return th;
        }
      }
      Person responder;
      long resp;
      if (outsider) {
        th.guarded = true;
        // Without a mentor, a stand-in: assignResponders picks the responders in time order.
        responder = author.mentor != null ? author.mentor : core.get(0);
        if (author.mentor != null) {
          resp = t0 + exponential(rng, welcome.mentorResponseMedian().getSeconds());
        } else if (rng.nextDouble() < profile.unansweredProbability()) {
          staleClose(th);
          return th;
        } else {
          resp = t0 + exponential(rng, profile.firstResponseMedian().getSeconds());
        }
      } else {
        responder = otherCore(author);
        resp = t0 + exponential(rng, cfg.firstResponseMedian().getSeconds());
      }
      if (responder == null || resp >= endS) {
        return th;
      }
      th.firstResponse = resp;
      th.responder = responder;
      ReviewState firstState = null;
      if (pr) {
        double u = rng.nextDouble();
        firstState =
            u < 0.3 ? ReviewState.CHANGES_REQUESTED : u < 0.6 ? ReviewState.COMMENTED : ReviewState.APPROVED;
        th.items.add(new Item(resp, Kind.REVIEW, responder, firstState));
        int comments = firstState == ReviewState.APPROVED ? 0 : 1 + rng.nextInt(2);
        for (int i = 0; i < comments; i++) {
          th.items.add(new Item(resp, Kind.REVIEW_COMMENT, responder, null));
        }
      } else {
        th.items.add(new Item(resp, Kind.COMMENT, responder, null));
      }
      if (profile != null && rng.nextDouble() < (pr ? 1.0 / 3 : 0.5)) {
        th.items.add(new Item(resp, Kind.LABEL, responder, null, rng.nextBoolean() ? "bug" : "enhancement"));
      }
      if (rng.nextBoolean()) {
        long reply = resp + exponential(rng, cfg.firstResponseMedian().getSeconds());
        if (reply < endS && author.activeAt(reply)) {
          th.items.add(new Item(reply, Kind.COMMENT, author, null));
        }
      }
      long resolution = resp + exponential(rng, cfg.resolutionMedian().getSeconds());
      if (resolution >= endS) {
        return th;
      }
      if (rng.nextDouble() < cfg.reopenProbability()) {
        th.items.add(new Item(resolution, Kind.CLOSE, responder, null));
        th.firstClose = resolution;
        long reopen = resolution + exponential(rng, cfg.firstResponseMedian().getSeconds());
        if (reopen >= endS) {
          return th;
        }
        th.items.add(new Item(reopen, Kind.REOPEN, author.activeAt(reopen) ? author : responder, null));
        resolution = reopen + exponential(rng, cfg.resolutionMedian().getSeconds());
        if (resolution >= endS) {
          return th;
        }
      }
      th.firstClose = Math.min(th.firstClose, resolution);
      if (th.goodFirstIssue && rng.nextDouble() < 0.2) {
        th.items.add(new Item(resolution - 1, Kind.UNLABEL, responder, null, GOOD_FIRST_ISSUE));
      }
      double mergeProbability =
          !outsider ? cfg.mergeProbability()
              : author.mentor != null ? welcome.mentoredMergeProbability() : profile.mergeProbability();
      boolean merge = pr && rng.nextDouble() < mergeProbability;
      if (!merge) {
        th.items.add(new Item(resolution, Kind.CLOSE, responder, null));
        return th;
      }
      if (firstState != ReviewState.APPROVED) {
        th.items.add(new Item(resolution - 1, Kind.REVIEW, responder, ReviewState.APPROVED));
      }
      th.merger = responder;
      th.mergeAt = resolution;
      author.addMerge(resolution);
      intents.add(new Intent(t0, seq++, CommitKind.PULL_REQUEST, author, th, List.of()));
      long followUp = resp + (resolution - resp) / 2;
      if (firstState == ReviewState.CHANGES_REQUESTED && followUp > resp && author.activeAt(followUp)) {
        intents.add(new Intent(followUp, seq++, CommitKind.PULL_REQUEST, author, th, List.of()));
      }
      intents.add(new Intent(resolution, seq++, CommitKind.MERGE, responder, th, List.of()));
      return th;
    }

    /** Labels a core member's new issue {@code good first issue}: at opening, or minutes later. */
    private void goodFirstIssue(Thread th) {
      th.goodFirstIssue = true;
      if (rng.nextBoolean()) {
        th.openLabels = List.of(GOOD_FIRST_ISSUE);
        th.labelledAt = th.open;
      } else {
        long at = th.open + 60 + rng.nextInt(3540);
        if (at < endS) {
          th.items.add(new Item(at, Kind.LABEL, th.author, null, GOOD_FIRST_ISSUE));
          th.labelledAt = at;
        } else {
          th.goodFirstIssue = false;
        }
      }
    }

    /** Draws a good first issue's fate and plants its claim, assignment and closing pull request. */
    private void plantClaim(Thread th, GoodFirstIssueClaims c) {
      ClaimPlan plan = new ClaimPlan();
      th.claim = plan;
      double u = rng.nextDouble();
      double toNewcomerPr = c.newcomerPullRequestShare();
      double toNewcomer = toNewcomerPr + c.assignedNewcomerShare();
      if (u >= c.claimedShare()) {
        return;
      }
      plan.kind = u < toNewcomerPr ? ClaimKind.NEWCOMER_PULL_REQUEST
          : u < toNewcomer ? ClaimKind.ASSIGNED_NEWCOMER : ClaimKind.ASSIGNED_ESTABLISHED;
      long median = c.claimDelayMedian().getSeconds();
      plan.delay = exponential(rng, median);
      long at = th.labelledAt + plan.delay;
      if (at >= endS) {
        return;
      }
      plan.claimAt = at;
      Person p;
      switch (plan.kind) {
        case NEWCOMER_PULL_REQUEST -> {
          p = newcomerAsking(th, at, plan.delay);
          closingPullRequest(th, p, at, c);
        }
        case ASSIGNED_NEWCOMER -> {
          p = newcomerAsking(th, at, plan.delay);
          assign(th, p, at, c);
        }
        case ASSIGNED_ESTABLISHED -> {
          p = core.get(rng.nextInt(core.size()));
          assign(th, p, at, c);
        }
        default -> throw new AssertionError(plan.kind);
      }
      plan.claimant = p;
    }

    /**
     * A person new to the repository who asks for the issue in a comment ("can I take this?"), their
     * first contribution, after the labelling (the delay is at least a second) and at most an hour
     * before their claim at {@code at}. Newcomers start with an issue or a comment, as elsewhere.
     */
    private Person newcomerAsking(Thread th, long at, long delay) {
      Person p = newPerson(Role.NEWCOMER);
      long ask = at - Math.min(delay / 2, 3600);
      th.items.add(new Item(ask, Kind.COMMENT, p, null));
      p.joined = ask;
      p.departed = at + 1;
      return p;
    }

    /** The issue's author assigns it; the assignee delivers a closing pull request, or not. */
    private void assign(Thread th, Person assignee, long at, GoodFirstIssueClaims c) {
      th.assignedAt = at;
      th.assigner = th.author;
      th.assignee = assignee;
      if (rng.nextDouble() < c.deliveryProbability()) {
        long prAt = at + exponential(rng, c.claimDelayMedian().getSeconds());
        if (prAt < endS) {
          if (!assignee.core) {
            assignee.departed = prAt + 1;
          }
          closingPullRequest(th, assignee, prAt, c);
        }
      }
    }

    /**
     * A pull request by {@code author} naming the issue in its closing references, approved and
     * merged by a core member after a while (at least 2 s, so that the approval falls after the
     * opening), which closes the issue.
     */
    private void closingPullRequest(Thread issue, Person author, long at, GoodFirstIssueClaims c) {
      Thread pr = new Thread(true, author, at, seq++, false);
      pr.closesIssue = issue;
      threads.add(pr);
      issue.claim.pullRequest = pr;
      long merge = at + 1 + exponential(rng, c.mergeDelayMedian().getSeconds());
      if (merge >= endS) {
        return;
      }
      Person merger = author.core ? otherCore(author) : issue.author;
      if (merger == null) {
        merger = author;
      }
      pr.items.add(new Item(merge - 1, Kind.REVIEW, merger, ReviewState.APPROVED));
      pr.merger = merger;
      pr.mergeAt = merge;
      pr.firstClose = merge;
      author.addMerge(merge);
      intents.add(new Intent(at, seq++, CommitKind.PULL_REQUEST, author, pr, List.of()));
      intents.add(new Intent(merge, seq++, CommitKind.MERGE, merger, pr, List.of()));
      issue.items.add(new Item(merge, Kind.CLOSE, merger, null));
      issue.firstClose = merge;
      issue.claim.closedAt = merge;
    }

    /** An unanswered pull request is closed without a word, half of the time, after a while. */
    private void staleClose(Thread th) {
      if (th.pr && rng.nextBoolean()) {
        long at = th.open + exponential(rng, welcome.staleCloseMedian().getSeconds());
        if (at < endS) {
          th.items.add(new Item(at, Kind.CLOSE, core.get(rng.nextInt(core.size())), null));
          th.firstClose = at;
        }
      }
    }

    /**
     * In a profiled repository, the responders of each outsider's answered threads, in opening
     * order: the mentor for all of a mentee's; for others the core members in a random order, each
     * once, and again from the start once all have answered. Threads are created out of time order
     * (participations that find no thread open one later), hence this pass.
     */
    private void assignResponders() {
      Map<Person, List<Thread>> byAuthor = new LinkedHashMap<>();
      for (Thread th : threads) {
        if (th.guarded && th.responder != null) {
          byAuthor.computeIfAbsent(th.author, k -> new ArrayList<>()).add(th);
        }
      }
      for (Map.Entry<Person, List<Thread>> e : byAuthor.entrySet()) {
        Person author = e.getKey();
        List<Thread> own = e.getValue();
        if (author.mentor != null) {
          author.mentorAnswers = own.size();
          continue;
        }
        own.sort(Comparator.comparingLong((Thread t) -> t.open).thenComparingInt(t -> t.seq));
        List<Person> order = new ArrayList<>(core);
        for (int i = order.size() - 1; i > 0; i--) {
          Collections.swap(order, i, rng.nextInt(i + 1));
        }
        for (int i = 0; i < own.size(); i++) {
          reassign(own.get(i), order.get(i % order.size()));
        }
      }
    }

    /** Makes {@code to} do everything the thread's responder did. */
    private void reassign(Thread th, Person to) {
      Person from = th.responder;
      for (int i = 0; i < th.items.size(); i++) {
        Item it = th.items.get(i);
        if (it.actor == from) {
          th.items.set(i, new Item(it.t, it.kind, to, it.state, it.label));
        }
      }
      if (th.merger == from) {
        th.merger = to;
      }
      th.responder = to;
    }

    /** Comments and reviews on others' open threads, after their first response. */
    private void resolveParticipations() {
      List<Thread> byOpen = new ArrayList<>(threads);
      byOpen.sort(Comparator.comparingLong((Thread t) -> t.open).thenComparingInt(t -> t.seq));
      long[] opens = new long[byOpen.size()];
      for (int i = 0; i < opens.length; i++) {
        opens[i] = byOpen.get(i).open;
      }
      for (Participation pa : participations) {
        int upper = lowerBound(opens, pa.t);
        Thread chosen = null;
        if (upper > 0) {
          int lower = Math.max(0, upper - 40);
          for (int attempt = 0; attempt < 10 && chosen == null; attempt++) {
            Thread th = byOpen.get(rng.nextInt(lower, upper));
            if (th.author != pa.person
                && !th.guarded
                && th.firstResponse < pa.t
                && pa.t < th.firstClose
                && (th.pr || !pa.review)) {
              chosen = th;
            }
          }
        }
        if (chosen == null) {
          openThread(false, pa.person, pa.t);
        } else if (pa.review) {
          ReviewState state = rng.nextDouble() < 0.6 ? ReviewState.COMMENTED : ReviewState.APPROVED;
          chosen.items.add(new Item(pa.t, Kind.REVIEW, pa.person, state));
          if (rng.nextBoolean()) {
            chosen.items.add(new Item(pa.t, Kind.REVIEW_COMMENT, pa.person, null));
          }
        } else {
          chosen.items.add(new Item(pa.t, Kind.COMMENT, pa.person, null));
        }
      }
    }

    /** Grants write access at the merge of a contributor's N-th pull request, if still active. */
    private void promote() {
      List<Person> promoted = new ArrayList<>();
      int n = cfg.promotionMergedPullRequests();
      for (Person p : contributors) {
        if (p.mergeCount >= n) {
          long[] merges = Arrays.copyOf(p.merges, p.mergeCount);
          Arrays.sort(merges);
          if (p.activeAt(merges[n - 1])) {
            p.promotedAt = merges[n - 1];
            promoted.add(p);
          }
        }
      }
      promoted.sort(Comparator.comparingLong((Person p) -> p.promotedAt));
      for (Person p : promoted) {
        Instant at = Instant.ofEpochSecond(p.promotedAt);
        out.add(new MemberAdded(at, repo, core.get(0).github, p.github, Permission.WRITE));
        maintainers.add(new MaintainerTruth(p.login, repo, at, Permission.WRITE, false));
      }
    }

    /** Replays the commit intents in time order: the history of {@code main} and its files. */
    private void commits() {
      intents.sort(Comparator.comparingLong((Intent i) -> i.t).thenComparingInt(i -> i.seq));
      String mainHead = null;
      for (Intent in : intents) {
        Instant at = Instant.ofEpochSecond(in.t);
        switch (in.kind) {
          case INITIAL:
          case DIRECT:
            {
              List<FileChange> files = in.kind == CommitKind.INITIAL ? in.files : ownerChange(in.author);
              String sha = commit(at, in.author, mainHead, null, files, true);
              mainHead = sha;
              out.add(new Push(at, repo, in.author.github, MAIN, sha, 1));
              break;
            }
          case PULL_REQUEST:
            {
              Thread th = in.thread;
              String parent = th.head != null ? th.head : mainHead;
              th.head = commit(at, in.author, parent, null, pullRequestChange(in.author), true);
              th.commits++;
              break;
            }
          case MERGE:
            {
              Thread th = in.thread;
              // The merger, who may have been reassigned since the intent (assignResponders).
              String sha = commit(at, th.merger, mainHead, th.head, List.of(), false);
              th.mergeSha = sha;
              mainHead = sha;
              out.add(new Push(at, repo, th.merger.github, MAIN, sha, th.commits + 1));
              break;
            }
          case RELEASE:
            {
              String version = "0." + releaseNumber(in.t) + ".0";
              out.add(new Release(at, repo, in.author.github, "v" + version, Optional.of(repoName() + " " + version), false));
              out.add(new Push(at, repo, in.author.github, "refs/tags/v" + version, mainHead, 0));
              break;
            }
          default:
            throw new AssertionError(in.kind);
        }
      }
    }

    private int releaseNumber(long t) {
      int m = 0;
      while (monthStart[m + 1] <= t) {
        m++;
      }
      return m / cfg.releaseEveryMonths();
    }

    private String repoName() {
      return repo.fullName().substring(repo.fullName().indexOf('/') + 1);
    }

    private String commit(
        Instant at, Person author, String parent, String second, List<FileChange> files, boolean mayCoAuthor) {
      String sha = sha(index, commitSeq++);
      int e = author.commitActors.length == 2 && rng.nextBoolean() ? 1 : 0;
      String email = author.emails.get(e);
      Signature sig = new Signature(author.name, email, at);
      List<String> parents =
          parent == null ? List.of() : second == null ? List.of(parent) : List.of(parent, second);
      List<CoAuthor> coAuthors = List.of();
      if (mayCoAuthor && !author.bot && rng.nextDouble() < cfg.coAuthorShare()) {
        Person co = otherCore(author);
        if (co != null) {
          coAuthors = List.of(new CoAuthor(co.name, co.emails.get(0)));
        }
      }
      out.add(new Commit(at, repo, author.commitActors[e], sha, parents, sig, sig, coAuthors, files));
      return sha;
    }

    private String sha(int repoIndex, long n) {
      long z = cfg.seed() ^ ((long) repoIndex << 40) ^ n;
      String hex = hex16(mix(z)) + hex16(mix(z + 0x9E3779B97F4A7C15L)) + hex16(mix(z - 0x9E3779B97F4A7C15L));
      return hex.substring(0, 40);
    }

    /** A core member's direct commit: mostly their own module; sometimes a rename or a replacement. */
    private List<FileChange> ownerChange(Person p) {
      List<String> own = liveFiles.get(p.module);
      String dir = moduleDirs.get(p.module);
      double u = rng.nextDouble();
      if (u < 0.04 && own.size() > 1) {
        int i = 1 + rng.nextInt(own.size() - 1);
        String old = own.get(i);
        String renamed = newPath(dir);
        own.set(i, renamed);
        return List.of(
            new FileChange(ChangeStatus.RENAMED, renamed, Optional.of(old), smallInt(rng.nextInt(5)), smallInt(rng.nextInt(5))));
      }
      if (u < 0.07 && own.size() > 1) {
        int i = 1 + rng.nextInt(own.size() - 1);
        String old = own.get(i);
        String replacement = newPath(dir);
        own.set(i, replacement);
        return List.of(
            change(ChangeStatus.DELETED, old, 0, 20 + rng.nextInt(100)),
            change(ChangeStatus.ADDED, replacement, 20 + rng.nextInt(100), 0));
      }
      int k = 1 + rng.nextInt(3);
      List<FileChange> changes = new ArrayList<>(k);
      for (int j = 0; j < k; j++) {
        int module = rng.nextDouble() < 0.85 ? p.module : rng.nextInt(liveFiles.size());
        addModification(changes, liveFiles.get(module));
      }
      return changes;
    }

    /** A pull request commit: modifications only, in the author's module or a random one. */
    private List<FileChange> pullRequestChange(Person p) {
      int module = p.core ? p.module : rng.nextInt(liveFiles.size());
      List<String> files = liveFiles.get(module);
      if (p == dependabot) {
        return List.of(change(ChangeStatus.MODIFIED, files.get(0), 1, 1));
      }
      int k = 1 + rng.nextInt(3);
      List<FileChange> changes = new ArrayList<>(k);
      for (int j = 0; j < k; j++) {
        addModification(changes, files);
      }
      return changes;
    }

    private void addModification(List<FileChange> changes, List<String> files) {
      String path = files.get(rng.nextInt(files.size()));
      for (FileChange c : changes) {
        if (c.path().equals(path)) {
          return;
        }
      }
      changes.add(change(ChangeStatus.MODIFIED, path, 1 + rng.nextInt(40), rng.nextInt(20)));
    }

    private Optional<AuthorAssociation> association(Person p, long t, boolean opensPullRequest) {
      AuthorAssociation a;
      if (p.bot) {
        a = AuthorAssociation.NONE;
      } else if (p.core) {
        a = AuthorAssociation.MEMBER;
      } else if (p.promotedAt <= t) {
        a = AuthorAssociation.COLLABORATOR;
      } else if (p.firstMerge < t) {
        a = AuthorAssociation.CONTRIBUTOR;
      } else {
        a = opensPullRequest ? AuthorAssociation.FIRST_TIME_CONTRIBUTOR : AuthorAssociation.NONE;
      }
      return ASSOCIATION_OPTIONALS.get(a.ordinal());
    }

    /** Numbers threads in opening order (one sequence, as on GitHub) and emits their events. */
    private void materialiseThreads() {
      // Same order as the sorted events: at one instant issue openings sort before pull requests.
      threads.sort(
          Comparator.comparingLong((Thread t) -> t.open)
              .thenComparing(t -> t.pr)
              .thenComparingInt(t -> t.seq));
      int number = 0;
      for (Thread th : threads) {
        th.number = ++number;
        Instant opened = Instant.ofEpochSecond(th.open);
        Person a = th.author;
        if (th.pr && th.closesIssue != null) {
          out.add(new PullRequestOpened(
              opened, repo, a.github, th.number, th.draft, MAIN_BRANCH, association(a, th.open, true), List.of(),
              Optional.empty(), List.of(th.closesIssue.number)));
        } else if (th.pr) {
          out.add(new PullRequestOpened(opened, repo, a.github, th.number, th.draft, MAIN_BRANCH, association(a, th.open, true)));
        } else {
          out.add(new IssueOpened(opened, repo, a.github, th.number, association(a, th.open, false), th.openLabels));
        }
        for (Item it : th.items) {
          Instant at = Instant.ofEpochSecond(it.t);
          Actor actor = it.actor.github;
          switch (it.kind) {
            case COMMENT:
              // Comment and review ids are assigned once all events are sorted (see sort).
              out.add(new IssueComment(at, repo, actor, th.number, th.pr, association(it.actor, it.t, false), OptionalLong.empty()));
              break;
            case REVIEW:
              out.add(new Review(at, repo, actor, th.number, it.state, a.githubOptional, association(it.actor, it.t, false), OptionalLong.empty()));
              break;
            case REVIEW_COMMENT:
              out.add(new ReviewComment(at, repo, actor, th.number, association(it.actor, it.t, false), OptionalLong.empty()));
              break;
            case CLOSE:
              if (th.pr) {
                out.add(new PullRequestClosed(at, repo, actor, th.number, a.githubOptional));
              } else {
                out.add(new IssueClosed(at, repo, actor, th.number));
              }
              break;
            case REOPEN:
              if (th.pr) {
                out.add(new PullRequestReopened(at, repo, actor, th.number));
              } else {
                out.add(new IssueReopened(at, repo, actor, th.number));
              }
              break;
            case LABEL:
            case UNLABEL:
              out.add(new LabelChanged(at, repo, actor, th.number, th.pr, it.label, it.kind == Kind.LABEL));
              break;
            default:
              throw new AssertionError(it.kind);
          }
        }
        if (th.assignedAt != NEVER) {
          out.add(new IssueAssigned(Instant.ofEpochSecond(th.assignedAt), repo, th.assigner.github, th.number, false, th.assignee.github));
        }
        if (th.merger != null) {
          out.add(
              new PullRequestMerged(
                  Instant.ofEpochSecond(th.mergeAt), repo, th.merger.github, th.number,
                  a.githubOptional, MAIN_BRANCH, Optional.of(th.mergeSha)));
        }
      }
    }
  }

  private static int lowerBound(long[] sorted, long key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static String hex16(long v) {
    String s = Long.toHexString(v);
    return "0".repeat(16 - s.length()) + s;
  }
}
