package io.github.communitymetrics.forge.internal;

import io.github.communitymetrics.forge.MalformedResponseException;
import io.github.communitymetrics.forge.ForgeResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
  private static JsonValues of(String body) {
    return JsonValues.of(new ForgeResponse(200, URI.create("https://forge.example/list?page=2"), Map.of(), body));
  }

  @Test
  void typedAccessorsAndNullAsMissing() {
    JsonValues json = of("[{\"id\": 5, \"name\": null, \"bot\": true, \"at\": \"2019-05-02T14:34:54.054Z\","
        + " \"user\": {\"username\": \"ann\"}}]");
    List<Map<String, Object>> items = json.array();
    Map<String, Object> item = items.get(0);
    assertEquals(5L, json.number(item, "id"));
    assertEquals(Optional.empty(), json.optionalText(item, "name"));
    assertEquals(OptionalLong.empty(), json.optionalNumber(item, "missing"));
    assertEquals(Optional.of(true), json.optionalBoolean(item, "bot"));
    assertEquals(Instant.parse("2019-05-02T14:34:54.054Z"), json.instant(item, "at"));
    assertEquals("ann", json.text(json.object(item, "user"), "username"));
  }

  @Test
  void wrongShapesFailNamingTheUrl() {
    JsonValues json = of("[{\"id\": \"5\", \"at\": \"yesterday\"}]");
    Map<String, Object> item = json.array().get(0);
    MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> json.number(item, "id"));
    assertTrue(e.getMessage().contains("'id' is not a whole number"), e.getMessage());
    assertEquals(URI.create("https://forge.example/list?page=2"), e.uri());
    assertThrows(MalformedResponseException.class, () -> json.instant(item, "at"));
    assertThrows(MalformedResponseException.class, () -> of("{\"a\": 1}").array());
    assertThrows(MalformedResponseException.class, () -> of("[1, 2").array());
    assertThrows(MalformedResponseException.class, () -> of("").object());
    assertThrows(MalformedResponseException.class, () -> of("{} {}").object());
  }
}
