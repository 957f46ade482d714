package io.github.communitymetrics.gitlab.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.CommunityMetricsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
  @TempDir Path dir;

  @Test
  void committedEntriesSurviveAReopenAndLaterValuesWin() {
    Ledger a = Ledger.open(Optional.of(dir), "p.merge_requests");
    a.put("pull_request_opened:1:0", "");
    a.put("notes:1", "11 2020-01-01T00:00:00Z");
    a.commit();
    a.put("notes:1", "14 2020-01-02T00:00:00Z");
    a.commit();
    a.put("uncommitted", "x");
    Ledger b = Ledger.open(Optional.of(dir), "p.merge_requests");
    assertTrue(b.contains("pull_request_opened:1:0"));
    assertEquals(Optional.of("14 2020-01-02T00:00:00Z"), b.get("notes:1"));
    assertFalse(b.contains("uncommitted"));
    assertEquals(2, b.size());
  }

  @Test
  void aTornLastLineIsCutOffAndLaterAppendsStayReadable() throws IOException {
    Ledger a = Ledger.open(Optional.of(dir), "x");
    a.put("k1", "v1");
    a.commit();
    Files.writeString(dir.resolve("x.ledger"), "k2\tv", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Ledger b = Ledger.open(Optional.of(dir), "x");
    assertFalse(b.contains("k2"), "an unterminated line was never committed");
    b.put("k3", "v3");
    b.commit();
    Ledger c = Ledger.open(Optional.of(dir), "x");
    assertEquals(Optional.of("v1"), c.get("k1"));
    assertEquals(Optional.of("v3"), c.get("k3"));
    assertEquals("k1\tv1\nk3\tv3\n", Files.readString(dir.resolve("x.ledger"), StandardCharsets.UTF_8));
  }

  @Test
  void withoutADirectoryItIsMemoryOnlyAndBadInputIsRefused() throws IOException {
    Ledger a = Ledger.open(Optional.empty(), "x");
    a.put("k", "v");
    a.commit();
    assertTrue(a.contains("k"));
    assertThrows(IllegalArgumentException.class, () -> a.put("a\tb", "v"));
    assertThrows(IllegalArgumentException.class, () -> a.put("a", "v\n"));
    assertThrows(IllegalArgumentException.class, () -> Ledger.open(Optional.of(dir), "../x"));
    Files.writeString(dir.resolve("bad.ledger"), "no tab here\n", StandardCharsets.UTF_8);
    CommunityMetricsException e =
        assertThrows(CommunityMetricsException.class, () -> Ledger.open(Optional.of(dir), "bad"));
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }
}
