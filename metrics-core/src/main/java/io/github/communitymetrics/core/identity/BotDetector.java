package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides whether an actor is an automated account, and says why.
 *
 * <p>An actor is a bot when, checked in this order:
 *
 * <ol>
 *   <li>its {@link Actor#kind()} is {@link ActorKind#BOT} (the forge said so);
 *   <li>its login, its name or the local part of one of its e-mail addresses ends with {@code
 *       [bot]}, ignoring case: the suffix GitHub gives app accounts, which also appears in their
 *       git author names and in {@code 49699333+dependabot[bot]@users.noreply.github.com};
 *   <li>its login, its name or the local part of one of its e-mail addresses (without a GitHub
 *       noreply {@code ID+} prefix) equals, ignoring case, a listed bot name (the {@linkplain
 *       #defaultNames() default list} unless turned off, plus names added to the builder); names
 *       compare with runs of spaces turned into {@code -}, so the git author name {@code Renovate
 *       Bot} matches {@code renovate-bot}; or one of its e-mail addresses is a listed bot address;
 *   <li>a {@linkplain Builder#addPattern(Pattern) user-supplied pattern} matches the whole login,
 *       name or one e-mail address.
 * </ol>
 *
 * <p>Names are compared whole, never as substrings: a person named Abbott or a login {@code
 * robotics-lab} is not a bot. Detection is per actor; {@link IdentityResolver} never puts a bot
 * and a person in one {@link Person}.
 *
 * <p>Immutable and thread-safe.
 */
public final class BotDetector {

  /**
   * Well-known automation accounts. {@code web-flow} is GitHub's committer for edits made in the
   * web interface and for merges done with the merge button: it is never the author of the change,
   * only the account that signed the commit, so an analysis that counts committers would otherwise
   * credit it as the most active contributor. {@code ghost} is the placeholder GitHub and GitLab
   * put in place of deleted users; it stands for nobody in particular and must not merge with
   * anyone.
   */
  private static final Set<String> DEFAULT_NAMES =
      sorted(
          List.of(
              "dependabot",
              "dependabot-preview",
              "renovate",
              "renovate-bot",
              "renovatebot",
              "github-actions",
              "web-flow",
              "codecov",
              "codecov-io",
              "codecov-commenter",
              "snyk-bot",
              "allcontributors",
              "all-contributors",
              "greenkeeper",
              "greenkeeperio-bot",
              "stale",
              "mergify",
              "imgbot",
              "pre-commit-ci",
              "netlify",
              "vercel",
              "sonarcloud",
              "coveralls",
              "gitlab-bot",
              "deepsource-autofix",
              "pull",
              "whitesource-bolt-for-github",
              "ghost"));

  /** {@code noreply@github.com} is the e-mail address of {@code web-flow} (see above). */
  private static final Set<String> DEFAULT_EMAILS = sorted(List.of("noreply@github.com"));

  private static final String BOT_SUFFIX = "[bot]";
  private static final Pattern NOREPLY_ID_PREFIX = Pattern.compile("^\\d+\\+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final BotDetector DEFAULTS = builder().build();

  private final Set<String> names;
  private final Set<String> emails;
  private final List<Pattern> patterns;

  private BotDetector(Builder b) {
    Set<String> n = new TreeSet<>(b.names);
    Set<String> e = new TreeSet<>();
    if (b.includeDefaults) {
      n.addAll(DEFAULT_NAMES);
      e.addAll(DEFAULT_EMAILS);
    }
    this.names = Collections.unmodifiableSet(n);
    this.emails = Collections.unmodifiableSet(e);
    this.patterns = List.copyOf(b.patterns);
  }

  /** The detector with the default list of bot names and no patterns. */
  public static BotDetector defaults() {
    return DEFAULTS;
  }

  /** A builder that starts with the default list on and no extra names or patterns. */
  public static Builder builder() {
    return new Builder();
  }

  /** The built-in bot names, lower-case, sorted. */
  public static Set<String> defaultNames() {
    return DEFAULT_NAMES;
  }

  /** The bot names this detector compares against, lower-case, sorted. */
  public Set<String> names() {
    return names;
  }

  /** Whether the actor is a bot; the same as {@code reason(actor).isPresent()}. */
  public boolean isBot(Actor actor) {
    return reason(actor).isPresent();
  }

  /**
   * Why the actor is a bot: the first rule (in the order of the class description) that fired,
   * with the value that fired it; empty if the actor is not a bot.
   */
  public Optional<String> reason(Actor actor) {
    Checks.notNull(actor, "actor");
    if (actor.kind() == ActorKind.BOT) {
      return Optional.of("the forge declared the account a bot (kind BOT)");
    }
    List<String[]> fields = fields(actor);
    for (String[] f : fields) {
      if (f[2].endsWith(BOT_SUFFIX)) {
        return Optional.of(f[0] + " '" + f[1] + "' ends with " + BOT_SUFFIX);
      }
    }
    for (String[] f : fields) {
      String key = SPACES.matcher(f[2]).replaceAll("-");
      if (names.contains(key)) {
        return Optional.of(f[0] + " '" + f[1] + "' is the listed bot name '" + key + "'");
      }
    }
    for (String e : actor.emails()) {
      if (emails.contains(Normalize.email(e))) {
        return Optional.of("e-mail '" + e + "' is a listed bot address");
      }
    }
    for (Pattern p : patterns) {
      for (String value : patternInputs(actor)) {
        if (p.matcher(value).matches()) {
          return Optional.of("'" + value + "' matches the pattern '" + p.pattern() + "'");
        }
      }
    }
    return Optional.empty();
  }

  /** {what, original value, normalised value} for login, name and e-mail local parts. */
  private static List<String[]> fields(Actor actor) {
    List<String[]> out = new ArrayList<>();
    actor.login().ifPresent(l -> out.add(new String[] {"login", l, Normalize.text(l)}));
    actor.name().ifPresent(n -> out.add(new String[] {"name", n, Normalize.text(n)}));
    for (String e : actor.emails()) {
      String local = NOREPLY_ID_PREFIX.matcher(Normalize.localPart(e)).replaceFirst("");
      out.add(new String[] {"e-mail local part of", e, local});
    }
    return out;
  }

  private static List<String> patternInputs(Actor actor) {
    List<String> out = new ArrayList<>();
    actor.login().ifPresent(out::add);
    actor.name().ifPresent(out::add);
    out.addAll(actor.emails());
    return out;
  }

  private static Set<String> sorted(Collection<String> values) {
    return Collections.unmodifiableSet(new TreeSet<>(values));
  }

  @Override
  public String toString() {
    return "BotDetector{names=" + names.size() + ", emails=" + emails + ", patterns=" + patterns + "}";
  }

  /** Configures a {@link BotDetector}. Not thread-safe; {@link #build()} may be called repeatedly. */
  public static final class Builder {
    private boolean includeDefaults = true;
    private final Set<String> names = new TreeSet<>();
    private final List<Pattern> patterns = new ArrayList<>();

    private Builder() {}

    /** Whether to use the {@linkplain BotDetector#defaultNames() built-in list} (on by default). */
    public Builder includeDefaults(boolean include) {
      this.includeDefaults = include;
      return this;
    }

    /**
     * Adds a bot name, compared whole and ignoring case with logins, names (spaces as {@code -})
     * and e-mail local parts.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public Builder addName(String name) {
      Checks.notBlank(name, "bot name");
      names.add(SPACES.matcher(Normalize.text(name)).replaceAll("-"));
      return this;
    }

    /** Adds every name, as {@link #addName(String)} does. */
    public Builder addNames(Collection<String> botNames) {
      Checks.notNull(botNames, "bot names").forEach(this::addName);
      return this;
    }

    /**
     * Adds a pattern that marks an actor a bot when it matches the whole login, the whole name or
     * one whole e-mail address ({@link java.util.regex.Matcher#matches()}, so write {@code
     * .*-ci} rather than {@code -ci}). Use {@link Pattern#CASE_INSENSITIVE} to ignore case.
     */
    public Builder addPattern(Pattern pattern) {
      patterns.add(Checks.notNull(pattern, "pattern"));
      return this;
    }

    /**
     * Adds a case-sensitive pattern, as {@link #addPattern(Pattern)} does.
     *
     * @throws java.util.regex.PatternSyntaxException if the expression is invalid
     */
    public Builder addPattern(String regex) {
      return addPattern(Pattern.compile(Checks.notNull(regex, "regex")));
    }

    /** The detector. */
    public BotDetector build() {
      return new BotDetector(this);
    }
  }
}
