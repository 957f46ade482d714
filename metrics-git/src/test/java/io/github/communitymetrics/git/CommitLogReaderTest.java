package io.github.communitymetrics.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.ChangeStatus;
import io.github.communitymetrics.core.event.CoAuthor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.FileChange;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.io.ReadReport;
import io.github.communitymetrics.core.metrics.truckfactor.AuthorshipHistory;
import io.github.communitymetrics.core.metrics.truckfactor.IdentityRule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitLogReaderTest {

  private static final String A = "a".repeat(40);
  private static final String B = "b".repeat(40);
  private static final String C = "c".repeat(40);
  private static final String D = "d".repeat(40);

  private static String header(String sha, String parents, long at, String name, String email,
      String coAuthors) {
    return "commit\t" + sha + "\t" + parents + "\t" + at + "\t" + name + "\t" + email + "\t"
        + (at + 5) + "\tCommitter\tc@example.org\t" + coAuthors + "\n";
  }

  /** Newest first, as git log prints: a merge, a commit with odd paths, a rename, the root. */
  static final String LOG =
      header(D, C + " " + B, 1_400_000_400L, "Merger", "m@example.org", "")
          + header(C, B, 1_400_000_300L, "Ann", "ann@example.org",
              "Bob Two <bob@example.org>\u001fCarol")
          + "\n"
          + "M\t\"tab\\there.txt\"\n"
          + "A\t\"\\303\\244 quote\\\" back\\\\slash\"\n"
          + "A\tnaïve café.txt\n"
          + "T\tlink\n"
          + header(B, A, 1_400_000_200L, "Bob", "bob@example.org", "")
          + "\n"
          + "R087\told name.txt\tnew\tname.txt\n"
          + "C100\tsrc.txt\tcopy.txt\n"
          + "D\tgone.txt\n"
          + header(A, "", 1_400_000_100L, "Ann", "ann@example.org", "")
          + "\n"
          + "A\told name.txt\n"
          + "A\tsrc.txt\n";

  private static CommitLogReader reader(byte[] bytes, ReadOptions options) {
    return CommitLogReader.of(new ByteArrayInputStream(bytes), "test.log", options);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(plain);
    }
    return out.toByteArray();
  }

  /** Records visitor calls as text. */
  private static List<String> visit(CommitLogReader r) {
    List<String> calls = new ArrayList<>();
    r.accept(
        new CommitLogVisitor() {
          @Override
          public void commit(CommitHeader h) {
            calls.add("commit " + h.sha().charAt(0) + " " + h.author().name() + " parents="
                + h.parents().size() + " co=" + h.coAuthors() + " line=" + h.lineNumber());
          }

          @Override
          public void change(ChangeStatus status, String path) {
            calls.add(status.gitLetter() + " [" + path + "]");
          }

          @Override
          public void move(ChangeStatus status, String oldPath, String path) {
            calls.add(status.gitLetter() + " [" + oldPath + "] -> [" + path + "]");
          }

          @Override
          public void endCommit() {
            calls.add("end");
          }
        });
    return calls;
  }

  private static final List<String> EXPECTED_CALLS = List.of(
      "commit d Merger parents=2 co=[] line=1",
      "end",
      "commit c Ann parents=1 co=[CoAuthor[name=Bob Two, email=bob@example.org], "
          + "CoAuthor[name=Carol, email=]] line=2",
      "M [tab\there.txt]",
      "A [ä quote\" back\\slash]",
      "A [naïve café.txt]",
      "T [link]",
      "end",
      "commit b Bob parents=1 co=[] line=8",
      "R [old name.txt] -> [new\tname.txt]",
      "C [src.txt] -> [copy.txt]",
      "D [gone.txt]",
      "end",
      "commit a Ann parents=0 co=[] line=13",
      "A [old name.txt]",
      "A [src.txt]",
      "end");

  @Test
  void visitsEveryCommitAndPathWithUnquoting() {
    try (CommitLogReader r = reader(bytes(LOG), ReadOptions.strict())) {
      assertEquals(EXPECTED_CALLS, visit(r));
      // 16 lines: 4 headers, 3 blank, 9 path lines.
      assertEquals(new ReadReport(16, 3, 4, 0, List.of()), r.report());
    }
  }

  @Test
  void gzipIsDetectedAndReadsTheSame() throws IOException {
    try (CommitLogReader r = reader(gzip(bytes(LOG)), ReadOptions.strict())) {
      assertEquals(EXPECTED_CALLS, visit(r));
    }
  }

  @Test
  void gzipSpanningManyReadAheadChunksReadsLikePlainText() throws IOException {
    // About 1.5 MB of text: several of the background inflater's 256 KiB chunks.
    byte[] plain = bytes(LOG.repeat(2000));
    List<String> fromPlain;
    try (CommitLogReader r = reader(plain, ReadOptions.strict())) {
      fromPlain = visit(r);
    }
    try (CommitLogReader r = reader(gzip(plain), ReadOptions.strict())) {
      assertEquals(fromPlain, visit(r));
      assertEquals(8000, r.report().eventsRead());
    }
    assertEquals(EXPECTED_CALLS.size() * 2000, fromPlain.size());
  }

  @Test
  void readsFromAFileAndRefusesASecondPass(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cmlog.txt.gz");
    Files.write(file, gzip(bytes(LOG)));
    try (CommitLogReader r = CommitLogReader.open(file, ReadOptions.strict())) {
      assertEquals(EXPECTED_CALLS, visit(r));
      assertThrows(IllegalStateException.class, () -> visit(r));
    }
  }

  @Test
  void tinyBufferBoundariesDoNotMatter() throws IOException {
    // Lines longer than the scanner's first buffer (64 KiB) must be read whole.
    String longPath = "dir/".repeat(20_000) + "f.txt";
    String log = header(A, "", 1, "Ann", "a@x", "") + "\nA\t" + longPath + "\n";
    try (CommitLogReader r = reader(bytes(log), ReadOptions.strict())) {
      assertEquals(List.of("commit a Ann parents=0 co=[] line=1", "A [" + longPath + "]", "end"),
          visit(r));
    }
  }

  @Test
  void commitEventsForTheGenericPath() {
    Repository repo = new Repository(Forge.GIT, "example/project", OptionalLong.empty());
    try (CommitLogReader r = reader(bytes(LOG), ReadOptions.strict())) {
      List<Commit> commits = r.commits(repo).collect(Collectors.toList());
      assertEquals(4, commits.size());
      Commit merge = commits.get(0);
      assertTrue(merge.isMerge());
      assertEquals(List.of(), merge.files());
      Commit c = commits.get(1);
      assertEquals(Instant.ofEpochSecond(1_400_000_300L), c.at());
      assertEquals(Instant.ofEpochSecond(1_400_000_305L), c.committer().time());
      assertEquals(Optional.of("Ann"), c.actor().name());
      assertEquals(List.of("ann@example.org"), c.actor().emails());
      assertEquals(List.of(new CoAuthor("Bob Two", "bob@example.org"), new CoAuthor("Carol", "")),
          c.coAuthors());
      assertEquals(FileChange.of(ChangeStatus.MODIFIED, "tab\there.txt"), c.files().get(0));
      assertEquals(FileChange.renamed("old name.txt", "new\tname.txt"), commits.get(2).files().get(0));
      assertEquals(List.of(), commits.get(3).parents());
    }
  }

  @Test
  void truncatedGzipThrowsWithTheLine() throws IOException {
    byte[] z = gzip(bytes(LOG.repeat(50)));
    byte[] cut = Arrays.copyOf(z, z.length - 20);
    try (CommitLogReader r = reader(cut, ReadOptions.strict())) {
      CommitLogFormatException e = assertThrows(CommitLogFormatException.class, () -> visit(r));
      assertTrue(e.getMessage().contains("truncated"), e.getMessage());
      assertEquals("test.log", e.source());
      assertTrue(e.lineNumber() > 1, "line " + e.lineNumber());
    }
  }

  @Test
  void plainTextCutMidLineThrows() {
    String cut = LOG.substring(0, LOG.length() - 3); // "A\tsrc.t"
    try (CommitLogReader r = reader(bytes(cut), ReadOptions.strict())) {
      CommitLogFormatException e = assertThrows(CommitLogFormatException.class, () -> visit(r));
      assertEquals(16, e.lineNumber());
    }
  }

  private static final String GARBLED =
      header(C, B, 300, "Ann", "a@x", "")
          + "\nM\tok.txt\n"
          + "commit\t" + B + "\tbroken header\n" // line 4: 3 fields
          + "\nM\tlost.txt\n" // lines 5-6: belong to the broken commit
          + header(A, "", 100, "Ann", "a@x", "") // line 7
          + "\nX\tunknown-status.txt\n" // line 9
          + "M\tfine.txt\n"
          + "R100\tonly-one-path.txt\n"; // line 11

  @Test
  void garbledLogThrowsInStrictMode() {
    try (CommitLogReader r = reader(bytes(GARBLED), ReadOptions.strict())) {
      CommitLogFormatException e = assertThrows(CommitLogFormatException.class, () -> visit(r));
      assertEquals(4, e.lineNumber());
      assertTrue(e.reason().contains("10 tab-separated fields"), e.reason());
    }
  }

  @Test
  void garbledLogIsSkippedAndCountedInLenientMode() {
    try (CommitLogReader r = reader(bytes(GARBLED), ReadOptions.skipMalformed(2))) {
      assertEquals(
          List.of("commit c Ann parents=1 co=[] line=1", "M [ok.txt]", "end",
              "commit a Ann parents=0 co=[] line=7", "M [fine.txt]", "end"),
          visit(r));
      ReadReport report = r.report();
      assertEquals(11, report.linesRead());
      assertEquals(2, report.eventsRead());
      // Header at 4, its path line at 6, the unknown status at 9, the one-path rename at 11.
      assertEquals(4, report.malformedLinesSkipped());
      assertEquals(List.of(4L, 6L), report.skipped().stream()
          .map(ReadReport.SkippedLine::lineNumber).collect(Collectors.toList()));
    }
  }

  @Test
  void authorshipFromALogSkipsMergesAndFollowsRenames() {
    // Snapshot: new<TAB>name.txt (renamed by Bob from Ann's file), copy.txt (Bob's copy), the
    // quoted a-umlaut file (Ann), and merged.txt which no row names.
    List<String> snapshot = List.of("new\tname.txt", "copy.txt", "ä quote\" back\\slash",
        "merged.txt");
    try (CommitLogReader r = reader(bytes(LOG), ReadOptions.strict())) {
      AuthorshipHistory h = CommitLogAuthorship.collect(r, snapshot, UnaryOperator.identity(),
          IdentityRule.NAME, true);
      assertEquals(List.of("new\tname.txt", "copy.txt", "ä quote\" back\\slash"), h.files());
      assertEquals(1, h.filesWithoutChangeRows());
      // The merge's author is never credited.
      assertTrue(h.developers().stream().noneMatch(d -> d.name().equals("Merger")));
      // Rename chain: Bob 1 change, Ann created; the co-authors of C credited for the add.
      assertEquals("[Contribution[developer=Developer[name=Bob, email=bob@example.org], "
              + "created=false, changes=1], Contribution[developer=Developer[name=Ann, "
              + "email=ann@example.org], created=true, changes=0]]",
          h.contributions(0).toString());
      assertEquals(3, h.contributions(2).size());
      // The merge's time is the head: the first commit read.
      assertEquals(1_400_000_400L, h.headEpochSecond());
    }
  }
}
