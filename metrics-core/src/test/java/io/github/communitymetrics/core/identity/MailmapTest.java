package io.github.communitymetrics.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.identity.Mailmap.Canonical;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailmapTest {

  private static final Mailmap MAP =
      Mailmap.parse(
          String.join(
              "\r\n",
              "# Project mailmap",
              "",
              "Ana Lima <ana@old.example>",
              "<ana@lima.example> <Ana.Lima@Laptop.local>",
              "Bruno Costa <bruno@costa.example> <bcosta@work.example>   # moved jobs",
              "Carla Dias <carla@dias.example> carla <shared@team.example>",
              "Team Account <team@team.example> <shared@team.example>",
              "   "));

  @Test
  void formOneReplacesTheNameOnly() {
    assertEquals(new Canonical("Ana Lima", "ana@old.example"), MAP.map("ana", "ana@old.example"));
  }

  @Test
  void formTwoReplacesTheEmailOnly() {
    assertEquals(
        new Canonical("A. Lima", "ana@lima.example"), MAP.map("A. Lima", "ana.lima@laptop.local"));
  }

  @Test
  void formThreeReplacesBoth() {
    assertEquals(
        new Canonical("Bruno Costa", "bruno@costa.example"),
        MAP.map("bruno", "bcosta@work.example"));
  }

  @Test
  void formFourNeedsNameAndEmail() {
    assertEquals(
        new Canonical("Carla Dias", "carla@dias.example"), MAP.map("carla", "shared@team.example"));
    assertEquals(
        new Canonical("Carla Dias", "carla@dias.example"), MAP.map("CARLA", "Shared@Team.Example"));
    // Another name on the shared address falls back to the e-mail-only entry.
    assertEquals(
        new Canonical("Team Account", "team@team.example"), MAP.map("dave", "shared@team.example"));
  }

  @ParameterizedTest
  @CsvSource({"ANA@OLD.EXAMPLE", "Ana@Old.Example", "  ana@old.example  "})
  void emailsMatchIgnoringCase(String email) {
    assertEquals("Ana Lima", MAP.map("x", email).name());
    assertEquals(email, MAP.map("x", email).email(), "the e-mail is kept as given");
  }

  @Test
  void unmappedIdentitiesComeBackUnchanged() {
    assertEquals(new Canonical("Eve", "eve@example.org"), MAP.map("Eve", "eve@example.org"));
    assertEquals(new Canonical("", ""), MAP.map("", ""));
    assertFalse(MAP.matches("Eve", "eve@example.org"));
    assertTrue(MAP.matches("x", "ANA@old.example"));
    assertTrue(Mailmap.empty().isEmpty());
    assertFalse(MAP.isEmpty());
  }

  @Test
  void laterLinesUpdateTheFieldsTheyGive() {
    Mailmap m = Mailmap.parse("Fay <fay@a.example>\n<fay@b.example> <fay@a.example>\n");
    assertEquals(new Canonical("Fay", "fay@b.example"), m.map("f", "fay@a.example"));
    Mailmap later = Mailmap.parse("Fay <fay@a.example>\nFay Gomes <fay@a.example>\n");
    assertEquals("Fay Gomes", later.map("f", "fay@a.example").name());
  }

  @Test
  void nameWithoutEmailUsesGitForms() {
    Mailmap m = Mailmap.parse("<proper@x.example> Old Name <old@x.example>");
    // No proper name: the recorded one is kept, in its own case.
    assertEquals(new Canonical("old name", "proper@x.example"), m.map("old name", "old@x.example"));
    assertEquals(new Canonical("Other", "old@x.example"), m.map("Other", "old@x.example"));
  }

  @Test
  void aCommitNameAfterTheOnlyAddressMapsThatNameOnly() {
    // The form of git.git's own .mailmap: "Proper Name <proper@x> Commit Name".
    Mailmap m = Mailmap.parse("Dana L. Hew <dana@x.example> Dana Hew  # short name\n");
    // Only the name is replaced; the address stays as recorded, as git prints it.
    assertEquals(new Canonical("Dana L. Hew", "DANA@x.example"), m.map("dana hew", "DANA@x.example"));
    assertEquals(new Canonical("D. Hew", "dana@x.example"), m.map("D. Hew", "dana@x.example"));
  }

  @Test
  void malformedLinesNameTheLineNumber() {
    assertFormatError("ok <a@x>\njust a name\n", 2, "expected '<e-mail>'");
    assertFormatError("\n\nName <a@x\n", 3, "without a closing '>'");
    assertFormatError("A <a@x> B <b@x> C <c@x>", 1, "more than two e-mail addresses");
    assertFormatError("A <a@x> B <b@x> trailing words", 1, "expected '<e-mail>'");
    assertFormatError("# c\nA > <a@x>", 2, "'>' without an opening '<'");
    assertFormatError("Name <>", 1, "empty e-mail address");
  }

  private static void assertFormatError(String text, int line, String fragment) {
    IdentityFormatException e =
        assertThrows(IdentityFormatException.class, () -> Mailmap.parse(text));
    assertEquals(line, e.line());
    assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
