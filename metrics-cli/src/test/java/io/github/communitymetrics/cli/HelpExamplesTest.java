package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command's {@code --help} ends with "Examples:" and two to four invocations, each of
 * which picocli parses into that command (the top command's and help's may show any). The
 * commands are found by walking the command tree, so a new command without examples fails here.
 */
class HelpExamplesTest {
  /** Every command, as the words that name it after {@code community-metrics}. */
  static Stream<List<String>> commands() {
    List<List<String>> out = new ArrayList<>();
    walk(new CommandLine(new CommunityMetricsCli()), List.of(), out);
    return out.stream();
  }

  private static void walk(CommandLine c, List<String> path, List<List<String>> out) {
    out.add(path);
    c.getSubcommands().forEach((name, sub) -> {
      List<String> p = new ArrayList<>(path);
      p.add(name);
      walk(sub, p, out);
    });
  }

  /**
   * The invocations of a help text's "Examples:" section: each line that starts with
   * community-metrics, with the lines it continues onto (a line ending in a backslash goes on,
   * as in a shell).
   */
  static List<String> examples(String help) {
    int at = help.indexOf("\nExamples:\n");
    if (at < 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    StringBuilder invocation = null;
    for (String line : help.substring(at).lines().skip(1).toList()) {
      String l = line.strip();
      if (invocation == null && l.startsWith("community-metrics ")) {
        invocation = new StringBuilder();
      }
      if (invocation != null) {
        boolean goesOn = l.endsWith("\\");
        invocation.append(goesOn ? l.substring(0, l.length() - 1).strip() + " " : l);
        if (!goesOn) {
          out.add(invocation.toString());
          invocation = null;
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void helpEndsWithExamplesThatParse(List<String> command) {
    List<String> args = new ArrayList<>(command);
    args.add("--help");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(args.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    List<String> examples = examples(r.out());
    assertTrue(examples.size() >= 2 && examples.size() <= 4, "2 to 4 examples in:\n" + r.out());
    // picocli wrapped no line of the section (a wrapped line would start at the margin), and it
    // is the last section: the help ends with the last example.
    String section = r.out().substring(r.out().indexOf("\nExamples:\n") + "\nExamples:\n".length());
    section.lines().filter(l -> !l.isBlank()).forEach(l -> assertTrue(l.startsWith("  "), "wrapped: " + l));
    assertTrue(examples.get(examples.size() - 1).endsWith(r.out().strip().lines().reduce((a, b) -> b).orElseThrow().strip()), r.out());
    for (String example : examples) {
      List<String> words = new ArrayList<>(Arrays.asList(example.split("\\s+")));
      assertEquals("community-metrics", words.remove(0), example);
      CommandLine cli = new CommandLine(new CommunityMetricsCli());
      CommandLine.ParseResult parsed;
      try {
        parsed = cli.parseArgs(words.toArray(String[]::new));
      } catch (CommandLine.ParameterException e) {
        fail("'" + example + "' does not parse: " + e.getMessage());
        return;
      }
      List<String> reached = new ArrayList<>();
      for (CommandLine.ParseResult p = parsed; p.hasSubcommand(); p = p.subcommand()) {
        reached.add(p.subcommand().commandSpec().name());
      }
      if (!command.isEmpty() && !command.equals(List.of("help"))) {
        // A group's examples run its subcommands.
        assertEquals(
            command, reached.subList(0, Math.min(command.size(), reached.size())),
            "'" + example + "' is an example of another command");
      }
    }
  }
}
