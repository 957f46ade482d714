/** The {@code community-metrics} command line. Not an API: use the library modules instead. */
module io.github.communitymetrics.cli {
  requires transitive io.github.communitymetrics.core;
  requires io.github.communitymetrics.simulator;
  requires io.github.communitymetrics.report;
  requires io.github.communitymetrics.events;
  requires io.github.communitymetrics.git;
  requires io.github.communitymetrics.github;
  requires io.github.communitymetrics.gitlab;
  requires tools.jackson.core;
  requires info.picocli;
  requires me.tongfei.progressbar;
  requires org.slf4j;
  // The heap's ceiling as set, for the out-of-memory message; optional (a trimmed runtime may lack it).
  requires static jdk.management;

  // score --engine NAME: engines in other jars (metrics-spark's) implement this.
  exports io.github.communitymetrics.cli.engine;

  uses io.github.communitymetrics.cli.engine.ScoreEngine;

  opens io.github.communitymetrics.cli to
      info.picocli;
}
