package io.github.communitymetrics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.identity.AliasList;
import io.github.communitymetrics.core.identity.Mailmap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The identity parsers on real inputs from {@code ../shared/data/truck-factor}: the ICPC 2016
 * paper's alias list and the {@code .mailmap} files of git and jQuery at the paper's snapshot.
 */
@SharedDataTest
class SharedDataParsersTest {

  @Test
  void readsEveryEntryOfThePapersAliasList() throws IOException {
    Path file = SharedData.resolve("truck-factor/paper-inputs/alias.txt");
    // The paper's file is not UTF-8 (names such as "S\u00e9bastien" are single bytes): Latin-1.
    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
    long entries = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
    AliasList aliases = AliasList.parsePaperFormat(text);
    assertEquals(entries, aliases.entries().size());
    // Every entry names its repository, and filtering by one keeps only that repository's.
    assertTrue(aliases.entries().stream().allMatch(e -> e.repository().isPresent()));
    String first = aliases.entries().get(0).repository().orElseThrow();
    AliasList one = aliases.forRepository(first);
    assertFalse(one.isEmpty());
    assertTrue(one.entries().stream().allMatch(e -> e.repository().orElseThrow().equals(first)));
  }

  @Test
  void parsesTheRealMailmaps() throws IOException {
    try (Stream<Path> repos = Files.list(SharedData.resolve("truck-factor/repos"))) {
      List<Path> mailmaps =
          repos.map(r -> r.resolve("mailmap.txt")).filter(Files::exists).sorted().toList();
      assertFalse(mailmaps.isEmpty(), "no mailmap.txt under truck-factor/repos");
      for (Path file : mailmaps) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Mailmap mailmap = Mailmap.parse(text);
        assertFalse(mailmap.isEmpty(), file.toString());
        // Each mapping line maps its commit address to the proper name or address it gives.
        int checked = 0;
        for (String line : text.lines().toList()) {
          String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
          int lt = content.lastIndexOf('<');
          int gt = content.lastIndexOf('>');
          if (lt < 0 || gt < lt || content.indexOf('<') == lt) {
            continue; // not of the forms with a separate commit address
          }
          String commitEmail = content.substring(lt + 1, gt);
          String properEmail = content.substring(content.indexOf('<') + 1, content.indexOf('>'));
          String commitName = content.substring(content.indexOf('>') + 1, lt).strip();
          Mailmap.Canonical c =
              mailmap.map(commitName.isEmpty() ? "Any Name" : commitName, commitEmail);
          // A later line for the same commit address may override an earlier one, as in git.
          assertTrue(
              c.email().equalsIgnoreCase(properEmail) || text.lines().filter(l -> l.contains("<" + commitEmail + ">")).count() > 1,
              file + ": " + line + " -> " + c);
          checked++;
        }
        assertTrue(checked > 0, file.toString());
      }
    }
  }
}
