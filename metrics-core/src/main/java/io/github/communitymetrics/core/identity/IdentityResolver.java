package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.store.EventStore;
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
  // Declared before DEFAULTS, whose builder copies it.
  private static final Set<String> DEFAULT_SHARED_EMAILS =
      Set.of(
          "you@example.com",
          "your_email@example.com",
          "your-email@example.com",
          "youremail@example.com",
          "email@example.com",
          "user@example.com",
          "name@example.com",
          "test@example.com",
          "noreply@github.com",
          "none@none",
          "unknown@unknown",
          "nobody@nowhere");

  private static final IdentityResolver DEFAULTS = builder().build();

  private final Set<MergeRule> rules;
  private final Mailmap mailmap;
  private final AliasList aliases;
  private final BotDetector botDetector;
  private final Set<String> sharedEmails;

  private IdentityResolver(Builder b) {
    this.rules = Collections.unmodifiableSet(EnumSet.copyOf(b.rules));
    this.mailmap = b.mailmap;
    this.aliases = b.aliases;
    this.botDetector = b.botDetector;
    this.sharedEmails = Set.copyOf(b.sharedEmails);
  }

  /**
   * E-mail addresses that many unrelated people commit with, which {@link MergeRule#SAME_EMAIL}
   * therefore never matches on: tutorial placeholders such as {@code you@example.com}, GitHub's
   * web-flow committer address, and (by rule, not listed here) any address at {@code localhost}
   * or at a host ending in {@code (none)}, which is what git writes when no address is configured.
   */
  public static Set<String> defaultSharedEmails() {
    return DEFAULT_SHARED_EMAILS;
  }

  static boolean isSharedPlaceholder(String normalEmail, Set<String> shared) {
    if (shared.contains(normalEmail)) {
      return true;
    }
    // The domain (after the last '@') tested without cutting it out: none of the suffixes holds
    // an '@', so "ends with @localhost" is "the domain is localhost", and so on.
    return normalEmail.endsWith("@localhost")
        || normalEmail.endsWith("@localhost.localdomain")
        || (normalEmail.endsWith("(none)") && normalEmail.indexOf('@') >= 0);
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
    return new Resolution(rules, mailmap, aliases, botDetector, sharedEmails).run(actors);
  }

  /**
   * Joins the store's actors into people: the same result as {@code resolve(store.actors())},
   * with less work and memory. The store's actors are distinct and sorted already, so they are
   * neither checked nor sorted, and the result reads them from the store (which rebuilds each on
   * demand) instead of keeping a copy of each: at a million actors, the copies were most of the
   * result's memory. {@link Identities#personIndices} of {@code store.actors()} is then a copy of
   * an array.
   */
  public Identities resolve(EventStore store) {
    return resolve(store, 1);
  }

  /**
   * As {@link #resolve(EventStore)}, the actors read and their keys derived on {@code threads}
   * threads (the calling one puts the keys together in the actors' order): the same result,
   * whatever the number.
   *
   * @throws IllegalArgumentException if {@code threads} is less than 1
   */
  public Identities resolve(EventStore store, int threads) {
    Checks.notNull(store, "store");
    Checks.positive(threads, "threads");
    return new Resolution(rules, mailmap, aliases, botDetector, sharedEmails)
        .threads(threads)
        .runDistinctSorted(store.actors());
  }

  /**
   * Joins the actors of two stores into people: the same result as {@link #resolve(EventStore)}
   * of one store holding both stores' events (its actors are the union of theirs), without
   * building that store. {@link Identities#personIndices} of either store's actors is then a
   * copy of an array, so {@link io.github.communitymetrics.core.metrics.People#of} each store
   * with the result costs no rebuilt actor. For a large store and a small one that came after it
   * (a new hour): the small one's actors are searched for among the large one's, which are
   * rebuilt only as the resolution reads them.
   */
  public Identities resolve(EventStore first, EventStore second) {
    return resolve(first, second, 1);
  }

  /**
   * As {@link #resolve(EventStore, EventStore)} on {@code threads} threads (see {@link
   * #resolve(EventStore, int)}): the same result, whatever the number.
   *
   * @throws IllegalArgumentException if {@code threads} is less than 1
   */
  public Identities resolve(EventStore first, EventStore second, int threads) {
    Checks.notNull(first, "first");
    Checks.notNull(second, "second");
    Checks.positive(threads, "threads");
    return new Resolution(rules, mailmap, aliases, botDetector, sharedEmails)
        .threads(threads)
        .runDistinctSorted(new UnionActors(first, second));
  }

  /**
   * Reads a store's actors for {@link #resolve(Prepared, EventStore, int)}: the store resolved
   * alone ({@link Prepared#identities()}, as {@link #resolve(EventStore, int)} gives), and what
   * reading its actors found, kept so that resolving it again together with a later, smaller
   * store reads only the smaller store's actors. The kept tables take memory of the order of
   * the store's actor table.
   *
   * @throws IllegalArgumentException if {@code threads} is less than 1
   */
  public Prepared prepare(EventStore store, int threads) {
    Checks.notNull(store, "store");
    Checks.positive(threads, "threads");
    Resolution resolution = new Resolution(rules, mailmap, aliases, botDetector, sharedEmails).threads(threads);
    Resolution.Read read = resolution.prepare(store.actors());
    return new Prepared(this, store, read, resolution.resolve(read));
  }

  /**
   * As {@link #resolve(EventStore, EventStore, int)} of {@code first}'s store and {@code
   * second}, the same result, reading only {@code second}'s actors: {@code first}'s tables are
   * copied with {@code second}'s actors put in, and {@code first}'s GitHub accounts are rebuilt
   * only when {@code second} brings a noreply address that may be theirs. For a store kept
   * across updates and the events since (IncrementalScores): the cost follows the new actors,
   * plus copying and linking the tables.
   *
   * @throws IllegalArgumentException if {@code first} was prepared by another resolver, or
   *     {@code threads} is less than 1
   */
  public Identities resolve(Prepared first, EventStore second, int threads) {
    Checks.notNull(first, "first");
    Checks.notNull(second, "second");
    Checks.positive(threads, "threads");
    Checks.argument(first.resolver == this, "prepared by another resolver: " + first.resolver);
    return new Resolution(rules, mailmap, aliases, botDetector, sharedEmails)
        .threads(threads)
        .resolveWith(first.read, new UnionActors(first.store, second, first.rebuilt), second.actors());
  }

  /**
   * A store's actors as {@link #prepare} read them, to resolve that store together with later
   * ones. Immutable.
   */
  public static final class Prepared {
    private final IdentityResolver resolver;
    private final EventStore store;
    private final Resolution.Read read;
    private final Identities identities;
    /**
     * The store's actors as the unions with later stores rebuild them (the people's keys of
     * every update, say), kept: each is rebuilt once while this is kept.
     */
    private final Actor[] rebuilt;

    private Prepared(IdentityResolver resolver, EventStore store, Resolution.Read read, Identities identities) {
      this.rebuilt = new Actor[store.actors().size()];
      this.resolver = resolver;
      this.store = store;
      this.read = read;
      this.identities = identities;
    }

    /** The store whose actors these are. */
    public EventStore store() {
      return store;
    }

    /** The store's actors resolved alone: {@code resolve(store(), threads)}. */
    public Identities identities() {
      return identities;
    }

    @Override
    public String toString() {
      return "Prepared{" + store.actors().size() + " actors}";
    }
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
    private final Set<String> sharedEmails = new java.util.HashSet<>(DEFAULT_SHARED_EMAILS);
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

    /**
     * Adds addresses that {@link MergeRule#SAME_EMAIL} must not match on, because unrelated
     * people share them (compared trimmed and ignoring case).
     */
    public Builder sharedEmails(Collection<String> emails) {
      for (String e : Checks.notNull(emails, "emails")) {
        sharedEmails.add(Normalize.email(Checks.notBlank(e, "email")));
      }
      return this;
    }

    /** Lets {@link MergeRule#SAME_EMAIL} match on every address, placeholders included. */
    public Builder noSharedEmails() {
      sharedEmails.clear();
      return this;
    }

    /** The resolver. */
    public IdentityResolver build() {
      return new IdentityResolver(this);
    }
  }
}
