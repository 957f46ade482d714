package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --gharchive DIR}, and {@code --repo} that is not one repository. */
class GhArchiveInputsTest {
  @TempDir Path tmp;

  /** A GH Archive WatchEvent line (the real format: id, type, actor, repo, payload, created_at). */
  private static String star(int second, String login, long actorId, String repo, long repoId) {
    return "{\"id\":\"" + second + "\",\"type\":\"WatchEvent\",\"actor\":{\"id\":" + actorId
        + ",\"login\":\"" + login + "\"},\"repo\":{\"id\":" + repoId + ",\"name\":\"" + repo
        + "\"},\"payload\":{\"action\":\"started\"},\"public\":true,\"created_at\":\"2025-01-06T06:00:"
        + String.format("%02d", second) + "Z\"}";
  }

  private static void gzip(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * A directory holds two hours, one of them in a subdirectory, and a file that is not an hour:
   * both hours are read (3 stars of acme/widget, 1 of acme/gadget), the other file is not.
   */
  @Test
  void aDirectoryIsEveryHourFileInItAndBelow() throws IOException {
    Path dir = tmp.resolve("archive");
    gzip(dir.resolve("2025-01-06-6.json.gz"),
        List.of(star(1, "ann", 1, "acme/widget", 9), star(2, "bob", 2, "acme/widget", 9)));
    Files.createDirectories(dir.resolve("more"));
    Files.writeString(dir.resolve("more/2025-01-06-7.json"),
        star(3, "cy", 3, "acme/widget", 9) + "\n" + star(4, "ann", 1, "acme/gadget", 10) + "\n");
    Files.writeString(dir.resolve("README.txt"), "not an hour of GH Archive\n");

    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("score", "--gharchive", dir.toString(), "--metric", "lottery-factor", "--csv");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().contains("GH Archive: 2 files, 4 lines"), r.err());
    assertTrue(r.out().contains("\nacme/gadget,1,") && r.out().contains("\nacme/widget,3,"), r.out());

    // A file and a directory together; the label counts files, not arguments.
    Path extra = tmp.resolve("2025-01-06-8.json");
    Files.writeString(extra, star(5, "dee", 4, "acme/widget", 9) + "\n");
    CommunityMetricsCliTest.Run text =
        CommunityMetricsCliTest.run("score", "--gharchive", dir.toString(), extra.toString(), "--metric", "lottery-factor");
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().contains("Source: GH Archive (3 files)"), text.out());
  }

  @Test
  void aDirectoryWithoutHoursIsAUsageError() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(empty.resolve("notes.txt"), "nothing\n");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("score", "--gharchive", empty.toString());
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--gharchive " + empty + ": no *.json.gz or *.json file"), r.err());
  }

  /** Reported: {@code metrics --repo a,b} ended in a raw IllegalArgumentException, exit 1. */
  @Test
  void repoIsOneRepositoryAndAListIsAUsageError() throws IOException {
    Path hour = tmp.resolve("2025-01-06-6.json");
    Files.writeString(hour, star(1, "ann", 1, "acme/widget", 9) + "\n");
    for (List<String> args :
        List.of(
            List.of("metrics", "--gharchive", hour.toString(), "--repo", "acme/widget,acme/gadget"),
            List.of("metrics", "--repo", "a,b"),
            List.of("report", "--gharchive", hour.toString(), "--repo", "a,b"))) {
      CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(args.toArray(String[]::new));
      assertEquals(2, r.status(), args + ": " + r.err());
      assertTrue(r.err().contains("--repo takes one repository, not a list"), r.err());
      assertTrue(r.err().contains("community-metrics score"), r.err());
    }
    CommunityMetricsCliTest.Run owner =
        CommunityMetricsCliTest.run("metrics", "--gharchive", hour.toString(), "--repo", "acme");
    assertEquals(2, owner.status(), owner.err());
    assertTrue(owner.err().contains("--repo: a repository must be OWNER/NAME but was 'acme'"), owner.err());
  }
}
