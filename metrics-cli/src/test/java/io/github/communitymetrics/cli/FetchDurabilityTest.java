package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code fetch} does with a checkpoint that does not match its output, and lists out of order. */
class FetchDurabilityTest {
  @TempDir Path dir;

  private static CommunityMetricsCliTest.Run run(String... args) {
    return CommunityMetricsCliTest.run(args);
  }

  /**
   * Against a server that ignores the order (and maybe {@code updated_after}), every issue is read.
   * Found by an independent run: a server honouring {@code updated_after} but not the order gave
   * 100 of 179 issues with exit 0.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(value = FakeForgeServer.Order.class, names = {"IGNORED_BUT_FILTERED", "IGNORED"})
  void aGitLabListThatIgnoresTheOrderIsReadWholeByItsPages(FakeForgeServer.Order order) throws Exception {
    try (FakeForgeServer server = new FakeForgeServer(order)) {
      Path out = dir.resolve("issues.jsonl");
      CommunityMetricsCliTest.Run r = run("fetch", "--gitlab", "acme/widget", "--gitlab-url", server.url(), "--only", "issues",
          "--checkpoint", dir.resolve("ckpt").toString(), "--out", out.toString(), "--json");
      assertEquals(0, r.status(), r.err());
      List<String> lines = FetchKillResumeTest.lines(out);
      long opened = lines.stream().filter(l -> l.contains("\"issue_opened\"")).count();
      long closed = lines.stream().filter(l -> l.contains("\"issue_closed\"")).count();
      // Every one of the 120 issues, and the closes of every third: not the first page's 100.
      assertEquals(FakeForgeServer.GL_ISSUES, opened, r.out());
      assertEquals(FakeForgeServer.GL_ISSUES / 3, closed, r.out());
      assertTrue(r.out().contains("list_order_not_kept_read_by_pages"), r.out());
    }
  }

  @Test
  void aGitLabListInOrderIsReadByUpdatedAtWithoutFallingBack() throws Exception {
    try (FakeForgeServer server = new FakeForgeServer(FakeForgeServer.Order.KEPT)) {
      Path out = dir.resolve("issues.jsonl");
      CommunityMetricsCliTest.Run r = run("fetch", "--gitlab", "acme/widget", "--gitlab-url", server.url(), "--only", "issues",
          "--out", out.toString(), "--json");
      assertEquals(0, r.status(), r.err());
      assertEquals(FakeForgeServer.GL_ISSUES + FakeForgeServer.GL_ISSUES / 3, FetchKillResumeTest.lines(out).size());
      assertTrue(!r.out().contains("list_order_not_kept"), r.out());
    }
  }

  @Test
  void aResumeIntoAnotherFileOrAShortenedFileIsRefusedAndTheSameCommandAppends() throws Exception {
    try (FakeForgeServer server = new FakeForgeServer(FakeForgeServer.Order.KEPT)) {
      Path ckpt = dir.resolve("ckpt");
      Path out = dir.resolve("stars.jsonl");
      String[] fetch = {"fetch", "--github", "acme/widget", "--api-url", server.url(), "--only", "stargazers",
          "--checkpoint", ckpt.toString(), "--out", out.toString()};
      // Stop the first fetch after 10 of its 31 requests, as a crash would.
      server.goneFrom(11);
      CommunityMetricsCliTest.Run first = run(fetch);
      assertEquals(1, first.status(), first.err());
      server.goneFrom(Integer.MAX_VALUE);
      long written = Files.size(out);
      assertTrue(written > 0);

      CommunityMetricsCliTest.Run other = run("fetch", "--github", "acme/widget", "--api-url", server.url(), "--only", "stargazers",
          "--checkpoint", ckpt.toString(), "--out", dir.resolve("other.jsonl").toString());
      assertEquals(1, other.status());
      assertTrue(other.err().contains("resume it with the same output"), other.err());

      byte[] bytes = Files.readAllBytes(out);
      Files.write(out, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      CommunityMetricsCliTest.Run shortened = run(fetch);
      assertEquals(1, shortened.status());
      assertTrue(shortened.err().contains("but the checkpoint covers " + written), shortened.err());
      assertTrue(!shortened.err().contains("Exception"), shortened.err());

      Files.write(out, bytes);
      CommunityMetricsCliTest.Run resumed = run(fetch);
      assertEquals(0, resumed.status(), resumed.err());
      assertTrue(resumed.out().contains("appended after the " + written + " bytes"), resumed.out());
      assertEquals(FakeForgeServer.STARS, FetchKillResumeTest.lines(out).size());
    }
  }
}
