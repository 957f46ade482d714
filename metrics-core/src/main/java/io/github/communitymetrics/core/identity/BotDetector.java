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
  private static final BotDetector DEFAULTS = builder().build();

  private final Set<String> names;
  /** {@link #names} for lookups: hashing, not a tree of string comparisons, per actor. */
  private final Set<String> nameLookup;
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
    this.nameLookup = Set.copyOf(n);
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
    // Issue 24: this runs for every actor of a store (a million a day of GH Archive), so the
    // fields are compared without a list of arrays, regular expressions or copies of unchanged
    // strings; the order and the messages are those of the class description.
    String[] normal = normalised(actor);
    for (int k = 0; k < normal.length; k++) {
      if (normal[k] != null && normal[k].endsWith(BOT_SUFFIX)) {
        return Optional.of(what(k) + " '" + original(actor, k) + "' ends with " + BOT_SUFFIX);
      }
    }
    for (int k = 0; k < normal.length; k++) {
      if (normal[k] != null) {
        String key = spacesToDashes(normal[k]);
        if (nameLookup.contains(key)) {
          return Optional.of(what(k) + " '" + original(actor, k) + "' is the listed bot name '" + key + "'");
        }
      }
    }
    if (!emails.isEmpty()) {
      for (String e : actor.emails()) {
        if (emails.contains(Normalize.email(e))) {
          return Optional.of("e-mail '" + e + "' is a listed bot address");
        }
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

  /**
   * The compared values: [0] the login and [1] the name, trimmed and lower-cased (null when
   * absent), then the local part of each e-mail address, normalised, without a GitHub noreply
   * {@code ID+} prefix.
   */
  private static String[] normalised(Actor actor) {
    List<String> emailList = actor.emails();
    String[] out = new String[2 + emailList.size()];
    if (actor.login().isPresent()) {
      out[0] = Normalize.text(actor.login().get());
    }
    if (actor.name().isPresent()) {
      out[1] = Normalize.text(actor.name().get());
    }
    for (int k = 0; k < emailList.size(); k++) {
      out[2 + k] = withoutNoreplyId(Normalize.localPart(emailList.get(k)));
    }
    return out;
  }

  private static String what(int field) {
    return field == 0 ? "login" : field == 1 ? "name" : "e-mail local part of";
  }

  private static String original(Actor actor, int field) {
    return field == 0
        ? actor.login().orElseThrow()
        : field == 1 ? actor.name().orElseThrow() : actor.emails().get(field - 2);
  }

  /** Drops a leading {@code digits+} (what {@code ^\d+\+} matches: ASCII digits). */
  static String withoutNoreplyId(String local) {
    int i = 0;
    while (i < local.length() && local.charAt(i) >= '0' && local.charAt(i) <= '9') {
      i++;
    }
    return i > 0 && i < local.length() && local.charAt(i) == '+' ? local.substring(i + 1) : local;
  }

  /**
   * Turns each run of white space into one {@code -}: what {@code \s+} replaced by {@code -}
   * gives, where {@code \s} is {@code [ \t\n\x0B\f\r]}. The string itself when it has none.
   */
  static String spacesToDashes(String text) {
    int first = 0;
    while (first < text.length() && !isSpace(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length()).append(text, 0, first);
    boolean inRun = false;
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        if (!inRun) {
          b.append('-');
          inRun = true;
        }
      } else {
        b.append(c);
        inRun = false;
      }
    }
    return b.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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
      names.add(spacesToDashes(Normalize.text(name)));
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
