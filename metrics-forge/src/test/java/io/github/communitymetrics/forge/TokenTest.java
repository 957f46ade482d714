package io.github.communitymetrics.forge;

import io.github.communitymetrics.forge.internal.Authenticator;
import io.github.communitymetrics.forge.internal.Redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenTest {
  private static final String SECRET = "ghp_abcdefSECRET123";

  @Test
  void toStringNeverShowsTheSecret() {
    Token t = Token.of(SECRET, "GITHUB_TOKEN");
    assertFalse(t.toString().contains("SECRET"), t.toString());
    assertTrue(t.toString().contains("GITHUB_TOKEN"));
    assertEquals(SECRET, t.reveal());
    assertFalse(Authenticator.bearer(t).toString().contains("SECRET"));
  }

  @Test
  void rejectsBlankOrPaddedSecretsAndLabelsThatLeak() {
    assertThrows(IllegalArgumentException.class, () -> Token.of(" "));
    assertThrows(IllegalArgumentException.class, () -> Token.of(SECRET + "\n"));
    assertThrows(IllegalArgumentException.class, () -> Token.of(SECRET, "x" + SECRET));
  }

  @Test
  void loggedRequestsHideCredentialHeaders() {
    ForgeRequest r =
        new ForgeRequest(
            "get",
            URI.create("https://h/x"),
            Map.of("Authorization", "Bearer " + SECRET, "PRIVATE-TOKEN", SECRET, "Accept", "a/b"),
            Optional.empty());
    String shown = r.toString();
    assertFalse(shown.contains("SECRET"), shown);
    assertTrue(shown.startsWith("GET https://h/x"), shown);
    assertTrue(shown.contains("Accept=a/b"), shown);
    assertEquals(
        "Bearer " + SECRET, Authenticator.bearer(Token.of(SECRET)).authenticate(r).headers().get("AUTHORIZATION"));
  }

  @Test
  void redactReplacesTheSecretInText() {
    assertEquals("echo **** here", Redaction.redact("echo " + SECRET + " here", Token.of(SECRET)));
  }

  @Test
  void redactOverTokensHidesEveryEncodedForm() {
    Token a = Token.of("ab/c+d e", "A");
    Token b = Token.of("plainSECRET", "B");
    String text =
        "raw ab/c+d e, form ab%2Fc%2Bd+e, percent ab%2Fc%2Bd%20e, lower ab%2fc%2bd%20e,"
            + " json ab\\/c+d e, other plainSECRET";
    assertEquals(
        "raw ****, form ****, percent ****, lower ****, json ****, other ****",
        Redaction.redact(text, java.util.List.of(a, b)));
    assertEquals("nothing", Redaction.redact("nothing", java.util.List.of()));
  }
}
