package io.github.communitymetrics.forge.crawl;

import io.github.communitymetrics.forge.AuthenticationException;
import io.github.communitymetrics.forge.ForgeException;
import io.github.communitymetrics.forge.RateLimitedException;
import io.github.communitymetrics.forge.RepositoryFailure;
import io.github.communitymetrics.forge.ServerErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the repositories of an owner or group one after another and passes over one that fails,
 * so that a repository the token may not read (403), one deleted since it was listed (404) or one
 * GitHub blocked (451) costs that repository, not the whole fetch. What is passed over: every
 * {@link ForgeException} that is the repository's own, which is all of them except {@link
 * AuthenticationException} and {@link RateLimitedException} (the credential's, which would fail
 * every repository after it) and a {@link ServerErrorException} of a 5xx status or a transport
 * failure (an outage that outlasted the retries: the forge's, not the repository's; a fetch
 * resumed from the checkpoint later goes on where it stopped). A {@link ServerErrorException} of an
 * unexpected 4xx status (GitHub's 409 for an empty repository's list, a 422) is the repository's.
 *
 * <p>The events of the failed repository read since the last commit are dropped ({@link
 * StagedSink#discard()}) with the ledger entries put since ({@link Checkpoint#rollback()}); its
 * cursors stay where they were committed, so a later fetch from the same checkpoint directory
 * resumes it there. With {@code stopAtFailure} the first failure is thrown instead, after the same
 * clean-up.
 *
 * @param <T> what reading one repository returns
 */
public final class RepositoryLoop<T> {
  private static final Logger LOG = LoggerFactory.getLogger(RepositoryLoop.class);

  private final List<T> read = new ArrayList<>();
  private final List<RepositoryFailure> failures = new ArrayList<>();

  private RepositoryLoop() {}

  /**
   * Reads each repository.
   *
   * @param names the repositories' full names, in order
   * @param stopAtFailure throw the first failure instead of passing over the repository
   * @param checkpoint the fetch's checkpoint, opened with {@code stage}
   * @param stage the sink the reads emit to
   * @param reader reads one repository to its end, emitting to {@code stage}
   * @param <T> what a read returns
   * @return what was read and what failed
   * @throws ForgeException the first failure with {@code stopAtFailure}, and any that does not
   *     {@link #concernsTheRepository concern the repository}
   */
  public static <T> RepositoryLoop<T> readEach(
      List<String> names,
      boolean stopAtFailure,
      Checkpoint checkpoint,
      StagedSink stage,
      Function<String, T> reader) {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(reader, "reader");
    RepositoryLoop<T> loop = new RepositoryLoop<>();
    for (String name : names) {
      T value;
      try {
        value = reader.apply(name);
      } catch (ForgeException e) {
        long dropped = stage.discard();
        checkpoint.rollback();
        if (stopAtFailure || !concernsTheRepository(e)) {
          throw e;
        }
        LOG.warn("{}: passed over ({} events since the last commit dropped): {}", name, dropped, e.getMessage());
        loop.failures.add(RepositoryFailure.of(name, e, dropped));
        continue;
      }
      stage.release();
      loop.read.add(value);
    }
    return loop;
  }

  /**
   * Whether a failure is the repository's own, not the credential's or the forge's.
   *
   * @param e a failure
   * @return false for {@link AuthenticationException}, {@link RateLimitedException} and a {@link
   *     ServerErrorException} whose last status was 5xx or a transport failure
   */
  public static boolean concernsTheRepository(ForgeException e) {
    if (e instanceof ServerErrorException server) {
      return server.status() >= 400 && server.status() < 500;
    }
    return !(e instanceof AuthenticationException) && !(e instanceof RateLimitedException);
  }

  /**
   * What the repositories read returned, in order.
   *
   * @return the values of the repositories read to their end
   */
  public List<T> read() {
    return List.copyOf(read);
  }

  /**
   * The repositories passed over.
   *
   * @return in order
   */
  public List<RepositoryFailure> failures() {
    return List.copyOf(failures);
  }
}
