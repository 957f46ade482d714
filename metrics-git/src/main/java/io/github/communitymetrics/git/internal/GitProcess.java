package io.github.communitymetrics.git.internal;

import io.github.communitymetrics.git.GitException;
import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.git.GitCommandException;
import io.github.communitymetrics.git.GitNotFoundException;
import io.github.communitymetrics.git.TruncatedOutputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@code git} command: standard output goes to the caller as a stream, standard error is
 * drained by a daemon thread at the same time (so that git never blocks on a full stderr pipe) and
 * only its last {@value #STDERR_KEPT} bytes are kept for the error message.
 */
public final class GitProcess {
  static final int STDERR_KEPT = 8192;

  /** Reads standard output; may stop early. */
  @FunctionalInterface
  public interface OutputReader<T> {
    T read(InputStream stdout) throws IOException;
  }

  private GitProcess() {}

  /**
   * Runs {@code git arguments...} in {@code directory} and hands its standard output to {@code
   * reader}.
   *
   * @throws TruncatedOutputException if a signal killed git (status above 128) while the reader
   *     still read
   * @throws GitCommandException on any other non-zero status
   * @throws GitNotFoundException if the executable cannot be started
   * @throws io.github.communitymetrics.core.CommunityMetricsIoException if reading the output
   *     fails
   * @throws io.github.communitymetrics.git.GitException if interrupted while waiting for git (the
   *     thread keeps its interrupt flag)
   */
  public static <T> T run(Path git, Path directory, List<String> arguments, OutputReader<T> reader) {
    List<String> command = new ArrayList<>(arguments.size() + 1);
    command.add(git.toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    Map<String, String> env = builder.environment();
    // Never ask for credentials or open a pager; parse untranslated output.
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_PAGER", "cat");
    env.put("LC_ALL", "C");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new GitNotFoundException("cannot run " + git + ": " + e.getMessage(), e);
    }
    StderrTail stderr = new StderrTail(process.getErrorStream());
    Thread drainer = new Thread(stderr, "git-stderr");
    drainer.setDaemon(true);
    drainer.start();
    boolean finishedReading = false;
    T result;
    try (InputStream stdout = process.getInputStream()) {
      result = reader.read(stdout);
      finishedReading = true;
    } catch (IOException e) {
      process.destroyForcibly();
      throw CommunityMetricsIoException.of("cannot read the output of git " + String.join(" ", arguments), e);
    } finally {
      if (!finishedReading) {
        process.destroyForcibly();
      }
    }
    int status = waitFor(process);
    join(drainer);
    // A reader that stopped early closed the pipe: git then dies of SIGPIPE (141), which is ours.
    if (status != 0 && !(status == 141 && stderr.text().isEmpty())) {
      if (status > 128) {
        throw new TruncatedOutputException(arguments, status, stderr.text());
      }
      throw new GitCommandException(arguments, status, stderr.text());
    }
    return result;
  }

  private static int waitFor(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new GitException("interrupted while waiting for git", e);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Keeps the last bytes of a stream it reads to the end. */
  private static final class StderrTail implements Runnable {
    private final InputStream in;
    private final ByteArrayOutputStream tail = new ByteArrayOutputStream();
    private volatile String text = "";

    StderrTail(InputStream in) {
      this.in = in;
    }

    @Override
    public void run() {
      byte[] buffer = new byte[4096];
      try (in) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          tail.write(buffer, 0, n);
          if (tail.size() > 2 * STDERR_KEPT) {
            byte[] all = tail.toByteArray();
            tail.reset();
            tail.write(all, all.length - STDERR_KEPT, STDERR_KEPT);
          }
        }
      } catch (IOException e) {
        // The process is gone; what was read is all there is.
      }
      byte[] all = tail.toByteArray();
      int from = Math.max(0, all.length - STDERR_KEPT);
      text = new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    String text() {
      return text;
    }
  }
}
