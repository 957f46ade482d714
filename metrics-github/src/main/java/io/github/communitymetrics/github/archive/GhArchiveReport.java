package io.github.communitymetrics.github.archive;

import io.github.communitymetrics.core.io.MalformedReason;

import io.github.communitymetrics.core.event.EventType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link GhArchiveReader} read. Every non-blank line of the input is accounted for exactly
 * once: as a mapped event ({@link #mapped()}), an event of a kind the metrics do not use ({@link
 * #notMapped()}), an event of a used kind that lacks what its core event needs ({@link
 * #unmappable()}), an event of a repository the filter dropped ({@link #filteredOut()}), or a
 * malformed line ({@link #malformedLines()}). A push line also gives one {@code Commit} per
 * distinct commit it lists, counted under {@code mapped(COMMIT)} and accounted for in {@link
 * #commits()}; so {@code lines == blankLines + linesMapped() + sum(notMapped) + sum(unmappable) +
 * filteredOut + malformedLines}, where {@link #linesMapped()} is {@code eventsMapped() -
 * mapped(COMMIT)}. A partial line cut off by a corrupt or truncated file is not a line; it is
 * described in {@link #corruptInputs()}.
 *
 * @param files inputs read (completely or up to their corruption)
 * @param lines lines read, including blank and malformed ones
 * @param blankLines empty lines, or lines of white space only
 * @param uncompressedBytes bytes of JSON read (after decompression)
 * @param mapped core events delivered, per core event type; types with none are absent
 * @param notMapped GH Archive events the metrics do not use, keyed by GitHub type ({@code
 *     GistEvent}), or by type and action ({@code PullRequestEvent:synchronize}) for actions of a
 *     used type that have no core event
 * @param unmappable events of a used type and action that lack a field the core event needs
 *     (such as the pull request number of a 2012 review comment, or an actor), keyed by GitHub
 *     type
 * @param filteredOut events dropped because their repository did not pass the filter
 * @param malformedLines lines that are not a JSON object, or lack a type or a valid time
 * @param malformed the first malformed lines, in input order (at most the reader's {@code
 *     maxReported})
 * @param corruptInputs inputs whose compressed stream is corrupt or truncated, with the line where
 *     reading stopped; the events before it were delivered
 * @param commits what became of the commit lists of the mapped pushes
 * @param malformedByReason the malformed lines per {@link MalformedReason} (reasons with none left
 *     out); the counts add up to {@code malformedLines}
 */
public record GhArchiveReport(
    long files,
    long lines,
    long blankLines,
    long uncompressedBytes,
    Map<EventType, Long> mapped,
    Map<String, Long> notMapped,
    Map<String, Long> unmappable,
    long filteredOut,
    long malformedLines,
    List<Problem> malformed,
    List<Problem> corruptInputs,
    Commits commits,
    Map<MalformedReason, Long> malformedByReason) {

  /** Checks the components and copies the maps (sorted) and lists. */
  public GhArchiveReport {
    Args.notNull(mapped, "mapped");
    Map<EventType, Long> m = new EnumMap<>(EventType.class);
    m.putAll(mapped);
    mapped = Collections.unmodifiableMap(m);
    notMapped = Collections.unmodifiableMap(new TreeMap<>(Args.notNull(notMapped, "notMapped")));
    unmappable =
        Collections.unmodifiableMap(new TreeMap<>(Args.notNull(unmappable, "unmappable")));
    malformed = List.copyOf(Args.notNull(malformed, "malformed"));
    corruptInputs = List.copyOf(Args.notNull(corruptInputs, "corruptInputs"));
    Args.notNull(commits, "commits");
    Map<MalformedReason, Long> byReason = new EnumMap<>(MalformedReason.class);
    Args.notNull(malformedByReason, "malformedByReason").forEach((k, v) -> {
      if (v > 0) {
        byReason.put(k, v);
      }
    });
    malformedByReason = Collections.unmodifiableMap(byReason);
  }

  /** Lines that gave a core event: {@link #eventsMapped()} less the commits pushes gave. */
  public long linesMapped() {
    return eventsMapped() - mapped(EventType.COMMIT);
  }

  /**
   * What became of the commit lists of the mapped pushes. Every listed commit of a mapped push is
   * a {@code Commit} event ({@code mapped(COMMIT)}), not distinct, or unmappable: {@code
   * listed == mapped(COMMIT) + notDistinct + unmappable}.
   *
   * @param pushesWithoutList pushes whose payload has no commit list at all; GitHub's public
   *     events feed stopped listing commits (and {@code size}) in 2025, so an hour from then on
   *     gives pushes but no commits, and commit-based metrics have no evidence, not zero
   * @param pushesTruncated pushes whose {@code size} is larger than the number of commits
   *     listed (GitHub lists at most 20); their other commits are missing
   * @param commitsNotListed the commits of truncated pushes that are not listed: the sum of
   *     {@code size - listed} over {@code pushesTruncated}
   * @param notDistinct listed commits marked {@code distinct: false}: already in the repository
   *     (pushed earlier to another branch), so not mapped again
   * @param unmappable listed distinct commits without a valid sha or without an author name and
   *     e-mail
   */
  public record Commits(
      long pushesWithoutList,
      long pushesTruncated,
      long commitsNotListed,
      long notDistinct,
      long unmappable) {
    /** All zero. */
    public static final Commits NONE = new Commits(0, 0, 0, 0, 0);

    /** The sum of two reports' counts. */
    public Commits plus(Commits other) {
      return new Commits(
          pushesWithoutList + other.pushesWithoutList,
          pushesTruncated + other.pushesTruncated,
          commitsNotListed + other.commitsNotListed,
          notDistinct + other.notDistinct,
          unmappable + other.unmappable);
    }
  }

  /** Core events delivered, of all types. */
  public long eventsMapped() {
    return sum(mapped);
  }

  /** Core events of one type delivered; zero when none. */
  public long mapped(EventType type) {
    return mapped.getOrDefault(Args.notNull(type, "type"), 0L);
  }

  /** Events of kinds the metrics do not use. */
  public long eventsNotMapped() {
    return sum(notMapped);
  }

  /** Events of used kinds that lack what their core event needs. */
  public long eventsUnmappable() {
    return sum(unmappable);
  }

  /** Whether every input was read to its end without a malformed line. */
  public boolean isClean() {
    return malformedLines == 0 && corruptInputs.isEmpty();
  }

  private static long sum(Map<?, Long> counts) {
    long n = 0;
    for (long c : counts.values()) {
      n += c;
    }
    return n;
  }

  /**
   * A problem at a place in an input.
   *
   * @param file the input's name
   * @param line the 1-based line: the malformed line, or for a corrupt input the line that was
   *     being read when the stream failed
   * @param reason what is wrong, cut to about 200 characters
   */
  public record Problem(String file, long line, String reason) {
    /** Checks the components. */
    public Problem {
      Args.notNull(file, "file");
      Args.notNull(reason, "reason");
    }

    @Override
    public String toString() {
      return file + ":" + line + ": " + reason;
    }
  }
}
