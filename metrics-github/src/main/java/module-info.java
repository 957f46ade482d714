/**
 * The GitHub adapter: {@link io.github.communitymetrics.github.GitHubSource} reads a repository or
 * an organisation from the GitHub REST API and emits core events. Its implementation sits in the
 * unexported {@code internal} package.
 */
module io.github.communitymetrics.github {
  requires transitive io.github.communitymetrics.core;
  requires transitive io.github.communitymetrics.forge;
  requires tools.jackson.core;
  requires org.slf4j;

  exports io.github.communitymetrics.github;
}
