/** The {@code community-metrics} command line. Not an API: use the library modules instead. */
module io.github.communitymetrics.cli {
  requires io.github.communitymetrics.core;
  requires io.github.communitymetrics.simulator;
  requires io.github.communitymetrics.report;
  requires io.github.communitymetrics.git;
  requires io.github.communitymetrics.github;
  requires io.github.communitymetrics.gitlab;
  requires tools.jackson.core;
  requires info.picocli;
  requires me.tongfei.progressbar;
  requires org.slf4j;

  opens io.github.communitymetrics.cli to
      info.picocli;
}
