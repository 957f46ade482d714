package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code impact --gharchive DIR} on GH Archive hours written here in the archive's format: one
 * gzipped hour a day, 2024-01-01 to 2024-03-31, with new stargazers of acme/widget at about 1 a
 * day until a release on 2024-02-15 and about 6 a day after it (WatchEvents), and the release
 * given in a JSON event file.
 */
class ImpactGhArchiveTest {
  static final long SEED = 11;

  @TempDir Path dir;

  @Test
  void starsJumpAfterARelease() throws IOException {
    System.out.println("ImpactGhArchiveTest seed " + SEED);
    SplittableRandom random = new SplittableRandom(SEED);
    Path hours = Files.createDirectories(dir.resolve("hours"));
    int id = 0;
    LocalDate release = LocalDate.parse("2024-02-15");
    for (LocalDate d = LocalDate.parse("2024-01-01"); !d.isAfter(LocalDate.parse("2024-03-31")); d = d.plusDays(1)) {
      List<String> lines = new ArrayList<>();
      int stars = ImpactCommandTest.poisson(random, d.isAfter(release) ? 6 : 1);
      for (int i = 0; i < stars; i++) {
        id++;
        LocalTime at = LocalTime.of(12, random.nextInt(60), random.nextInt(60));
        lines.add("{\"id\":\"" + id + "\",\"type\":\"WatchEvent\",\"actor\":{\"id\":" + (1000 + id)
            + ",\"login\":\"fan" + id + "\"},\"repo\":{\"id\":9,\"name\":\"acme/widget\"},\"payload\":{\"action\":\"started\"},"
            + "\"public\":true,\"created_at\":\"" + d + "T" + at + "Z\"}");
      }
      // Something every day, so that every day is in the data.
      id++;
      lines.add("{\"id\":\"" + id + "\",\"type\":\"WatchEvent\",\"actor\":{\"id\":7,\"login\":\"regular\"},"
          + "\"repo\":{\"id\":10,\"name\":\"acme/other\"},\"payload\":{\"action\":\"started\"},\"public\":true,"
          + "\"created_at\":\"" + d + "T12:00:00Z\"}");
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(hours.resolve(d + "-12.json.gz")))) {
        out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    Path events = dir.resolve("events.json");
    Files.writeString(events,
        "{\"events\": [{\"name\": \"Release 2.0\", \"kind\": \"release\", \"start\": \"2024-02-15\", \"end\": \"2024-02-15\"}]}");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "--quiet", "impact", "--event-file", events.toString(), "--gharchive", hours.toString(), "--repo", "acme/widget",
        "--series", "stars", "--placebos", "20", "--replicates", "199", "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, Object> root = ImpactCommandTest.object(r.out());
    assertEquals("GH Archive (91 files)", root.get("source"));
    assertEquals("2024-01-01", root.get("firstDay"));
    assertEquals("2024-03-31", root.get("lastDay"));
    Map<String, Object> series = ImpactCommandTest.only(ImpactCommandTest.list(ImpactCommandTest.event(root, "Release 2.0"), "series"));
    assertEquals("stars", series.get("id"));
    Map<String, Object> level = ImpactCommandTest.map(ImpactCommandTest.map(series, "interruptedTimeSeries"), "levelChange");
    assertTrue(ImpactCommandTest.number(level, "lower") > 0, level.toString());
    assertTrue(ImpactCommandTest.number(level, "lower") <= 5 && 5 <= ImpactCommandTest.number(level, "upper"),
        "the planted jump of 5: " + level);
  }
}
