package io.github.communitymetrics.core.metrics.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeOwnersTest {
  /** GitHub's documented forms, plus the lines GitHub skips. */
  private static final String FILE =
      String.join(
          "\n",
          "# This is a comment.",
          "*       @global-owner1 @global-owner2",
          "",
          "*.js    @js-owner #This is an inline comment.",
          "*.go docs@example.com",
          "/build/logs/ @doctocat",
          "docs/*  @Doctocat @acme/docs-team",
          "/apps/github",
          "\\#notes/  @octocat",
          "my\\ dir/  @octocat",
          "!secret/  @octocat",
          "[ab]/  @octocat",
          "src/  not-an-owner",
          "\t  # indented comment\r",
          "/vendor/ @acme/vendor-team");

  @Test
  void rulesOwnersAndSkippedLinesAsGitHubReadsThem() {
    CodeOwners c = CodeOwners.parse(FILE);
    assertEquals(
        List.of(
            new CodeOwners.Rule(2, "*", List.of("@global-owner1", "@global-owner2")),
            new CodeOwners.Rule(4, "*.js", List.of("@js-owner")),
            new CodeOwners.Rule(5, "*.go", List.of("docs@example.com")),
            new CodeOwners.Rule(6, "/build/logs/", List.of("@doctocat")),
            new CodeOwners.Rule(7, "docs/*", List.of("@Doctocat", "@acme/docs-team")),
            new CodeOwners.Rule(8, "/apps/github", List.of()),
            new CodeOwners.Rule(9, "#notes/", List.of("@octocat")),
            new CodeOwners.Rule(10, "my dir/", List.of("@octocat")),
            new CodeOwners.Rule(15, "/vendor/", List.of("@acme/vendor-team"))),
        c.rules());
    assertEquals(List.of(11, 12, 13), c.skipped().stream().map(CodeOwners.Skipped::line).toList());
    assertEquals("not an owner (@login, @org/team or e-mail): not-an-owner", c.skipped().get(2).problem());
    // doctocat and Doctocat are one login; the first spelling is kept.
    assertEquals(List.of("global-owner1", "global-owner2", "js-owner", "doctocat", "octocat"), c.logins());
    assertEquals(List.of("acme/docs-team", "acme/vendor-team"), c.teams());
  }

  @Test
  void anEmptyFileHasNoRules() {
    assertEquals(new CodeOwners(List.of(), List.of()), CodeOwners.parse(""));
  }
}
