package io.github.communitymetrics.forge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.forge.CheckpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
  @TempDir Path dir;

  @Test
  void writesReadsReplacesAndDeletes() {
    CheckpointStore store = CheckpointStore.open(dir.resolve("new"));
    assertEquals(Optional.empty(), store.read("stargazers"));
    store.write("stargazers", "https://api/x?page=2");
    store.write("forks", "2026-01-01T00:00:00Z");
    store.write("stargazers", "https://api/x?page=3");
    assertEquals(Optional.of("https://api/x?page=3"), store.read("stargazers"));
    // A second store over the same directory sees the same cursors (a resumed process).
    assertEquals(Optional.of("2026-01-01T00:00:00Z"), CheckpointStore.open(dir.resolve("new")).read("forks"));
    store.delete("stargazers");
    assertEquals(Optional.empty(), store.read("stargazers"));
  }

  @Test
  void aCrashBeforeTheMoveLeavesThePreviousCursor() {
    CheckpointStore.open(dir).write("issues", "old");
    CheckpointStore crashing =
        CheckpointStore.open(
            dir,
            (temp, target) -> {
              throw new IOException("killed");
            });
    assertThrows(CheckpointException.class, () -> crashing.write("issues", "new"));
    assertEquals(Optional.of("old"), CheckpointStore.open(dir).read("issues"));
    // The next write after the crash succeeds over the left-over temporary file.
    CheckpointStore.open(dir).write("issues", "newer");
    assertEquals(Optional.of("newer"), CheckpointStore.open(dir).read("issues"));
  }

  @Test
  void rejectsResourceNamesThatAreNotPlainFileNames() {
    CheckpointStore store = CheckpointStore.open(dir);
    assertThrows(IllegalArgumentException.class, () -> store.read("../etc"));
    assertThrows(IllegalArgumentException.class, () -> store.write("a/b", "x"));
    assertThrows(IllegalArgumentException.class, () -> store.read(""));
  }

  @Test
  void aCursorThatCannotBeReadWrittenOrDeletedIsACheckpointException() throws IOException {
    // A directory where the cursor file should be: every operation on it fails with an
    // IOException, which must come out typed (and naming the directory), not as a bare root.
    Path cursor = Files.createDirectory(dir.resolve("issues.cursor"));
    Files.writeString(cursor.resolve("keep"), "x");
    CheckpointStore store = CheckpointStore.open(dir);
    CheckpointException read = assertThrows(CheckpointException.class, () -> store.read("issues"));
    assertTrue(read.getMessage().contains("issues.cursor") && read.getMessage().contains(dir.toString()), read.getMessage());
    assertTrue(read.getCause() instanceof IOException, String.valueOf(read.getCause()));
    assertEquals(dir, read.directory());
    assertThrows(CheckpointException.class, () -> store.write("issues", "new"));
    assertThrows(CheckpointException.class, () -> store.delete("issues"));
  }
}
