/**
 * The GitLab adapter: {@link io.github.communitymetrics.gitlab.GitLabSource} reads a project or a
 * group (subgroups included) from the GitLab REST API v4 of gitlab.com or a self-managed instance
 * and emits core events. Its implementation sits in the unexported {@code internal} package.
 */
module io.github.communitymetrics.gitlab {
  requires transitive io.github.communitymetrics.core;
  requires transitive io.github.communitymetrics.forge;
  requires tools.jackson.core;
  requires org.slf4j;

  exports io.github.communitymetrics.gitlab;
}
