package io.github.communitymetrics.forge.crawl;

import io.github.communitymetrics.forge.CheckpointException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a resource already emitted, across fetches: keys with a value, kept in memory and, with a
 * checkpoint directory, appended to a journal file {@code NAME.ledger} there (one {@code KEY TAB
 * VALUE} line per entry, later lines win). A cursor can only say where to read next; the ledger
 * says which of the events of an item read again (because it changed, or because a killed fetch
 * is resumed) were handed to the sink already, so that a merge or a new note of an item read
 * earlier is emitted once and its opening not again.
 *
 * <p>Entries put are appended and forced by the {@link Checkpoint}'s commit, after the sink and
 * before the state that records the ledger's new length. On open the journal is cut back to the
 * length the state recorded: lines beyond it were written after the last commit, and so were the
 * events behind them, which the output lost the same way; both come out again. Obtain one from
 * {@link Checkpoint#ledger(String)}.
 */
public final class Ledger {
  static final String SUFFIX = ".ledger";

  private final Optional<Path> file;
  private final Checkpoint checkpoint;
  private final Map<String, String> entries = new HashMap<>();
  private final List<String> pending = new ArrayList<>();
  /** Each key put since the last commit, with its value before (empty: it was absent). */
  private final Map<String, Optional<String>> before = new HashMap<>();
  private long length;

  private Ledger(Optional<Path> file, Checkpoint checkpoint) {
    this.file = file;
    this.checkpoint = checkpoint;
  }

  static Ledger open(Optional<Path> file, long committedLength, Checkpoint checkpoint) {
    String name = file.map(f -> f.getFileName().toString()).orElse("x" + SUFFIX);
    if (!name.matches("[A-Za-z0-9._-]{1,200}\\" + SUFFIX)) {
      throw new IllegalArgumentException("ledger name must be 1 to 200 of [A-Za-z0-9._-] but was '" + name + "'");
    }
    Ledger ledger = new Ledger(file, checkpoint);
    if (file.isPresent()) {
      ledger.load(file.get(), committedLength);
    }
    return ledger;
  }

  private void load(Path path, long committed) {
    Path dir = path.getParent();
    try {
      if (!Files.exists(path)) {
        if (committed > 0) {
          throw new CheckpointException(
              "the ledger " + path.getFileName() + " is missing but the state records " + committed + " bytes of it",
              dir,
              null);
        }
        return;
      }
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
        long size = channel.size();
        if (size < committed) {
          throw new CheckpointException(
              "the ledger " + path.getFileName() + " has " + size + " bytes but the state records " + committed,
              dir,
              null);
        }
        if (size > committed) {
          // Appended after the last commit, like the events behind it: both are redone.
          channel.truncate(committed);
          channel.force(true);
        }
      }
      length = committed;
      byte[] bytes = Files.readAllBytes(path);
      String text = new String(bytes, StandardCharsets.UTF_8);
      int lineNumber = 0;
      for (String line : text.split("\n")) {
        lineNumber++;
        if (line.isEmpty()) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab <= 0) {
          throw new CheckpointException(
              "ledger " + path.getFileName() + " line " + lineNumber + " is not 'KEY<TAB>VALUE': " + line, dir, null);
        }
        entries.put(line.substring(0, tab), line.substring(tab + 1));
      }
    } catch (IOException e) {
      throw new CheckpointException("cannot read ledger " + path.getFileName() + ": " + e.getMessage(), dir, e);
    }
  }

  /**
   * The value of a key.
   *
   * @param key the key
   * @return its latest value, or empty when the key was never put
   */
  public Optional<String> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /**
   * Whether a key was put.
   *
   * @param key the key
   * @return true when present
   */
  public boolean contains(String key) {
    return entries.containsKey(key);
  }

  /**
   * Puts a key; persisted by the next commit.
   *
   * @param key no tab or line break
   * @param value no line break
   */
  public void put(String key, String value) {
    if (key.isEmpty() || key.indexOf('\t') >= 0 || key.indexOf('\n') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("bad ledger entry: '" + key + "' = '" + value + "'");
    }
    String old = entries.put(key, value);
    if (!value.equals(old)) {
      before.putIfAbsent(key, Optional.ofNullable(old));
      pending.add(key + "\t" + value + "\n");
    }
  }

  /**
   * Commits the checkpoint this ledger belongs to (sink, every ledger, cursors).
   *
   * @throws CheckpointException when it cannot be written
   */
  public void commit() {
    checkpoint.commit();
  }

  /**
   * How many keys the ledger holds.
   *
   * @return the number of distinct keys
   */
  public int size() {
    return entries.size();
  }

  /** Forgets every put since the last commit: the entries get their values back. */
  void revertPending() {
    before.forEach((key, old) -> {
      if (old.isPresent()) {
        entries.put(key, old.get());
      } else {
        entries.remove(key);
      }
    });
    before.clear();
    pending.clear();
  }

  /** Appends the pending entries and forces them; the journal's length after them. */
  long flushPending() {
    before.clear();
    if (pending.isEmpty() || file.isEmpty()) {
      pending.clear();
      return length;
    }
    StringBuilder text = new StringBuilder();
    pending.forEach(text::append);
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel =
        FileChannel.open(file.get(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.position(length);
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException e) {
      throw new CheckpointException(
          "cannot append to ledger " + file.get().getFileName() + ": " + e.getMessage(), file.get().getParent(), e);
    }
    length += bytes.length;
    pending.clear();
    return length;
  }
}
