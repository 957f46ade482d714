package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.CommunityMetricsException;
import io.github.communitymetrics.core.metrics.governance.CodeOwners;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The maintainers named by {@code --maintainers-file}: a GitHub {@code CODEOWNERS} file (when the
 * file's name contains {@code codeowners}, any case), parsed by the core's {@link CodeOwners}, or a
 * {@code MAINTAINERS} list otherwise.
 *
 * <p>A MAINTAINERS list has one maintainer a line: a login (GitHub or GitLab, with or without a
 * leading {@code @}), optionally followed by the organisation the maintainer works for (the rest
 * of the line); blank lines and {@code #} comments are ignored. A line whose first word is not a
 * login is an error naming the file and the line ({@link MaintainersFileException}): the list is
 * short and written by hand, so a typo should stop the command rather than silently shrink the
 * group. A CODEOWNERS file follows GitHub instead: GitHub skips a line it cannot parse and applies
 * the rest, so the command does the same and reports every skipped line ({@link #skipped()}).
 *
 * @param path the file
 * @param format {@code CODEOWNERS} or {@code MAINTAINERS}
 * @param entries the distinct maintainers, in order of first appearance (logins compare ignoring
 *     case; the first spelling is kept)
 * @param skipped the CODEOWNERS lines skipped, with why; always empty for a MAINTAINERS list
 * @param teams the teams a CODEOWNERS file names ({@code org/team}): the events cannot say who is
 *     in a team, so they count for nobody
 */
record MaintainersFile(Path path, String format, List<Entry> entries, List<CodeOwners.Skipped> skipped, List<String> teams) {
  static final String CODEOWNERS = "CODEOWNERS";
  static final String MAINTAINERS = "MAINTAINERS";
  private static final Pattern LOGIN = Pattern.compile("@?([A-Za-z0-9][A-Za-z0-9._-]{0,254})");

  MaintainersFile {
    entries = List.copyOf(entries);
    skipped = List.copyOf(skipped);
    teams = List.copyOf(teams);
  }

  /**
   * One maintainer of the file.
   *
   * @param login the login, without {@code @}
   * @param organization the organisation the file gives; empty when it gives none
   * @param line the 1-based line that first names the login
   */
  record Entry(String login, Optional<String> organization, int line) {}

  /** A line of a maintainers file the command cannot use: the message names the file and line. */
  static final class MaintainersFileException extends CommunityMetricsException {
    private static final long serialVersionUID = 1L;

    MaintainersFileException(Path file, int line, String problem) {
      super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
  }

  /**
   * Reads and parses the file.
   *
   * @throws MaintainersFileException on a bad MAINTAINERS line, or when the file names nobody
   */
  static MaintainersFile read(Path path) throws IOException {
    String text = Files.readString(path, StandardCharsets.UTF_8);
    boolean codeOwners = path.getFileName().toString().toLowerCase(Locale.ROOT).contains("codeowners");
    MaintainersFile f = codeOwners ? codeOwners(path, text) : maintainers(path, text);
    if (f.entries().isEmpty()) {
      throw new MaintainersFileException(path, 0, "names no maintainer (" + f.format() + " format"
          + (f.skipped().isEmpty() ? "" : "; " + f.skipped().size() + " lines skipped") + ")");
    }
    return f;
  }

  private static MaintainersFile codeOwners(Path path, String text) {
    CodeOwners c = CodeOwners.parse(text);
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    for (CodeOwners.Rule r : c.rules()) {
      for (String o : r.owners()) {
        firstLine.putIfAbsent(o.toLowerCase(Locale.ROOT), r.line());
      }
    }
    List<Entry> entries = new ArrayList<>();
    for (String login : c.logins()) {
      entries.add(new Entry(login, Optional.empty(), firstLine.get("@" + login.toLowerCase(Locale.ROOT))));
    }
    return new MaintainersFile(path, CODEOWNERS, entries, c.skipped(), c.teams());
  }

  private static MaintainersFile maintainers(Path path, String text) {
    Map<String, Entry> seen = new LinkedHashMap<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = comment(line);
      String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (body.isEmpty()) {
        continue;
      }
      String[] words = body.split("\\s+", 2);
      var m = LOGIN.matcher(words[0]);
      if (!m.matches()) {
        throw new MaintainersFileException(path, i + 1,
            "not a login (a GitHub or GitLab login, optionally with @, then optionally an organisation): " + words[0]);
      }
      Optional<String> org = words.length > 1 ? Optional.of(words[1].strip()) : Optional.empty();
      seen.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), new Entry(m.group(1), org, i + 1));
    }
    return new MaintainersFile(path, MAINTAINERS, List.copyOf(seen.values()), List.of(), List.of());
  }

  /** Where a comment starts: a {@code #} at the start or after white space; -1 without one. */
  private static int comment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }
}
