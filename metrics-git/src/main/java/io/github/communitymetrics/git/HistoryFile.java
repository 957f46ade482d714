package io.github.communitymetrics.git;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.core.event.ChangeStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * A saved truck-factor history: the {@link RecordedLog} of a repository's history up to {@link
 * #headCommit()}, with what decides whether {@code git log} would still print it the same way.
 * It holds raw log facts, not model results, so a history serves any file selection, alias list,
 * identity rule, co-author setting and algorithm. Immutable.
 *
 * <p>Binary format, version {@value #VERSION} (big-endian; "varint" is an unsigned LEB128 number,
 * "zigzag" a signed one mapped to unsigned first; a string is a varint byte count and UTF-8):
 *
 * <pre>
 * magic        8 bytes  "CMTFHIST"
 * version      int32    1
 * head         string   the commit id the log was read at (40 hex digits)
 * arguments    varint n, n strings: GitRepository.logArguments("REV") (the flags of git log)
 * settings     string   GitRepository.logSettingsFingerprint() (mailmap, diff.*, log.* config)
 * order        32 bytes SHA-256 of the commit ids in log order (RecordedLog.orderDigest())
 * strings      varint n, n strings: every name, e-mail address and path, once, by first use
 * commits      varint n, then per commit, newest first:
 *                byte flags (1 = merge), varint author name, varint author e-mail (string ids),
 *                zigzag author time minus the previous commit's (seconds),
 *                zigzag committer time minus the author time,
 *                varint co-authors, per co-author varint name, varint e-mail,
 *                varint path lines, per line: byte status (git letter A M D T R C),
 *                [varint source path, for R and C], varint path
 * crc          int32    CRC-32 of every byte before it
 * </pre>
 *
 * @param headCommit the commit the history was read at
 * @param logArguments the {@code git log} arguments it was read with, the revision as {@code REV}
 * @param logSettings the fingerprint of the repository settings that change what {@code git log}
 *     prints for old commits
 * @param log the history, newest first
 */
public record HistoryFile(
    String headCommit, List<String> logArguments, String logSettings, RecordedLog log) {

  /** The format version this code writes and reads. */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = "CMTFHIST".getBytes(StandardCharsets.US_ASCII);
  private static final ChangeStatus[] STATUSES = ChangeStatus.values();

  /** Checks the components and copies the list. */
  public HistoryFile {
    Objects.requireNonNull(headCommit, "headCommit");
    logArguments = List.copyOf(logArguments);
    Objects.requireNonNull(logSettings, "logSettings");
    Objects.requireNonNull(log, "log");
  }

  /**
   * Writes the history in the binary format. Does not close {@code out}.
   *
   * @throws CommunityMetricsIoException if writing fails
   */
  public void write(OutputStream out, String target) {
    Objects.requireNonNull(out, "out");
    Buffer b = new Buffer();
    b.write(MAGIC, 0, MAGIC.length);
    b.int32(VERSION);
    b.string(headCommit);
    b.varint(logArguments.size());
    for (String a : logArguments) {
      b.string(a);
    }
    b.string(logSettings);
    b.write(log.orderDigest, 0, log.orderDigest.length);
    b.varint(log.strings.size());
    for (String s : log.strings) {
      b.string(s);
    }
    b.varint(log.commits);
    long previous = 0;
    for (int c = 0; c < log.commits; c++) {
      b.write(log.merge[c] ? 1 : 0);
      b.varint(log.authorName[c]);
      b.varint(log.authorEmail[c]);
      b.zigzag(log.authorTime[c] - previous);
      previous = log.authorTime[c];
      b.zigzag(log.committerTime[c] - log.authorTime[c]);
      b.varint(log.coStart[c + 1] - log.coStart[c]);
      for (int i = log.coStart[c]; i < log.coStart[c + 1]; i++) {
        b.varint(log.coName[i]);
        b.varint(log.coEmail[i]);
      }
      b.varint(log.rowStart[c + 1] - log.rowStart[c]);
      for (int i = log.rowStart[c]; i < log.rowStart[c + 1]; i++) {
        ChangeStatus status = STATUSES[log.rowStatus[i]];
        b.write(status.gitLetter());
        if (status.hasOldPath()) {
          b.varint(log.rowOld[i]);
        }
        b.varint(log.rowPath[i]);
      }
    }
    CRC32 crc = new CRC32();
    crc.update(b.bytes(), 0, b.size());
    b.int32((int) crc.getValue());
    try {
      out.write(b.bytes(), 0, b.size());
      out.flush();
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot write " + target, e);
    }
  }

  /**
   * Reads a history written by {@link #write}.
   *
   * @param in the file's bytes; read to the end, not closed
   * @param source the file's name, for messages
   * @throws HistoryFileException if it is not a history, of another version, truncated or damaged
   * @throws CommunityMetricsIoException if reading fails
   */
  public static HistoryFile read(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot read " + source, e);
    }
    if (bytes.length < MAGIC.length + 4
        || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new HistoryFileException(source, HistoryFileException.Reason.NOT_A_HISTORY,
          "not a truck-factor history file (no CMTFHIST header)");
    }
    Cursor c = new Cursor(bytes, source, bytes.length);
    c.at = MAGIC.length;
    int version = c.int32();
    if (version != VERSION) {
      throw new HistoryFileException(source, HistoryFileException.Reason.OTHER_VERSION,
          "a history of format version " + version + "; this version reads version " + VERSION);
    }
    if (bytes.length < MAGIC.length + 8) {
      throw c.corrupt("truncated after its header");
    }
    int end = bytes.length - 4;
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, end);
    Cursor tail = new Cursor(bytes, source, bytes.length);
    tail.at = end;
    if (tail.int32() != (int) crc.getValue()) {
      throw c.corrupt("checksum mismatch: the file is truncated or damaged");
    }
    c.limit = end;
    String head = c.string();
    int argCount = c.count();
    List<String> args = new ArrayList<>(argCount);
    for (int i = 0; i < argCount; i++) {
      args.add(c.string());
    }
    String settings = c.string();
    byte[] order = c.bytes(32);
    int stringCount = c.count();
    List<String> strings = new ArrayList<>(stringCount);
    for (int i = 0; i < stringCount; i++) {
      strings.add(c.string());
    }
    int commits = c.count();
    RecordedLog.Recorder r = RecordedLog.recorder();
    long previous = 0;
    for (int k = 0; k < commits; k++) {
      int flags = c.u8();
      if ((flags & ~1) != 0) {
        throw c.corrupt("unknown commit flags " + flags);
      }
      String name = strings.get(c.id(stringCount));
      String email = strings.get(c.id(stringCount));
      long authorTime = previous + c.zigzag();
      previous = authorTime;
      long committerTime = authorTime + c.zigzag();
      r.startCommit(null, flags == 1, name, email, authorTime, committerTime);
      int co = c.count();
      for (int i = 0; i < co; i++) {
        String coName = strings.get(c.id(stringCount));
        r.coAuthor(coName, strings.get(c.id(stringCount)));
      }
      int rows = c.count();
      for (int i = 0; i < rows; i++) {
        int letter = c.u8();
        ChangeStatus status = ChangeStatus.fromGitLetter((char) letter)
            .orElseThrow(() -> c.corrupt("unknown path status " + letter));
        String old = status.hasOldPath() ? strings.get(c.id(stringCount)) : null;
        r.row(status, old, strings.get(c.id(stringCount)));
      }
    }
    if (c.at != end) {
      throw c.corrupt((end - c.at) + " bytes after the last commit");
    }
    RecordedLog log = r.done(order);
    if (!log.strings.equals(strings)) {
      // Ids are by first use; a table in another order would replay the same but not re-save so.
      throw c.corrupt("its string table is not in order of first use");
    }
    return new HistoryFile(head, args, settings, log);
  }

  @Override
  public String toString() {
    return "HistoryFile[head=" + headCommit + ", " + log + "]";
  }

  /** The order digest in hex, for messages and tests. */
  public String orderDigestHex() {
    return HexFormat.of().formatHex(log.orderDigest);
  }

  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(1 << 16);
    }

    byte[] bytes() {
      return buf;
    }

    void int32(int v) {
      write(v >>> 24);
      write(v >>> 16);
      write(v >>> 8);
      write(v);
    }

    void varint(long v) {
      while ((v & ~0x7FL) != 0) {
        write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      write((int) v);
    }

    void zigzag(long v) {
      varint((v << 1) ^ (v >> 63));
    }

    void string(String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      varint(utf8.length);
      write(utf8, 0, utf8.length);
    }
  }

  private static final class Cursor {
    final byte[] bytes;
    final String source;
    int limit;
    int at;

    Cursor(byte[] bytes, String source, int limit) {
      this.bytes = bytes;
      this.source = source;
      this.limit = limit;
    }

    HistoryFileException corrupt(String detail) {
      return new HistoryFileException(source, HistoryFileException.Reason.CORRUPT,
          detail + " (at byte " + at + ")");
    }

    int u8() {
      if (at >= limit) {
        throw corrupt("truncated");
      }
      return bytes[at++] & 0xFF;
    }

    int int32() {
      return (u8() << 24) | (u8() << 16) | (u8() << 8) | u8();
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = u8();
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw corrupt("a number longer than 64 bits");
    }

    long zigzag() {
      long v = varint();
      return (v >>> 1) ^ -(v & 1);
    }

    /** A count of items still to come: at most the bytes left, since each takes one at least. */
    int count() {
      long n = varint();
      if (n > limit - at) {
        throw corrupt("a count of " + n + " with " + (limit - at) + " bytes left");
      }
      return (int) n;
    }

    int id(int strings) {
      long id = varint();
      if (id >= strings) {
        throw corrupt("string id " + id + " of a table of " + strings);
      }
      return (int) id;
    }

    byte[] bytes(int n) {
      if (limit - at < n) {
        throw corrupt("truncated");
      }
      byte[] out = java.util.Arrays.copyOfRange(bytes, at, at + n);
      at += n;
      return out;
    }

    String string() {
      int n = count();
      try {
        String s = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes, at, n)).toString();
        at += n;
        return s;
      } catch (CharacterCodingException e) {
        throw corrupt("a string that is not UTF-8");
      }
    }
  }
}
