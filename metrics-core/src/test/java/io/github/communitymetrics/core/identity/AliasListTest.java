package io.github.communitymetrics.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AliasListTest {
  /** Hand-written in the paper's layout; invented names. */
  private static final String FIXTURE =
      "#REPOSITORY;NAME;ALIAS\r\n"
          + "acme/rocket;Marta Quintero;mquintero\r\n"
          + "acme/rocket;Olu Bakare;olu.bakare\r\n"
          + "#acme/rocket;Tess;Tessa\r\n"
          + "\r\n"
          + "Zenith/Lamp;Ivo Petrov;ivop\r\n"
          + "zenith/lamp;Ivo Petrov;Ivo Petrov\r\n";

  @Test
  void readsThePaperFormat() {
    AliasList list = AliasList.parsePaperFormat(FIXTURE);
    assertEquals(
        List.of(
            new AliasList.Entry(Optional.of("acme/rocket"), Set.of("Marta Quintero", "mquintero")),
            new AliasList.Entry(Optional.of("acme/rocket"), Set.of("Olu Bakare", "olu.bakare")),
            new AliasList.Entry(Optional.of("Zenith/Lamp"), Set.of("Ivo Petrov", "ivop")),
            new AliasList.Entry(Optional.of("zenith/lamp"), Set.of("Ivo Petrov"))),
        list.entries());
  }

  @Test
  void filtersByRepositoryIgnoringCase() {
    AliasList list = AliasList.parsePaperFormat(FIXTURE).plus(AliasList.of(List.of(Set.of("x"))));
    AliasList lamp = list.forRepository("ZENITH/lamp");
    assertEquals(3, lamp.entries().size());
    assertEquals(Optional.of("Zenith/Lamp"), lamp.entries().get(0).repository());
    assertEquals(Optional.empty(), lamp.entries().get(2).repository(), "global entries stay");
    assertEquals(1, list.forRepository("other/repo").entries().size());
  }

  @Test
  void groupsFromCode() {
    AliasList list = AliasList.of(List.of(Set.of("jo@example.org", "Jo", "jo-gh")));
    assertEquals(Set.of("jo", "jo-gh", "jo@example.org"), list.entries().get(0).keys());
    assertTrue(AliasList.empty().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> AliasList.of(List.of(Set.of())));
    assertThrows(IllegalArgumentException.class, () -> AliasList.of(List.of(Set.of(" "))));
  }

  @Test
  void malformedLinesNameTheLineNumber() {
    IdentityFormatException tooFew =
        assertThrows(
            IdentityFormatException.class,
            () -> AliasList.parsePaperFormat("#REPOSITORY;NAME;ALIAS\na/b;Only One\n"));
    assertEquals(2, tooFew.line());
    assertTrue(tooFew.getMessage().contains("expected 3 fields"), tooFew.getMessage());
    IdentityFormatException blank =
        assertThrows(
            IdentityFormatException.class, () -> AliasList.parsePaperFormat("a/b;x;y\na/b; ;y"));
    assertEquals(2, blank.line());
    assertTrue(blank.getMessage().startsWith("line 2: blank field"), blank.getMessage());
  }
}
