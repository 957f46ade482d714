/**
 * HTTP support shared by the forge adapters (GitHub, GitLab): the {@link
 * io.github.communitymetrics.forge.HttpSender} seam over {@code java.net.http.HttpClient}, retries
 * with capped exponential backoff and jitter, rate-limit policies, typed errors, secret-safe tokens,
 * atomic per-resource checkpoints, progress listeners and request accounting.
 */
// The adapter modules are built after this one: their names are not visible to javac here.
@SuppressWarnings("module")
module io.github.communitymetrics.forge {
  requires transitive io.github.communitymetrics.core;
  requires transitive java.net.http;
  requires transitive tools.jackson.core;
  requires org.slf4j;

  exports io.github.communitymetrics.forge;
  // For the adapters only: the HTTP client, JSON helpers and credentials (internal), and the crawl
  // engine (checkpoint state, ledgers, the page loop). The public package fits on one page.
  exports io.github.communitymetrics.forge.internal to
      io.github.communitymetrics.github,
      io.github.communitymetrics.gitlab;
  exports io.github.communitymetrics.forge.crawl to
      io.github.communitymetrics.github,
      io.github.communitymetrics.gitlab;
}
