package io.github.communitymetrics.forge;

import java.net.URI;

/**
 * The forge kept answering {@code 202 Accepted} ("computing, ask again later", as GitHub's
 * statistics endpoints do) through every poll allowed by {@link
 * ForgeHttpClient#executeUntilReady}.
 */
public class NotReadyException extends ForgeException {
  private static final long serialVersionUID = 1L;

  private final int polls;

  /**
   * Creates an exception.
   *
   * @param message what was asked
   * @param uri the request's URI
   * @param polls the requests sent, all answered 202
   */
  public NotReadyException(String message, URI uri, int polls) {
    super(message, uri, null);
    this.polls = polls;
  }

  /**
   * The requests sent, all answered 202.
   *
   * @return at least 1
   */
  public int polls() {
    return polls;
  }
}
