package io.github.communitymetrics.git;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rule of a {@link FileSelection}: a Java regular expression searched for (with {@link
 * java.util.regex.Matcher#find()}, as Linguist does) in a repository-relative path with {@code /}
 * separators, the reason it stands for, and where it comes from, so that every exclusion explains
 * itself.
 *
 * @param reason the kind of file the rule excludes
 * @param pattern the regular expression, searched anywhere in the path (anchor it with {@code ^} or
 *     {@code (^|/)} to match whole segments)
 * @param source where the rule comes from, for a person to read (e.g. {@code "linguist vendor.yml"}
 *     or {@code "patterns.txt:12"})
 */
public record ExclusionRule(ExclusionReason reason, Pattern pattern, String source) {

  /** Checks the components. */
  public ExclusionRule {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank");
    }
  }

  /**
   * A rule from a regular expression in Java syntax.
   *
   * @throws java.util.regex.PatternSyntaxException if {@code regex} is not a valid expression
   */
  public static ExclusionRule of(ExclusionReason reason, String regex, String source) {
    return new ExclusionRule(reason, Pattern.compile(Objects.requireNonNull(regex, "regex")), source);
  }

  /** Whether this rule excludes {@code path} (a repository-relative path with {@code /}). */
  public boolean matches(String path) {
    return pattern.matcher(path).find();
  }

  /** The rule as a person reads it: reason, pattern and source. */
  @Override
  public String toString() {
    return reason + " /" + pattern.pattern() + "/ (" + source + ")";
  }
}
