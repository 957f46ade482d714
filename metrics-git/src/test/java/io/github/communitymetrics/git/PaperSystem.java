package io.github.communitymetrics.git;

import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.metrics.truckfactor.AuthorshipHistory;
import io.github.communitymetrics.core.metrics.truckfactor.IdentityRule;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactor;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactorResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One system of the ICPC 2016 table as stored under {@code truck-factor/repos}, with the paper's
 * inputs: Linguist's source files minus the paper's filtered files and non-ASCII names (which the
 * tool's Linguist step loses), and the paper's aliases.
 */
final class PaperSystem {
  final String name; // owner/name as in the table
  final Path dir;
  final String meta;

  PaperSystem(Path dir) {
    this.dir = dir;
    this.meta = read(dir.resolve("meta.json"));
    this.name = string("table_name");
  }

  static String read(Path p) {
    try {
      // The paper's alias list mixes encodings: malformed bytes become U+FFFD and match nothing.
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int integer(String key) {
    Matcher m = Pattern.compile("\"" + key + "\": (-?\\d+)").matcher(meta);
    if (!m.find()) {
      throw new IllegalStateException(key + " missing in " + dir);
    }
    return Integer.parseInt(m.group(1));
  }

  String string(String key) {
    Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]*)\"").matcher(meta);
    if (!m.find()) {
      throw new IllegalStateException(key + " missing in " + dir);
    }
    return m.group(1);
  }

  /** The tool's authors for "tool_greedy_authors" or "tool_pruned_authors": name -> files. */
  Map<String, Integer> toolAuthors(String key) {
    int from = meta.indexOf("\"" + key + "\"");
    int to = meta.indexOf(']', from);
    Matcher m =
        Pattern.compile("\"name\": \"((?:[^\"\\\\]|\\\\.)*)\",\\s*\"files\": (\\d+)")
            .matcher(meta.substring(from, to));
    Map<String, Integer> out = new LinkedHashMap<>();
    while (m.find()) {
      out.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return out;
  }

  List<String> files(Path paperInputs) {
    Set<String> filtered = new HashSet<>();
    for (String line : read(paperInputs.resolve("filtered-files.txt")).split("\n")) {
      String[] f = line.split(";", 3);
      if (f.length >= 2 && f[0].equals(name)) {
        filtered.add(f[1].strip());
      }
    }
    List<String> out = new ArrayList<>();
    // Lines are "Language;path", as the tool's Linguist step writes them.
    for (String line : PathList.read(dir.resolve("linguist-files.txt.gz"))) {
      String p = line.substring(line.indexOf(';') + 1);
      if (!filtered.contains(p) && p.chars().allMatch(c -> c < 128)) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * The paper's alias list for this system. Pairs are unified transitively (the list holds both
   * "A;B" and "B;A" for some people), each group named by its smallest name.
   */
  UnaryOperator<String> aliases(Path paperInputs) {
    Map<String, String> parent = new HashMap<>();
    for (String line : read(paperInputs.resolve("alias.txt")).split("\n")) {
      String[] f = line.split(";", -1);
      if (f.length == 3 && f[0].equals(name)) {
        String a = find(parent, f[1].strip());
        String b = find(parent, f[2].strip());
        if (!a.equals(b)) {
          parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
        }
      }
    }
    return n -> find(parent, n);
  }

  private static String find(Map<String, String> parent, String n) {
    String p = parent.get(n);
    return p == null ? n : find(parent, p);
  }

  AuthorshipHistory history(Path paperInputs) {
    try (CommitLogReader r = CommitLogReader.open(dir.resolve("cmlog.txt.gz"), ReadOptions.strict())) {
      return CommitLogAuthorship.collect(r, files(paperInputs), aliases(paperInputs), IdentityRule.NAME_OR_EMAIL, false);
    }
  }

  TruckFactorResult greedy(AuthorshipHistory h) {
    return TruckFactor.greedy().compute(h);
  }
}
