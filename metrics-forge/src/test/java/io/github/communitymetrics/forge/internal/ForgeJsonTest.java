package io.github.communitymetrics.forge.internal;

import io.github.communitymetrics.forge.MalformedResponseException;
import io.github.communitymetrics.forge.ForgeResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

class ForgeJsonTest {
  @Test
  void malformedBodyNamesTheUrl() {
    ForgeResponse r = new ForgeResponse(200, URI.create("https://h/repos/a/b"), Map.of(), "{\"a\": [1, ");
    MalformedResponseException e =
        assertThrows(
            MalformedResponseException.class,
            () -> {
              try (JsonParser p = ForgeJson.parser(r)) {
                while (p.nextToken() != null) {
                  // read to the end
                }
              } catch (JacksonException ex) {
                throw ForgeJson.malformed(r, ex);
              }
            });
    assertTrue(e.getMessage().contains("https://h/repos/a/b"), e.getMessage());
    assertEquals(URI.create("https://h/repos/a/b"), e.uri());
  }
}
