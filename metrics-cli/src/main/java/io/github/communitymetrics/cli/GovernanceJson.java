package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.metrics.Concentration;
import io.github.communitymetrics.core.metrics.governance.ApprovalRule;
import io.github.communitymetrics.core.metrics.governance.Consumers;
import io.github.communitymetrics.core.metrics.governance.Decisions;
import io.github.communitymetrics.core.metrics.governance.Maintainers;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.report.ProfileCriteria;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON output of {@code governance} (docs/governance.md): one object per repository or owner,
 * null for every number without evidence, and in each object a {@code noData} member that says
 * why for each null, by its path in the object, as {@code newcomers} does.
 */
final class GovernanceJson {
  static final int SCHEMA_VERSION = 1;

  private GovernanceJson() {}

  static void write(PrintWriter out, GovernanceCommand.Run run) {
    GovernanceFindings.Settings s = run.settings();
    try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
      NewcomersJson.header(g, SCHEMA_VERSION, run.source(), run.simulated(), s.evaluation().window());
      parameters(g, s);
      g.writeArrayPropertyStart(s.organisation() ? "organisations" : "repositories");
      for (GovernanceFindings f : run.groups()) {
        group(g, f, s, run);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  private static void parameters(JsonGenerator g, GovernanceFindings.Settings s) {
    Evaluation e = s.evaluation();
    ApprovalRule.Rule r = s.approvalRule();
    g.writeObjectPropertyStart("parameters");
    g.writeStringProperty("scope", s.organisation() ? "organisation" : "repository");
    g.writeStringProperty("rule", s.rule());
    g.writeNumberProperty("approvers", r.approvers());
    g.writeNumberProperty("organizations", r.organizations());
    g.writeBooleanProperty("maintainersOnly", r.maintainersOnly());
    strings(g, "labels", e.words(Decisions.INSTANCE, "labels"));
    strings(g, "rfcRepositories", e.words(Decisions.INSTANCE, "rfcRepositories"));
    strings(g, "acceptedLabels", e.words(Decisions.INSTANCE, "acceptedLabels"));
    strings(g, "postponedLabels", e.words(Decisions.INSTANCE, "postponedLabels"));
    g.writeStringProperty("period", e.granularity(Decisions.INSTANCE, "period").word());
    g.writeNumberProperty("inactiveAfterDays", NewcomersJson.dayCount(s.inactiveAfter()));
    g.writeNumberProperty("list", s.list());
    g.writeStringProperty("profile", String.join(",", e.words(MaturityProfile.INSTANCE, "thresholds")));
    strings(g, "consumers", e.words(Consumers.INSTANCE, "consumers"));
    if (s.file().isEmpty()) {
      g.writeNullProperty("maintainersFile");
    } else {
      MaintainersFile f = s.file().get();
      g.writeObjectPropertyStart("maintainersFile");
      g.writeStringProperty("path", f.path().toString());
      g.writeStringProperty("format", f.format());
      g.writeNumberProperty("logins", f.entries().size());
      g.writeArrayPropertyStart("skipped");
      for (var k : f.skipped()) {
        g.writeStartObject();
        g.writeNumberProperty("line", k.line());
        g.writeStringProperty("problem", k.problem());
        g.writeEndObject();
      }
      g.writeEndArray();
      strings(g, "teams", f.teams());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void group(JsonGenerator g, GovernanceFindings f, GovernanceFindings.Settings s, GovernanceCommand.Run run) {
    ImpactJson.Why why = new ImpactJson.Why();
    g.writeStartObject();
    g.writeStringProperty("name", f.name());
    g.writeNumberProperty("events", f.events());
    approvals(g, why, f.approvals(), s, run);
    decisions(g, why, f.decisions());
    maintainers(g, why, f.maintainers(), run);
    if (f.listed().isEmpty()) {
      g.writeNullProperty("listedMaintainers");
    } else {
      listed(g, why, f.listed().get());
    }
    profile(g, why, f.profile());
    consumers(g, why, f.consumers());
    why.write(g);
    g.writeEndObject();
  }

  private static void approvals(
      JsonGenerator g, ImpactJson.Why why, ApprovalRule.Result r, GovernanceFindings.Settings s, GovernanceCommand.Run run) {
    g.writeObjectPropertyStart("approvals");
    g.writeNumberProperty("merged", r.rule().verdicts().size());
    g.writeNumberProperty("botAuthored", r.botAuthored());
    g.writeNumberProperty("unknownAuthor", r.unknownAuthor());
    outcome(g, why, "rule", r.rule());
    outcome(g, why, "rustVmm", r.rustVmm());
    outcome(g, why, "rustVmmDiverse", r.rustVmmDiverse());
    g.writeObjectPropertyStart("scorecard");
    g.writeNumberProperty("changesets", r.scorecard().changesets());
    g.writeNumberProperty("approved", r.scorecard().approved());
    NewcomersJson.figure(g, why, "approvals.scorecard.share", GovernanceFigures.scorecardShare(r.scorecard()));
    NewcomersJson.figure(g, why, "approvals.scorecard.score", GovernanceFigures.scorecardScore(r.scorecard()));
    g.writeEndObject();
    List<ApprovalRule.Verdict> unmet = r.rule().verdicts().stream().filter(v -> !v.met()).toList();
    g.writeNumberProperty("unmetCount", unmet.size());
    g.writeArrayPropertyStart("unmet");
    for (ApprovalRule.Verdict v : unmet.subList(0, Math.min(s.list(), unmet.size()))) {
      g.writeStartObject();
      g.writeStringProperty("pullRequest", v.pullRequest().toString());
      g.writeStringProperty("repository", v.pullRequest().repository().fullName());
      g.writeNumberProperty("number", v.pullRequest().number());
      g.writeStringProperty("merged", v.merged().toString());
      g.writeStringProperty("author", run.label().apply(v.author()));
      strings(g, "approvers", v.approvers().stream().map(run.label()).toList());
      strings(g, "organizations", v.organizations());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void outcome(JsonGenerator g, ImpactJson.Why why, String name, ApprovalRule.Outcome o) {
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("approvers", o.rule().approvers());
    g.writeNumberProperty("organizations", o.rule().organizations());
    g.writeNumberProperty("met", o.met());
    NewcomersJson.figure(g, why, "approvals." + name + ".share", GovernanceFigures.share(o));
    g.writeEndObject();
  }

  private static void decisions(JsonGenerator g, ImpactJson.Why why, Decisions.Result r) {
    g.writeObjectPropertyStart("decisions");
    summary(g, why, "decisions.", r.all());
    g.writeArrayPropertyStart("perPeriod");
    for (int i = 0; i < r.perPeriod().size(); i++) {
      Decisions.Summary p = r.perPeriod().get(i);
      g.writeStartObject();
      g.writeStringProperty("start", p.window().start().toString());
      g.writeStringProperty("end", p.window().end().toString());
      summary(g, why, "decisions.perPeriod[" + i + "].", p);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void summary(JsonGenerator g, ImpactJson.Why why, String path, Decisions.Summary s) {
    g.writeNumberProperty("items", s.proposals().size());
    for (Decisions.Outcome o : Decisions.Outcome.values()) {
      g.writeNumberProperty(o.name().toLowerCase(Locale.ROOT), s.proposals().stream().filter(p -> p.outcome() == o).count());
    }
    NewcomersJson.figure(g, why, path + "acceptance", GovernanceFigures.acceptance(s));
    NewcomersJson.figure(g, why, path + "timeToDecisionMedianDays", GovernanceFigures.medianDays(s));
    NewcomersJson.figure(g, why, path + "participantsMean", GovernanceFigures.participantsMean(s));
    NewcomersJson.figure(g, why, path + "effectiveOrganizationsMean", GovernanceFigures.effectiveOrganizationsMean(s));
    NewcomersJson.figure(g, why, path + "outsideMaintainersShare", GovernanceFigures.outsideMaintainersShare(s));
    g.writeNumberProperty("singleOrganizationKnown", s.singleOrganizationKnown());
    NewcomersJson.figure(g, why, path + "singleOrganizationShare", GovernanceFigures.singleOrganizationShare(s));
  }

  private static void maintainers(JsonGenerator g, ImpactJson.Why why, Maintainers.Result r, GovernanceCommand.Run run) {
    int n = r.maintainers().size();
    g.writeObjectPropertyStart("maintainers");
    g.writeNumberProperty("count", n);
    g.writeNumberProperty("active", r.active());
    g.writeNumberProperty("organizations", r.organizations());
    elephant(g, why, "maintainers.", r.elephant(), n);
    g.writeArrayPropertyStart("perPeriod");
    for (Maintainers.PeriodCount p : r.perPeriod()) {
      g.writeStartObject();
      g.writeStringProperty("start", p.period().start().toString());
      g.writeStringProperty("end", p.period().end().toString());
      g.writeNumberProperty("maintainers", p.maintainers());
      g.writeNumberProperty("active", p.active());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayPropertyStart("people");
    for (Maintainers.Maintainer m : r.maintainers()) {
      g.writeStartObject();
      g.writeStringProperty("name", run.label().apply(m.person()));
      optional(g, "organization", m.organization());
      g.writeStringProperty("since", m.since().toString());
      g.writeStringProperty("evidence", m.evidence().name().toLowerCase(Locale.ROOT));
      optional(g, "lastActivity", m.lastActivity().map(Object::toString));
      g.writeBooleanProperty("active", m.active());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void listed(JsonGenerator g, ImpactJson.Why why, GovernanceFindings.Listed l) {
    g.writeObjectPropertyStart("listedMaintainers");
    g.writeNumberProperty("count", l.maintainers().size());
    g.writeNumberProperty("active", l.active());
    g.writeNumberProperty("organizations", l.organizations());
    elephant(g, why, "listedMaintainers.", l.elephant(), l.maintainers().size());
    g.writeArrayPropertyStart("people");
    for (GovernanceFindings.ListedMaintainer m : l.maintainers()) {
      g.writeStartObject();
      g.writeStringProperty("login", m.login());
      g.writeBooleanProperty("inEvents", m.person().isPresent());
      optional(g, "organization", m.organization());
      optional(g, "lastActivity", m.lastActivity().map(Object::toString));
      g.writeBooleanProperty("active", m.active());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** The criteria in order, each with value (null without data), threshold and outcome: no total. */
  private static void profile(JsonGenerator g, ImpactJson.Why why, MaturityProfile.Result r) {
    g.writeObjectPropertyStart("maturityProfile");
    g.writeArrayPropertyStart("criteria");
    for (int i = 0; i < r.checks().size(); i++) {
      MaturityProfile.Check c = r.checks().get(i);
      g.writeStartObject();
      g.writeStringProperty("criterion", c.criterion().measurement());
      g.writeStringProperty("name", ProfileCriteria.name(c.criterion()));
      g.writeStringProperty("meaning", ProfileCriteria.meaning(c.criterion()));
      NewcomersJson.figure(g, why, "maturityProfile.criteria[" + i + "].value", GovernanceFigures.criterion(r, c));
      g.writeNumberProperty("threshold", c.threshold());
      g.writeStringProperty("comparison", c.comparison() == MaturityProfile.Comparison.MORE_THAN ? "more-than" : "at-least");
      g.writeStringProperty("outcome", ProfileCriteria.outcome(c).replace(' ', '-'));
      g.writeNumberProperty("evidence", c.evidence());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void consumers(JsonGenerator g, ImpactJson.Why why, Consumers.Result r) {
    g.writeObjectPropertyStart("consumers");
    g.writeNumberProperty("items", r.all().total());
    if (r.fromConsumers().isPresent()) {
      g.writeNumberProperty("fromConsumers", r.fromConsumers().get().total());
    } else {
      g.writeNullProperty("fromConsumers");
      why.add("consumers.fromConsumers", GovernanceFigures.consumersShare(r).why());
    }
    NewcomersJson.figure(g, why, "consumers.share", GovernanceFigures.consumersShare(r));
    g.writeArrayPropertyStart("perConsumer");
    for (int i = 0; i < r.consumers().size(); i++) {
      Consumers.Consumer c = r.consumers().get(i);
      g.writeStartObject();
      g.writeStringProperty("consumer", c.name());
      strings(g, "repositories", c.repositories().stream().map(x -> x.fullName()).toList());
      g.writeNumberProperty("people", c.people());
      g.writeNumberProperty("takingPart", c.takingPart());
      String path = "consumers.perConsumer[" + i + "].";
      NewcomerFigure share = GovernanceFigures.consumerShare(r, c);
      count(g, why, path + "issues", c.items().map(Consumers.Counts::issues), share.why());
      count(g, why, path + "pullRequests", c.items().map(Consumers.Counts::pullRequests), share.why());
      count(g, why, path + "reviews", c.items().map(Consumers.Counts::reviews), share.why());
      NewcomersJson.figure(g, why, path + "share", share);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** A count (an integer), or null with the reason. */
  private static void count(JsonGenerator g, ImpactJson.Why why, String path, Optional<Long> n, String reason) {
    String name = path.substring(path.lastIndexOf('.') + 1);
    if (n.isPresent()) {
      g.writeNumberProperty(name, n.get());
    } else {
      g.writeNullProperty(name);
      why.add(path, reason);
    }
  }

  private static void elephant(JsonGenerator g, ImpactJson.Why why, String path, Concentration<String> c, int n) {
    NewcomersJson.figure(g, why, path + "elephantFactor", GovernanceFigures.elephant(c, n));
    strings(g, "elephantOrganizations", c.members().stream().map(r -> r.key()).toList());
  }

  private static void optional(JsonGenerator g, String name, Optional<String> v) {
    if (v.isPresent()) {
      g.writeStringProperty(name, v.get());
    } else {
      g.writeNullProperty(name);
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values) {
    g.writeArrayPropertyStart(name);
    values.forEach(g::writeString);
    g.writeEndArray();
  }
}
