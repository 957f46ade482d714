package io.github.communitymetrics.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The "Examples:" footer of every command's help: a few real invocations, each with what it
 * does. The ones without a file run as they are, on the simulated demo community; the others
 * need the named files or a token. Kept in one place so that a new command gets its examples
 * here, where a test checks that every command has some and that each one parses.
 */
final class Examples {
  /** An invocation and what it does (a phrase or a question, without the final colon). */
  record Example(String invocation, String what) {}

  /** By command, as picocli qualifies it without the top command's name ("events export"). */
  static final Map<String, List<Example>> BY_COMMAND =
      Map.ofEntries(
          Map.entry(
              "",
              List.of(
                  new Example("community-metrics report", "summarise the simulated demo community"),
                  new Example(
                      "community-metrics metrics --gharchive *.json.gz --repo OWNER/NAME",
                      "every metric of one repository from GH Archive hours"),
                  new Example(
                      "community-metrics --quiet truck-factor --git . --json",
                      "the truck factor of a clone, as JSON, with nothing on standard error"),
                  new Example("community-metrics help score", "what score does, with its examples"))),
          Map.entry(
              "report",
              List.of(
                  new Example("community-metrics report", "summarise the simulated demo community"),
                  new Example(
                      "community-metrics report --events events.jsonl.gz --json",
                      "summarise your events as JSON"),
                  new Example(
                      "community-metrics report --html report.html --repo demo-org/hubar",
                      "also write one repository's HTML report with charts"),
                  new Example(
                      "community-metrics report --html r.html --git-log cmlog.txt.gz",
                      "the report with the truck factor of each directory from a commit log"))),
          Map.entry(
              "metrics",
              List.of(
                  new Example("community-metrics metrics --list", "the metrics: ids, presets, units"),
                  new Example(
                      "community-metrics metrics --metric retention --every month --since 2024-07-01",
                      "retention as a monthly series"),
                  new Example(
                      "community-metrics metrics --json --gharchive *.json.gz --repo OWNER/NAME",
                      "every metric of one repository from GH Archive hours, as JSON"))),
          Map.entry(
              "score",
              List.of(
                  new Example(
                      "community-metrics score --git ~/src/a --git ~/src/b --metric contributor-absence-factor"
                          + " --sort contributor-absence-factor:asc",
                      "which of my repositories has the lowest bus factor?"),
                  new Example(
                      "community-metrics score --git-list clones.txt --group-by owner --out scores.parquet",
                      "every clone listed in a file, by owner, to Parquet"),
                  new Example(
                      "community-metrics score --gharchive archive/2025-01/ --metric contributor-absence-factor"
                          + " --sort contributor-absence-factor:asc --top 10",
                      "a directory of GH Archive hours, the ten lowest"),
                  new Example(
                      "community-metrics score --sort lottery-factor:asc --top 10",
                      "the demo's repositories, the lowest lottery factor first"))),
          Map.entry(
              "growth",
              List.of(
                  new Example(
                      "community-metrics growth --gharchive archive/2025-01/ --period day --top 10",
                      "daily growth of the ten most starred repositories"),
                  new Example(
                      "community-metrics growth --git ~/src/a --period month --trend newCodeContributors",
                      "new committers per month of a clone, with their trend"),
                  new Example(
                      "community-metrics growth --json --gharchive archive/2025-01/ --repo OWNER/NAME",
                      "one repository's series, trend and bursts as JSON"))),
          Map.entry(
              "stars",
              List.of(
                  new Example(
                      "community-metrics stars --audit --gharchive archive/2025-01/",
                      "suspected fake stars per repository and month"),
                  new Example(
                      "community-metrics stars --audit --json --gharchive archive/ --repo OWNER/NAME",
                      "one repository's audit as JSON"))),
          Map.entry(
              "impact",
              List.of(
                  new Example(
                      "community-metrics impact --event-file events.ics --gharchive archive/ --repo OWNER/NAME",
                      "did the events of a calendar bring newcomers to a repository?"),
                  new Example(
                      "community-metrics impact --event-file events.json --event Hackathon --series stars,prs-opened"
                          + " --events ev.jsonl.gz --json",
                      "one event's effect on stars and pull requests, as JSON"),
                  new Example(
                      "community-metrics impact --event-file e.csv --events ev.jsonl --repo o/a --controls o/b"
                          + " --html impact.html",
                      "against a control repository, with charts"))),
          Map.entry(
              "newcomers",
              List.of(
                  new Example("community-metrics newcomers --repo demo-org/hubar",
                      "do the demo's newcomers get answers, stay and find mentors?"),
                  new Example(
                      "community-metrics newcomers --gharchive archive/ --scope organisation --json",
                      "newcomers to each organisation of GH Archive hours, as JSON"),
                  new Example(
                      "community-metrics newcomers --events ev.jsonl.gz --contribution-type pull-request-opened"
                          + " --quick-response 1d --mentor-k 1 --mentor-n 3",
                      "newcomers by their first pull request, a quick answer within a day"))),
          Map.entry(
              "governance",
              List.of(
                  new Example("community-metrics governance --repo demo-org/hubar",
                      "do the demo's merged pull requests have 3 maintainers' approvals?"),
                  new Example(
                      "community-metrics governance --github rust-vmm --rule rust-vmm-diverse --maintainers-file CODEOWNERS",
                      "3 maintainers of 3 organisations, maintainers from CODEOWNERS"),
                  new Example(
                      "community-metrics governance --events ev.jsonl.gz --approvers 2 --organizations 2 --labels kep --json",
                      "two approvals from two organisations; KEPs as proposals; JSON"))),
          Map.entry(
              "forks",
              List.of(
                  new Example("community-metrics forks", "do the demo's forks change, come back or split off?"),
                  new Example(
                      "community-metrics forks --gharchive archive/ --repo OWNER/NAME --json",
                      "one repository's forks in GH Archive hours, as JSON"),
                  new Example(
                      "community-metrics forks --events ev.jsonl.gz --period week --sustained-months 6",
                      "forks per ISO week; sustained work means six months"))),
          Map.entry(
              "events",
              List.of(
                  new Example(
                      "community-metrics events export --out demo.jsonl.gz",
                      "write the demo community's events"),
                  new Example(
                      "community-metrics events check --events demo.jsonl.gz",
                      "count a file's lines, events and malformed lines"))),
          Map.entry(
              "events export",
              List.of(
                  new Example(
                      "community-metrics events export --out demo.jsonl.gz",
                      "write the demo community's events, gzip-compressed"),
                  new Example(
                      "community-metrics events export --gharchive 2024-01-01-0.json.gz --out -",
                      "a GH Archive hour as canonical events, to standard output"),
                  new Example(
                      "community-metrics events export --seed 7 --out demo7.jsonl",
                      "another demo community"))),
          Map.entry(
              "events check",
              List.of(
                  new Example(
                      "community-metrics events check --events demo.jsonl.gz",
                      "count a file's lines, events and malformed lines"),
                  new Example(
                      "community-metrics events check --events events.jsonl --json",
                      "the same as JSON; exit status 1 when a line is malformed"))),
          Map.entry(
              "truck-factor",
              List.of(
                  new Example(
                      "community-metrics truck-factor --git . --by-directory",
                      "the truck factor of the clone here, and of each directory"),
                  new Example(
                      "community-metrics truck-factor --git-log cmlog.txt.gz --ls-files files.txt",
                      "from an exported log and file list"),
                  new Example(
                      "community-metrics truck-factor --git path/to/repo --algorithm recency --json",
                      "counting only authors active in the last months, as JSON"))),
          Map.entry(
              "fetch",
              List.of(
                  new Example(
                      "community-metrics fetch --github OWNER/NAME --checkpoint ckpt --out ev.jsonl",
                      "a repository's events (token: GITHUB_TOKEN); again to resume or update"),
                  new Example(
                      "community-metrics fetch --github OWNER --only stargazers --out stars.jsonl",
                      "the stars of every repository of an owner"),
                  new Example(
                      "community-metrics fetch --gitlab GROUP/PROJECT --out gitlab.jsonl.gz",
                      "a GitLab project's events (token: GITLAB_TOKEN)"))),
          Map.entry(
              "help",
              List.of(
                  new Example("community-metrics help truck-factor", "the help of truck-factor"),
                  new Example("community-metrics help events export", "the help of a subcommand"))));

  private Examples() {}

  /** Sets the footer of {@code top} and of every command below it. */
  static void addTo(CommandLine top) {
    List<CommandLine> all = new ArrayList<>();
    collect(top, all);
    String rootName = top.getCommandName();
    for (CommandLine c : all) {
      String name = c.getCommandSpec().qualifiedName(" ");
      String key = name.equals(rootName) ? "" : name.substring(rootName.length() + 1);
      List<Example> examples = BY_COMMAND.get(key);
      if (examples != null) {
        c.getCommandSpec().usageMessage().footer(footer(examples));
      }
    }
  }

  private static void collect(CommandLine c, List<CommandLine> into) {
    into.add(c);
    for (CommandLine sub : c.getSubcommands().values()) {
      if (!into.contains(sub)) {
        collect(sub, into);
      }
    }
  }

  /**
   * "Examples:", then for each example what it does (capitalised, with a colon) and below it the
   * invocation, broken before options into lines of at most {@link #WIDTH} columns that end in a
   * backslash, as a shell continues a command, so that it can be copied whole.
   */
  static String[] footer(List<Example> examples) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Examples:");
    for (Example e : examples) {
      String what = e.what();
      lines.add("  " + Character.toUpperCase(what.charAt(0)) + what.substring(1) + (what.endsWith("?") ? "" : ":"));
      StringBuilder line = new StringBuilder("    ");
      for (String part : e.invocation().split(" (?=-)")) {
        // Broken before an option, never between an option and its value.
        if (line.length() + 1 + part.length() + 2 > WIDTH && !line.toString().isBlank()) {
          lines.add(line + " \\");
          line = new StringBuilder("      ");
        } else if (!line.toString().isBlank()) {
          line.append(' ');
        }
        line.append(part);
      }
      lines.add(line.toString());
    }
    // picocli formats footer lines: a literal percent sign would need doubling. (A loop, not a
    // stream: this runs on every start, help or not.)
    String[] out = new String[lines.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = lines.get(i).replace("%", "%%");
    }
    return out;
  }

  /** The widest line of an example, within picocli's 80-column help. */
  static final int WIDTH = 78;
}
