package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.Concentration;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.newcomers.FirstPullRequestFate;
import io.github.communitymetrics.core.metrics.newcomers.Mentorship;
import io.github.communitymetrics.core.metrics.newcomers.MentorshipGroup;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerExperience;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerStaying;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerWelcomers;
import io.github.communitymetrics.core.metrics.newcomers.ProportionDifference;
import io.github.communitymetrics.core.metrics.newcomers.ResponseTimes;
import io.github.communitymetrics.core.metrics.newcomers.Staying;
import io.github.communitymetrics.core.metrics.responsiveness.Ratio;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.time.Window;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON output of {@code newcomers} (docs/newcomers.md): one object per repository or owner,
 * null for every number without evidence, and in each object a {@code noData} member that says
 * why for each null, by its path in the object ({@link ImpactJson.Why}, as {@code impact} does).
 */
final class NewcomersJson {
  static final int SCHEMA_VERSION = 1;

  private NewcomersJson() {}

  static void write(PrintWriter out, NewcomersCommand.Run run) {
    NewcomerFindings.Settings s = run.settings();
    try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
      head(g, SCHEMA_VERSION, run.source(), run.simulated(), run.asOf(), s.evaluation().window());
      parameters(g, s);
      g.writeArrayPropertyStart(s.organisation() ? "organisations" : "repositories");
      for (NewcomerFindings f : run.groups()) {
        group(g, f, s, run);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  /**
   * Opens the document and writes what {@code newcomers} and {@code governance} share: the schema
   * version, the source, whether it is simulated, the as-of instant (the window's end) and the window.
   */
  static void header(JsonGenerator g, int schemaVersion, String source, boolean simulated, Window window) {
    head(g, schemaVersion, source, simulated, window.end(), window);
  }

  /**
   * Opens the output object and writes what every such output starts with: the schema version,
   * the source, whether it is simulated, the as-of instant and the window.
   */
  static void head(JsonGenerator g, int schemaVersion, String source, boolean simulated, java.time.Instant asOf,
      io.github.communitymetrics.core.time.Window window) {
    g.writeStartObject();
    g.writeNumberProperty("schemaVersion", schemaVersion);
    g.writeStringProperty("source", source);
    g.writeBooleanProperty("simulated", simulated);
    g.writeStringProperty("asOf", asOf.toString());
    g.writeObjectPropertyStart("window");
    g.writeStringProperty("start", window.start().toString());
    g.writeStringProperty("end", window.end().toString());
    g.writeEndObject();
  }

  private static void parameters(JsonGenerator g, NewcomerFindings.Settings s) {
    Evaluation e = s.evaluation();
    g.writeObjectPropertyStart("parameters");
    g.writeStringProperty("contributionType", NewcomersCommand.word(s.type()));
    g.writeStringProperty("scope", s.scopeWord());
    g.writeStringProperty("period", e.granularity(NewcomerExperience.INSTANCE, "period").word());
    g.writeNumberProperty("quickResponseDays", dayCount(e.duration(NewcomerStaying.INSTANCE, "quickResponse")));
    g.writeNumberProperty("mentorMinimum", e.integer(Mentorship.INSTANCE, "mentorMinimum"));
    g.writeNumberProperty("mentorItems", e.integer(Mentorship.INSTANCE, "mentorItems"));
    g.writeNumberProperty("departureGapDays", dayCount(e.duration(Mentorship.INSTANCE, "departureGap")));
    g.writeNumberProperty("top", e.integer(NewcomerWelcomers.INSTANCE, "top"));
    g.writeArrayPropertyStart("horizonsDays");
    s.horizons().forEach(h -> g.writeNumber(dayCount(h)));
    g.writeEndArray();
    g.writeArrayPropertyStart("goodFirstLabels");
    NewcomerGoodFirstIssues.labels(e).forEach(g::writeString);
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void group(JsonGenerator g, NewcomerFindings f, NewcomerFindings.Settings s, NewcomersCommand.Run run) {
    ImpactJson.Why why = new ImpactJson.Why();
    NewcomerExperience.Result x = f.experience();
    g.writeStartObject();
    g.writeStringProperty("name", f.name());
    g.writeNumberProperty("events", f.events());
    g.writeNumberProperty("contributors", x.journeys().contributors());
    g.writeNumberProperty("newcomers", f.newcomers());
    g.writeArrayPropertyStart("perPeriod");
    for (NewcomerExperience.PeriodCount p : x.perPeriod()) {
      g.writeStartObject();
      g.writeStringProperty("start", p.period().start().toString());
      g.writeStringProperty("end", p.period().end().toString());
      g.writeNumberProperty("newcomers", p.newcomers());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectPropertyStart("firstResponse");
    waits(g, why, "firstResponse.", "newcomerIssues", x.issues());
    waits(g, why, "firstResponse.", "newcomerPullRequests", x.pullRequests());
    waits(g, why, "firstResponse.", "newcomerItems", x.items());
    waits(g, why, "firstResponse.", "establishedIssues", x.establishedIssues());
    waits(g, why, "firstResponse.", "establishedPullRequests", x.establishedPullRequests());
    waits(g, why, "firstResponse.", "establishedItems", x.establishedItems());
    g.writeEndObject();
    g.writeObjectPropertyStart("firstPullRequests");
    g.writeNumberProperty("count", x.closedWithoutHumanComment().denominator());
    ratio(g, why, "firstPullRequests.", "merged", x.firstPullRequestsMerged(), "no first pull request was merged or closed");
    g.writeNumberProperty("reviewed", x.firstReview().answered());
    g.writeNumberProperty("waitingForReview", x.firstReview().waiting());
    figure(g, why, "firstPullRequests.firstReviewMedianHours", NewcomerFigure.medianHours(x.firstReview(), "first pull requests"));
    ratio(g, why, "firstPullRequests.", "closedWithoutHumanComment", x.closedWithoutHumanComment(), "no first pull request");
    g.writeEndObject();
    staying(g, why, f.staying(), s);
    welcomers(g, why, f.welcomers(), run);
    mentorship(g, why, f.mentorship());
    NewcomerGoodFirstIssues.json(g, why, f.goodFirstIssues());
    why.write(g);
    g.writeEndObject();
  }

  private static void waits(JsonGenerator g, ImpactJson.Why why, String prefix, String name, ResponseTimes t) {
    String path = prefix + name + ".";
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("items", t.items());
    g.writeNumberProperty("answered", t.answered());
    g.writeNumberProperty("waiting", t.waiting());
    figure(g, why, path + "medianHours", NewcomerFigure.medianHours(t, "items"));
    figure(g, why, path + "answeredWithin1Day", NewcomerFigure.answeredWithin(t, NewcomerExperience.ONE_DAY, "items"));
    figure(g, why, path + "answeredWithin7Days", NewcomerFigure.answeredWithin(t, NewcomerExperience.SEVEN_DAYS, "items"));
    g.writeEndObject();
  }

  private static void ratio(JsonGenerator g, ImpactJson.Why why, String prefix, String name, Ratio r, String empty) {
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("count", r.numerator());
    g.writeNumberProperty("of", r.denominator());
    figure(g, why, prefix + name + ".share", NewcomerFigure.ratio(r, empty));
    g.writeEndObject();
  }

  private static void staying(JsonGenerator g, ImpactJson.Why why, NewcomerStaying.Result r, NewcomerFindings.Settings s) {
    g.writeObjectPropertyStart("staying");
    stayGroup(g, why, "staying.", "all", r.all(), s);
    g.writeObjectPropertyStart("byFirstPullRequest");
    for (FirstPullRequestFate f : FirstPullRequestFate.values()) {
      stayGroup(g, why, "staying.byFirstPullRequest.", f.name().toLowerCase(Locale.ROOT), r.byFirstPullRequest(f), s);
    }
    g.writeEndObject();
    stayGroup(g, why, "staying.", "quickResponse", r.quick(), s);
    stayGroup(g, why, "staying.", "slowResponse", r.slow(), s);
    Optional<ProportionDifference> d = r.quickMinusSlow();
    if (d.isEmpty()) {
      why.add("staying.quickMinusSlow90Days", differenceWhy(r));
      g.writeNullProperty("quickMinusSlow90Days");
    } else {
      ProportionDifference p = d.get();
      g.writeObjectPropertyStart("quickMinusSlow90Days");
      g.writeNumberProperty("estimate", p.estimate());
      g.writeNumberProperty("lower", p.lower());
      g.writeNumberProperty("upper", p.upper());
      g.writeNumberProperty("level", p.level());
      g.writeStringProperty("method", ProportionDifference.METHOD);
      g.writeNumberProperty("quickStayed", p.successes1());
      g.writeNumberProperty("quickFollowed", p.trials1());
      g.writeNumberProperty("slowStayed", p.successes2());
      g.writeNumberProperty("slowFollowed", p.trials2());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** Why the quick-minus-slow difference has no value. */
  static String differenceWhy(NewcomerStaying.Result r) {
    if (r.quick().followed90() == 0 && r.slow().followed90() == 0) {
      return "no newcomer was followed 90 days (first contribution at least 90 days before the end)";
    }
    return "no newcomer with a " + (r.quick().followed90() == 0 ? "quick" : "slow or no")
        + " first answer was followed 90 days";
  }

  private static void stayGroup(
      JsonGenerator g, ImpactJson.Why why, String prefix, String name, Staying st, NewcomerFindings.Settings s) {
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("newcomers", st.newcomers());
    g.writeNumberProperty("returned", st.returned());
    g.writeNumberProperty("followed90Days", st.followed90());
    g.writeNumberProperty("stayed90Days", st.stayed90());
    g.writeArrayPropertyStart("within");
    for (Duration h : s.horizons()) {
      g.writeStartObject();
      g.writeNumberProperty("days", dayCount(h));
      NewcomerFigure back = NewcomerFigure.back(st, h);
      if (back.value().isPresent()) {
        g.writeNumberProperty("share", back.value().getAsDouble());
      } else {
        g.writeNullProperty("share");
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    if (st.newcomers() == 0) {
      why.add(prefix + name + ".within", "nobody in this group");
    }
    g.writeEndObject();
  }

  private static void welcomers(JsonGenerator g, ImpactJson.Why why, NewcomerWelcomers.Result r, NewcomersCommand.Run run) {
    Concentration<Actor> c = r.welcomes();
    String none = "nobody welcomed a newcomer in the window";
    g.writeObjectPropertyStart("welcomers");
    g.writeNumberProperty("people", c.ranking().size());
    g.writeNumberProperty("welcomes", c.total());
    g.writeNumberProperty("newcomersWithFirstItem", r.withFirstItem());
    g.writeNumberProperty("welcomed", r.welcomed());
    g.writeNumberProperty("k", r.top());
    figure(g, why, "welcomers.topShare", NewcomerFigure.of(r.topShare(), none));
    figure(g, why, "welcomers.gini", NewcomerFigure.of(r.gini(), none));
    if (c.total() == 0) {
      g.writeNullProperty("absenceFactor");
      why.add("welcomers.absenceFactor", none);
    } else {
      g.writeNumberProperty("absenceFactor", c.factor());
    }
    figure(g, why, "welcomers.absenceFactorShare", NewcomerFigure.of(r.loadOnFactor(), none));
    g.writeArrayPropertyStart("top");
    List<Ranked<Actor>> ranking = c.ranking();
    for (Ranked<Actor> p : ranking.subList(0, Math.min(r.top(), ranking.size()))) {
      g.writeStartObject();
      g.writeStringProperty("person", run.label().apply(p.key()));
      g.writeNumberProperty("welcomes", p.count());
      g.writeNumberProperty("share", p.share());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void mentorship(JsonGenerator g, ImpactJson.Why why, Mentorship.Result r) {
    g.writeObjectPropertyStart("mentorship");
    g.writeNumberProperty("mentors", r.mentors().ranking().size());
    int all = r.journeys().newcomers().size();
    figure(g, why, "mentorship.mentoredShare",
        all == 0 ? NewcomerFigure.none("no newcomer in the window") : NewcomerFigure.of((double) r.mentored().newcomers() / all));
    mentorGroup(g, why, "mentored", r.mentored());
    mentorGroup(g, why, "notMentored", r.others());
    figure(g, why, "mentorship.retentionLogRankP", NewcomerFigure.logRank(r.retentionTest(), r.mentored(), r.others(), "departure"));
    figure(g, why, "mentorship.climbLogRankP", NewcomerFigure.logRank(r.climbTest(), r.mentored(), r.others(), "climb to D2"));
    figure(g, why, "mentorship.retentionLogRankPSameMonths", NewcomerFigure.logRank(r.retentionTestSameMonths(), r.mentored(), r.others(), "departure"));
    figure(g, why, "mentorship.climbLogRankPSameMonths", NewcomerFigure.logRank(r.climbTestSameMonths(), r.mentored(), r.others(), "climb to D2"));
    g.writeEndObject();
  }

  private static void mentorGroup(JsonGenerator g, ImpactJson.Why why, String name, MentorshipGroup m) {
    String path = "mentorship." + name + ".";
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("newcomers", m.newcomers());
    g.writeNumberProperty("departed", m.departed());
    g.writeNumberProperty("reachedD2", m.reachedD2());
    figure(g, why, path + "active180Days", NewcomerFigure.retained(m, Mentorship.HORIZON));
    figure(g, why, path + "reachedD2Within180Days", NewcomerFigure.climbed(m, Mentorship.HORIZON));
    g.writeEndObject();
  }

  /** The figure under the last name of {@code path}, its reason under the whole path when null. */
  static void figure(JsonGenerator g, ImpactJson.Why why, String path, NewcomerFigure f) {
    String name = path.substring(path.lastIndexOf('.') + 1);
    if (f.value().isPresent()) {
      g.writeNumberProperty(name, f.value().getAsDouble());
    } else {
      g.writeNullProperty(name);
      why.add(path, f.why());
    }
  }

  /** A duration in days, exactly (1.5 for 36 hours). */
  static double dayCount(Duration d) {
    return d.getSeconds() / 86400.0;
  }

  /** A duration for text: "2 days", "36 hours". */
  static String days(Duration d) {
    if (d.getSeconds() % 86400 == 0) {
      long n = d.toDays();
      return n + (n == 1 ? " day" : " days");
    }
    long h = d.toHours();
    return d.getSeconds() % 3600 == 0 ? h + (h == 1 ? " hour" : " hours") : d.toString();
  }
}
