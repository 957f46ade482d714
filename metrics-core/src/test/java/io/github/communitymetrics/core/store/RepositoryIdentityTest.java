package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventReader;
import io.github.communitymetrics.core.io.ReadOptions;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * One repository per identity (docs/events.md, "Repository identity"): forge and id when known,
 * merged with lines of the same forge and full name without id; renames follow the id; two ids
 * under one name stay two repositories.
 */
class RepositoryIdentityTest {
  private static List<Event> read(String... lines) {
    List<Event> out = new ArrayList<>();
    try (EventReader r =
        EventJsonLines.reader(new StringReader(String.join("\n", lines)), ReadOptions.strict())) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  private static String star(String at, String repo, String repoId, String login) {
    return "{\"type\":\"star\",\"at\":\"" + at + "\",\"repo\":\"" + repo + "\""
        + (repoId == null ? "" : ",\"repo_id\":" + repoId)
        + ",\"actor\":{\"login\":\"" + login + "\",\"bot\":false}}";
  }

  private static String commit(String at, String repo, String repoId, String sha, String name) {
    return "{\"type\":\"commit\",\"at\":\"" + at + "\",\"repo\":\"" + repo + "\""
        + (repoId == null ? "" : ",\"repo_id\":" + repoId)
        + ",\"actor\":{\"name\":\"" + name + "\",\"email\":\"" + name + "@example.org\",\"bot\":false,"
        + "\"forge\":\"git\"},\"sha\":\"" + sha + "\",\"parents\":[],\"author\":{\"name\":\"" + name
        + "\",\"email\":\"" + name + "@example.org\"},\"committer\":{\"name\":\"" + name
        + "\",\"email\":\"" + name + "@example.org\",\"at\":\"" + at + "\"},\"co_authors\":[],\"files\":[]}";
  }

  private static Repository gh(String name, long id) {
    return new Repository(Forge.GITHUB, name, OptionalLong.of(id));
  }

  @Test
  void linesWithAndWithoutIdAreOneRepository() {
    // The reported case: one star line without repo_id next to many lines with it.
    EventStore store =
        EventStore.of(
            read(
                star("2024-03-01T00:00:00Z", "octo/hello", null, "alice"),
                star("2024-03-01T00:00:01Z", "octo/hello", "7", "bob"),
                commit("2024-03-01T00:00:02Z", "octo/hello", "7", "0000000000000000000000000000000000000001", "ann"),
                commit("2024-03-01T00:00:03Z", "octo/hello", "7", "0000000000000000000000000000000000000002", "ann")));
    assertEquals(List.of(gh("octo/hello", 7)), store.repositories());
    EventStore slice = store.slice(gh("octo/hello", 7));
    assertEquals(4, slice.size());
    assertEquals(2, slice.countByType().get(EventType.COMMIT));
    assertEquals(2, slice.countByType().get(EventType.STAR));
  }

  @Test
  void aRenameKeepsTheIdAndIsReportedUnderTheLatestName() {
    EventStore store =
        EventStore.of(
            read(
                star("2024-03-01T00:00:00Z", "octo/old", "7", "alice"),
                star("2024-03-02T00:00:00Z", "octo/old", null, "carol"),
                star("2024-03-05T00:00:00Z", "octo/new", "7", "bob"),
                star("2024-03-06T00:00:00Z", "octo/new", null, "dave")));
    assertEquals(List.of(gh("octo/new", 7)), store.repositories());
    for (int i = 0; i < store.size(); i++) {
      assertEquals(gh("octo/new", 7), store.event(i).repo());
    }
    assertEquals(4, store.slice(gh("octo/new", 7)).size());
  }

  @Test
  void deletedAndRecreatedUnderTheSameNameAreTwoRepositoriesAndIdlessLinesGoByTime() {
    EventStore store =
        EventStore.of(
            read(
                star("2024-01-01T00:00:00Z", "octo/hello", null, "early"),
                star("2024-01-02T00:00:00Z", "octo/hello", "7", "alice"),
                star("2024-01-03T00:00:00Z", "octo/hello", null, "bob"),
                star("2024-06-01T00:00:00Z", "octo/hello", "99", "carol"),
                star("2024-06-02T00:00:00Z", "octo/hello", null, "dave")));
    assertEquals(List.of(gh("octo/hello", 7), gh("octo/hello", 99)), store.repositories());
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    EventStore a = store.slice(gh("octo/hello", 7));
    for (int i = 0; i < a.size(); i++) {
      first.add(a.event(i).actor().login().orElseThrow());
    }
    EventStore b = store.slice(gh("octo/hello", 99));
    for (int i = 0; i < b.size(); i++) {
      second.add(b.event(i).actor().login().orElseThrow());
    }
    // Before any id: the first holder; then whoever held the name at the time.
    assertEquals(List.of("early", "alice", "bob"), first);
    assertEquals(List.of("carol", "dave"), second);
  }

  private static List<Event> events(EventStore s) {
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(s.event(i));
    }
    return out;
  }

  static Stream<Long> seeds() {
    return Stream.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
  }

  /** Property: the store does not depend on input order, and ids never split. */
  @ParameterizedTest
  @MethodSource("seeds")
  void identityDoesNotDependOnInputOrder(long seed) {
    System.out.println("seed " + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String name = rnd.nextBoolean() ? "octo/a" : "octo/b";
      String id = rnd.nextInt(3) == 0 ? null : (name.equals("octo/a") ? "1" : "2");
      lines.add(star(String.format("2024-03-01T00:%02d:%02dZ", i / 60, i % 60), name, id, "u" + rnd.nextInt(5)));
    }
    EventStore ordered = EventStore.of(read(lines.toArray(new String[0])));
    List<String> shuffled = new ArrayList<>(lines);
    java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
    EventStore other = EventStore.of(read(shuffled.toArray(new String[0])));
    assertEquals(ordered.repositories(), other.repositories(), "seed " + seed);
    assertEquals(events(ordered), events(other), "seed " + seed);
    for (Repository r : ordered.repositories()) {
      assertEquals(true, r.id().isPresent() || ordered.repositories().stream()
          .noneMatch(x -> x != r && x.fullName().equals(r.fullName())), "seed " + seed + ": " + r);
    }
  }
}
