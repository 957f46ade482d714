package io.github.communitymetrics.benchmarks.peer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A real-shaped GH Archive workload for the benchmarks only: it repeats the real GH Archive hours
 * (raw JSON lines, never parsed into a model) as many times as needed to reach a target event
 * count, each copy with its own identities and its own place in time, so the mix of event types
 * and the heavy tails of the real hours are kept while the stream grows to an hour, a day (about
 * four million events) or a week.
 *
 * <p>Copy {@code k} is rewritten textually:
 *
 * <ul>
 *   <li>identities: every {@code "login"}, {@code "actor"} and {@code "owner"} string and every
 *       {@code "name"}/{@code "full_name"} of the form {@code owner/repo} gets the prefix {@code
 *       gG-} where {@code G} is the copy's <em>identity group</em>; every numeric {@code "id"} is
 *       moved by {@code G * 2^40}. Copies in the same group share people and repositories, at
 *       other times, which is what period-over-period retention needs. {@code [bot]} suffixes stay
 *       at the end, so bots remain bots.
 *   <li>event ids: the string {@code "id":"N"} becomes {@code k * 10^12 + N}, unique per copy.
 *   <li>times: every ISO-8601 timestamp (with {@code Z} or an offset) is moved by the same amount,
 *       so that the file's first event lands at {@code start + k * span / copies + jitter}, jitter
 *       uniform in {@code [0, span / copies)} from the seed. Relative times inside a copy (an
 *       issue and its first comment) are kept.
 * </ul>
 *
 * <p>URLs and free text are left as they are (no reader in this project takes identities from
 * them). The output is deterministic for the same inputs, seed and parameters.
 */
public final class GhArchiveAmplifier {
  /** Default real hours, relative to the shared data directory ({@code /work/shared/data}). */
  public static final List<String> DEFAULT_SOURCES =
      List.of(
          "gharchive/klangner-github-analysis/src/test/java/com/matrobot/gha/archive/testdata/2012-04-01-0.json.gz",
          "gharchive/klangner-github-analysis/src/test/java/com/matrobot/gha/archive/testdata/2012-10-13-0.json.gz",
          "gharchive/apache-pinot/pinot-tools/src/main/resources/examples/stream/githubEvents/rawdata/2021-07-21-few-hours.json");

  /** Named stream sizes: the target event count and the time span. */
  public enum Size {
    /** About 170 thousand events in one hour (a busy real GH Archive hour). */
    HOUR(170_000L, Duration.ofHours(1)),
    /** About four million events in one day. */
    DAY(4_000_000L, Duration.ofDays(1)),
    /** About 28 million events in one week. */
    WEEK(28_000_000L, Duration.ofDays(7));

    private final long events;
    private final Duration span;

    Size(long events, Duration span) {
      this.events = events;
      this.span = span;
    }

    /** The target number of events (lines). */
    public long events() {
      return events;
    }

    /** The time span the copies are spread over. */
    public Duration span() {
      return span;
    }
  }

  private static final Pattern IDENTITY =
      Pattern.compile("\"(login|actor|owner)\":\"([^\"\\\\]*)\"");
  private static final Pattern REPO_NAME =
      Pattern.compile("\"(name|full_name)\":\"([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)\"");
  private static final Pattern NUMERIC_ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern EVENT_ID = Pattern.compile("\"id\":\"(\\d+)\"");
  private static final Pattern TIME =
      Pattern.compile("\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)(Z|[+-]\\d\\d:\\d\\d)\"");
  private static final long GROUP_ID_STRIDE = 1L << 40;
  private static final long EVENT_ID_STRIDE = 1_000_000_000_000L;

  private final List<List<String>> sources;
  private final long seed;

  private GhArchiveAmplifier(List<List<String>> sources, long seed) {
    this.sources = sources;
    this.seed = seed;
  }

  /**
   * Reads the source files (gzip or plain JSON lines) into memory.
   *
   * @param files the real GH Archive files, each one source "hour"
   * @param seed the seed of the time jitter and of the copy-to-group assignment
   */
  public static GhArchiveAmplifier of(List<Path> files, long seed) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no source files");
    }
    List<List<String>> sources = new ArrayList<>();
    for (Path file : files) {
      sources.add(readLines(file));
    }
    return new GhArchiveAmplifier(sources, seed);
  }

  /** The default sources under {@code dataDir} (the directory holding {@code gharchive/}). */
  public static List<Path> defaultSources(Path dataDir) {
    List<Path> out = new ArrayList<>();
    for (String s : DEFAULT_SOURCES) {
      out.add(dataDir.resolve(s));
    }
    return out;
  }

  /** Number of source lines (events) in one copy of all sources. */
  public long eventsPerCopy() {
    long n = 0;
    for (List<String> s : sources) {
      n += s.size();
    }
    return n;
  }

  /**
   * Writes the amplified stream to {@code out} as one gzip file of JSON lines.
   *
   * @param out the .json.gz file to write (replaced)
   * @param targetEvents at least this many events are written (whole copies)
   * @param start the instant the first copy starts at
   * @param span the time the copies are spread over
   * @param groups the number of identity groups (1 = every copy has the same people and
   *     repositories; {@code copies} = every copy distinct)
   * @return the number of events written
   */
  public long write(Path out, long targetEvents, Instant start, Duration span, int groups)
      throws IOException {
    Objects.requireNonNull(start, "start");
    if (targetEvents < 1 || groups < 1 || span.isNegative() || span.isZero()) {
      throw new IllegalArgumentException(
          "targetEvents and groups must be >= 1 and span positive: "
              + targetEvents + ", " + groups + ", " + span);
    }
    long perCopy = eventsPerCopy();
    long copies = Math.max(1, (targetEvents + perCopy - 1) / perCopy);
    long slotSeconds = Math.max(1, span.getSeconds() / copies);
    SplittableRandom random = new SplittableRandom(seed);
    long written = 0;
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(out), 1 << 16), StandardCharsets.UTF_8),
            1 << 16)) {
      for (long k = 0; k < copies; k++) {
        int group = (int) ((k + random.nextLong(groups)) % groups);
        long copyStart = start.getEpochSecond() + k * slotSeconds + random.nextLong(slotSeconds);
        for (List<String> source : sources) {
          long shift = copyStart - firstEpochSecond(source);
          for (String line : source) {
            w.write(rewrite(line, k, group, shift));
            w.write('\n');
            written++;
          }
        }
      }
    }
    return written;
  }

  /** One line of copy {@code k} in identity group {@code group}, times moved by {@code shift} s. */
  static String rewrite(String line, long k, int group, long shift) {
    String prefix = "g" + group + "-";
    String s = replace(IDENTITY, line, m -> "\"" + m.group(1) + "\":\"" + prefix + m.group(2) + "\"");
    s = replace(REPO_NAME, s, m -> "\"" + m.group(1) + "\":\"" + prefix + m.group(2) + "\"");
    s = replace(NUMERIC_ID, s, m -> "\"id\":" + (Long.parseLong(m.group(1)) + group * GROUP_ID_STRIDE));
    s = replace(EVENT_ID, s, m -> "\"id\":\"" + (Long.parseLong(m.group(1)) + k * EVENT_ID_STRIDE) + "\"");
    return replace(TIME, s, m -> "\"" + shiftTime(m.group(1) + m.group(2), shift) + "\"");
  }

  private interface Replacer {
    String apply(Matcher m);
  }

  private static String replace(Pattern p, String s, Replacer r) {
    Matcher m = p.matcher(s);
    if (!m.find()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 64);
    do {
      m.appendReplacement(sb, Matcher.quoteReplacement(r.apply(m)));
    } while (m.find());
    m.appendTail(sb);
    return sb.toString();
  }

  private static String shiftTime(String iso, long shift) {
    OffsetDateTime t = OffsetDateTime.parse(iso).plusSeconds(shift);
    if (t.getOffset().equals(ZoneOffset.UTC) && iso.endsWith("Z")) {
      return DateTimeFormatter.ISO_INSTANT.format(t.toInstant());
    }
    return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static long firstEpochSecond(List<String> source) {
    for (String line : source) {
      Matcher m = TIME.matcher(line);
      int at = line.indexOf("\"created_at\":");
      if (at >= 0 && m.find(at)) {
        return OffsetDateTime.parse(m.group(1) + m.group(2)).toEpochSecond();
      }
    }
    throw new IllegalArgumentException("no created_at in source");
  }

  private static List<String> readLines(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in =
            file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Command line: {@code OUT.json.gz [hour|day|week|EVENTS[/DAYS]] [seed] [groups] [dataDir]}; the copies start at 2024-01-01T00:00:00Z. The data
   * directory defaults to the system property {@code communitymetrics.data} or {@code
   * /work/shared/data}.
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: GhArchiveAmplifier OUT.json.gz [hour|day|week|EVENTS[/DAYS]] [seed] [groups] [dataDir]");
      System.exit(2);
    }
    String size = args.length > 1 ? args[1] : "hour";
    long events;
    Duration span;
    if (size.matches("\\d+(/\\d+)?")) {
      // EVENTS or EVENTS/DAYS
      String[] parts = size.split("/");
      events = Long.parseLong(parts[0]);
      span = parts.length > 1 ? Duration.ofDays(Long.parseLong(parts[1])) : Duration.ofHours(1);
    } else {
      Size s = Size.valueOf(size.toUpperCase(java.util.Locale.ROOT));
      events = s.events();
      span = s.span();
    }
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;
    int groups = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    Path data =
        Path.of(args.length > 4 ? args[4] : System.getProperty("communitymetrics.data", "/work/shared/data"));
    GhArchiveAmplifier amp = of(defaultSources(data), seed);
    long t0 = System.nanoTime();
    long n = amp.write(Path.of(args[0]), events, Instant.parse("2024-01-01T00:00:00Z"), span, groups);
    System.out.printf("wrote %d events to %s in %.1f s%n", n, args[0], (System.nanoTime() - t0) / 1e9);
  }
}
