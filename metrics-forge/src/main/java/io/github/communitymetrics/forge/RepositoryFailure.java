package io.github.communitymetrics.forge;

import io.github.communitymetrics.forge.internal.Args;

/**
 * A repository of an owner or group that could not be read to its end, and was passed over so
 * that the others could be read ({@code docs/forge.md}, "Owners and groups").
 *
 * @param repository its full name as listed
 * @param error the simple name of the {@link ForgeException} subtype that stopped it, such as
 *     {@code NotFoundException}
 * @param reason the exception's message, which names the URL (and never a credential)
 * @param eventsDiscarded events of the repository read since the last commit and dropped, so that
 *     a later fetch from the checkpoint does not emit them twice (without a checkpoint directory:
 *     every event of the repository)
 */
public record RepositoryFailure(String repository, String error, String reason, long eventsDiscarded) {
  /** Checks the fields. */
  public RepositoryFailure {
    Args.notBlank(repository, "repository");
    Args.notBlank(error, "error");
    Args.notNull(reason, "reason");
    if (eventsDiscarded < 0) {
      throw new IllegalArgumentException("eventsDiscarded must not be negative but was " + eventsDiscarded);
    }
  }

  /**
   * The failure a forge exception describes.
   *
   * @param repository the repository's full name
   * @param e what stopped it
   * @param eventsDiscarded events dropped
   * @return the failure
   */
  public static RepositoryFailure of(String repository, ForgeException e, long eventsDiscarded) {
    Args.notNull(e, "e");
    return new RepositoryFailure(repository, e.getClass().getSimpleName(), String.valueOf(e.getMessage()), eventsDiscarded);
  }
}
