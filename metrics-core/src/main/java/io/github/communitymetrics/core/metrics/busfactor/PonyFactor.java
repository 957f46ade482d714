package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.Concentration;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Period;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Apache (Kibble) Pony Factor: the top committers until their commits are more than half of
 * all commits in the 24 months before {@code asOf}; and the Meta-Pony Factor, the number of
 * distinct e-mail domains among those people. Sampled quarterly as well: the same numbers for the
 * 24 months before each of the last {@code quarters} UTC calendar quarter ends at or before
 * {@code asOf}, oldest first.
 *
 * <p><b>A person's domain.</b> People resolved from several addresses can have several domains;
 * each person contributes one: the alphabetically first of their domains that is not a public
 * one (webmail, forge noreply; {@link Affiliations#defaultPublicDomains()} and subdomains), else
 * the alphabetically first domain (so all Gmail users share {@code gmail.com}, as in Kibble,
 * which counts raw domains), else none (no address). This keeps the meta-pony factor at most the
 * pony factor.
 *
 * <p><b>State.</b> Counts per person per time bucket, the buckets being the intervals between all
 * sample windows' bounds, so every sample is a sum of whole buckets and merging stays exact.
 *
 * <p>Immutable; build from {@link #kibble(Instant, int)} and the {@code with...} methods.
 */
public final class PonyFactor implements SliceMetric<PonyFactor.State, PonyFactorResult> {
  private final ContributionType type;
  private final RepositoryScope scope;
  private final boolean includeBots;
  private final ShareRule rule;
  private final Instant asOf;
  private final int lookbackMonths;
  private final int quarters;
  // Derived: the sample windows (the headline last), the buckets and each sample's bucket range.
  private final List<Window> samples;
  private final List<Window> buckets;
  private final int[][] ranges;

  private PonyFactor(
      ContributionType type,
      RepositoryScope scope,
      boolean includeBots,
      ShareRule rule,
      Instant asOf,
      int lookbackMonths,
      int quarters) {
    this.type = Checks.notNull(type, "type");
    this.scope = Checks.notNull(scope, "scope");
    this.includeBots = includeBots;
    this.rule = Checks.notNull(rule, "rule");
    this.asOf = Checks.notNull(asOf, "asOf");
    this.lookbackMonths = Checks.positive(lookbackMonths, "lookbackMonths");
    this.quarters = Checks.notNegative(quarters, "quarters");
    List<Window> s = new ArrayList<>();
    Instant end = Period.containingUtc(asOf, PeriodUnit.QUARTER).window().start();
    for (int k = quarters - 1; k >= 0; k--) {
      s.add(lookback(end.atOffset(ZoneOffset.UTC).minusMonths(3L * k).toInstant()));
    }
    s.add(lookback(asOf));
    this.samples = List.copyOf(s);
    TreeSet<Instant> bounds = new TreeSet<>();
    for (Window w : samples) {
      bounds.add(w.start());
      bounds.add(w.end());
    }
    List<Instant> b = new ArrayList<>(bounds);
    List<Window> bw = new ArrayList<>();
    for (int i = 1; i < b.size(); i++) {
      bw.add(Window.of(b.get(i - 1), b.get(i)));
    }
    this.buckets = List.copyOf(bw);
    this.ranges = new int[samples.size()][];
    for (int i = 0; i < samples.size(); i++) {
      ranges[i] =
          new int[] {b.indexOf(samples.get(i).start()), b.indexOf(samples.get(i).end())};
    }
  }

  private Window lookback(Instant end) {
    return Window.of(end.atOffset(ZoneOffset.UTC).minusMonths(lookbackMonths).toInstant(), end);
  }

  private static final BinaryStateCodec<State> STATE_CODEC =
      BinaryStateCodec.of(
          "pony-factor",
          1,
          (s, out) -> {
            ContributionCounts.ACTORS.writeLayout(s.counts(), out);
            out.map(s.domains(), StateWriter.ACTORS, StateWriter::actor, StateWriter::sharedString);
          },
          in ->
              new State(
                  ContributionCounts.ACTORS.readLayout(in),
                  in.map("domains", in::actor, a -> in.sharedString())));

  /**
   * The mergeable state.
   *
   * @param counts commits per person key per time bucket
   * @param domains the chosen e-mail domain of each credited person who has one
   */
  public record State(ContributionCounts<Actor> counts, Map<Actor, String> domains) {
    /** Checks the components and copies the map. */
    public State {
      Checks.notNull(counts, "counts");
      domains = Map.copyOf(Checks.notNull(domains, "domains"));
    }

    /** The state of both slices. */
    public State merge(State other) {
      Map<Actor, String> d = new HashMap<>(domains);
      d.putAll(other.domains);
      return new State(counts.merge(other.counts), d);
    }
  }

  /**
   * The pony and meta-pony factors over one window.
   *
   * @param window the commits counted: {@code [end - 24 months, end)}
   * @param factor the pony people and the ranking
   * @param domains the distinct domains of the pony people: the meta-pony factor is its size
   */
  public record Sample(Window window, FactorResult<Actor> factor, Set<String> domains) {
    /** Checks the components and copies the set. */
    public Sample {
      Checks.notNull(window, "window");
      Checks.notNull(factor, "factor");
      domains = Collections.unmodifiableSet(new TreeSet<>(Checks.notNull(domains, "domains")));
    }

    /** The pony factor. */
    public int ponyFactor() {
      return factor.factor();
    }

    /** The meta-pony factor: distinct e-mail domains among the pony people. */
    public int metaPonyFactor() {
      return domains.size();
    }
  }

  /**
   * Kibble: commits in the 24 months before {@code asOf}, all repositories, bots excluded, more
   * than half, with {@code quarters} quarterly samples.
   */
  public static PonyFactor kibble(Instant asOf, int quarters) {
    return new PonyFactor(
        ContributionType.COMMIT, RepositoryScope.all(), false, ShareRule.MORE_THAN_HALF, asOf, 24, quarters);
  }

  /** The contributions counted by the headline value, {@code [asOf - lookback, asOf)}. */
  public Selection selection() {
    return new Selection(type, samples.get(samples.size() - 1), scope, includeBots);
  }

  /** The sample windows, quarterly ones first (oldest first), the headline window last. */
  public List<Window> sampleWindows() {
    return samples;
  }

  /** The share rule. */
  public ShareRule rule() {
    return rule;
  }

  /** The instant the headline value is for. */
  public Instant asOf() {
    return asOf;
  }

  /** The months of commits each value looks back over. */
  public int lookbackMonths() {
    return lookbackMonths;
  }

  /** How many quarterly samples. */
  public int quarters() {
    return quarters;
  }

  /** This metric over another contribution type. */
  public PonyFactor withContributionType(ContributionType value) {
    return new PonyFactor(value, scope, includeBots, rule, asOf, lookbackMonths, quarters);
  }

  /** This metric over other repositories. */
  public PonyFactor withScope(RepositoryScope value) {
    return new PonyFactor(type, value, includeBots, rule, asOf, lookbackMonths, quarters);
  }

  /** This metric with bots counted ({@code true}) or excluded ({@code false}, the default). */
  public PonyFactor withBots(boolean value) {
    return new PonyFactor(type, scope, value, rule, asOf, lookbackMonths, quarters);
  }

  /** This metric with another share rule. */
  public PonyFactor withRule(ShareRule value) {
    return new PonyFactor(type, scope, includeBots, value, asOf, lookbackMonths, quarters);
  }

  /** This metric as of another instant. */
  public PonyFactor withAsOf(Instant value) {
    return new PonyFactor(type, scope, includeBots, rule, value, lookbackMonths, quarters);
  }

  /** This metric over another lookback, in calendar months (UTC). */
  public PonyFactor withLookbackMonths(int value) {
    return new PonyFactor(type, scope, includeBots, rule, asOf, value, quarters);
  }

  /** This metric with another number of quarterly samples (0 for none). */
  public PonyFactor withQuarters(int value) {
    return new PonyFactor(type, scope, includeBots, rule, asOf, lookbackMonths, value);
  }

  @Override
  public State accumulate(EventStore slice, People people) {
    ContributionCounts<Actor> counts = Tally.byPerson(slice, people, selection(), buckets, false);
    Map<Actor, String> domains = new HashMap<>();
    for (int b = 0; b < counts.bucketCount(); b++) {
      for (Actor key : counts.counts(b).keySet()) {
        if (!domains.containsKey(key)) {
          domainOf(people.identities().personOf(key).orElseThrow()).ifPresent(d -> domains.put(key, d));
        }
      }
    }
    return new State(counts, domains);
  }

  /**
   * Layout: the contribution counts ({@link ContributionCounts#actorCodec()}'s layout), then each
   * person's domain.
   */
  @Override
  public StateCodec<State> stateCodec() {
    return STATE_CODEC;
  }

  @Override
  public State merge(State a, State b) {
    return a.merge(b);
  }

  @Override
  public PonyFactorResult finish(State state) {
    Checks.notNull(state, "state");
    Tally.Resolved<Actor> r = Tally.resolve(state.counts(), Tally.PERSON, includeBots);
    Map<Actor, String> domains = new HashMap<>(state.domains());
    // Openers credited only now, for merged pull requests without an author.
    state.counts().openers().values().forEach(
        op -> domainOf(op.person()).ifPresent(d -> domains.putIfAbsent(op.person().actors().get(0), d)));
    List<Sample> all = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      Selection sel = new Selection(type, samples.get(i), scope, includeBots);
      Concentration<Actor> c =
          Concentration.of(r.sum(ranges[i][0], ranges[i][1]), rule, Comparator.naturalOrder());
      Set<String> d = new TreeSet<>();
      for (Ranked<Actor> m : c.members()) {
        Optional.ofNullable(domains.get(m.key())).ifPresent(d::add);
      }
      long skipped = r.skipped(ranges[i][0], ranges[i][1]);
      all.add(new Sample(samples.get(i), new FactorResult<>(sel, c, skipped), d));
    }
    return new PonyFactorResult(all.get(all.size() - 1), all.subList(0, all.size() - 1));
  }

  /** A person's domain for the meta-pony factor; see the class description. */
  static Optional<String> domainOf(Person person) {
    TreeSet<String> domains = new TreeSet<>();
    for (String email : person.emails()) {
      int at = email.lastIndexOf('@');
      if (at >= 0 && at < email.length() - 1) {
        domains.add(email.substring(at + 1));
      }
    }
    for (String domain : domains) {
      if (!isPublic(domain)) {
        return Optional.of(domain);
      }
    }
    return domains.isEmpty() ? Optional.empty() : Optional.of(domains.first());
  }

  private static boolean isPublic(String domain) {
    for (String p : Affiliations.defaultPublicDomains()) {
      if (domain.equals(p) || domain.endsWith("." + p)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "PonyFactor[" + selection() + ", " + rule + ", asOf " + asOf + ", " + quarters + " quarters]";
  }
}
