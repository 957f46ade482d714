package io.github.communitymetrics.core.metrics.governance;

import io.github.communitymetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed GitHub {@code CODEOWNERS} file: who owns which paths, from the file's text (no I/O; the
 * caller reads the file). The syntax is GitHub's: one rule a line, a path pattern followed by
 * owners separated by white space; {@code #} starts a comment (at the start of a line, or as a
 * token after a rule); {@code \#} and {@code \ } escape a pattern's leading hash and spaces; a
 * pattern without owners takes ownership away. Owners are {@code @login}, {@code @org/team} or an
 * e-mail address.
 *
 * <p>GitHub skips a line with invalid syntax and applies the rest; so does this parser, and it
 * lists every skipped line with its number and why ({@link #skipped()}), so that a command can
 * report them. Unsupported by GitHub and skipped: negated patterns ({@code !}) and character
 * ranges ({@code [ ]}).
 *
 * @param rules the valid rules, in file order (on GitHub the last matching rule wins)
 * @param skipped the lines skipped, in file order
 */
public record CodeOwners(List<Rule> rules, List<Skipped> skipped) {
  private static final Pattern LOGIN = Pattern.compile("@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
  private static final Pattern TEAM = Pattern.compile("@[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9_.-]+");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** Copies the lists. */
  public CodeOwners {
    rules = List.copyOf(rules);
    skipped = List.copyOf(skipped);
  }

  /**
   * One rule.
   *
   * @param line its 1-based line number
   * @param pattern the path pattern, unescaped
   * @param owners the owners as written ({@code @login}, {@code @org/team}, e-mail), possibly none
   */
  public record Rule(int line, String pattern, List<String> owners) {
    /** Checks and copies. */
    public Rule {
      Checks.positive(line, "line");
      Checks.notBlank(pattern, "pattern");
      owners = List.copyOf(owners);
    }
  }

  /**
   * A line skipped.
   *
   * @param line its 1-based number
   * @param problem what is wrong with it
   */
  public record Skipped(int line, String problem) {
    /** Checks the components. */
    public Skipped {
      Checks.positive(line, "line");
      Checks.notBlank(problem, "problem");
    }
  }

  /** Parses the text of a CODEOWNERS file (any line ends). */
  public static CodeOwners parse(String text) {
    Checks.notNull(text, "text");
    List<Rule> rules = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      List<String> tokens = tokens(lines[i]);
      if (tokens.isEmpty()) {
        continue;
      }
      String pattern = tokens.get(0);
      String problem = null;
      if (pattern.startsWith("!")) {
        problem = "negated patterns are not supported: " + pattern;
      } else if (pattern.indexOf('[') >= 0 || pattern.indexOf(']') >= 0) {
        problem = "character ranges are not supported: " + pattern;
      }
      List<String> owners = tokens.subList(1, tokens.size());
      for (String o : owners) {
        if (problem == null && !(LOGIN.matcher(o).matches() || TEAM.matcher(o).matches() || EMAIL.matcher(o).matches())) {
          problem = "not an owner (@login, @org/team or e-mail): " + o;
        }
      }
      if (problem != null) {
        skipped.add(new Skipped(number, problem));
      } else {
        rules.add(new Rule(number, pattern, owners));
      }
    }
    return new CodeOwners(rules, skipped);
  }

  /** The line's tokens, comments removed and escapes resolved; empty for blank and comment lines. */
  private static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '#')) {
        token.append(line.charAt(++i));
      } else if (Character.isWhitespace(c)) {
        if (token.length() > 0) {
          out.add(token.toString());
          token.setLength(0);
        }
      } else if (c == '#' && token.length() == 0) {
        break; // a comment: the rest of the line
      } else {
        token.append(c);
      }
    }
    if (token.length() > 0) {
      out.add(token.toString());
    }
    return out;
  }

  /**
   * The distinct people named as owners ({@code @login} without the {@code @}), in order of first
   * appearance; logins compare case-insensitively (GitHub's), the first spelling is kept. Teams and
   * e-mail addresses are not people the events can name and are left out ({@link #teams()}).
   */
  public List<String> logins() {
    Map<String, String> seen = new LinkedHashMap<>();
    for (Rule r : rules) {
      for (String o : r.owners()) {
        if (LOGIN.matcher(o).matches()) {
          seen.putIfAbsent(o.substring(1).toLowerCase(Locale.ROOT), o.substring(1));
        }
      }
    }
    return List.copyOf(seen.values());
  }

  /** The distinct teams named as owners ({@code org/team}), in order of first appearance. */
  public List<String> teams() {
    return rules.stream().flatMap(r -> r.owners().stream())
        .filter(o -> TEAM.matcher(o).matches()).map(o -> o.substring(1)).distinct().toList();
  }
}
