/**
 * The git adapter: reads a repository's history through the {@code git} command and chooses the
 * files a truck-factor analysis keeps. Exports only {@code io.github.communitymetrics.git}; the
 * implementation lives in {@code io.github.communitymetrics.git.internal}.
 */
module io.github.communitymetrics.git {
  requires transitive io.github.communitymetrics.core;

  exports io.github.communitymetrics.git;
}
