package io.github.communitymetrics.forge.crawl;

import io.github.communitymetrics.forge.CheckpointException;
import io.github.communitymetrics.forge.CrawlSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The state of a resumable fetch in its checkpoint directory: every cursor, the length of every
 * {@link Ledger} and the length of the output, in one file ({@value #STATE}) that is replaced
 * atomically. That one file is the commit point of the durability protocol:
 *
 * <ol>
 *   <li>the events are written to the sink and made durable ({@link CrawlSink#sync()}: flushed,
 *       the gzip member finished, {@link FileChannel#force forced});
 *   <li>the ledgers' new lines are appended and forced;
 *   <li>the state, with the cursors that cover those events and the lengths just reached, is
 *       written to a temporary file, forced, and moved over the old state in one step.
 * </ol>
 *
 * <p>A process killed at any moment leaves the previous state or the new one. On resume the output
 * and the ledgers are cut back to the lengths the state records (what lies beyond them was written
 * after the last commit, and the cursors make the fetch read it again): nothing is lost and
 * nothing comes out twice. A state that does not match its output (a shorter file, another file
 * for an interrupted fetch) is a {@link CheckpointException}, never a guess.
 *
 * <p>Without a directory ({@link #none()}) nothing is read or saved. Not thread-safe.
 */
public final class Checkpoint {
  /** The state file's name. */
  public static final String STATE = "crawl.state";

  private static final String HEADER = "community-metrics checkpoint 1";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

  private final Optional<Path> directory;
  private final Map<String, String> cursors;
  private final Map<String, Long> ledgerLengths;
  private final Map<String, Ledger> ledgers = new LinkedHashMap<>();
  private final Optional<Output> recorded;
  private CrawlSink sink;
  private Optional<Path> outputFile = Optional.empty();

  /**
   * The output a state records: the file (empty for a sink that is not a file), its committed
   * length (-1 when the sink has no length) and whether the fetch that wrote it completed.
   *
   * @param file the output file, absolute, or empty
   * @param length bytes covered by the cursors, or -1
   * @param complete whether the fetch ended normally after its last commit
   */
  public record Output(Optional<Path> file, long length, boolean complete) {
    /** Checks the fields. */
    public Output {
      Objects.requireNonNull(file, "file");
    }
  }

  private Checkpoint(
      Optional<Path> directory, Map<String, String> cursors, Map<String, Long> ledgers, Optional<Output> recorded) {
    this.directory = directory;
    this.cursors = cursors;
    this.ledgerLengths = ledgers;
    this.recorded = recorded;
  }

  /**
   * A checkpoint that saves nothing: every cursor is absent, commits only sync nothing.
   *
   * @return an empty checkpoint
   */
  public static Checkpoint none() {
    return new Checkpoint(Optional.empty(), new TreeMap<>(), new TreeMap<>(), Optional.empty());
  }

  /**
   * The output recorded in a checkpoint directory, without opening it for a fetch: what a caller
   * needs to reopen its output with {@link io.github.communitymetrics.forge.EventFile#resume}.
   *
   * @param directory the checkpoint directory
   * @return the output of the last commit, or empty when the directory holds no state
   * @throws CheckpointException when the state cannot be read
   */
  public static Optional<Output> recordedOutput(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return read(directory).recorded;
  }

  /**
   * Opens the checkpoint of a directory (created when missing) for a fetch that writes to {@code
   * sink}, and cuts the ledgers back to their committed lengths.
   *
   * @param directory the checkpoint directory
   * @param sink where the fetch's events go: a {@link CrawlSink} is synced before every commit; any
   *     other consumer is taken to make each event durable when it returns
   * @return the checkpoint
   * @throws CheckpointException when the directory cannot be used, or when an interrupted fetch
   *     wrote to another file or the sink does not continue at the recorded length
   */
  public static Checkpoint open(Path directory, Consumer<?> sink) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(sink, "sink");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new CheckpointException("cannot create the checkpoint directory: " + e.getMessage(), directory, e);
    }
    Checkpoint checkpoint = read(directory);
    checkpoint.bind(sink);
    return checkpoint;
  }

  private void bind(Consumer<?> consumer) {
    if (!(consumer instanceof CrawlSink)) {
      return;
    }
    sink = (CrawlSink) consumer;
    outputFile = sink.file().map(p -> p.toAbsolutePath().normalize());
    if (recorded.isEmpty() || recorded.get().length() < 0) {
      return;
    }
    Output before = recorded.get();
    boolean sameFile = before.file().equals(outputFile);
    if (!before.complete() && !sameFile) {
      throw new CheckpointException(
          "the interrupted fetch was writing to " + before.file().map(Path::toString).orElse("a sink that is not a file")
              + ", not to " + outputFile.map(Path::toString).orElse("this sink")
              + ": resume it with the same output, or use a new checkpoint directory",
          directory.get(),
          null);
    }
    if (sameFile) {
      long position = sink.sync();
      if (position != before.length()) {
        throw new CheckpointException(
            "the output " + outputFile.map(Path::toString).orElse("")
                + " continues at byte " + position + " but the checkpoint covers " + before.length()
                + " bytes: reopen it to append (a truncated or new file would lose the events the cursors cover)",
            directory.get(),
            null);
      }
    }
  }

  private static Checkpoint read(Path directory) {
    Path state = directory.resolve(STATE);
    Map<String, String> cursors = new TreeMap<>();
    Map<String, Long> ledgers = new TreeMap<>();
    if (!Files.exists(state)) {
      refuseOldFormat(directory);
      return new Checkpoint(Optional.of(directory), cursors, ledgers, Optional.empty());
    }
    String text;
    try {
      text = Files.readString(state, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CheckpointException("cannot read " + STATE + ": " + e.getMessage(), directory, e);
    }
    String[] lines = text.split("\n", -1);
    if (!lines[0].equals(HEADER)) {
      throw new CheckpointException(
          STATE + " does not start with '" + HEADER + "' (another program's file, or a newer version's)",
          directory,
          null);
    }
    Optional<Output> output = Optional.empty();
    boolean ended = false;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      if (line.equals("end")) {
        ended = true;
        break;
      }
      String[] f = line.split("\t", -1);
      try {
        switch (f[0]) {
          case "output":
            check(f.length == 4, line);
            output =
                Optional.of(
                    new Output(
                        f[3].isEmpty() ? Optional.empty() : Optional.of(Path.of(unescape(f[3]))),
                        Long.parseLong(f[1]),
                        f[2].equals("complete")));
            break;
          case "ledger":
            check(f.length == 3, line);
            ledgers.put(f[1], Long.parseLong(f[2]));
            break;
          case "cursor":
            check(f.length == 3, line);
            cursors.put(f[1], unescape(f[2]));
            break;
          default:
            check(false, line);
        }
      } catch (IllegalArgumentException e) {
        throw new CheckpointException(STATE + " line " + (i + 1) + " is malformed: " + line, directory, e);
      }
    }
    if (!ended) {
      // The state is written whole and moved in one step; a missing end means another writer.
      throw new CheckpointException(STATE + " has no 'end' line: it was not written by a fetch", directory, null);
    }
    return new Checkpoint(Optional.of(directory), cursors, ledgers, output);
  }

  private static void refuseOldFormat(Path directory) {
    if (!Files.isDirectory(directory)) {
      return; // a new checkpoint: created by open()
    }
    // The ETag cache keeps its responses as "etag-HEX.cursor" files; a user may point --cache and
    // --checkpoint at one directory. Earlier versions' cursors were "OWNER__NAME.RESOURCE.cursor".
    try (DirectoryStream<Path> old =
        Files.newDirectoryStream(directory, p -> p.getFileName().toString().endsWith(".cursor")
            && !p.getFileName().toString().startsWith("etag-"))) {
      if (old.iterator().hasNext()) {
        throw new CheckpointException(
            "the directory holds per-resource .cursor files of an earlier version, which did not"
                + " record the output they cover: use a new checkpoint directory (and a new output)",
            directory,
            null);
      }
    } catch (IOException e) {
      throw new CheckpointException("cannot list the checkpoint directory: " + e.getMessage(), directory, e);
    }
  }

  private static void check(boolean ok, String line) {
    if (!ok) {
      throw new IllegalArgumentException("unexpected line " + line);
    }
  }

  /**
   * The directory, when there is one.
   *
   * @return the checkpoint directory, or empty for {@link #none()}
   */
  public Optional<Path> directory() {
    return directory;
  }

  /**
   * The cursor saved under a key.
   *
   * @param key the key ({@code [A-Za-z0-9._:-]}, 1 to 200 characters)
   * @return the cursor, or empty
   */
  public Optional<String> read(String key) {
    return Optional.ofNullable(cursors.get(checkKey(key)));
  }

  /**
   * Sets a cursor and commits: the events handed to the sink so far, the ledgers and every cursor
   * become durable together.
   *
   * @param key the key
   * @param cursor the cursor, any text
   * @throws CheckpointException when the state cannot be written
   */
  public void save(String key, String cursor) {
    Objects.requireNonNull(cursor, "cursor");
    if (directory.isEmpty()) {
      return;
    }
    cursors.put(checkKey(key), cursor);
    commit(false);
  }

  /**
   * The ledger of a name, cut back to its committed length.
   *
   * @param name the ledger's name ({@code [A-Za-z0-9._-]}, 1 to 200 characters)
   * @return the ledger, the same instance for the same name
   */
  public Ledger ledger(String name) {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9._-]{1,200}")) {
      throw new IllegalArgumentException("ledger name must be 1 to 200 of [A-Za-z0-9._-] but was '" + name + "'");
    }
    return ledgers.computeIfAbsent(
        name,
        n ->
            Ledger.open(
                directory.map(d -> d.resolve(n + Ledger.SUFFIX)),
                ledgerLengths.getOrDefault(n, 0L),
                this));
  }

  /**
   * Commits: syncs the sink, appends and forces the ledgers, then replaces the state.
   *
   * @throws CheckpointException when the state cannot be written
   */
  public void commit() {
    commit(false);
  }

  /**
   * Forgets what the ledgers were given since the last commit, as a process killed now would: for a
   * fetch that passes over a repository that failed and goes on with the next one, whose commits
   * must not record entries whose events were dropped ({@link StagedSink#discard()}). Cursors
   * need no such care: each {@link #save} commits.
   */
  public void rollback() {
    for (Ledger ledger : ledgers.values()) {
      ledger.revertPending();
    }
  }

  /**
   * Commits and records the fetch as complete: a later fetch may then write another output.
   *
   * @throws CheckpointException when the state cannot be written
   */
  public void finish() {
    commit(true);
  }

  private void commit(boolean complete) {
    if (directory.isEmpty()) {
      for (Ledger ledger : ledgers.values()) {
        ledger.flushPending();
      }
      return;
    }
    long length = sink == null ? -1 : sink.sync();
    for (Map.Entry<String, Ledger> e : ledgers.entrySet()) {
      ledgerLengths.put(e.getKey(), e.getValue().flushPending());
    }
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("output\t")
        .append(length)
        .append('\t')
        .append(complete ? "complete" : "running")
        .append('\t')
        .append(outputFile.map(p -> escape(p.toString())).orElse(""))
        .append('\n');
    ledgerLengths.forEach((n, l) -> text.append("ledger\t").append(n).append('\t').append(l).append('\n'));
    cursors.forEach((k, v) -> text.append("cursor\t").append(k).append('\t').append(escape(v)).append('\n'));
    text.append("end\n");
    writeAtomically(directory.get(), text.toString());
  }

  private static void writeAtomically(Path dir, String text) {
    Path temp = dir.resolve(STATE + ".tmp");
    Path target = dir.resolve(STATE);
    try {
      try (FileChannel channel =
          FileChannel.open(
              temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new CheckpointException(
            "the file system cannot replace " + target + " atomically", dir, e);
      }
      // The directory is not forced: if a power cut loses the rename, the older state comes back,
      // and it is consistent too (resume cuts the output and ledgers back to its lengths).
    } catch (IOException e) {
      throw new CheckpointException("cannot write " + STATE + ": " + e.getMessage(), dir, e);
    }
  }

  private static String checkKey(String key) {
    Objects.requireNonNull(key, "key");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("checkpoint key must be 1 to 200 of [A-Za-z0-9._:-] but was '" + key + "'");
    }
    return key;
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= s.length()) {
        throw new IllegalArgumentException("a trailing backslash");
      }
      switch (s.charAt(i)) {
        case '\\' -> out.append('\\');
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        default -> throw new IllegalArgumentException("unknown escape \\" + s.charAt(i));
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "Checkpoint[" + directory.map(Path::toString).orElse("none") + ", " + cursors.size() + " cursors]";
  }
}
