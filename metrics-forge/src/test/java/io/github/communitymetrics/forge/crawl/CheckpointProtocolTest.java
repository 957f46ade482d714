package io.github.communitymetrics.forge.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.forge.CheckpointException;
import io.github.communitymetrics.forge.EventFile;
import io.github.communitymetrics.forge.EventFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commit protocol of a resumable fetch on real files: output, ledgers and one state. */
class CheckpointProtocolTest {
  private static final Repository REPO = Repository.github("acme/widget");

  @TempDir Path dir;

  private static Event star(int i) {
    return new Star(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i), REPO, Actor.github("u" + i));
  }

  private static List<Event> read(Path file) throws IOException {
    List<Event> events = new ArrayList<>();
    InputStream in = Files.newInputStream(file);
    if (file.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      EventJsonLines.reader(r).forEachRemaining(events::add);
    }
    return events;
  }

  @ParameterizedTest
  @ValueSource(strings = {"out.jsonl", "out.jsonl.gz"})
  void aResumedFileIsCutBackToTheCommittedLengthAndAppended(String name) throws IOException {
    Path out = dir.resolve(name);
    long committed;
    try (EventFile file = EventFile.create(out)) {
      file.accept(star(1));
      file.accept(star(2));
      file.sync();
      file.accept(star(3));
      committed = file.sync();
      // Written after the last commit: what a kill leaves behind.
      file.accept(star(4));
    }
    // A torn line (plain) or the start of an unfinished member (gzip) past everything.
    Files.write(out, new byte[] {'{', '"', 0x1f, (byte) 0x8b}, StandardOpenOption.APPEND);
    assertTrue(Files.size(out) > committed);
    try (EventFile file = EventFile.resume(out, committed)) {
      assertEquals(committed, file.startLength());
      file.accept(star(5));
    }
    assertEquals(List.of(star(1), star(2), star(3), star(5)), read(out));
  }

  @Test
  void aFileShorterThanTheCheckpointIsRefused() throws IOException {
    Path out = dir.resolve("out.jsonl");
    Files.writeString(out, "");
    CheckpointException e = assertThrows(CheckpointException.class, () -> EventFile.resume(out, 100));
    assertTrue(e.getMessage().contains("0 bytes but the checkpoint covers 100"), e.getMessage());
    Path missing = dir.resolve("missing.jsonl");
    assertThrows(CheckpointException.class, () -> EventFile.resume(missing, 5));
  }

  @Test
  void theStateRecordsCursorsLedgersAndTheOutputAndCutsLedgersBack() throws IOException {
    Path ckpt = dir.resolve("ckpt");
    Path out = dir.resolve("out.jsonl");
    long length;
    try (EventFile file = EventFile.create(out)) {
      Checkpoint checkpoint = Checkpoint.open(ckpt, file);
      file.accept(star(1));
      Ledger ledger = checkpoint.ledger("acme__widget.issues");
      ledger.put("issue_opened:1:0", "");
      checkpoint.save("acme__widget.stargazers", "http://h/x?page=2\t0");
      length = Files.size(out);
      ledger.put("uncommitted", "x");
      // A multi-line cursor (base branches) survives the escaping.
      checkpoint.save("acme__widget.base-refs", "1\tmain\n2\tdev\\x\n");
      // Appended and forced, but the kill comes before the state that records it.
      ledger.put("lost", "y");
      ledger.flushPending();
    }
    Optional<Checkpoint.Output> recorded = Checkpoint.recordedOutput(ckpt);
    assertTrue(recorded.isPresent());
    assertEquals(Optional.of(out.toAbsolutePath().normalize()), recorded.get().file());
    assertEquals(length, recorded.get().length());
    assertFalse(recorded.get().complete());
    try (EventFile file = EventFile.open(out, ckpt)) {
      Checkpoint again = Checkpoint.open(ckpt, file);
      assertEquals(Optional.of("http://h/x?page=2\t0"), again.read("acme__widget.stargazers"));
      assertEquals(Optional.of("1\tmain\n2\tdev\\x\n"), again.read("acme__widget.base-refs"));
      Ledger ledger = again.ledger("acme__widget.issues");
      assertTrue(ledger.contains("issue_opened:1:0"));
      assertTrue(ledger.contains("uncommitted"), "committed with the base-refs cursor");
      assertFalse(ledger.contains("lost"), "appended after the last commit: cut off");
      again.finish();
    }
    assertTrue(Checkpoint.recordedOutput(ckpt).orElseThrow().complete());
  }

  @Test
  void anInterruptedFetchCannotBeResumedIntoAnotherFileOrAFreshOne() throws IOException {
    Path ckpt = dir.resolve("ckpt");
    Path out = dir.resolve("out.jsonl");
    try (EventFile file = EventFile.create(out)) {
      Checkpoint checkpoint = Checkpoint.open(ckpt, file);
      file.accept(star(1));
      checkpoint.save("k", "v");
    }
    Path other = dir.resolve("other.jsonl");
    CheckpointException e = assertThrows(CheckpointException.class, () -> EventFile.open(other, ckpt));
    assertTrue(e.getMessage().contains("was writing to " + out.toAbsolutePath()), e.getMessage());
    // A fresh (truncated) file at the same path would lose the events the cursors cover.
    try (EventFile fresh = EventFile.create(out)) {
      CheckpointException f = assertThrows(CheckpointException.class, () -> Checkpoint.open(ckpt, fresh));
      assertTrue(f.getMessage().contains("continues at byte 0"), f.getMessage());
    }
  }

  @Test
  void aCompletedFetchMayWriteItsIncrementToAnotherFile() throws IOException {
    Path ckpt = dir.resolve("ckpt");
    try (EventFile file = EventFile.create(dir.resolve("a.jsonl"))) {
      Checkpoint checkpoint = Checkpoint.open(ckpt, file);
      file.accept(star(1));
      checkpoint.save("k", "v");
      checkpoint.finish();
    }
    try (EventFile file = EventFile.open(dir.resolve("b.jsonl"), ckpt)) {
      Checkpoint checkpoint = Checkpoint.open(ckpt, file);
      assertEquals(Optional.of("v"), checkpoint.read("k"));
      assertEquals(0, file.startLength());
    }
  }

  @Test
  void earlierFormatsAndForeignStatesAreRefused() throws IOException {
    Path old = dir.resolve("old");
    Files.createDirectories(old);
    Files.writeString(old.resolve("acme__widget.stargazers.cursor"), "http://h/x\t0");
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.open(old, x -> {}));
    assertTrue(e.getMessage().contains("earlier version"), e.getMessage());
    // The ETag cache's files may share the directory (--cache and --checkpoint the same).
    Path shared = dir.resolve("shared");
    Files.createDirectories(shared);
    Files.writeString(shared.resolve("etag-0123abcd.cursor"), "\"e\"\n-\n[]");
    assertTrue(Checkpoint.open(shared, x -> { }).read("k").isEmpty());
    Path foreign = dir.resolve("foreign");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve(Checkpoint.STATE), "something else\n");
    assertThrows(CheckpointException.class, () -> Checkpoint.open(foreign, x -> {}));
    Path torn = dir.resolve("torn");
    Files.createDirectories(torn);
    Files.writeString(torn.resolve(Checkpoint.STATE), "community-metrics checkpoint 1\ncursor\tk\tv\n");
    assertThrows(CheckpointException.class, () -> Checkpoint.open(torn, x -> {}));
  }

  @Test
  void withoutADirectoryNothingIsSavedAndLedgersStayInMemory() {
    Checkpoint none = Checkpoint.none();
    none.save("k", "v");
    assertEquals(Optional.empty(), none.read("k"));
    Ledger ledger = none.ledger("x");
    ledger.put("a", "b");
    ledger.commit();
    assertTrue(ledger.contains("a"));
    assertThrows(IllegalArgumentException.class, () -> ledger.put("a\tb", "v"));
    assertThrows(IllegalArgumentException.class, () -> none.ledger("../x"));
    assertThrows(IllegalArgumentException.class, () -> none.read("a/b"));
  }

  @Test
  void aSavedListCursorThatHoldsNoUrlIsACheckpointException() {
    // A state file edited by hand or by another tool: the cursor has the URL<TAB>count shape, but
    // its URL does not parse. It must not surface as the IllegalArgumentException of URI.create.
    Path ckpt = dir.resolve("ckpt");
    Checkpoint.open(ckpt, x -> {}).save("acme.stargazers", "not a url\t3");
    Checkpoint resumed = Checkpoint.open(ckpt, x -> {});
    PagedList list =
        new PagedList(
            resumed,
            "acme.stargazers",
            url -> {
              throw new AssertionError("no request expected, got " + url);
            },
            response -> Optional.empty(),
            false);
    CheckpointException e =
        assertThrows(
            CheckpointException.class,
            () -> list.read(URI.create("https://api.example/stargazers"), (json, item, index, response) -> 0));
    assertTrue(e.getMessage().contains("acme.stargazers"), e.getMessage());
    assertEquals(ckpt, e.directory());
  }

  @Test
  void anEventFileThatCannotBeCreatedIsAnIoFailure() {
    Path missing = dir.resolve("no-such-directory").resolve("events.jsonl");
    // Catching CommunityMetricsIoException catches every I/O failure, this one included.
    CommunityMetricsIoException e = assertThrows(CommunityMetricsIoException.class, () -> EventFile.create(missing));
    assertEquals(EventFileException.class, e.getClass());
    assertTrue(e.getCause() instanceof IOException, String.valueOf(e.getCause()));
    Path directory = dir;
    EventFileException d = assertThrows(EventFileException.class, () -> EventFile.create(directory));
    assertTrue(d.getMessage().startsWith("cannot create " + directory + ": "), d.getMessage());
  }
}
