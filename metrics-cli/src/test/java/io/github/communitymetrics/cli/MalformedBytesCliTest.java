package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end on files whose bytes would change who is who. */
class MalformedBytesCliTest {
  @TempDir Path dir;

  static byte[] star(byte[] login) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ascii("{\"type\":\"star\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"acme/widget\","
        + "\"actor\":{\"login\":\""));
    out.writeBytes(login);
    out.writeBytes(ascii("\",\"bot\":false}}\n"));
    return out.toByteArray();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  Path gz(String name, byte[]... lines) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      for (byte[] l : lines) {
        out.write(l);
      }
    }
    return p;
  }

  @Test
  void eventsCheckNamesTheLineOfInvalidUtf8() throws IOException {
    Path f = gz("events.jsonl.gz", star(ascii("bob")), star(new byte[] {'a', 'l', (byte) 0xFF, 'c', 'e'}),
        star(new byte[] {'a', 'l', (byte) 0xFE, 'c', 'e'}), star(ascii("carol")));
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("events", "check", "--events", f.toString());
    assertEquals(1, r.status(), r.out() + r.err());
    assertTrue(r.err().contains(f + ": line 2: invalid UTF-8: 1 bad byte at byte 85 of the line"), r.err());

    CommunityMetricsCliTest.Run skip =
        CommunityMetricsCliTest.run("events", "check", "--events", f.toString(), "--skip-malformed");
    assertEquals(1, skip.status(), skip.out() + skip.err());
    assertTrue(skip.out().contains("4 lines, 2 events, 0 blank, 2 malformed skipped"), skip.out());
    assertTrue(skip.out().contains("line 3: invalid UTF-8"), skip.out());
  }

  @Test
  void eventsCheckRefusesAYear2300Event() throws IOException {
    Path f = gz("events.jsonl.gz", star(ascii("bob")),
        ascii(new String(star(ascii("carol")), StandardCharsets.UTF_8).replace("2024-03-01", "2300-03-01")));
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("events", "check", "--events", f.toString());
    assertEquals(1, r.status(), r.out() + r.err());
    assertTrue(r.err().contains(f + ": line 2: field \"at\" must be between"), r.err());
  }

  /** Two stargazers differing only in invalid bytes: with --skip-malformed both lines are skipped. */
  @Test
  void metricsOnGhArchiveCountsTheMalformedLines() throws IOException {
    String prefix = "{\"id\":\"1\",\"type\":\"WatchEvent\",\"actor\":{\"id\":7,\"login\":\"";
    String suffix = "\"},\"repo\":{\"id\":9,\"name\":\"acme/widget\"},\"payload\":{\"action\":\"started\"},"
        + "\"public\":true,\"created_at\":\"2024-03-01T12:00:00Z\"}\n";
    ByteArrayOutputStream one = new ByteArrayOutputStream();
    one.writeBytes(ascii(prefix));
    one.writeBytes(new byte[] {'a', 'l', (byte) 0xFF, 'c', 'e'});
    one.writeBytes(ascii(suffix));
    ByteArrayOutputStream two = new ByteArrayOutputStream();
    two.writeBytes(ascii(prefix));
    two.writeBytes(new byte[] {'a', 'l', (byte) 0xFE, 'c', 'e'});
    two.writeBytes(ascii(suffix));
    Path f = gz("2024-03-01-12.json.gz", ascii(prefix + "bob" + suffix), one.toByteArray(), two.toByteArray(),
        ascii((prefix + "carol" + suffix).replace("\"type\":\"WatchEvent\",", "\"type\":\"WatchEvent\",\"type\":\"ForkEvent\",")));
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "metrics", "--gharchive", f.toString(), "--repo", "acme/widget", "--skip-malformed");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().contains("1 files, 4 lines, 1 events mapped (0 of them commits),"), r.err());
    assertTrue(r.err().contains("3 malformed lines"), r.err());
    assertTrue(r.err().contains(f + ":2: invalid UTF-8 at byte 58 of the line"), r.err());
    assertTrue(r.err().contains(f + ":4: duplicate key \"type\" in a JSON object"), r.err());
  }
}
