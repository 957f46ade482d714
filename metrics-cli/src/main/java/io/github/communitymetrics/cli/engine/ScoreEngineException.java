package io.github.communitymetrics.cli.engine;

/**
 * A score engine could not do its work; the message says why, for the user. Under the library's
 * one exception root, so the command reports it as it reports the library's own failures.
 */
public class ScoreEngineException extends io.github.communitymetrics.core.CommunityMetricsException {
  private static final long serialVersionUID = 1L;

  /** With a message for the user. */
  public ScoreEngineException(String message) {
    super(message);
  }

  /** With a message for the user and the failure behind it. */
  public ScoreEngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
