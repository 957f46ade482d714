package io.github.communitymetrics.cli;

import io.github.communitymetrics.forge.ProgressListener;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine;

/**
 * A forge fetch shown like every other long work: one task counting the items read (the total is
 * unknown until the last page), with the page being read and the requests made after the bar;
 * waits (rate limits, retries) are informational lines.
 */
final class ForgeProgress implements ProgressListener, AutoCloseable {
  private final Progress progress;
  private final ProgressTask task;
  private long requests;

  /**
   * Starts showing a fetch.
   *
   * @param commandLine the command that fetches
   * @param target what is fetched, such as "acme/widget"
   */
  ForgeProgress(CommandLine commandLine, String target) {
    this.progress = ProgressOptions.of(commandLine.getCommandSpec());
    this.task = progress.count("fetching " + target, -1, " items");
  }

  @Override
  public void onRequest(URI uri, int status) {
    requests++;
  }

  @Override
  public void onPage(String resource, int page, int items) {
    task.detail(resource + " page " + page + ", " + requests + " request" + (requests == 1 ? "" : "s"));
  }

  @Override
  public void onItems(String resource, long count) {
    task.step(count);
  }

  @Override
  public void onWait(Duration duration, String reason) {
    progress.info("waiting " + duration.toSeconds() + " s: " + reason);
  }

  @Override
  public void close() {
    task.close();
  }
}
