package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.CommunityMetricsException;

/**
 * A mailmap or alias list could not be parsed. The message names the 1-based line number and
 * says what is wrong with the line.
 */
public final class IdentityFormatException extends CommunityMetricsException {
  private static final long serialVersionUID = 1L;

  private final int line;

  /**
   * Creates the exception.
   *
   * @param line the 1-based number of the malformed line
   * @param problem what is wrong with it
   */
  public IdentityFormatException(int line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
  }

  /** The 1-based number of the malformed line. */
  public int line() {
    return line;
  }
}
