package io.github.communitymetrics.forge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The closing keywords as the forges document them: GitHub Docs, "Linking a pull request to an
 * issue" (nine keywords, any case, "KEYWORD #N" or "KEYWORD OWNER/REPO#N", a colon allowed), and
 * GitLab's default issue closing pattern (sixteen keyword forms, first letter in either case, a
 * list of references joined by commas and "and").
 */
class ClosingReferencesTest {
  private static final String REPO = "octo/hello";

  @ParameterizedTest
  @ValueSource(
      strings = {"close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves",
        "resolved"})
  void everyGitHubKeywordInAnyCase(String keyword) {
    assertEquals(List.of(12), ClosingReferences.github(REPO, keyword + " #12"));
    assertEquals(List.of(12), ClosingReferences.github(REPO, keyword.toUpperCase() + " #12"));
    String capital = Character.toUpperCase(keyword.charAt(0)) + keyword.substring(1);
    assertEquals(List.of(12), ClosingReferences.github(REPO, "Some text.\n" + capital + ": #12."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"closing", "fixing", "resolving", "implements", "refs", "see", "addresses"})
  void otherWordsAreNotGitHubKeywords(String word) {
    assertEquals(List.of(), ClosingReferences.github(REPO, word + " #12"));
  }

  @Test
  void gitHubReadsTitleAndDescriptionAndOnlyThisRepository() {
    assertEquals(
        List.of(3, 4, 9),
        ClosingReferences.github(
            REPO,
            "Fix #9: crash on start",
            "This fixes #3 and resolves Octo/Hello#4.\nCloses other/repo#5, see #6. Fixes #3."));
    // Each issue needs its own keyword; a number glued to letters is no reference.
    assertEquals(List.of(1), ClosingReferences.github(REPO, "Fixes #1, #2", "closes #7a", null));
    assertEquals(List.of(), ClosingReferences.github(REPO, "prefix #1 unfixed #2 fixes#3 fixes #0"));
    assertEquals(List.of(), ClosingReferences.github(REPO, "fixes #99999999999"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Close", "Closes", "Closed", "Closing", "close", "closes", "closed", "closing",
        "Fix", "Fixes", "Fixed", "Fixing", "fix", "fixes", "fixed", "fixing",
        "Resolve", "Resolves", "Resolved", "Resolving", "resolve", "resolves", "resolved",
        "resolving",
        "Implement", "Implements", "Implemented", "Implementing", "implement", "implements",
        "implemented", "implementing"})
  void everyGitLabKeyword(String keyword) {
    assertEquals(List.of(20), ClosingReferences.gitlab("g/p", keyword + " #20"));
    assertEquals(List.of(20), ClosingReferences.gitlab("g/p", "Text. " + keyword + ": issue #20"));
  }

  @Test
  void gitLabListsAndOtherProjects() {
    // GitLab's documentation example: #18, #19, #20, #21 of this project; #22 and the link are
    // another project's; #17 has no keyword.
    String description =
        "Awesome commit message\n\nFix #20, Fixes #21 and Closes group/otherproject#22.\n"
            + "This commit is also related to #17 and fixes #18, #19\n"
            + "and https://gitlab.example.com/group/otherproject/issues/23.";
    assertEquals(List.of(18, 19, 20, 21), ClosingReferences.gitlab("group/project", description));
    assertEquals(
        List.of(1, 2, 3, 4),
        ClosingReferences.gitlab("g/sub/p", "Closes issues #1, #2 and g/sub/p#3, PROJ-7 and #4"));
    // Case beyond the first letter matters on GitLab, and a space must follow the keyword.
    assertEquals(List.of(), ClosingReferences.gitlab("g/p", "CLOSES #1 fixes#2 Fixs #3 prefix #4"));
    assertEquals(List.of(), ClosingReferences.gitlab("g/p", null));
  }
}
