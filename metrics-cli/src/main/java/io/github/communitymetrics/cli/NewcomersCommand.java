package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.Owner;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.newcomers.GoodFirstIssues;
import io.github.communitymetrics.core.metrics.newcomers.Mentorship;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerExperience;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerStaying;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerWelcomers;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.store.EventStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newcomers}: do newcomers find someone who answers, do they stay, who welcomes them, are
 * they mentored, and are the issues labelled for them taken up? The newcomer metrics of core
 * ({@code newcomer-experience}, {@code newcomer-staying}, {@code newcomer-welcomers}, {@code
 * mentorship}, {@code good-first-issues}) for every repository of the input, or every owner with
 * {@code --scope organisation}, or {@code --repo}'s alone.
 */
@Command(
    name = "newcomers",
    mixinStandardHelpOptions = true,
    description = {
      "Do newcomers feel welcome? For every repository of the input (or --repo's; or every owner"
          + " with --scope organisation): the newcomers of the window (people whose first"
          + " contribution of --contribution-type in the scope falls in it; history before the"
          + " window counts) per --period; how long their first issue and first pull request"
          + " waited for a human answer (author and bots left out) against the established"
          + " contributors' (Kaplan-Meier median, share answered within 1 and 7 days, those still"
          + " waiting censored at the window's end); the first-PR merge rate, the wait for a"
          + " first review and the share of first PRs closed without a human comment.",
      "Staying: a second contribution (to another item) within each --horizons duration"
          + " (Kaplan-Meier), by the first PR's fate (merged, closed, ignored, open) and by a quick"
          + " (within --quick-response) or slow first answer, with the 90-day quick-minus-slow"
          + " difference and its 95%% Newcombe interval. Who welcomes: the people who gave first"
          + " answers and reviews, their shares, the top-k share, Gini and absence factor."
          + " Mentorship: a maintainer (or D3 person) who answered or reviewed at least"
          + " --mentor-k of a newcomer's first --mentor-n items; mentees against the other"
          + " newcomers: still active and at D2 after 180 days (Kaplan-Meier), log-rank p.",
      "Good first issues: the issues labelled with one of --good-first-labels in the window: the"
          + " time to claim them (a pull request saying it closes one, or an assignment;"
          + " Kaplan-Meier, unclaimed ones censored), the share of the closed ones a newcomer's"
          + " merged pull request closed, and the share still open 90 days after labelling.",
      "No data is not zero: a number without evidence is \"no data\" with the reason (null in"
          + " JSON, with the reason in noData). Definitions: docs/newcomers.md.",
      "Sources: --events FILE, --gharchive FILES or DIRS, --git DIR (repeatable) or --git-list"
          + " FILE (local clones), --github, --gitlab; default the simulated demo."
    })
final class NewcomersCommand implements Callable<Integer> {
  /** The default --window: a year, so that the 90-day staying has newcomers followed 90 days. */
  static final String DEFAULT_WINDOW = "365d";

  @Spec CommandSpec spec;

  @Mixin EventSource source;

  @Mixin GitClones clones;

  @Option(names = "--repo", paramLabel = "OWNER/NAME",
      description = "Only this repository (with --scope organisation: its owner). GH Archive input"
          + " keeps only its events while parsing (all of them with --scope organisation).")
  String repo;

  @Option(names = "--as-of", paramLabel = "INSTANT",
      description = "ISO-8601 instant where the window ends (default: one second after the last event).")
  String asOf;

  @Option(names = "--window", paramLabel = "DURATION", defaultValue = DEFAULT_WINDOW,
      description = "The window before --as-of in which newcomers arrive: 365d, 12h or ISO-8601"
          + " such as P180D (default: ${DEFAULT-VALUE}: a 90-day window would follow nobody 90"
          + " days, so the quick-minus-slow difference would have no data).")
  String window;

  @Option(names = "--contribution-type", paramLabel = "TYPE", defaultValue = "any",
      description = "What makes someone a contributor (first, second and last contribution): any"
          + " (default: commits, issues and pull requests opened, comments, reviews; a merge is"
          + " not counted twice for its author), commit, push, pull-request-opened,"
          + " pull-request-merged, issue-opened, comment or review.")
  String contributionType;

  @Option(names = "--scope", paramLabel = "repository|organisation", defaultValue = "repository",
      description = "New to what: the repository (default; one result per repository) or the"
          + " owner's repositories together (organisation, also spelt organization; one result"
          + " per owner).")
  String scope;

  @Option(names = "--period", paramLabel = "hour|day|week|month",
      description = "Newcomers are counted per this complete period, UTC; a week is an ISO week"
          + " (newcomer-experience's period; default: its preset, month).")
  String period;

  @Option(names = "--quick-response", paramLabel = "DURATION",
      description = "A first human answer within this is quick (newcomer-staying's quickResponse;"
          + " default: its preset, 2d).")
  String quickResponse;

  @Option(names = "--mentor-k", paramLabel = "K",
      description = "A mentor answered or reviewed at least K of the newcomer's first N items"
          + " (mentorship's mentorMinimum; default: its preset, 2).")
  Integer mentorK;

  @Option(names = "--mentor-n", paramLabel = "N",
      description = "How many of the newcomer's first issues and pull requests are looked at"
          + " (mentorship's mentorItems; default: its preset, 5).")
  Integer mentorN;

  @Option(names = "--departure-gap", paramLabel = "DURATION",
      description = "A newcomer whose last contribution is this long before --as-of has departed"
          + " (mentorship's departureGap; default: its preset, 90d).")
  String departureGap;

  @Option(names = "--top", paramLabel = "K",
      description = "k of the welcomers' top-k share, and how many welcomers are listed"
          + " (newcomer-welcomers' top; default: its preset, 3).")
  Integer top;

  @Option(names = "--good-first-labels", paramLabel = "LABEL[,LABEL...]", split = ",",
      description = "The labels that mark an issue for newcomers, any case (good-first-issues'"
          + " labels; default: its preset, beginner,easy,first-timers-only,good first issue,"
          + "good-first-issue,help wanted).")
  List<String> goodFirstLabels;

  @Option(names = "--horizons", paramLabel = "DURATION[,DURATION...]", split = ",", defaultValue = "30d,90d",
      description = "The staying horizons: the share back within each (Kaplan-Meier; default:"
          + " ${DEFAULT-VALUE}). The quick-minus-slow difference is always at 90 days.")
  List<String> horizons;

  @Option(names = "--json", description = "Print JSON (docs/newcomers.md).")
  boolean json;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write to FILE instead of standard output: .json for JSON, .txt for text.")
  java.nio.file.Path outFile;

  /** Everything the outputs need. */
  record Run(
      String source,
      boolean simulated,
      Instant asOf,
      NewcomerFindings.Settings settings,
      List<NewcomerFindings> groups,
      java.util.function.Function<io.github.communitymetrics.core.event.Actor, String> label) {}

  @Override
  public Integer call() throws IOException {
    boolean organisation = organisation();
    ContributionType type = contributionType();
    Duration length = SummaryOptions.duration(spec.commandLine(), window, "--window");
    List<Duration> shown = horizons();
    boolean asJson = SpanOutput.format(spec, json, outFile);
    // An organisation's newcomers are new to all its repositories: GH Archive keeps them all.
    Optional<String> keep = organisation ? Optional.empty() : Optional.ofNullable(repo);
    // Events before --since are kept: a returning person is no newcomer.
    SpanInput in = SpanInput.load(spec, source, clones, keep, Optional.ofNullable(asOf));
    EventStore store = in.store();
    People people = in.people();
    EventSource.Loaded loaded = in.loaded();
    Progress progress = ProgressOptions.of(spec);
    Instant end = in.span().end();
    Evaluation evaluation = parameters(ScoreCommand.evaluation(end, length));
    NewcomerFindings.Settings settings = new NewcomerFindings.Settings(evaluation, type, organisation, shown);
    Map<String, RepositoryScope> groups = groups(store, organisation);
    List<NewcomerFindings> findings = new ArrayList<>();
    try (ProgressTask task = progress.count("measuring newcomers", groups.size(), organisation ? " owners" : " repositories")) {
      groups.forEach((name, scope) -> {
        findings.add(NewcomerFindings.compute(name, scope, store, people, settings));
        task.step(1);
      });
    }
    Run run = new Run(
        loaded.label(), loaded.simulated(), end, settings, findings,
        NewcomerFindings.labels(people));
    SpanOutput.output(spec, outFile, findings.size() + (organisation ? " owners" : " repositories"), out -> {
      if (asJson) {
        NewcomersJson.write(out, run);
      } else {
        NewcomersText.write(out, run);
      }
    });
    return CommunityMetricsCli.EXIT_OK;
  }

  /** The groups to measure, by name: each repository or owner, or {@code --repo}'s. */
  private Map<String, RepositoryScope> groups(EventStore store, boolean organisation) {
    return groups(spec, store, repo, organisation);
  }

  /**
   * The groups to measure, by name: each repository (row names as {@code score}'s) or owner, or
   * {@code repo}'s alone; shared with {@code governance}.
   */
  static Map<String, RepositoryScope> groups(CommandSpec spec, EventStore store, String repo, boolean organisation) {
    List<Repository> repositories = store.repositories();
    if (repo != null) {
      Repository r = repositories.stream().filter(x -> x.fullName().equalsIgnoreCase(repo)).findFirst()
          .orElseThrow(() -> new ParameterException(spec.commandLine(), "--repo " + repo + ": no event of it in the input"));
      repositories = List.of(r);
    }
    Map<String, RepositoryScope> out = new LinkedHashMap<>();
    if (organisation) {
      new java.util.TreeSet<>(repositories.stream().map(Owner::of).toList())
          .forEach(o -> out.put(o.name(), o.scope()));
    } else {
      ScoreCommand.rowNames(repositories).entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> out.put(e.getValue(), RepositoryScope.of(e.getKey())));
    }
    return out;
  }

  private boolean organisation() {
    return organisation(spec, scope);
  }

  /** {@code --scope}: repository or organisation (also spelt organization); shared with {@code governance}. */
  static boolean organisation(CommandSpec spec, String scope) {
    switch (scope.strip().toLowerCase(Locale.ROOT)) {
      case "repository":
        return false;
      case "organisation":
      case "organization":
        return true;
      default:
        throw new ParameterException(
            spec.commandLine(), "--scope must be repository or organisation but was '" + scope + "'");
    }
  }

  /** {@code --contribution-type}: a {@link ContributionType} spelt in lower case with dashes. */
  private ContributionType contributionType() {
    for (ContributionType t : ContributionType.values()) {
      if (word(t).equals(contributionType.strip().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new ParameterException(
        spec.commandLine(), "--contribution-type must be one of "
            + Arrays.stream(ContributionType.values()).map(NewcomersCommand::word).collect(Collectors.joining(", "))
            + " but was '" + contributionType + "'");
  }

  /** {@code PULL_REQUEST_OPENED} as {@code pull-request-opened}. */
  static String word(ContributionType t) {
    return t.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private List<Duration> horizons() {
    List<Duration> out = new ArrayList<>();
    for (String h : horizons) {
      out.add(SummaryOptions.duration(spec.commandLine(), h, "--horizons"));
    }
    return out.stream().distinct().sorted().toList();
  }

  /**
   * The metrics' parameters of the options; an option not given keeps the preset's value. The
   * metrics check their parameters when configured, so a value they refuse is a usage error
   * naming the option.
   */
  private Evaluation parameters(Evaluation e) {
    Evaluation out = e;
    try {
      if (period != null) {
        out = out.withParameter(NewcomerExperience.INSTANCE, "period", period.strip().toLowerCase(Locale.ROOT));
      }
      if (quickResponse != null) {
        out = out.withParameter(NewcomerStaying.INSTANCE, "quickResponse",
            SummaryOptions.duration(spec.commandLine(), quickResponse, "--quick-response").toString());
      }
      if (departureGap != null) {
        out = out.withParameter(Mentorship.INSTANCE, "departureGap",
            SummaryOptions.duration(spec.commandLine(), departureGap, "--departure-gap").toString());
      }
      if (mentorK != null) {
        out = out.withParameter(Mentorship.INSTANCE, "mentorMinimum", String.valueOf(mentorK));
      }
      if (mentorN != null) {
        out = out.withParameter(Mentorship.INSTANCE, "mentorItems", String.valueOf(mentorN));
      }
      if (top != null) {
        out = out.withParameter(NewcomerWelcomers.INSTANCE, "top", String.valueOf(top));
      }
      if (goodFirstLabels != null) {
        out = out.withParameter(GoodFirstIssues.INSTANCE, "labels", String.join(",", goodFirstLabels));
      }
      NewcomerExperience.INSTANCE.metric(out);
      NewcomerWelcomers.INSTANCE.metric(out);
    } catch (IllegalArgumentException x) {
      throw new ParameterException(
          spec.commandLine(),
          "--period, --quick-response, --mentor-k, --mentor-n, --departure-gap, --top, --good-first-labels: " + x.getMessage());
    }
    return out;
  }
}
