package io.github.communitymetrics.benchmarks.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Compares the output of {@code community-metrics score --metric
 * contributor-confidence,lottery-factor,responsiveness --out ours.jsonl} with {@link DuckDbScore}'s
 * file, repository by repository (issue 24's end-to-end run). Compared, for every repository
 * either side has evidence for:
 *
 * <ul>
 *   <li>contributor confidence: stargazers, forkers and the floored percent (DuckDB's percent is
 *       computed exactly from its weight sums, which are multiples of 1/4);
 *   <li>lottery factor: the factor and the pull requests counted (repositories with at least one);
 *   <li>time to first response: answered items (the measurement's evidence) and the median and
 *       90th percentile in hours (DuckDB's whole seconds / 3600, computed as ours is from
 *       nanoseconds), for repositories with an answered item.
 * </ul>
 *
 * <p>Command line: {@code OURS.jsonl DUCK.tsv}; prints per metric the repositories of each side
 * and how many differ, with the first differences. Exit status 1 when any differs.
 */
public final class EndToEndCheck {
  private EndToEndCheck() {}

  /** Measurement name to value (null: no data) of each metric id, per repository name. */
  static Map<String, Map<String, Map<String, Double>>> readOurs(Path jsonl) throws IOException {
    Map<String, Map<String, Map<String, Double>>> out = new HashMap<>();
    JsonFactory f = new JsonFactory();
    try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        try (JsonParser p = f.createParser(ObjectReadContext.empty(), line)) {
          p.nextToken();
          String name = null;
          Map<String, Map<String, Double>> metrics = new HashMap<>();
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("name")) {
              name = p.getString();
            } else if (field.equals("metrics") && v == JsonToken.START_OBJECT) {
              while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String id = p.currentName();
                p.nextToken(); // the array of measurements
                Map<String, Double> values = new HashMap<>();
                while (p.nextToken() == JsonToken.START_OBJECT) {
                  String mName = null;
                  Double value = null;
                  while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String k = p.currentName();
                    JsonToken t = p.nextToken();
                    if (k.equals("name")) {
                      mName = p.getString();
                    } else if (k.equals("value") && t.isNumeric()) {
                      value = p.getDoubleValue();
                    } else if (k.equals("evidence") && t.isNumeric()) {
                      values.put(mName + ".evidence", p.getDoubleValue());
                    } else {
                      p.skipChildren();
                    }
                  }
                  values.put(mName, value);
                }
                metrics.put(id, values);
              }
            } else {
              p.skipChildren();
            }
          }
          out.put(name, metrics);
        }
      }
    }
    return out;
  }

  /** DuckDB's rows: metric to repository name (without {@code #id}) to its columns. */
  static Map<String, Map<String, String[]>> readDuck(Path tsv) throws IOException {
    Map<String, Map<String, String[]>> out = new HashMap<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      String[] c = line.split("\t");
      String repo = c[1].substring(0, c[1].lastIndexOf('#'));
      out.computeIfAbsent(c[0], k -> new TreeMap<>()).put(repo, c);
    }
    return out;
  }

  /** {@code floor(100 * (sumS / (2|S|) + sumF / (2|F|)))} exactly, weights being multiples of 1/4. */
  static long percent(long stargazers, long forkers, double starWeight, double forkWeight) {
    long a = Math.round(4 * starWeight);
    long b = Math.round(4 * forkWeight);
    // confidence = a / (8 S) + b / (8 F), an empty side adding 0.
    long num;
    long den;
    if (stargazers > 0 && forkers > 0) {
      num = a * forkers + b * stargazers;
      den = 8 * stargazers * forkers;
    } else if (stargazers > 0) {
      num = a;
      den = 8 * stargazers;
    } else {
      num = b;
      den = 8 * forkers;
    }
    return Math.floorDiv(100 * num, den);
  }

  static double hours(long seconds) {
    return seconds * 1_000_000_000L / 3.6e12;
  }

  public static void main(String[] args) throws IOException {
    Map<String, Map<String, Map<String, Double>>> ours = readOurs(Path.of(args[0]));
    Map<String, Map<String, String[]>> duck = readDuck(Path.of(args[1]));
    int differing = 0;
    differing += report("contributor-confidence (stargazers, forkers, percent)",
        project(ours, "contributor-confidence", m -> m.get("percent") == null ? null
            : List.of(m.get("stargazers"), m.get("forkers"), m.get("percent"))),
        projectDuck(duck, "confidence", c -> {
          long s = Long.parseLong(c[2]);
          long f = Long.parseLong(c[3]);
          return List.of((double) s, (double) f,
              (double) percent(s, f, Double.parseDouble(c[4]), Double.parseDouble(c[5])));
        }));
    differing += report("lottery-factor (factor, total)",
        project(ours, "lottery-factor", m -> m.get("total") == null || m.get("total") == 0 ? null
            : List.of(m.get("factor"), m.get("total"))),
        projectDuck(duck, "lottery", c -> List.of(Double.parseDouble(c[2]), Double.parseDouble(c[3]))));
    differing += report("responsiveness first response (answered, p50 h, p90 h)",
        project(ours, "responsiveness", m -> m.get("firstResponseP50") == null ? null
            : List.of(m.get("firstResponseP50.evidence"), m.get("firstResponseP50"), m.get("firstResponseP90"))),
        projectDuck(duck, "first-response", c -> Long.parseLong(c[3]) == 0 ? null
            : List.of(Double.parseDouble(c[3]), hours(Long.parseLong(c[4])), hours(Long.parseLong(c[5])))));
    System.exit(differing == 0 ? 0 : 1);
  }

  private static Map<String, List<Double>> project(Map<String, Map<String, Map<String, Double>>> ours, String id,
      java.util.function.Function<Map<String, Double>, List<Double>> f) {
    Map<String, List<Double>> out = new TreeMap<>();
    ours.forEach((repo, metrics) -> {
      Map<String, Double> m = metrics.get(id);
      List<Double> v = m == null ? null : f.apply(m);
      if (v != null) {
        out.put(repo, v);
      }
    });
    return out;
  }

  private static Map<String, List<Double>> projectDuck(Map<String, Map<String, String[]>> duck, String metric,
      java.util.function.Function<String[], List<Double>> f) {
    Map<String, List<Double>> out = new TreeMap<>();
    duck.getOrDefault(metric, Map.of()).forEach((repo, c) -> {
      List<Double> v = f.apply(c);
      if (v != null) {
        out.put(repo, v);
      }
    });
    return out;
  }

  private static int report(String what, Map<String, List<Double>> ours, Map<String, List<Double>> duck) {
    List<String> diff = EquivalenceCheck.differences(ours, duck);
    System.out.printf(Locale.ROOT, "%s: %,d repositories (ours), %,d (duckdb), %,d differ%n",
        what, ours.size(), duck.size(), diff.size());
    new ArrayList<>(diff).stream().limit(10).forEach(d -> System.out.println("  " + d));
    return diff.size();
  }
}
