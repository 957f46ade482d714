package io.github.communitymetrics.benchmarks.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.benchmarks.peer.GhArchiveShapedHours.Config;
import io.github.communitymetrics.benchmarks.peer.GhArchiveShapedHours.Mix;
import io.github.communitymetrics.benchmarks.peer.GhArchiveShapedHours.Summary;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import io.github.communitymetrics.github.archive.GhArchiveReport;
import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GhArchiveShapedHoursTest {
  /** A small run: 2 hours of about 3,000 events, 20,000 people, 5,000 repositories. */
  private static Config small(long seed, int threads) {
    Config d = Config.defaults();
    return new Config(2, seed, LocalDate.of(2024, 3, 4), 3_000, 20_000, d.actorExponent(), d.actorOffset(),
        200, d.botShare(), 5_000, d.repositoryExponent(), d.repositoryOffset(), d.orgShare(), d.answerShare(),
        500, 1, threads, d.mix());
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void sameSeedSameBytesWhateverTheThreadsOtherSeedOtherBytes(@TempDir Path dir) throws Exception {
    new GhArchiveShapedHours(small(7, 1)).write(dir.resolve("a"));
    new GhArchiveShapedHours(small(7, 2)).write(dir.resolve("b"));
    new GhArchiveShapedHours(small(8, 2)).write(dir.resolve("c"));
    List<Path> a = files(dir.resolve("a"));
    List<Path> b = files(dir.resolve("b"));
    assertEquals(List.of("2024-03-04-0.json.gz", "2024-03-04-1.json.gz"),
        a.stream().map(p -> p.getFileName().toString()).toList());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
    }
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.get(0)),
        Files.readAllBytes(files(dir.resolve("c")).get(0))));
  }

  /**
   * Every line is read by our GH Archive reader without a malformed or unmappable line, the summary
   * counts what the lines hold, the type mix is the configured one, and comments answer openings.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void ourReaderReadsEveryLineWithTheMixAndAnsweredItems(long seed, @TempDir Path dir) throws Exception {
    System.out.println("seed " + seed);
    Summary s = new GhArchiveShapedHours(small(seed, 2)).write(dir);
    List<Event> events = new ArrayList<>();
    GhArchiveReport r = GhArchiveReader.builder().build().read(files(dir), events::add);
    assertEquals(s.events(), r.lines());
    assertEquals(0, r.malformedLines());
    assertEquals(0, r.eventsUnmappable());

    Set<String> people = new HashSet<>();
    Set<String> bots = new HashSet<>();
    long botEvents = 0;
    for (Path f : files(dir)) {
      for (String line : gunzip(f)) {
        String login = line.substring(line.indexOf("\"login\":\"") + 9);
        login = login.substring(0, login.indexOf('"'));
        if (login.endsWith("[bot]")) {
          bots.add(login);
          botEvents++;
        } else {
          people.add(login);
        }
      }
    }
    assertEquals(s.actors(), people.size());
    assertEquals(s.bots(), bots.size());
    assertEquals(s.botEvents(), botEvents);
    double botShare = (double) botEvents / s.events();
    assertTrue(Math.abs(botShare - Config.defaults().botShare()) < 0.02, "bot share " + botShare);

    // The mix: each type's share within 5 standard errors of the configured one.
    Map<String, Long> counted = new HashMap<>();
    for (Path f : files(dir)) {
      Mix.count(f).types().forEach((t, n) -> counted.merge(t, n, Long::sum));
    }
    Map<String, Long> want = Config.defaults().mix().types();
    double total = want.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(want.keySet(), counted.keySet());
    for (Map.Entry<String, Long> e : want.entrySet()) {
      double p = e.getValue() / total;
      double got = (double) counted.get(e.getKey()) / s.events();
      double se = Math.sqrt(p * (1 - p) / s.events());
      assertTrue(Math.abs(got - p) <= 5 * se + 1e-9, e.getKey() + ": " + got + " against " + p);
    }

    // Answered items: issue comments on an item opened earlier in the same files, by someone else.
    Map<String, String> openedBy = new HashMap<>();
    long answers = 0;
    for (Event e : events) {
      if (!(e instanceof NumberedEvent n)) {
        continue;
      }
      String key = e.repo().fullName() + "#" + n.number();
      if (e.type() == EventType.ISSUE_OPENED || e.type() == EventType.PULL_REQUEST_OPENED) {
        openedBy.put(key, e.actor().login().orElse(""));
      } else if ((e.type() == EventType.ISSUE_COMMENT || e.type() == EventType.REVIEW)
          && openedBy.containsKey(key) && !openedBy.get(key).equals(e.actor().login().orElse(""))) {
        answers++;
      }
    }
    assertTrue(answers > 50, "answers " + answers + " of " + openedBy.size() + " openings");

    // Each push's head is the last commit it lists, as in GH Archive: one of the commits the
    // reader adds at the push's second in its repository.
    Set<String> commits = new HashSet<>();
    for (Event e : events) {
      if (e instanceof io.github.communitymetrics.core.event.Commit c) {
        commits.add(c.at() + " " + c.repo().fullName() + " " + c.sha());
      }
    }
    long pushes = 0;
    for (Event e : events) {
      if (e instanceof io.github.communitymetrics.core.event.Push p) {
        pushes++;
        assertTrue(commits.contains(p.at() + " " + p.repo().fullName() + " " + p.headSha()), p.toString());
      }
    }
    assertTrue(pushes > 100, "pushes " + pushes);
  }

  private static List<String> gunzip(Path f) throws Exception {
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(f))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  @SharedDataTest
  void theDefaultMixIsTheSharedModernHoursCount() throws Exception {
    Path sample = SharedData.dataDir().orElseThrow().resolve(
        "gharchive/apache-pinot/pinot-tools/src/main/resources/examples/stream/githubEvents/rawdata/"
            + "2021-07-21-few-hours.json");
    Mix counted = Mix.count(sample);
    assertEquals(Mix.SAMPLE_2021.types(), counted.types());
    assertEquals(Mix.SAMPLE_2021.actions(), counted.actions());
  }
}
