package io.github.communitymetrics.gitlab.internal;

import io.github.communitymetrics.core.CommunityMetricsException;
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
 * VALUE} line per entry, later lines win). A checkpoint cursor can only say where to read next; the
 * ledger says which of the events of an item read again (because it changed, or because a killed
 * fetch is resumed) were handed to the sink already, so that a merge or a new note of an item read
 * earlier is emitted once and its opening not again.
 *
 * <p>Appends are forced to disk by {@link #commit()}, which the source calls before it saves the
 * cursor. A process killed during an append leaves at most an unterminated last line, which {@link
 * #open} cuts off: its entries were not committed, so the events behind them may be emitted again,
 * the same window as between the sink and a cursor.
 */
public final class Ledger {
  private static final String SUFFIX = ".ledger";

  private final Optional<Path> file;
  private final Map<String, String> entries = new HashMap<>();
  private final List<String> pending = new ArrayList<>();

  private Ledger(Optional<Path> file) {
    this.file = file;
  }

  /**
   * The ledger of a resource: read from the checkpoint directory when given, else in memory only.
   *
   * @param directory the checkpoint directory, or empty
   * @param name the checkpoint name of the resource (letters, digits, {@code . _ -})
   * @return the ledger
   * @throws CommunityMetricsException when the journal cannot be read or repaired
   */
  public static Ledger open(Optional<Path> directory, String name) {
    if (!name.matches("[A-Za-z0-9._-]{1,200}")) {
      throw new IllegalArgumentException("ledger name must be 1 to 200 of [A-Za-z0-9._-] but was '" + name + "'");
    }
    Ledger ledger = new Ledger(directory.map(d -> d.resolve(name + SUFFIX)));
    if (ledger.file.isPresent() && Files.exists(ledger.file.get())) {
      ledger.load(ledger.file.get());
    }
    return ledger;
  }

  private void load(Path path) {
    try {
      byte[] bytes = Files.readAllBytes(path);
      int end = bytes.length;
      while (end > 0 && bytes[end - 1] != '\n') {
        end--;
      }
      if (end < bytes.length) {
        // A torn last append: drop it so the next append starts on a line of its own.
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
          channel.truncate(end);
          channel.force(true);
        }
      }
      String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
      int lineNumber = 0;
      for (String line : text.split("\n")) {
        lineNumber++;
        if (line.isEmpty()) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab <= 0) {
          throw new CommunityMetricsException(
              "ledger " + path + " line " + lineNumber + " is not 'KEY<TAB>VALUE': " + line);
        }
        entries.put(line.substring(0, tab), line.substring(tab + 1));
      }
    } catch (IOException e) {
      throw new CommunityMetricsException("cannot read ledger " + path, e);
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
   * Puts a key; persisted by the next {@link #commit()}.
   *
   * @param key no tab or line break
   * @param value no line break
   */
  public void put(String key, String value) {
    if (key.isEmpty() || key.indexOf('\t') >= 0 || key.indexOf('\n') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("bad ledger entry: '" + key + "' = '" + value + "'");
    }
    if (!value.equals(entries.put(key, value))) {
      pending.add(key + "\t" + value + "\n");
    }
  }

  /**
   * Appends the entries put since the last commit to the journal and forces them to disk.
   *
   * @throws CommunityMetricsException when the journal cannot be written
   */
  public void commit() {
    if (pending.isEmpty() || file.isEmpty()) {
      pending.clear();
      return;
    }
    StringBuilder text = new StringBuilder();
    pending.forEach(text::append);
    try (FileChannel channel =
        FileChannel.open(
            file.get(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    } catch (IOException e) {
      throw new CommunityMetricsException("cannot append to ledger " + file.get(), e);
    }
    pending.clear();
  }

  /**
   * How many keys the ledger holds.
   *
   * @return the number of distinct keys
   */
  public int size() {
    return entries.size();
  }
}
