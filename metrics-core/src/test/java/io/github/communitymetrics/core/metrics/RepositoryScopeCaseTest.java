package io.github.communitymetrics.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Two organisation scopes are equal exactly when they include the same repositories: owners
 * compared ignoring case the one way ({@link String#equalsIgnoreCase}), in {@code includes},
 * {@code equals} and {@code hashCode} alike.
 */
class RepositoryScopeCaseTest {
  @Test
  void ownersThatIncludeTheSameRepositoriesAreEqualScopes() {
    // U+0130 (capital I with dot above) equals 'i' ignoring case, but lower-cases to two chars.
    RepositoryScope dotted = RepositoryScope.organization(Forge.GITHUB, "\u0130stanbul");
    RepositoryScope plain = RepositoryScope.organization(Forge.GITHUB, "istanbul");
    Repository repo = new Repository(Forge.GITHUB, "istanbul/tram", OptionalLong.empty());
    assertTrue(dotted.includes(repo));
    assertTrue(plain.includes(repo));
    assertEquals(plain, dotted);
    assertEquals(plain.hashCode(), dotted.hashCode());
    assertEquals(RepositoryScope.organization(Forge.GITHUB, "ACME"), RepositoryScope.organization(Forge.GITHUB, "acme"));
    assertNotEquals(
        RepositoryScope.organization(Forge.GITHUB, "acme"), RepositoryScope.organization(Forge.GITLAB, "acme"));
  }
}
