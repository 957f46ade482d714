package io.github.communitymetrics.cli;

import io.github.communitymetrics.forge.RepositoryFailure;
import io.github.communitymetrics.forge.RepositoryListing;
import io.github.communitymetrics.forge.RepositorySelection;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import tools.jackson.core.JsonGenerator;

/**
 * Which repositories of a GitHub owner ({@code --github OWNER}) or GitLab group ({@code --gitlab
 * GROUP}, {@code --gitlab-group GROUP}) are read, and how their listing and failures are reported.
 * Mixed into {@link GitHubOptions}, whose {@code --fail-fast} also stops at the first repository
 * that fails.
 */
final class PortfolioOptions {
  @Option(
      names = "--include-forks",
      description = "Of an owner or group, also read the forks (left out by default).")
  boolean includeForks;

  @Option(
      names = "--include-archived",
      description = "Of an owner or group, also read the archived repositories (left out by default).")
  boolean includeArchived;

  @Option(
      names = "--repos-matching",
      paramLabel = "GLOB",
      description = "Of an owner or group, read only the repositories whose name (the last part of"
          + " the path) matches a glob, case-insensitively: * any characters, ? one, [abc] one of"
          + " them, {a,b} either; such as 'metrics-*'.")
  String reposMatching;

  /**
   * The selection the flags ask for.
   *
   * @param commandLine for a usage error
   * @param portfolio whether the target is an owner or group; the flags mean nothing otherwise
   * @throws CommandLine.ParameterException when a flag is given for a single repository
   */
  RepositorySelection selection(CommandLine commandLine, boolean portfolio) {
    if (!portfolio && (includeForks || includeArchived || reposMatching != null)) {
      throw new CommandLine.ParameterException(
          commandLine,
          "--include-forks, --include-archived and --repos-matching are for an owner (--github OWNER)"
              + " or a group (--gitlab GROUP, --gitlab-group GROUP), not one repository");
    }
    RepositorySelection selection = RepositorySelection.defaults();
    if (includeForks) {
      selection = selection.withForks();
    }
    if (includeArchived) {
      selection = selection.withArchived();
    }
    if (reposMatching != null) {
      try {
        selection = selection.withNamesMatching(reposMatching);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(commandLine, "--repos-matching: " + e.getMessage(), e);
      }
    }
    return selection;
  }

  /** Writes what the listing kept and left out, and each repository that failed. */
  static void print(Optional<RepositoryListing> listing, List<RepositoryFailure> failed, PrintWriter out) {
    listing.ifPresent(l -> out.printf(
        "  listed %d repositories (%s): %d to read; left out: %d forks (--include-forks), %d archived"
            + " (--include-archived), %d not matching --repos-matching%n",
        l.selected().size() + l.forksLeftOut() + l.archivedLeftOut() + l.namesNotMatching(), l.listedAt(),
        l.selected().size(), l.forksLeftOut(), l.archivedLeftOut(), l.namesNotMatching()));
    if (!failed.isEmpty()) {
      out.printf("  failed: %d repositories passed over (--fail-fast stops at the first)%n", failed.size());
    }
    for (RepositoryFailure f : failed) {
      out.printf("    %s: %s: %s; %d events since the last commit dropped%n",
          f.repository(), f.error(), f.reason(), f.eventsDiscarded());
    }
  }

  /**
   * Writes {@code listing} and {@code failed} into the fetch report's JSON object
   * (docs/cli-json.md); of one repository, nothing (its failure fails the fetch).
   */
  static void writeJson(JsonGenerator g, Optional<RepositoryListing> listing, List<RepositoryFailure> failed) {
    if (listing.isEmpty()) {
      return;
    }
    RepositoryListing l = listing.get();
    g.writeObjectPropertyStart("listing");
    g.writeStringProperty("listedAt", l.listedAt().toString());
    g.writeNumberProperty("selected", l.selected().size());
    g.writeNumberProperty("forksLeftOut", l.forksLeftOut());
    g.writeNumberProperty("archivedLeftOut", l.archivedLeftOut());
    g.writeNumberProperty("namesNotMatching", l.namesNotMatching());
    g.writeEndObject();
    g.writeArrayPropertyStart("failed");
    for (RepositoryFailure f : failed) {
      g.writeStartObject();
      g.writeStringProperty("repository", f.repository());
      g.writeStringProperty("error", f.error());
      g.writeStringProperty("reason", f.reason());
      g.writeNumberProperty("eventsDiscarded", f.eventsDiscarded());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
