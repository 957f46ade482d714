package io.github.communitymetrics.git;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule of a {@link FileSelection}: a Java regular expression searched for (as with {@link
 * Matcher#find()}, which is how Linguist applies its lists) in a repository-relative path with
 * {@code /} separators, the reason it stands for, and where it comes from, so that every exclusion
 * explains itself. Immutable.
 */
public final class ExclusionRule {
  private static final String SEGMENT_START = "(^|/)";
  private static final String SEGMENT_START_ESCAPED = "(^|\\/)";
  // A leading group that may match the empty string changes nothing about whether find() matches,
  // but makes it try every length at every position (quadratic in the path's length).
  private static final java.util.List<String> EMPTY_PREFIXES =
      java.util.List.of("(.*?)", "(.*)", ".*?", ".*", "([^\\s]*)");

  private final ExclusionReason reason;
  private final Pattern pattern;
  private final String source;
  // Most Linguist rules start with ^ or (^|/): they can only match at the start of the path or of
  // a segment, so only those positions are tried instead of every character (a plain find()).
  private final Pattern segmentTail;
  private final boolean anchored;
  private final Pattern unanchored;

  /**
   * Creates a rule.
   *
   * @param reason the kind of file the rule excludes
   * @param pattern the regular expression, searched anywhere in the path (anchor it with {@code ^}
   *     or {@code (^|/)} to match whole segments)
   * @param source where the rule comes from, for a person to read (e.g. {@code "linguist
   *     vendor.yml"} or {@code "patterns.txt:12"}); not blank
   */
  public ExclusionRule(ExclusionReason reason, Pattern pattern, String source) {
    this.reason = Objects.requireNonNull(reason, "reason");
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.source = Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank");
    }
    String regex = pattern.pattern();
    boolean plainFlags = pattern.flags() == 0 && !topLevelAlternation(regex);
    String emptyPrefix = plainFlags
        ? EMPTY_PREFIXES.stream().filter(regex::startsWith).findFirst().orElse(null)
        : null;
    unanchored = emptyPrefix == null || regex.matches(".*\\\\[1-9].*")
        ? pattern
        : withoutPrefix(pattern, regex.substring(emptyPrefix.length()));
    if (plainFlags && regex.startsWith(SEGMENT_START)) {
      segmentTail = Pattern.compile(regex.substring(SEGMENT_START.length()));
    } else if (plainFlags && regex.startsWith(SEGMENT_START_ESCAPED)) {
      segmentTail = Pattern.compile(regex.substring(SEGMENT_START_ESCAPED.length()));
    } else {
      segmentTail = null;
    }
    anchored = plainFlags && segmentTail == null && regex.startsWith("^");
  }

  /**
   * A rule from a regular expression in Java syntax.
   *
   * @throws java.util.regex.PatternSyntaxException if {@code regex} is not a valid expression
   */
  public static ExclusionRule of(ExclusionReason reason, String regex, String source) {
    return new ExclusionRule(reason, Pattern.compile(Objects.requireNonNull(regex, "regex")), source);
  }

  /** The kind of file the rule excludes. */
  public ExclusionReason reason() {
    return reason;
  }

  /** The regular expression, searched anywhere in the path. */
  public Pattern pattern() {
    return pattern;
  }

  /** Where the rule comes from, for a person to read. */
  public String source() {
    return source;
  }

  /** Whether this rule excludes {@code path} (a repository-relative path with {@code /}). */
  public boolean matches(String path) {
    return new PathMatcher(this).matches(Objects.requireNonNull(path, "path"));
  }

  /**
   * A matcher of this rule that is reset for each path instead of created anew: a selection tries
   * every rule on every path (170 rules times thousands of paths), and a fresh {@link Matcher}
   * each time was half of everything the truck-factor command allocated. Not thread-safe.
   */
  PathMatcher matcher() {
    return new PathMatcher(this);
  }

  /** See {@link #matcher()}. */
  static final class PathMatcher {
    private final ExclusionRule rule;
    private final Matcher matcher;

    private PathMatcher(ExclusionRule rule) {
      this.rule = rule;
      if (rule.anchored) {
        matcher = rule.pattern.matcher("");
      } else if (rule.segmentTail == null) {
        matcher = rule.unanchored.matcher("");
      } else {
        matcher = rule.segmentTail.matcher("").useAnchoringBounds(false)
            .useTransparentBounds(true);
      }
    }

    /** The rule this matcher applies. */
    ExclusionRule rule() {
      return rule;
    }

    /** Whether the rule excludes {@code path}. */
    boolean matches(String path) {
      // reset keeps the anchoring and transparency of the bounds, and the matcher's arrays.
      Matcher m = matcher.reset(path);
      if (rule.anchored) {
        return m.lookingAt();
      }
      if (rule.segmentTail == null) {
        return m.find();
      }
      int start = 0;
      while (true) {
        if (m.region(start, path.length()).lookingAt()) {
          return true;
        }
        int slash = path.indexOf('/', start);
        if (slash < 0) {
          return false;
        }
        start = slash + 1;
      }
    }
  }

  private static Pattern withoutPrefix(Pattern original, String rest) {
    try {
      return Pattern.compile(rest);
    } catch (java.util.regex.PatternSyntaxException e) {
      return original; // e.g. "(.*)?x": the prefix was quantified, keep the rule as written
    }
  }

  /** Whether {@code regex} has a {@code |} outside groups and classes (then no prefix anchors it). */
  private static boolean topLevelAlternation(String regex) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return true;
      }
    }
    return false;
  }

  /** Equal when reason, pattern text, pattern flags and source are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ExclusionRule r && reason == r.reason && source.equals(r.source)
        && pattern.pattern().equals(r.pattern.pattern()) && pattern.flags() == r.pattern.flags();
  }

  @Override
  public int hashCode() {
    return Objects.hash(reason, pattern.pattern(), source);
  }

  /** The rule as a person reads it: reason, pattern and source. */
  @Override
  public String toString() {
    return reason + " /" + pattern.pattern() + "/ (" + source + ")";
  }
}
