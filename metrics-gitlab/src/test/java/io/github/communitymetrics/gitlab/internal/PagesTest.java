package io.github.communitymetrics.gitlab.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.MalformedResponseException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagesTest {
  private static ForgeResponse page(String uri, Map<String, List<String>> headers) {
    return new ForgeResponse(200, URI.create(uri), headers, "[]");
  }

  @Test
  void linkWinsOverXNextPage() {
    ForgeResponse r = page("https://gl.example/api/v4/projects/7/starrers?per_page=100",
        Map.of("Link", List.of("<https://gl.example/api/v4/projects/7/starrers?cursor=abc&per_page=100>; rel=\"next\""),
            "X-Next-Page", List.of("2")));
    assertEquals(Optional.of(URI.create("https://gl.example/api/v4/projects/7/starrers?cursor=abc&per_page=100")),
        Pages.next(r));
  }

  @Test
  void xNextPageReplacesThePageParameter() {
    ForgeResponse first = page("https://gl.example/api/v4/projects/7/forks?order_by=created_at&per_page=100",
        Map.of("X-Next-Page", List.of("2")));
    assertEquals(Optional.of(URI.create(
        "https://gl.example/api/v4/projects/7/forks?order_by=created_at&per_page=100&page=2")), Pages.next(first));
    ForgeResponse second = page("https://gl.example/api/v4/projects/7/forks?page=2&per_page=100",
        Map.of("X-Next-Page", List.of(" 3 ")));
    assertEquals(Optional.of(URI.create("https://gl.example/api/v4/projects/7/forks?per_page=100&page=3")),
        Pages.next(second));
  }

  @Test
  void emptyOrMissingMeansLastPage() {
    assertEquals(Optional.empty(), Pages.next(page("https://gl.example/x?per_page=1", Map.of("X-Next-Page", List.of("")))));
    assertEquals(Optional.empty(), Pages.next(page("https://gl.example/x?per_page=1", Map.of())));
    // A Link header with only first/last, as in gitlab.com's recordings.
    assertEquals(Optional.empty(), Pages.next(page("https://gl.example/x?per_page=1",
        Map.of("Link", List.of("<https://gl.example/x?page=1>; rel=\"first\", <https://gl.example/x?page=1>; rel=\"last\"")))));
  }

  @Test
  void aNonNumericNextPageIsMalformed() {
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> Pages.next(page("https://gl.example/x?per_page=1", Map.of("X-Next-Page", List.of("two")))));
    assertTrue(e.getMessage().contains("two"), e.getMessage());
  }
}
