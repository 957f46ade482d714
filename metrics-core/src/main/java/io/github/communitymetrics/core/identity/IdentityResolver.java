package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Joins the actors that are one person, and says why.
 *
 * <p>Each enabled {@link MergeRule} turns an actor into keys (its forge id, its login, its e-mail
 * addresses, ...); actors that share a key are linked by a {@link MergeEvidence}, and the people
 * are the connected components of those links (union-find). A link between a bot and a non-bot
 * (according to the {@link BotDetector}) is never applied: it is reported as a {@link
 * RefusedMerge}, so a {@link Person} is either all bots or all people.
 *
 * <p>By default every rule but {@link MergeRule#SAME_NAME} is enabled, with an empty mailmap and
 * alias list and {@link BotDetector#defaults()}. {@code SAME_NAME} is opt-in because merging on a
 * display name alone is a known source of wrong merges (see its description).
 *
 * <p>The result depends only on the set of distinct actors: not on their order in the input, nor
 * on duplicates. Resolving the actors of one resulting person again gives that person back, and
 * resolving everything again gives the same partition.
 *
 * <p>Immutable and thread-safe.
 */
public final class IdentityResolver {
  private static final IdentityResolver DEFAULTS = builder().build();

  private final Set<MergeRule> rules;
  private final Mailmap mailmap;
  private final AliasList aliases;
  private final BotDetector botDetector;

  private IdentityResolver(Builder b) {
    this.rules = Collections.unmodifiableSet(EnumSet.copyOf(b.rules));
    this.mailmap = b.mailmap;
    this.aliases = b.aliases;
    this.botDetector = b.botDetector;
  }

  /** The resolver with the default rules, no mailmap, no aliases and the default bot detector. */
  public static IdentityResolver defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The enabled rules, in declaration order. */
  public Set<MergeRule> rules() {
    return rules;
  }

  /**
   * Joins the actors into people.
   *
   * @param actors any actors, in any order; duplicates are ignored
   * @return the people, their merge evidence and the refused merges
   */
  public Identities resolve(Collection<Actor> actors) {
    Checks.notNull(actors, "actors");
    actors.forEach(a -> Checks.notNull(a, "actor"));
    return new Resolution(rules, mailmap, aliases, botDetector).run(actors);
  }

  @Override
  public String toString() {
    return "IdentityResolver{rules="
        + rules
        + ", " + mailmap + ", " + aliases.entries().size() + " aliases, " + botDetector + "}";
  }

  /** Configures an {@link IdentityResolver}. Not thread-safe; {@link #build()} may be repeated. */
  public static final class Builder {
    private final EnumSet<MergeRule> rules = EnumSet.complementOf(EnumSet.of(MergeRule.SAME_NAME));
    private Mailmap mailmap = Mailmap.empty();
    private AliasList aliases = AliasList.empty();
    private BotDetector botDetector = BotDetector.defaults();

    private Builder() {}

    /** Turns a rule on. */
    public Builder enable(MergeRule rule) {
      rules.add(Checks.notNull(rule, "rule"));
      return this;
    }

    /** Turns a rule off. */
    public Builder disable(MergeRule rule) {
      rules.remove(Checks.notNull(rule, "rule"));
      return this;
    }

    /** The mailmap for {@link MergeRule#MAILMAP} (empty by default). */
    public Builder mailmap(Mailmap map) {
      this.mailmap = Checks.notNull(map, "mailmap");
      return this;
    }

    /** The aliases for {@link MergeRule#ALIAS} (none by default). */
    public Builder aliases(AliasList list) {
      this.aliases = Checks.notNull(list, "aliases");
      return this;
    }

    /** Decides which actors are bots ({@link BotDetector#defaults()} by default). */
    public Builder botDetector(BotDetector detector) {
      this.botDetector = Checks.notNull(detector, "bot detector");
      return this;
    }

    /** The resolver. */
    public IdentityResolver build() {
      return new IdentityResolver(this);
    }
  }
}
