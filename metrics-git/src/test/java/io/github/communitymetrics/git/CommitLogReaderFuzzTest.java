package io.github.communitymetrics.git;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.io.ReadReport;
import java.io.ByteArrayInputStream;

/**
 * Fuzzes the commit-log reader with arbitrary bytes (plain: the inflater is the JDK's). Every test
 * run replays the seeds; {@code JAZZER_FUZZ=1} fuzzes, as {@code .ci/run} does. For any input: a
 * strict read ends normally or with a {@link CommitLogFormatException} naming a line within the
 * input; a skipping read never throws and builds every commit it reports. Input that starts with
 * the gzip magic bytes is inflated, and a damaged gzip stream is an I/O error of the source
 * ({@link CommunityMetricsIoException}) in either read.
 */
class CommitLogReaderFuzzTest {
  private static final Repository REPO = Repository.of(io.github.communitymetrics.core.event.Forge.GIT, "fuzz");

  @FuzzTest(maxDuration = "10s")
  void anyBytes(byte[] data) {
    long lines = 1;
    for (byte b : data) {
      if (b == '\n') {
        lines++;
      }
    }
    // Input that starts as gzip does is inflated (CommitLogReader.of): a damaged gzip stream is
    // an I/O error of the source, the JDK inflater's, not a line of the log.
    boolean gzip = data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b;
    try (CommitLogReader reader = CommitLogReader.of(new ByteArrayInputStream(data), "fuzz", ReadOptions.strict())) {
      reader.commits(REPO).forEach(c -> { });
    } catch (CommitLogFormatException e) {
      assertTrue(e.lineNumber() >= 1 && e.lineNumber() <= lines, e.getMessage());
    } catch (CommunityMetricsIoException e) {
      assertDamagedGzip(gzip, e);
    }
    try (CommitLogReader reader = CommitLogReader.of(new ByteArrayInputStream(data), "fuzz", ReadOptions.skipMalformed(3))) {
      long commits = reader.commits(REPO).count();
      ReadReport report = reader.report();
      assertTrue(report.malformedLinesSkipped() <= lines, report.toString());
      assertTrue(commits >= 0);
    } catch (CommunityMetricsIoException e) {
      assertDamagedGzip(gzip, e);
    }
  }

  /** An I/O error is allowed only for gzip input, naming the source, from the inflater. */
  private static void assertDamagedGzip(boolean gzip, CommunityMetricsIoException e) {
    if (!gzip) {
      throw e;
    }
    assertTrue(e.getMessage().contains("fuzz"), e.getMessage());
    assertTrue(e.getCause() instanceof java.util.zip.ZipException || e.getCause() instanceof java.io.EOFException, String.valueOf(e.getCause()));
  }
}
