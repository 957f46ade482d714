package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.Identities;
import io.github.communitymetrics.core.identity.IdentityResolver;
import io.github.communitymetrics.core.identity.MergeEvidence;
import io.github.communitymetrics.core.identity.MergeRule;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.io.MalformedReason;
import io.github.communitymetrics.core.io.ReadReport;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.simulator.PlantedTruth;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What the {@code report} command says about a community, computed once and then printed as text
 * or JSON. Holds only what exists so far: activity, people after identity resolution, bots and
 * organisations; the metrics join it as they land.
 */
record CommunitySummary(
    String source,
    boolean simulated,
    Optional<ReadReport> readReport,
    Community community,
    Optional<PlantedTruth> plantedTruth) {

  /** The numbers, independent of where the events came from. */
  record Community(
      long events,
      long duplicatesDropped,
      Optional<Instant> firstEvent,
      Optional<Instant> lastEvent,
      Map<EventType, Long> eventsByType,
      List<RepositoryActivity> repositories,
      int actors,
      int people,
      int humans,
      int bots,
      List<String> botLabels,
      Map<MergeRule, Long> mergesByRule,
      int refusedMerges,
      int contributors,
      int organizations) {}

  /** Activity of one repository. */
  record RepositoryActivity(
      String repository,
      long stars,
      long forks,
      long issuesOpened,
      long pullRequestsOpened,
      long pullRequestsMerged,
      long reviews,
      long comments,
      long commits,
      long releases,
      int contributors) {}

  static CommunitySummary of(EventSource.Loaded loaded) {
    EventStore store = loaded.store();
    Identities identities = IdentityResolver.defaults().resolve(store.actors());
    return new CommunitySummary(
        loaded.label(),
        loaded.simulated(),
        loaded.readReport(),
        community(store, identities),
        loaded.truth());
  }

  private static Community community(EventStore store, Identities identities) {
    People people = People.of(store, identities);
    List<RepositoryActivity> repos = new ArrayList<>();
    Set<Integer> allContributors = new HashSet<>();
    for (Repository repo : store.repositories()) {
      EventStore slice = store.slice(repo);
      long[] byType = new long[EventType.values().length];
      Set<Integer> contributors = new HashSet<>();
      for (int i = 0; i < slice.size(); i++) {
        EventType t = slice.type(i);
        byType[t.ordinal()]++;
        int actor = slice.actorIndex(i);
        if (t != EventType.STAR && t != EventType.FORK && !people.isBot(actor)) {
          contributors.add(people.person(people.personOf(actor)).index());
        }
      }
      allContributors.addAll(contributors);
      repos.add(
          new RepositoryActivity(
              repo.fullName(),
              byType[EventType.STAR.ordinal()],
              byType[EventType.FORK.ordinal()],
              byType[EventType.ISSUE_OPENED.ordinal()],
              byType[EventType.PULL_REQUEST_OPENED.ordinal()],
              byType[EventType.PULL_REQUEST_MERGED.ordinal()],
              byType[EventType.REVIEW.ordinal()],
              byType[EventType.ISSUE_COMMENT.ordinal()] + byType[EventType.REVIEW_COMMENT.ordinal()],
              byType[EventType.COMMIT.ordinal()],
              byType[EventType.RELEASE.ordinal()],
              contributors.size()));
    }
    Map<MergeRule, Long> merges = new EnumMap<>(MergeRule.class);
    List<String> botLabels = new ArrayList<>();
    int bots = 0;
    Affiliations affiliations =
        Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build();
    Instant asOf = store.timeSpan().map(w -> w.end().minusNanos(1)).orElse(Instant.EPOCH);
    Set<String> organizations = new TreeSet<>();
    for (Person p : identities.people()) {
      for (MergeEvidence e : identities.evidence(p)) {
        merges.merge(e.rule(), 1L, Long::sum);
      }
      if (p.bot()) {
        bots++;
        botLabels.add(p.label());
      } else if (allContributors.contains(p.index())) {
        affiliations.organizationOf(p, asOf).ifPresent(organizations::add);
      }
    }
    botLabels.sort(null);
    return new Community(
        store.size(),
        store.duplicatesDropped(),
        store.isEmpty() ? Optional.empty() : Optional.of(store.instant(0)),
        store.isEmpty() ? Optional.empty() : Optional.of(store.instant(store.size() - 1)),
        new TreeMap<>(store.countByType()),
        repos,
        store.actors().size(),
        identities.size(),
        identities.size() - bots,
        bots,
        botLabels,
        merges,
        identities.refused().size(),
        allContributors.size(),
        organizations.size());
  }

  void writeText(PrintWriter out) {
    Community c = community;
    out.println("Community Metrics report");
    out.println("Source: " + source);
    readReport.ifPresent(r -> out.println("Read:   " + readLine(r)));
    if (c.firstEvent().isPresent()) {
      Instant first = c.firstEvent().get();
      Instant last = c.lastEvent().orElseThrow();
      out.printf(
          "Span:   first event %s, last event %s (UTC): %s%n",
          first, last, days(Duration.between(first, last)));
    }
    out.println();
    out.println("What is there");
    new TextTable("Question", "Answer", "Unit")
        .numeric(1)
        .row("How many events?", c.events(), "events (" + c.duplicatesDropped() + " duplicates dropped)")
        .row("How many repositories?", c.repositories().size(), "repositories")
        .row("How many accounts and git identities?", c.actors(), "actors")
        .row("People after identity resolution", c.people(), "people (bots included)")
        .row("Of whom bots", c.bots(), "bots (left out of people metrics)")
        .row("Who contributed beyond a star or fork?", c.contributors(), "people (bots excluded)")
        .row("How many organisations do they come from?", c.organizations(), "organisations (by e-mail domain)")
        .print(out, "  ");
    out.println();
    out.println("Events by type");
    TextTable types = new TextTable("Type", "Events").numeric(1);
    c.eventsByType().forEach((t, n) -> types.row(t.wireName(), n));
    types.print(out, "  ");
    out.println();
    out.println("Repositories");
    TextTable repos =
        new TextTable(
                "Repository", "Stars", "Forks", "Issues", "PRs", "Merged", "Reviews", "Comments",
                "Commits", "Releases", "Contributors")
            .numeric(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    for (RepositoryActivity r : c.repositories()) {
      repos.row(
          r.repository(), r.stars(), r.forks(), r.issuesOpened(), r.pullRequestsOpened(),
          r.pullRequestsMerged(), r.reviews(), r.comments(), r.commits(), r.releases(),
          r.contributors());
    }
    repos.print(out, "  ");
    out.println();
    out.println("Identity merges (why actors were joined into one person)");
    TextTable merges = new TextTable("Rule", "Merges").numeric(1);
    c.mergesByRule().forEach((rule, n) -> merges.row(rule.name().toLowerCase(java.util.Locale.ROOT), n));
    merges.row("refused (bot with person)", (long) c.refusedMerges());
    merges.print(out, "  ");
    if (!c.botLabels().isEmpty()) {
      out.println("  Bots: " + String.join(", ", c.botLabels()));
    }
    plantedTruth.ifPresent(
        t -> {
          out.println();
          out.println("Planted truth of the simulation (what the metrics should recover)");
          TextTable truth = new TextTable("Planted parameter", "Value");
          planted(t).forEach(truth::row);
          truth.print(out, "  ");
          TextTable designed =
              new TextTable("Repository", "Core team", "Designed truck factor", "Files")
                  .numeric(1, 2, 3);
          for (PlantedTruth.RepositoryTruth r : t.repositories()) {
            designed.row(
                r.repository().fullName(), r.coreTeam().size(), r.truckFactor(), r.totalFiles());
          }
          out.println();
          designed.print(out, "  ");
        });
    out.println();
    out.println(
        "Every metric of one repository (contributor confidence, bus-factor family, ladder):"
            + " community-metrics metrics [--repo OWNER/NAME]");
  }

  /** The {@code readReport} object of the JSON outputs (docs/cli-json.md). */
  static void writeReadReport(JsonGenerator g, ReadReport r) {
    writeRead(g, "readReport", r);
  }

  /**
   * A read report as a JSON object (docs/cli-json.md): lines, events, blank and malformed lines,
   * and the malformed lines per reason ({@code malformedByReason}, reasons with none left out).
   */
  static void writeRead(JsonGenerator g, String name, ReadReport r) {
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("lines", r.linesRead());
    g.writeNumberProperty("events", r.eventsRead());
    g.writeNumberProperty("blankLines", r.blankLines());
    g.writeNumberProperty("malformedLines", r.malformedLinesSkipped());
    g.writeObjectPropertyStart("malformedByReason");
    for (Map.Entry<MalformedReason, Long> e : r.malformedByReason().entrySet()) {
      g.writeNumberProperty(e.getKey().label(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** One line describing a read report: counts, and the malformed lines per reason. */
  static String readLine(ReadReport r) {
    return String.format(
            "%,d lines, %,d events, %,d blank, %,d malformed skipped",
            r.linesRead(), r.eventsRead(), r.blankLines(), r.malformedLinesSkipped())
        + reasons(r);
  }

  /** {@code " (invalid-json 2, ...)"}: the malformed lines per reason, or nothing without any. */
  static String reasons(ReadReport r) {
    if (r.malformedByReason().isEmpty()) {
      return "";
    }
    StringBuilder reasons = new StringBuilder();
    r.malformedByReason()
        .forEach((k, v) -> reasons.append(reasons.length() == 0 ? "" : ", ").append(k.label()).append(' ').append(v));
    return " (" + reasons + ")";
  }

  void writeJson(PrintWriter out) {
    Community c = community;
    try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeStringProperty("source", source);
      g.writeBooleanProperty("simulated", simulated);
      // "read" is the name every command uses; "readReport" stays for readers of schema 1.
      readReport.ifPresent(r -> writeRead(g, "read", r));
      readReport.ifPresent(r -> writeReadReport(g, r));
      g.writeObjectPropertyStart("community");
      g.writeNumberProperty("events", c.events());
      g.writeNumberProperty("duplicatesDropped", c.duplicatesDropped());
      if (c.firstEvent().isPresent()) {
        g.writeStringProperty("firstEvent", c.firstEvent().get().toString());
        g.writeStringProperty("lastEvent", c.lastEvent().orElseThrow().toString());
      }
      g.writeObjectPropertyStart("eventsByType");
      for (Map.Entry<EventType, Long> e : c.eventsByType().entrySet()) {
        g.writeNumberProperty(e.getKey().wireName(), e.getValue());
      }
      g.writeEndObject();
      g.writeNumberProperty("actors", c.actors());
      g.writeNumberProperty("people", c.people());
      g.writeNumberProperty("bots", c.bots());
      g.writeNumberProperty("contributors", c.contributors());
      g.writeNumberProperty("organizations", c.organizations());
      g.writeObjectPropertyStart("mergesByRule");
      for (Map.Entry<MergeRule, Long> e : c.mergesByRule().entrySet()) {
        g.writeNumberProperty(e.getKey().name().toLowerCase(java.util.Locale.ROOT), e.getValue());
      }
      g.writeEndObject();
      g.writeNumberProperty("refusedMerges", c.refusedMerges());
      g.writeArrayPropertyStart("repositories");
      for (RepositoryActivity r : c.repositories()) {
        g.writeStartObject();
        g.writeStringProperty("repo", r.repository());
        g.writeNumberProperty("stars", r.stars());
        g.writeNumberProperty("forks", r.forks());
        g.writeNumberProperty("issuesOpened", r.issuesOpened());
        g.writeNumberProperty("pullRequestsOpened", r.pullRequestsOpened());
        g.writeNumberProperty("pullRequestsMerged", r.pullRequestsMerged());
        g.writeNumberProperty("reviews", r.reviews());
        g.writeNumberProperty("comments", r.comments());
        g.writeNumberProperty("commits", r.commits());
        g.writeNumberProperty("releases", r.releases());
        g.writeNumberProperty("contributors", r.contributors());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      if (plantedTruth.isPresent()) {
        PlantedTruth t = plantedTruth.get();
        g.writeObjectPropertyStart("plantedTruth");
        for (Map.Entry<String, String> e : planted(t).entrySet()) {
          g.writeStringProperty(e.getKey(), e.getValue());
        }
        g.writeArrayPropertyStart("repositories");
        for (PlantedTruth.RepositoryTruth r : t.repositories()) {
          g.writeStartObject();
          g.writeStringProperty("repo", r.repository().fullName());
          g.writeNumberProperty("coreTeam", r.coreTeam().size());
          g.writeNumberProperty("truckFactor", r.truckFactor());
          g.writeNumberProperty("files", r.totalFiles());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    out.println();
  }

  /** The planted parameters, labelled with their units, in a stable order. */
  private static Map<String, String> planted(PlantedTruth t) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    long twoEmails = t.people().stream().filter(PlantedTruth.PersonTruth::hasTwoEmails).count();
    m.put("Star/fork to contributor conversion probability", String.valueOf(t.conversionProbability()));
    m.put("Median delay from star/fork to first contribution", days(t.conversionDelayMedian()));
    m.put("Stargazers converted", t.converted().size() + " of " + t.stargazers().size());
    m.put("Newcomers per repository per month", String.valueOf(t.newcomersPerMonth()));
    m.put("Monthly departure probability of contributors", String.valueOf(t.departureProbability()));
    m.put("Median first response to issues and PRs", hours(t.firstResponseMedian()));
    m.put("People", String.valueOf(t.people().size()));
    m.put("People with two e-mail addresses", String.valueOf(twoEmails));
    m.put("Maintainers granted access", String.valueOf(t.maintainers().size()));
    m.put("Bots", String.valueOf(t.bots().size()));
    return m;
  }

  private static String days(Duration d) {
    return String.format("%.1f days", d.toSeconds() / 86400.0);
  }

  private static String hours(Duration d) {
    return String.format("%.1f hours", d.toSeconds() / 3600.0);
  }
}
