package io.github.communitymetrics.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.io.ReadOptions;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSnapshotTest {
  @TempDir Path tmp;

  private static String header(String sha, long t) {
    return "commit\t" + sha.repeat(40) + "\t\t" + t + "\tAnn\tann@x.org\t" + t + "\tAnn\tann@x.org\t\n\n";
  }

  @Test
  void newestLineDecidesEachPath() {
    String log = header("d", 4) + "R090\tb.c\tc.c\nD\told.c\n"
        + header("c", 3) + "C075\ta.c\tcopy.c\nM\tb.c\n"
        + header("b", 2) + "A\told.c\nA\tb.c\nD\tgone.c\n"
        + header("a", 1) + "A\ta.c\nA\tgone.c\n";
    CommitLogReader reader = CommitLogReader.of(
        new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), "log", ReadOptions.strict());
    assertEquals(List.of("a.c", "c.c", "copy.c"), LogSnapshot.files(reader));
  }

  @Test
  void agreesWithLsFilesOnARealLinearHistory() {
    TestRepo repo = new TestRepo(tmp.resolve("r"));
    repo.write("a.txt", "1\n2\n3\n4\n5\n");
    repo.write("b/c.txt", "c\n");
    repo.write("d.txt", "d\n");
    repo.commit("Ann", "ann@x.org", "one");
    repo.git("mv", "a.txt", "b/a2.txt");
    repo.git("rm", "-q", "d.txt");
    repo.write("tab\tname", "t\n");
    repo.commit("Ann", "ann@x.org", "two");
    repo.write("d.txt", "again\n");
    repo.commit("Ann", "ann@x.org", "three");
    GitRepository git = GitRepository.open(repo.dir);
    List<String> fromLog = git.readLog("HEAD",
        in -> LogSnapshot.files(CommitLogReader.of(in, "git log", ReadOptions.strict())));
    assertEquals(git.listFiles("HEAD"), fromLog);
  }

  @Test
  void aliasesFollowTheirNameAndCheckTheFormat() {
    AliasList aliases = AliasList.read(new BufferedReader(new StringReader(
        "#REPOSITORY;NAME;ALIAS\na/b;Ann Lee;ann\na/b;Ann Lee;A. Lee\nc/d;Bob;bob\n")), "a/b", "alias.txt");
    assertEquals(2, aliases.size());
    assertEquals("Ann Lee", aliases.canonical("ann"));
    assertEquals("Ann Lee", aliases.asFunction().apply("A. Lee"));
    assertEquals("bob", aliases.canonical("bob"), "another system's alias");
    FileSelectionException e = assertThrows(FileSelectionException.class, () -> AliasList.read(
        new BufferedReader(new StringReader("x;y\n")), "", "alias.txt"));
    assertEquals("alias.txt:1: expected 'repository;name;alias', got 'x;y'", e.getMessage());
  }
}
