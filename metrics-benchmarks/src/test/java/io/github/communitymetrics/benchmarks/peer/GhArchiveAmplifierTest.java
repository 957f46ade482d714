package io.github.communitymetrics.benchmarks.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import io.github.communitymetrics.github.archive.GhArchiveReport;
import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GhArchiveAmplifierTest {
  @Test
  void rewritesIdentitiesIdsAndTimesOfOneLine() {
    String line =
        "{\"id\":\"17\",\"type\":\"WatchEvent\",\"actor\":{\"id\":5,\"login\":\"dependabot[bot]\"},"
            + "\"repo\":{\"id\":9,\"name\":\"acme/rocket\"},\"payload\":{\"name\":\"not/arepo x\"},"
            + "\"created_at\":\"2021-07-21T06:00:00Z\",\"x\":\"2012-10-13T00:00:17-07:00\"}";
    String got = GhArchiveAmplifier.rewrite(line, 3, 2, 3600);
    String want =
        "{\"id\":\"3000000000017\",\"type\":\"WatchEvent\",\"actor\":{\"id\":2199023255557,"
            + "\"login\":\"g2-dependabot[bot]\"},\"repo\":{\"id\":2199023255561,\"name\":\"g2-acme/rocket\"},"
            + "\"payload\":{\"name\":\"not/arepo x\"},\"created_at\":\"2021-07-21T07:00:00Z\","
            + "\"x\":\"2012-10-13T01:00:17-07:00\"}";
    assertEquals(want, got);
  }

  @Test
  @SharedDataTest
  void everyCopyParsesToTheSameMixAndIsDeterministic(@TempDir Path dir) throws Exception {
    List<Path> sources = GhArchiveAmplifier.defaultSources(SharedData.dataDir().orElseThrow());
    GhArchiveReader reader = GhArchiveReader.builder().build();
    Set<String> sourceRepos = new HashSet<>();
    GhArchiveReport once = reader.read(sources, e -> sourceRepos.add(e.repo().fullName()));

    GhArchiveAmplifier amp = GhArchiveAmplifier.of(sources, 42L);
    long perCopy = amp.eventsPerCopy();
    assertEquals(7981 + 3086 + 800, perCopy);
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    Path a = dir.resolve("a.json.gz");
    long written = amp.write(a, 3 * perCopy, start, Duration.ofDays(1), 3);
    assertEquals(3 * perCopy, written);

    List<Event> events = new ArrayList<>();
    GhArchiveReport r = reader.read(List.of(a), events::add);
    assertEquals(3 * once.lines(), r.lines());
    Map<EventType, Long> tripled = new EnumMap<>(EventType.class);
    once.mapped().forEach((t, n) -> tripled.put(t, 3 * n));
    assertEquals(tripled, r.mapped());
    assertEquals(3 * once.eventsUnmappable(), r.eventsUnmappable());
    Set<String> repos = new HashSet<>();
    for (Event e : events) {
      repos.add(e.repo().fullName());
      // the sources span at most a few hours; the copies start within the day
      assertTrue(!e.at().isBefore(start.minus(Duration.ofHours(1)))
          && e.at().isBefore(start.plus(Duration.ofDays(2))), e.toString());
    }
    // every repository of the sources, once per identity group used (at most 3)
    assertTrue(repos.size() % sourceRepos.size() == 0 && repos.size() <= 3 * sourceRepos.size(),
        repos.size() + " vs " + sourceRepos.size());
    for (String repo : repos) {
      assertTrue(repo.matches("g[0-2]-.+/.+"), repo);
    }

    Path b = dir.resolve("b.json.gz");
    GhArchiveAmplifier.of(sources, 42L).write(b, 3 * perCopy, start, Duration.ofDays(1), 3);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
  }
}
