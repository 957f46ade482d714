package io.github.communitymetrics.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.communitymetrics.forge.ListedRepository;
import io.github.communitymetrics.forge.RepositoryListing;
import io.github.communitymetrics.forge.RepositorySelection;
import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The group listing's parser on the project object of GitLab's API documentation (gitlab4j-api's
 * copy, {@code project.json}: every field of a project, {@code archived: false}, no {@code
 * forked_from_project}), served as a group's one-page list. The shared data holds no recorded
 * group list; this checks the parser against the documented shape, not against real values.
 */
@SharedDataTest
class DocumentedProjectListTest {
  private static final String FILE = "gitlab/gitlab4j-api/gitlab4j-models/src/test/resources/org/gitlab4j/models/project.json";
  private WireMockServer server;

  @BeforeEach
  void start() throws IOException {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    String project = Files.readString(SharedData.resolve(FILE), StandardCharsets.UTF_8);
    server.stubFor(get(urlEqualTo("/api/v4/groups/diaspora/projects?include_subgroups=true&with_shared=false"
            + "&order_by=id&sort=asc&per_page=100&pagination=keyset"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("[" + project + "]")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void theDocumentedProjectIsListedAsNeitherForkNorArchived() {
    RepositoryListing listing =
        GitLabSource.builder().baseUrl(URI.create(server.baseUrl())).build()
            .projects(GitLabTarget.group("diaspora"), RepositorySelection.defaults());
    assertEquals(List.of(new ListedRepository("diaspora/diaspora-project-site", 3, false, false)), listing.selected());
    assertEquals(0, listing.forksLeftOut() + listing.archivedLeftOut() + listing.namesNotMatching());
  }
}
