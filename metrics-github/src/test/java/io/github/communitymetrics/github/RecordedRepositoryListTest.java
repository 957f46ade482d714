package io.github.communitymetrics.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.communitymetrics.forge.ListedRepository;
import io.github.communitymetrics.forge.RepositoryListing;
import io.github.communitymetrics.forge.RepositorySelection;
import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The owner listing's parser on 30 repository objects GitHub really sent (hub4j/github-api's
 * recording of a repository search, whose {@code items} have the fields of {@code
 * /orgs/{org}/repos}: {@code full_name}, {@code id}, {@code fork}, {@code archived}), served as an
 * organisation's list. The expected counts were read off the recording itself: 30 repositories, 30
 * distinct ids, no fork, one archived ({@code causal-agent/tetrasm}).
 */
@SharedDataTest
class RecordedRepositoryListTest {
  private static final String FILE =
      "github/hub4j-github-api/src/test/resources/org/kohsuke/github/GHRateLimitTest/wiremock/testGitHubRateLimit/"
          + "__files/search_repositories-6.json";
  private WireMockServer server;

  @BeforeEach
  void start() throws IOException {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(get(urlEqualTo("/orgs/hub4j-test-org/repos?type=all&per_page=100"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody(items(Files.readString(SharedData.resolve(FILE), StandardCharsets.UTF_8)))));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  /** The recording's {@code items} array, as it was written. */
  private static String items(String search) {
    JsonFactory json = new JsonFactory();
    StringWriter out = new StringWriter();
    try (JsonParser p = json.createParser(ObjectReadContext.empty(), search);
        JsonGenerator g = json.createGenerator(ObjectWriteContext.empty(), out)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("items")) {
          g.copyCurrentStructure(p);
          break;
        }
        p.skipChildren();
      }
    }
    if (out.getBuffer().isEmpty()) {
      throw new AssertionError("no items in the recording");
    }
    return out.toString();
  }

  private GitHubSource source() {
    return GitHubSource.builder().apiUrl(URI.create(server.baseUrl())).build();
  }

  @Test
  void realRepositoryObjectsAreListedWithTheirForkAndArchivedFlags() {
    RepositoryListing listing = source().repositories("hub4j-test-org", RepositorySelection.defaults());
    assertEquals(29, listing.selected().size());
    assertEquals(0, listing.forksLeftOut());
    assertEquals(1, listing.archivedLeftOut());
    assertEquals(new ListedRepository("daniel-e/tetros", 68911683, false, false), listing.selected().get(0));
    assertEquals(new ListedRepository("dtrupenn/Tetris", 3081286, false, false), listing.selected().get(28));
    assertFalse(listing.names().contains("causal-agent/tetrasm"));

    RepositoryListing all = source().repositories("hub4j-test-org", RepositorySelection.defaults().withArchived());
    assertEquals(30, all.selected().size());
    assertTrue(all.selected().stream().anyMatch(r -> r.fullName().equals("causal-agent/tetrasm") && r.archived()));
  }
}
