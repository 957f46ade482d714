/**
 * The GitHub adapter: {@link io.github.communitymetrics.github.GitHubSource} reads a repository or
 * an organisation from the GitHub REST API and emits core events, and {@code
 * io.github.communitymetrics.github.archive} reads GH Archive hourly files. Implementation sits in
 * the unexported {@code internal} package and in package-private classes.
 */
module io.github.communitymetrics.github {
  requires transitive io.github.communitymetrics.core;
  requires transitive io.github.communitymetrics.forge;
  requires tools.jackson.core;
  requires org.slf4j;

  exports io.github.communitymetrics.github;
  exports io.github.communitymetrics.github.archive;
}
