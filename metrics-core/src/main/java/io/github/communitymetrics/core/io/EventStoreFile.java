package io.github.communitymetrics.core.io;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * A saved event store: events in a compact, lossless binary form, grouped in segments (one per
 * input that was read: a GH Archive hour, say), so that a store can be extended with new inputs
 * without reading the old ones again (issue 24). The layout is specified in {@code
 * docs/store.md}:
 *
 * <pre>
 * file    = magic "CMEVSTOR" (8 bytes), format version (4 bytes, big-endian), segment*
 * segment = "SEGM", payload length (4 bytes), CRC32C of those 8 bytes (4 bytes),
 *           payload, CRC32C of the payload (4 bytes)
 * payload = input name, input size, input CRC32C, read report, event count, events
 * </pre>
 *
 * <p>A segment counts once its last byte is written: an append writes a whole segment after the
 * last complete one, so a writer killed midway leaves a file whose complete segments still load
 * and whose incomplete tail ({@link Contents#droppedTailBytes()}) the next append cuts off. A
 * segment whose bytes are all there but do not match their checksums is damage, not an
 * interrupted write: {@link StoreFileException}, naming the file and the byte offset, as are
 * another version and a truncated header.
 *
 * <p>Core opens no files: the methods here read and write streams the caller opened.
 */
public final class EventStoreFile {
  private EventStoreFile() {}

  /** The format version this code writes and reads. */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = "CMEVSTOR".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEGMENT = "SEGM".getBytes(StandardCharsets.US_ASCII);
  private static final MalformedReason[] REASONS = MalformedReason.values();

  /** The bytes of the file header: magic and version. */
  public static final int HEADER_BYTES = MAGIC.length + 4;

  private static final int FRAME_HEAD = SEGMENT.length + 4 + 4;

  /**
   * What a segment says about itself.
   *
   * @param name the input's name (a file name, without directories)
   * @param size the input's size in bytes
   * @param crc32c the CRC32C of the input's bytes, as read from disk (compressed if it is)
   * @param report what reading the input gave: lines, events, malformed lines (the skipped lines'
   *     reasons without the input's name)
   * @param events how many events the segment holds
   * @param offset the segment's first byte in the store file
   * @param length the segment's length in bytes, framing included
   */
  public record Segment(
      String name, long size, long crc32c, ReadReport report, int events, long offset, long length) {
    /** Checks the components. */
    public Segment {
      Checks.notNull(name, "name");
      Checks.notNull(report, "report");
    }
  }

  /**
   * What a reading of a store file found.
   *
   * @param segments the complete segments, in file order
   * @param completeLength the bytes up to the end of the last complete segment: where the next
   *     segment goes
   * @param droppedTailBytes the bytes after that, of a segment whose writing was interrupted
   *     (0 when there are none); they are not read
   */
  public record Contents(List<Segment> segments, long completeLength, long droppedTailBytes) {
    /** Copies the list. */
    public Contents {
      segments = List.copyOf(Checks.notNull(segments, "segments"));
    }
  }

  /** Writes the file header of an empty store. */
  public static void writeHeader(OutputStream out) throws IOException {
    out.write(MAGIC);
    out.write(new byte[] {0, 0, 0, VERSION});
  }

  /** A new segment's events, encoded as they are added; not thread-safe. */
  public static SegmentWriter segment() {
    return new SegmentWriter();
  }

  /** Encodes one segment: events one by one, then what was read to get them. */
  public static final class SegmentWriter {
    private final BinaryEvents.Out events = new BinaryEvents.Out();
    private final BinaryEvents.Encoder encoder = new BinaryEvents.Encoder(events);
    private int count;

    private SegmentWriter() {}

    /** Adds an event. */
    public SegmentWriter add(Event event) {
      encoder.event(Checks.notNull(event, "event"));
      count++;
      return this;
    }

    /** How many events were added. */
    public int count() {
      return count;
    }

    /**
     * The whole segment, framing and checksums included, ready to be appended to a store file.
     *
     * @param name the input's name
     * @param size the input's size in bytes
     * @param crc32c the CRC32C of the input's bytes
     * @param report what reading the input gave; skipped lines' reasons without the input's name
     */
    public byte[] finish(String name, long size, long crc32c, ReadReport report) {
      Checks.notNull(name, "name");
      Checks.notNull(report, "report");
      BinaryEvents.Out payload = new BinaryEvents.Out();
      payload.utf8(name);
      payload.varLong(size);
      payload.long8(crc32c);
      writeReport(payload, report);
      payload.varLong(count);
      payload.raw(events.bytes(), 0, events.size());
      BinaryEvents.Out frame = new BinaryEvents.Out();
      frame.raw(SEGMENT, 0, SEGMENT.length);
      frame.int4(payload.size());
      frame.int4(crc(frame.bytes(), 0, FRAME_HEAD - 4));
      frame.raw(payload.bytes(), 0, payload.size());
      frame.int4(crc(payload.bytes(), 0, payload.size()));
      return Arrays.copyOf(frame.bytes(), frame.size());
    }
  }

  private static void writeReport(BinaryEvents.Out out, ReadReport r) {
    out.varLong(r.linesRead());
    out.varLong(r.blankLines());
    out.varLong(r.eventsRead());
    out.varLong(r.malformedLinesSkipped());
    out.varLong(r.malformedByReason().size());
    r.malformedByReason().forEach((reason, n) -> {
      out.varLong(reason.ordinal());
      out.varLong(n);
    });
    out.varLong(r.skipped().size());
    for (ReadReport.SkippedLine s : r.skipped()) {
      out.varLong(s.lineNumber());
      out.utf8(s.reason());
    }
  }

  private static ReadReport readReport(BinaryEvents.In in) {
    long lines = in.varLong();
    long blank = in.varLong();
    long events = in.varLong();
    long malformed = in.varLong();
    int reasons = in.varInt();
    Map<MalformedReason, Long> byReason = new EnumMap<>(MalformedReason.class);
    for (int i = 0; i < reasons; i++) {
      MalformedReason reason = in.pick(REASONS, "malformed-line reason");
      byReason.put(reason, in.varLong());
    }
    int skipped = in.varInt();
    List<ReadReport.SkippedLine> lines2 = new ArrayList<>(Math.min(skipped, 1024));
    for (int i = 0; i < skipped; i++) {
      lines2.add(new ReadReport.SkippedLine(in.varLong(), in.utf8()));
    }
    int start = in.position();
    try {
      return new ReadReport(lines, blank, events, malformed, lines2, byReason);
    } catch (IllegalArgumentException e) {
      throw new BinaryEvents.Corrupt(start, "not a valid read report: " + e.getMessage());
    }
  }

  /**
   * Reads a store file: checks its header, then each segment's framing and checksums, hands
   * each segment's description to {@code wanted} and, if it answers with a sink, decodes the
   * segment's events into it, in the order they were written. A segment's events are delivered
   * only after its checksum matched. The stream is read to its end and not closed.
   *
   * @param in the file's bytes from its first
   * @param source how messages name the file
   * @param wanted for each complete segment, where its events go, or empty to skip them
   * @throws StoreFileException if the header is truncated or not this format and version, or a
   *     segment is damaged
   * @throws EventIoException if {@code in} fails
   */
  public static Contents read(
      InputStream in, String source, Function<Segment, Optional<Consumer<? super Event>>> wanted) {
    Checks.notNull(in, "in");
    Checks.notNull(source, "source");
    Checks.notNull(wanted, "wanted");
    try {
      return readChecked(in, source, wanted);
    } catch (IOException e) {
      throw new EventIoException("reading " + source, e);
    }
  }

  private static Contents readChecked(
      InputStream in, String source, Function<Segment, Optional<Consumer<? super Event>>> wanted)
      throws IOException {
    byte[] header = new byte[HEADER_BYTES];
    int got = in.readNBytes(header, 0, header.length);
    if (got < MAGIC.length || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      if (got < MAGIC.length && Arrays.equals(header, 0, got, MAGIC, 0, got)) {
        throw new StoreFileException(source, got, "truncated header: " + got + " of " + HEADER_BYTES + " bytes");
      }
      throw new StoreFileException(source, 0, "not an event store file (no CMEVSTOR magic)");
    }
    if (got < HEADER_BYTES) {
      throw new StoreFileException(source, got, "truncated header: " + got + " of " + HEADER_BYTES + " bytes");
    }
    int version = ((header[8] & 0xFF) << 24) | ((header[9] & 0xFF) << 16) | ((header[10] & 0xFF) << 8) | (header[11] & 0xFF);
    if (version != VERSION) {
      throw new StoreFileException(
          source, MAGIC.length, "format version " + version + ", but this program reads version " + VERSION
              + " only: rebuild the store from its inputs");
    }
    return segments(in, source, HEADER_BYTES, wanted);
  }

  /**
   * Reads segments as {@link #read} does, from a stream that starts at a segment rather than at
   * the file header: a segment just made by {@link SegmentWriter#finish}, say.
   *
   * @param offset where in the file named {@code source} the stream starts, for messages and
   *     the segments' offsets
   */
  public static Contents readSegments(
      InputStream in, String source, long offset, Function<Segment, Optional<Consumer<? super Event>>> wanted) {
    Checks.notNull(in, "in");
    Checks.notNull(source, "source");
    Checks.notNull(wanted, "wanted");
    try {
      return segments(in, source, offset, wanted);
    } catch (IOException e) {
      throw new EventIoException("reading " + source, e);
    }
  }

  private static Contents segments(
      InputStream in, String source, long offset, Function<Segment, Optional<Consumer<? super Event>>> wanted)
      throws IOException {
    List<Segment> segments = new ArrayList<>();
    byte[] head = new byte[FRAME_HEAD];
    while (true) {
      int h = in.readNBytes(head, 0, FRAME_HEAD);
      if (h == 0) {
        return new Contents(segments, offset, 0);
      }
      if (h < FRAME_HEAD) {
        return new Contents(segments, offset, h);
      }
      if (!Arrays.equals(head, 0, SEGMENT.length, SEGMENT, 0, SEGMENT.length)) {
        throw new StoreFileException(source, offset, "no segment starts here (no SEGM marker)");
      }
      int length = int4(head, SEGMENT.length);
      if (int4(head, FRAME_HEAD - 4) != crc(head, 0, FRAME_HEAD - 4)) {
        throw new StoreFileException(source, offset, "the segment's length does not match its checksum");
      }
      if (length < 0) {
        throw new StoreFileException(source, offset, "a segment of negative length");
      }
      byte[] payload = readUpTo(in, length + 4);
      if (payload.length < length + 4) {
        return new Contents(segments, offset, FRAME_HEAD + (long) payload.length);
      }
      long payloadOffset = offset + FRAME_HEAD;
      if (int4(payload, length) != crc(payload, 0, length)) {
        throw new StoreFileException(
            source, payloadOffset, "segment damaged: its " + length + " bytes do not match their checksum");
      }
      long segmentLength = FRAME_HEAD + (long) length + 4;
      try {
        BinaryEvents.In body = new BinaryEvents.In(payload, 0, length);
        String name = body.utf8();
        long size = body.varLong();
        long crc32c = body.long8();
        ReadReport report = readReport(body);
        int count = body.varInt();
        Segment segment = new Segment(name, size, crc32c, report, count, offset, segmentLength);
        Optional<Consumer<? super Event>> sink = wanted.apply(segment);
        if (sink.isPresent()) {
          BinaryEvents.Decoder decoder = new BinaryEvents.Decoder(body);
          for (int i = 0; i < count; i++) {
            sink.get().accept(decoder.event());
          }
          if (!body.atEnd()) {
            throw new BinaryEvents.Corrupt(body.position(), "bytes left after the segment's " + count + " events");
          }
        }
        segments.add(segment);
      } catch (BinaryEvents.Corrupt c) {
        throw new StoreFileException(source, payloadOffset + c.position, c.getMessage());
      }
      offset += segmentLength;
    }
  }

  /** Up to {@code n} bytes, fewer only at the end of the stream; grows as the bytes arrive. */
  private static byte[] readUpTo(InputStream in, int n) throws IOException {
    // A damaged length must not allocate gigabytes before the stream turns out shorter.
    byte[] buf = new byte[Math.min(n, 1 << 20)];
    int size = 0;
    while (size < n) {
      if (size == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
      }
      int r = in.read(buf, size, buf.length - size);
      if (r < 0) {
        break;
      }
      size += r;
    }
    return size == buf.length ? buf : Arrays.copyOf(buf, size);
  }

  private static int int4(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
  }

  private static int crc(byte[] b, int from, int length) {
    CRC32C c = new CRC32C();
    c.update(b, from, length);
    return (int) c.getValue();
  }
}
