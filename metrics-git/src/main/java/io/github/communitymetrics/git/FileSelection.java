package io.github.communitymetrics.git;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.git.internal.LinguistLanguages;
import io.github.communitymetrics.git.internal.LinguistRules;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which files of a snapshot a truck-factor analysis keeps: all of them minus those an {@link
 * ExclusionRule} or an explicit exclusion list names. Immutable and thread-safe; build one with
 * {@link #builder()} or take {@link #defaults()}.
 *
 * <p>The {@linkplain #defaults() defaults} classify files as GitHub Linguist 7.22.0 does for its
 * language statistics, from the path alone: its vendor and documentation rules, the generated-file
 * rules that the path decides, and the language of the file name, keeping only programming and
 * markup languages (see {@link Builder#addLinguistDefaults()}). Linguist also reads the content
 * (shebangs, generated headers, minified code, empty and binary files), which a path cannot: on
 * the 13 systems of the shared data the selection agrees with Linguist's own list with precision
 * 0.997 and recall 0.991 (docs/truck-factor.md).
 */
public final class FileSelection {
  private final List<ExclusionRule> rules;
  private final Map<String, ExclusionRule> explicit;
  private final boolean languages;
  // One rule per distinct reason text, so that equal exclusions share one explaining rule.
  private final Map<String, ExclusionRule> languageRules = new ConcurrentHashMap<>();
  // Reused matchers (a Matcher is not thread-safe, so one set per thread): trying every rule on
  // every path with fresh matchers allocated more than everything else in a truck-factor run.
  private final ThreadLocal<List<ExclusionRule.PathMatcher>> matchers =
      ThreadLocal.withInitial(this::newMatchers);

  private FileSelection(Builder builder) {
    this.rules = List.copyOf(builder.rules);
    this.explicit = Map.copyOf(builder.explicit);
    this.languages = builder.languages;
  }

  /** A selection that keeps every file. */
  public static FileSelection none() {
    return builder().build();
  }

  /**
   * The default selection: Linguist's vendor, documentation and path-only generated rules, then
   * Linguist's language by file name (programming and markup kept).
   */
  public static FileSelection defaults() {
    return builder().addLinguistDefaults().build();
  }

  /** An empty builder (no rule yet). */
  public static Builder builder() {
    return new Builder();
  }

  /** The pattern rules in the order they are tried; the first that matches explains an exclusion. */
  public List<ExclusionRule> rules() {
    return rules;
  }

  /** How many paths the explicit exclusion lists name. */
  public int explicitExclusions() {
    return explicit.size();
  }

  /**
   * The rule that excludes {@code path}, or empty if the file is kept. Explicit lists are consulted
   * before patterns.
   *
   * @param path a repository-relative path with {@code /} separators, as {@code git ls-files} prints
   *     it
   */
  public Optional<ExclusionRule> exclusionFor(String path) {
    Objects.requireNonNull(path, "path");
    return exclusionFor(path, matchers.get());
  }

  /** One reusable matcher per rule, in the rules' order, for one thread. */
  private List<ExclusionRule.PathMatcher> newMatchers() {
    List<ExclusionRule.PathMatcher> matchers = new ArrayList<>(rules.size());
    for (ExclusionRule rule : rules) {
      matchers.add(rule.matcher());
    }
    return matchers;
  }

  private Optional<ExclusionRule> exclusionFor(String path, List<ExclusionRule.PathMatcher> matchers) {
    ExclusionRule listed = explicit.get(path);
    if (listed != null) {
      return Optional.of(listed);
    }
    for (ExclusionRule.PathMatcher matcher : matchers) {
      if (matcher.matches(path)) {
        return Optional.of(matcher.rule());
      }
    }
    if (languages) {
      LinguistLanguages.Verdict verdict = LinguistLanguages.get().classify(path);
      if (!verdict.source()) {
        return Optional.of(languageRules.computeIfAbsent(verdict.key() + "\0" + verdict.reason(),
            k -> languageRule(verdict)));
      }
    }
    return Optional.empty();
  }

  /** The rule shown for a file whose language is not source: its extension or name, and why. */
  private static ExclusionRule languageRule(LinguistLanguages.Verdict verdict) {
    String key = verdict.key();
    Pattern pattern;
    if (key.isEmpty()) {
      pattern = Pattern.compile("[^/]*$"); // nothing in the name matched: the whole name is why
    } else if (key.startsWith(".")) {
      pattern = Pattern.compile(Pattern.quote(key) + "$", Pattern.CASE_INSENSITIVE);
    } else {
      pattern = Pattern.compile("(^|/)" + Pattern.quote(key) + "$");
    }
    return new ExclusionRule(ExclusionReason.NOT_SOURCE, pattern,
        "linguist " + LinguistLanguages.VERSION + " languages.yml: " + verdict.reason());
  }

  /** Whether {@code path} is kept. */
  public boolean keeps(String path) {
    return exclusionFor(path).isEmpty();
  }

  /** Applies the selection to the files of a snapshot, keeping their order. */
  public SelectionResult select(Iterable<String> paths) {
    Objects.requireNonNull(paths, "paths");
    List<String> kept = new ArrayList<>();
    Map<String, ExclusionRule> excluded = new LinkedHashMap<>();
    List<ExclusionRule.PathMatcher> own = matchers.get();
    for (String path : paths) {
      Optional<ExclusionRule> rule = exclusionFor(Objects.requireNonNull(path, "path"), own);
      if (rule.isPresent()) {
        excluded.put(path, rule.get());
      } else {
        kept.add(path);
      }
    }
    return new SelectionResult(kept, excluded);
  }

  /** The number of rules and of explicitly listed paths. */
  @Override
  public String toString() {
    return "FileSelection[" + rules.size() + " rules, " + explicit.size() + " listed paths]";
  }

  /** Builds a {@link FileSelection}. Not thread-safe. */
  public static final class Builder {
    private final List<ExclusionRule> rules = new ArrayList<>();
    private final Map<String, ExclusionRule> explicit = new HashMap<>();
    private boolean languages;

    private Builder() {}

    /**
     * Adds the default rules, in this order: Linguist 7.22.0's {@code documentation.yml}, {@code
     * vendor.yml} (both verbatim), the path-only checks of {@code generated.rb}, and then
     * {@link #addLinguistLanguages()}.
     */
    public Builder addLinguistDefaults() {
      add(ExclusionReason.DOCUMENTATION, LinguistRules.DOCUMENTATION, "linguist documentation.yml");
      add(ExclusionReason.VENDORED, LinguistRules.VENDOR, "linguist vendor.yml");
      add(ExclusionReason.GENERATED, LinguistRules.GENERATED, "linguist generated.rb (path rules)");
      return addLinguistLanguages();
    }

    /**
     * Keeps, after every pattern rule and explicit list, only files whose Linguist 7.22.0 language
     * by name is of type programming or markup, the types Linguist counts in language statistics;
     * the others are excluded as {@link ExclusionReason#NOT_SOURCE}. Ambiguous names and scripts
     * without an extension are decided as {@code internal.LinguistLanguages} describes.
     */
    public Builder addLinguistLanguages() {
      languages = true;
      return this;
    }

    private void add(ExclusionReason reason, List<String> regexes, String source) {
      for (String regex : regexes) {
        rules.add(ExclusionRule.of(reason, regex, source));
      }
    }

    /** Adds one rule after those already added. */
    public Builder addRule(ExclusionRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Excludes one path exactly (no pattern).
     *
     * @param path a repository-relative path with {@code /}
     * @param source where the exclusion comes from, shown by {@link ExclusionRule#source()}
     */
    public Builder excludePath(String path, String source) {
      Objects.requireNonNull(path, "path");
      explicit.putIfAbsent(
          path, new ExclusionRule(ExclusionReason.EXPLICIT, Pattern.compile(Pattern.quote(path)), source));
      return this;
    }

    /**
     * Adds the rules of the paper's {@code patterns.txt} (Avelino et al., ICPC 2016): lines
     * {@code LIKE <CATEGORY> <pattern>} (an SQL {@code LIKE} pattern matched against the whole
     * path: {@code %} any run of characters, {@code _} one character, case-sensitive) and {@code
     * POSIX <CATEGORY> <regex>} (searched anywhere in the path). Blank lines and lines starting
     * with {@code #} are skipped. Categories: {@code LIBRARY} becomes {@link
     * ExclusionReason#VENDORED}, {@code DOCUMENTATION} and {@code EXAMPLES} become {@link
     * ExclusionReason#DOCUMENTATION}, {@code OTHER} becomes {@link ExclusionReason#OTHER}.
     *
     * @param in the list; read to its end, not closed
     * @param source its name for messages and {@link ExclusionRule#source()} (e.g. the file name)
     * @throws FileSelectionException on a line of another shape, naming {@code source} and the line
     * @throws CommunityMetricsIoException if reading {@code in} fails, naming {@code source}
     */
    public Builder addPaperPatterns(BufferedReader in, String source) {
      Objects.requireNonNull(in, "in");
      Objects.requireNonNull(source, "source");
      int lineNumber = 0;
      try {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lineNumber++;
          String trimmed = line.strip();
          if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            continue;
          }
          String[] parts = trimmed.split("\\s+", 3);
          String where = source + ":" + lineNumber;
          if (parts.length != 3) {
            throw new FileSelectionException(
                where + ": expected 'LIKE|POSIX CATEGORY pattern', got '" + trimmed + "'");
          }
          ExclusionReason reason = paperCategory(parts[1], where);
          Pattern pattern;
          try {
            pattern = switch (parts[0]) {
              case "LIKE" -> Pattern.compile(likeToRegex(parts[2]));
              case "POSIX" -> Pattern.compile(parts[2]);
              default -> throw new FileSelectionException(
                  where + ": unknown pattern kind '" + parts[0] + "' (LIKE or POSIX)");
            };
          } catch (PatternSyntaxException e) {
            throw new FileSelectionException(where + ": bad pattern: " + e.getDescription(), e);
          }
          rules.add(new ExclusionRule(reason, pattern, where));
        }
      } catch (IOException e) {
        throw CommunityMetricsIoException.of("cannot read " + source, e);
      }
      return this;
    }

    /**
     * Adds the paths of one system from a list in the paper's filtered-files format: lines {@code
     * system;path;filterinfo} (e.g. {@code owner/name;lib/x.js;#Remove(all): ...#}), the first
     * line or any line starting with {@code #} a comment. Lines of other systems are skipped.
     *
     * @param in the list; read to its end, not closed
     * @param system the first column to keep, e.g. {@code "rails/rails"}; empty keeps every line
     * @param source its name for messages and {@link ExclusionRule#source()}
     * @throws FileSelectionException on a line without a path, naming {@code source} and the line
     * @throws CommunityMetricsIoException if reading {@code in} fails, naming {@code source}
     */
    public Builder excludeListed(BufferedReader in, String system, String source) {
      Objects.requireNonNull(in, "in");
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(source, "source");
      int lineNumber = 0;
      try {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lineNumber++;
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          int first = line.indexOf(';');
          if (first < 0) {
            throw new FileSelectionException(
                source + ":" + lineNumber + ": expected 'system;path[;filterinfo]', got '" + line + "'");
          }
          if (!system.isEmpty() && !line.substring(0, first).equals(system)) {
            continue;
          }
          // The filter info never holds ';' before its final '#', while a path might: cut at the
          // last ';' only when a third column exists.
          int last = line.lastIndexOf(';');
          String path = last > first ? line.substring(first + 1, last) : line.substring(first + 1);
          if (path.isEmpty()) {
            throw new FileSelectionException(source + ":" + lineNumber + ": empty path");
          }
          excludePath(path, source + ":" + lineNumber);
        }
      } catch (IOException e) {
        throw CommunityMetricsIoException.of("cannot read " + source, e);
      }
      return this;
    }

    /** The selection with the rules added so far. */
    public FileSelection build() {
      return new FileSelection(this);
    }
  }

  private static ExclusionReason paperCategory(String category, String where) {
    return switch (category) {
      case "LIBRARY" -> ExclusionReason.VENDORED;
      case "DOCUMENTATION", "EXAMPLES" -> ExclusionReason.DOCUMENTATION;
      case "OTHER" -> ExclusionReason.OTHER;
      default -> throw new FileSelectionException(
          where + ": unknown category '" + category + "' (LIBRARY, DOCUMENTATION, EXAMPLES, OTHER)");
    };
  }

  /** An SQL LIKE pattern as an anchored regular expression. */
  static String likeToRegex(String like) {
    StringBuilder regex = new StringBuilder("^");
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '%' || c == '_') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return regex.append('$').toString();
  }
}
