package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.governance.ApprovalRule;
import io.github.communitymetrics.core.metrics.governance.Consumers;
import io.github.communitymetrics.core.metrics.governance.Decisions;
import io.github.communitymetrics.core.metrics.governance.Maintainers;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code governance}: are decisions open and approvals diverse? The governance metrics of core
 * ({@code approval-rule}, {@code decisions}, {@code maintainers}, {@code maturity-profile}, {@code
 * consumers}) for every repository of the
 * input, or every owner with {@code --scope organisation}, or {@code --repo}'s alone.
 */
@Command(
    name = "governance",
    mixinStandardHelpOptions = true,
    description = {
      "Are decisions open and approvals diverse? For every repository of the input (or --repo's;"
          + " or every owner with --scope organisation): for each pull request merged in the"
          + " window, whether it had the approvals --rule asks for (N people other than the author,"
          + " maintainers when they approved, from K organisations; --approvers and"
          + " --organizations override N and K), the share that did and the ones that did not;"
          + " proposals (issues and pull requests carrying one of --labels, pull requests to"
          + " --rfc-repositories) per --period: accepted, rejected, postponed, open, the"
          + " Kaplan-Meier median time to decision with open ones censored, participants,"
          + " organisations and decisions taken by one organisation; the maintainers over time"
          + " with their organisations, the elephant factor and those inactive for"
          + " --inactive-after; the maturity profile, each criterion with its value, the --profile"
          + " threshold and pass, fail or no data (no overall score); and the issues, pull requests"
          + " and reviews from the people of the --consumers projects.",
      "Maintainers are whom the events show (access granted, author association owner, member"
          + " or collaborator, merges) and, with --maintainers-file, whom a CODEOWNERS or"
          + " MAINTAINERS file lists (docs/governance.md). Organisations come from e-mail domains"
          + " and from the maintainers file.",
      "No data is not zero: a number without evidence is \"no data\" with the reason (null in"
          + " JSON, with the reason in noData). Definitions: docs/governance.md.",
      "Sources: --events FILE, --gharchive FILES or DIRS, --git DIR (repeatable) or --git-list"
          + " FILE (local clones), --github, --gitlab; default the simulated demo."
    })
final class GovernanceCommand implements Callable<Integer> {
  /** The approval-rule presets: N approvers, K organisations, maintainers only. */
  static final Map<String, int[]> RULES = rules();

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

  @Option(names = "--window", paramLabel = "DURATION", defaultValue = "365d",
      description = "The window before --as-of: merges and proposals in it count (default: ${DEFAULT-VALUE}).")
  String window;

  @Option(names = "--scope", paramLabel = "repository|organisation", defaultValue = "repository",
      description = "One result per repository (default) or per owner (organisation, also spelt organization).")
  String scope;

  @Option(names = "--rule", paramLabel = "PRESET", defaultValue = "rust-vmm",
      description = "The approval rule: rust-vmm (3 maintainers, default), rust-vmm-diverse (3"
          + " maintainers of 3 organisations), two-companies (2 maintainers of 2 organisations),"
          + " scorecard-code-review (1 approval by anyone, as OpenSSF Scorecard).")
  String rule;

  @Option(names = "--approvers", paramLabel = "N",
      description = "N: distinct approvers other than the author (overrides --rule's).")
  Integer approvers;

  @Option(names = {"--organizations", "--organisations"}, paramLabel = "K",
      description = "K: distinct organisations among those approvers (overrides --rule's).")
  Integer organizations;

  @Option(names = "--maintainers-file", paramLabel = "FILE",
      description = "A CODEOWNERS file (its name contains codeowners) or a MAINTAINERS list (one"
          + " login a line, optionally followed by the organisation): these people join the"
          + " maintainers the events show, and they are listed with their activity.")
  Path maintainersFile;

  @Option(names = "--profile", paramLabel = "PRESET",
      description = "The maturity profile's thresholds: sfc (default: more than a year, Scorecard Maintained 10,"
          + " maintainers of 3 organisations, bus and elephant factors 2, half the merged pull requests"
          + " approved by 2 maintainers of 2 organisations, half the decisions not by one organisation) or"
          + " rust-vmm (as sfc, approvals by 3 maintainers of 2 organisations).")
  String profile;

  @Option(names = "--consumers", paramLabel = "NAME[,NAME...]",
      description = "Consumer projects: repository names (any owner) or owner/name whose contributors' issues,"
          + " pull requests and reviews are counted (default: qemu,crosvm,kata-containers,firecracker)."
          + " Their repositories must be in the input.")
  String consumers;

  @Option(names = "--labels", paramLabel = "LABEL[,LABEL...]",
      description = "Labels that make an issue or pull request a proposal (decisions' labels; default: rfc,kep,proposal,pep,rfe).")
  String labels;

  @Option(names = "--rfc-repositories", paramLabel = "NAME[,NAME...]",
      description = "Repositories whose pull requests are proposals: names or owner/name (default: rfcs).")
  String rfcRepositories;

  @Option(names = "--accepted-labels", paramLabel = "LABEL[,LABEL...]",
      description = "Labels that make a closed proposal accepted (default: accepted).")
  String acceptedLabels;

  @Option(names = "--postponed-labels", paramLabel = "LABEL[,LABEL...]",
      description = "Labels that postpone a proposal (default: postponed).")
  String postponedLabels;

  @Option(names = "--period", paramLabel = "hour|day|week|month",
      description = "Proposals and maintainers are counted per this complete period, UTC (default: month).")
  String period;

  @Option(names = "--inactive-after", paramLabel = "DURATION",
      description = "A maintainer with no merge or review this long before the end is inactive (default: 180d).")
  String inactiveAfter;

  @Option(names = "--list", paramLabel = "N", defaultValue = "10",
      description = "How many pull requests that missed the rule are listed per repository (default: ${DEFAULT-VALUE}).")
  int list;

  @Option(names = "--json", description = "Print JSON (docs/governance.md).")
  boolean json;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write to FILE instead of standard output: .json for JSON, .txt for text.")
  Path outFile;

  /** Everything the outputs need. */
  record Run(
      String source,
      boolean simulated,
      Instant asOf,
      GovernanceFindings.Settings settings,
      List<GovernanceFindings> groups,
      Function<io.github.communitymetrics.core.event.Actor, String> label) {}

  @Override
  public Integer call() throws IOException {
    boolean organisation = NewcomersCommand.organisation(spec, scope);
    Duration length = SummaryOptions.duration(spec.commandLine(), window, "--window");
    if (list < 0) {
      throw new ParameterException(spec.commandLine(), "--list must be 0 or more but was " + list);
    }
    boolean asJson = SpanOutput.format(spec, json, outFile);
    // Read before the events, so that a bad file stops the command before a long fetch.
    Optional<MaintainersFile> file = maintainersFile == null ? Optional.empty() : Optional.of(MaintainersFile.read(maintainersFile));
    Optional<String> keep = organisation ? Optional.empty() : Optional.ofNullable(repo);
    SpanInput in = SpanInput.load(spec, source, clones, keep, Optional.ofNullable(asOf));
    EventStore store = in.store();
    People people = in.people();
    Instant end = in.span().end();
    Evaluation evaluation = parameters(ScoreCommand.evaluation(end, length).withAffiliations(affiliations(file)), file);
    GovernanceFindings.Settings settings =
        new GovernanceFindings.Settings(evaluation, rule.strip().toLowerCase(Locale.ROOT), file, list, organisation);
    Map<String, RepositoryScope> groups = NewcomersCommand.groups(spec, store, repo, organisation);
    // The logins' person keys once for all groups: only a maintainers file needs them.
    Map<String, io.github.communitymetrics.core.event.Actor> keys =
        file.isPresent() ? GovernanceFindings.keys(store, people) : Map.of();
    List<GovernanceFindings> findings = new ArrayList<>();
    try (ProgressTask task = ProgressOptions.of(spec).count(
        "measuring governance", groups.size(), organisation ? " owners" : " repositories")) {
      groups.forEach((name, s) -> {
        findings.add(GovernanceFindings.compute(name, s, store, people, settings, keys));
        task.step(1);
      });
    }
    Run run = new Run(in.loaded().label(), in.loaded().simulated(), end, settings, findings, NewcomerFindings.labels(people));
    SpanOutput.output(spec, outFile, findings.size() + (organisation ? " owners" : " repositories"), out -> {
      if (asJson) {
        GovernanceJson.write(out, run);
      } else {
        GovernanceText.write(out, run);
      }
    });
    return CommunityMetricsCli.EXIT_OK;
  }

  /** E-mail domains as organisations, as {@code score}; the file's organisations for its logins. */
  private static Affiliations affiliations(Optional<MaintainersFile> file) {
    Affiliations.Builder b = Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION);
    file.ifPresent(f -> f.entries().forEach(m -> m.organization().ifPresent(o -> b.enrollment(m.login(), o, Window.ALL))));
    return b.build();
  }

  /** The metrics' parameters of the options; an option not given keeps the preset's value. */
  private Evaluation parameters(Evaluation e, Optional<MaintainersFile> file) {
    int[] preset = RULES.get(rule.strip().toLowerCase(Locale.ROOT));
    if (preset == null) {
      throw new ParameterException(spec.commandLine(),
          "--rule must be one of " + String.join(", ", RULES.keySet()) + " but was '" + rule + "'");
    }
    Evaluation out = e;
    try {
      out = out
        .withParameter(ApprovalRule.INSTANCE, "approvers", String.valueOf(approvers != null ? approvers : preset[0]))
        .withParameter(ApprovalRule.INSTANCE, "organizations", String.valueOf(organizations != null ? organizations : preset[1]))
        .withParameter(ApprovalRule.INSTANCE, "maintainersOnly", String.valueOf(preset[2]));
      if (file.isPresent()) {
        String logins = String.join(",", file.get().entries().stream().map(MaintainersFile.Entry::login).toList());
        out = out.withParameter(ApprovalRule.INSTANCE, "maintainers", logins)
            .withParameter(Decisions.INSTANCE, "maintainers", logins)
            .withParameter(Maintainers.INSTANCE, "maintainers", logins)
            .withParameter(MaturityProfile.INSTANCE, "maintainers", logins);
      }
      if (profile != null) {
        out = out.withParameter(MaturityProfile.INSTANCE, "thresholds", profile.strip().toLowerCase(Locale.ROOT));
      }
      if (consumers != null) {
        out = out.withParameter(Consumers.INSTANCE, "consumers", consumers.strip());
      }
      out = words(out, Decisions.INSTANCE, "labels", labels);
      out = words(out, Decisions.INSTANCE, "rfcRepositories", rfcRepositories);
      out = words(out, Decisions.INSTANCE, "acceptedLabels", acceptedLabels);
      out = words(out, Decisions.INSTANCE, "postponedLabels", postponedLabels);
      if (period != null) {
        String p = period.strip().toLowerCase(Locale.ROOT);
        out = out.withParameter(Decisions.INSTANCE, "period", p).withParameter(Maintainers.INSTANCE, "period", p);
      }
      if (inactiveAfter != null) {
        out = out.withParameter(Maintainers.INSTANCE, "inactiveAfter",
            SummaryOptions.duration(spec.commandLine(), inactiveAfter, "--inactive-after").toString());
      }
      // The metrics check their parameters when configured: a refused value is a usage error.
      ApprovalRule.INSTANCE.metric(out);
      Decisions.INSTANCE.metric(out);
      Maintainers.INSTANCE.metric(out);
      MaturityProfile.INSTANCE.metric(out);
      Consumers.INSTANCE.metric(out);
    } catch (IllegalArgumentException x) {
      throw new ParameterException(spec.commandLine(),
          "--approvers, --organizations, --profile, --consumers, --labels, --rfc-repositories, --accepted-labels, --postponed-labels,"
              + " --period, --inactive-after: " + x.getMessage());
    }
    return out;
  }

  private static Evaluation words(Evaluation e, Decisions d, String name, String value) {
    return value == null ? e : e.withParameter(d, name, value.strip());
  }

  private static Map<String, int[]> rules() {
    Map<String, int[]> m = new LinkedHashMap<>();
    m.put("rust-vmm", new int[] {3, 1, 1});
    m.put("rust-vmm-diverse", new int[] {3, 3, 1});
    m.put("two-companies", new int[] {2, 2, 1});
    m.put("scorecard-code-review", new int[] {1, 0, 0});
    return java.util.Collections.unmodifiableMap(m);
  }
}
