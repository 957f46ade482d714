package io.github.communitymetrics.forge;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issues a pull or merge request says it closes, read from its text the way the forge reads
 * it, restricted to issues of the request's own repository (a reference that names the
 * repository itself, such as {@code Fixes octo/hello#12} in {@code octo/hello}, counts; one to
 * another repository does not). Links to issues are not read. The text is taken as given: a
 * keyword inside a code block counts, as it would not on the forge.
 */
public final class ClosingReferences {
  private ClosingReferences() {}

  /** A repository path before {@code #}: {@code owner/name}, or a GitLab group path. */
  private static final String PATH = "[A-Za-z0-9_.\\-]+(?:/[A-Za-z0-9_.\\-]+)*";

  /**
   * GitHub's closing keywords (GitHub Docs, "Linking a pull request to an issue": close, closes,
   * closed, fix, fixes, fixed, resolve, resolves, resolved; any case), optionally followed by a
   * colon, then one issue reference. Each issue needs its own keyword ({@code Fixes #1, fixes
   * #2}).
   */
  private static final Pattern GITHUB =
      Pattern.compile(
          "\\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)(?:\\s*:\\s*|\\s+)(" + PATH + ")?#(\\d+)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The keyword part of GitLab's default issue closing pattern ({@code gitlab.yml}'s {@code
   * issue_closing_pattern}): Close/Closes/Closed/Closing, Fix/Fixes/Fixed/Fixing,
   * Resolve/Resolves/Resolved/Resolving, Implement/Implements/Implemented/Implementing, the first
   * letter in either case and the rest lower case, an optional colon and at least one space.
   */
  private static final Pattern GITLAB_KEYWORD =
      Pattern.compile(
          "\\b(?:[Cc]los(?:e[sd]?|ing)|[Ff]ix(?:e[sd]|ing)?|[Rr]esolv(?:e[sd]?|ing)"
              + "|[Ii]mplement(?:s|ed|ing)?):? +");

  /**
   * One reference of the pattern's repeated part: {@code issues? +} then an issue reference (or a
   * Jira-style key, which closes no GitLab issue but continues the list), then a separator
   * ({@code ,}, {@code and}).
   */
  private static final Pattern GITLAB_REFERENCE =
      Pattern.compile(
          "(?:(?:issues? +)?(?:(" + PATH + ")?#(\\d+)(?![\\w])|[A-Z][A-Z0-9_]+-\\d+))"
              + "(?: *,? +and +| *,? *)?");

  /**
   * The issue numbers GitHub's closing keywords name in the texts (a pull request's title and
   * description), ascending without repeats.
   *
   * @param repository the pull request's repository, {@code owner/name}
   * @param texts the texts to read; null or empty ones are skipped (a pull request without a
   *     description)
   */
  public static List<Integer> github(String repository, String... texts) {
    Objects.requireNonNull(repository, "repository");
    TreeSet<Integer> numbers = new TreeSet<>();
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      Matcher m = GITHUB.matcher(text);
      while (m.find()) {
        add(numbers, repository, m.group(1), m.group(2));
      }
    }
    return List.copyOf(numbers);
  }

  /**
   * The issue numbers GitLab's default closing pattern names in a merge request's description,
   * ascending without repeats: a keyword, then one or more references joined by commas or
   * {@code and} ({@code Closes #1, #2 and #3}).
   *
   * @param project the merge request's project path, such as {@code group/sub/project}
   * @param description the description, or null for none
   */
  public static List<Integer> gitlab(String project, String description) {
    Objects.requireNonNull(project, "project");
    if (description == null) {
      return List.of();
    }
    TreeSet<Integer> numbers = new TreeSet<>();
    Matcher keyword = GITLAB_KEYWORD.matcher(description);
    Matcher reference = GITLAB_REFERENCE.matcher(description);
    int from = 0;
    while (from < description.length() && keyword.find(from)) {
      int at = keyword.end();
      reference.region(at, description.length());
      while (at < description.length() && reference.lookingAt() && reference.end() > at) {
        if (reference.group(2) != null) {
          add(numbers, project, reference.group(1), reference.group(2));
        }
        at = reference.end();
        reference.region(at, description.length());
      }
      from = Math.max(at, keyword.end());
    }
    return List.copyOf(numbers);
  }

  private static void add(TreeSet<Integer> numbers, String repository, String path, String digits) {
    if (path != null && !path.toLowerCase(Locale.ROOT).equals(repository.toLowerCase(Locale.ROOT))) {
      return;
    }
    // Numbers beyond int or 0 cannot be issues: skipped, not an error in someone's prose.
    if (digits.length() > 10) {
      return;
    }
    long n = Long.parseLong(digits);
    if (n >= 1 && n <= Integer.MAX_VALUE) {
      numbers.add((int) n);
    }
  }
}
