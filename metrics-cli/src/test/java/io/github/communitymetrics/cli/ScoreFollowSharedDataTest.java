package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score --follow} on real GH Archive events: Apache Pinot's recording of four hours of the
 * public feed (2021-07-21, 06:00 to 10:00 UTC, 800 events), split here into one file per hour by
 * each event's own {@code created_at} (as GH Archive names its files) in a temporary directory.
 * The first hour is scored, the second arrives alone, the last two together; after each update the
 * table with the update applied is {@code score}'s of the hours so far.
 */
@SharedDataTest
class ScoreFollowSharedDataTest {
  private static final String FEW_HOURS =
      "gharchive/apache-pinot/pinot-tools/src/main/resources/examples/stream/githubEvents/rawdata/2021-07-21-few-hours.json";

  @TempDir Path dir;

  @Test
  void realHoursArrivingGiveTheTableOfEveryHourSoFar() throws Exception {
    Map<String, List<String>> byHour = new TreeMap<>();
    for (String line : Files.readAllLines(SharedData.resolve(FEW_HOURS), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      // The event's own created_at follows its payload, whose pull request or issue has its own:
      // the last on the line is the event's.
      int at = line.lastIndexOf("\"created_at\":\"");
      String hour = line.substring(at + 14, at + 27); // 2021-07-21T06
      byHour.computeIfAbsent(hour, k -> new ArrayList<>()).add(line);
    }
    assertEquals(4, byHour.size(), "hours: " + byHour.keySet());
    byHour.forEach((h, lines) -> assertEquals(200, lines.size(), h));
    List<String> hours = List.copyOf(byHour.keySet());
    Path watched = dir.resolve("hours");
    Path later = dir.resolve("later");
    Files.createDirectories(watched);
    Files.createDirectories(later);
    write(watched, hours.get(0), byHour);
    List<String> args = List.of("score", "--gharchive", watched.toString(), "--json", "--follow", "--poll", "PT0.05S",
        "--updates", "2", "--metric", "lottery-factor,responsiveness,contributor-absence-factor,growth");
    List<Runnable> arrivals = List.of(
        () -> write(watched, hours.get(1), byHour),
        () -> {
          write(later, hours.get(2), byHour);
          write(later, hours.get(3), byHour);
          try {
            Files.move(later, watched.resolve("later"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    List<String> documents = ScoreFollowTest.follow(args, arrivals, 3);
    List<List<String>> expected = new ArrayList<>();
    for (int upTo : new int[] {1, 3}) {
      List<String> full = new ArrayList<>(List.of("score", "--json", "--metric", args.get(args.size() - 1), "--gharchive"));
      for (int h = 0; h <= upTo; h++) {
        try (var walk = Files.walk(watched)) {
          String name = fileName(hours.get(h));
          full.add(walk.filter(f -> f.getFileName().toString().equals(name)).findFirst().orElseThrow().toString());
        }
      }
      expected.add(full);
    }
    Map<String, Object> rows = ScoreFollowTest.assertEachUpdateGivesTheTable(documents, expected, "Pinot's hours");
    assertTrue(rows.size() > 100, "too few repositories to tell: " + rows.size());
  }

  private static String fileName(String hour) {
    // 2021-07-21T06 is GH Archive's 2021-07-21-6.json.gz; plain JSON here.
    return hour.substring(0, 10) + "-" + Integer.parseInt(hour.substring(11)) + ".json";
  }

  private static void write(Path dir, String hour, Map<String, List<String>> byHour) {
    try {
      Files.write(dir.resolve(fileName(hour)), byHour.get(hour), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
