/**
 * The git adapter: reads {@code git log} output (the commit-log format of the project's data
 * README) into core commit events or, for the truck factor, straight into an authorship
 * accumulator; runs the {@code git} command to stream that log from a local repository; and
 * chooses the files a truck-factor analysis keeps. Exports only its API package; the
 * implementation lives in an internal package.
 */
module io.github.communitymetrics.git {
  requires transitive io.github.communitymetrics.core;

  exports io.github.communitymetrics.git;
}
