package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.CommunityMetricsException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code community-metrics}: measures the health of open-source communities from their events.
 *
 * <p>Exit status: 0 on success, 2 with a one-line message on a usage error, 1 on a failure.
 */
@Command(
    name = "community-metrics",
    mixinStandardHelpOptions = true,
    versionProvider = CommunityMetricsCli.Version.class,
    description = {
      "Measures the health of open-source communities: who contributes, who stays, who holds the"
          + " knowledge.",
      "Without a source, commands use a simulated demo community (clearly labelled as such)."
    },
    subcommands = {
      ReportCommand.class,
      MetricsCommand.class,
      EventsCommand.class,
      TruckFactorCommand.class,
      FetchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CommunityMetricsCli implements Runnable {
  /** Success. */
  public static final int EXIT_OK = 0;
  /** A failure: bad input data, an unreadable file. */
  public static final int EXIT_FAILURE = 1;
  /** A usage error: unknown option, missing argument. */
  public static final int EXIT_USAGE = 2;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    // Without a subcommand there is nothing to do: show what there is.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and exits the JVM with its status. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /**
   * Runs the command line with the given streams and returns the exit status; for tests and for
   * embedding.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new CommunityMetricsCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          err.println("community-metrics: " + e.getMessage() + " (see --help)");
          err.flush();
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          err.println("community-metrics: " + describe(e));
          err.flush();
          return EXIT_FAILURE;
        });
    int status = cli.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  /** One line for a person: what failed and on which file, without Java class names. */
  static String describe(Exception e) {
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      String file = fileProblem(u.getCause());
      if (file != null) {
        return file;
      }
      // The message is usually "reading X" or "reading X: reason"; add the reason when missing.
      String message = u.getMessage() == null ? "" : u.getMessage();
      String reason = u.getCause().getMessage();
      return reason == null || message.contains(reason) ? message : message + ": " + reason;
    }
    if (e instanceof CommunityMetricsException) {
      return e.getMessage();
    }
    if (e instanceof java.io.IOException io) {
      String file = fileProblem(io);
      return file != null ? file : "I/O error: " + e.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** A missing, unreadable or otherwise failing file, named; null for other failures. */
  private static String fileProblem(Throwable e) {
    if (e instanceof java.nio.file.NoSuchFileException f) {
      return "no such file: " + f.getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException f) {
      return "permission denied: " + f.getFile();
    }
    if (e instanceof java.nio.file.FileSystemException f) {
      return f.getFile() + ": " + (f.getReason() == null ? "I/O error" : f.getReason());
    }
    return null;
  }

  /** Reads the version from the jar manifest, which Maven fills in. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = CommunityMetricsCli.class.getPackage().getImplementationVersion();
      return new String[] {"community-metrics " + (v == null ? "(development build)" : v)};
    }
  }
}
