package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.CommunityMetricsException;
import io.github.communitymetrics.core.CommunityMetricsIoException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
      ScoreCommand.class,
      GrowthCommand.class,
      StarsCommand.class,
      ImpactCommand.class,
      NewcomersCommand.class,
      GovernanceCommand.class,
      ForksCommand.class,
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

  /** --quiet and --progress, given to any command (ProgressOptions). */
  @CommandLine.Mixin ProgressOptions progressOptions = new ProgressOptions();

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
    Examples.addTo(cli);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          err.println("community-metrics: " + e.getMessage() + " (see --help)");
          // A mistyped command or option: name the nearest ones picocli knows ("Did you mean").
          if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> near = u.getSuggestions();
            if (!near.isEmpty()) {
              err.println("community-metrics: did you mean " + String.join(" or ", near) + "?");
            }
          }
          err.flush();
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          err.println("community-metrics: " + describe(e));
          err.flush();
          return EXIT_FAILURE;
        });
    int status;
    try {
      status = cli.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli passes errors through. What the command held is unreachable once the error has
      // left it, so these few strings can be allocated again.
      err.println("community-metrics: " + outOfMemory(maxHeapBytes()));
      status = EXIT_FAILURE;
    }
    out.flush();
    err.flush();
    return status;
  }

  /**
   * The heap's ceiling in bytes as set ({@code -Xmx}, or java's default): {@link
   * Runtime#maxMemory()} leaves out a survivor space and would name a ceiling the user never set.
   */
  private static long maxHeapBytes() {
    try {
      return Long.parseLong(
          java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
              .getVMOption("MaxHeapSize")
              .getValue());
    } catch (RuntimeException | LinkageError e) {
      return Runtime.getRuntime().maxMemory(); // a JVM without HotSpot's options
    }
  }

  /**
   * What running out of the Java heap means to the user and what to do: the heap's ceiling
   * ({@code maxHeapBytes}, in bytes) and how to raise it. A stack trace would say neither.
   */
  static String outOfMemory(long maxHeapBytes) {
    double gib = maxHeapBytes / (double) (1L << 30);
    String ceiling =
        gib < 1
            ? (maxHeapBytes >> 20) + " MiB"
            : String.format(java.util.Locale.ROOT, "%.1f GiB", gib);
    long suggested = Math.max(1, (long) Math.ceil(gib * 2));
    return "out of memory: the input needs more than the Java heap's ceiling of "
        + ceiling
        + ". Raise it, e.g. COMMUNITY_METRICS_OPTS=-Xmx"
        + suggested
        + "g (docs/install.md); score over a month of GH Archive took 13.1 GiB (docs/performance.md)";
  }

  /**
   * The one-line message of a failure, for people: the file and what is wrong with it, never a
   * Java class name (those say nothing to the user and change with the JDK).
   */
  static String describe(Throwable e) {
    if (e instanceof java.nio.file.FileSystemException) {
      return describe((java.nio.file.FileSystemException) e);
    }
    if (e instanceof UncheckedIOException && e.getCause() != null) {
      if (e.getCause() instanceof java.nio.file.FileSystemException) {
        return describe(e.getCause());
      }
      // The message is usually "reading X" or "reading X: reason"; add the reason when missing.
      String message = e.getMessage() == null ? "" : e.getMessage();
      String reason = e.getCause().getMessage();
      return reason == null || message.contains(reason) ? message : message + ": " + reason;
    }
    if (e instanceof CommunityMetricsIoException && e.getCause() instanceof java.nio.file.FileSystemException) {
      // The file system's own words name the file ("no such file: PATH"), as for the JDK's
      // exceptions above, so the message does not depend on which layer read the file.
      return describe(e.getCause());
    }
    if (e instanceof CommunityMetricsException) {
      // Its message says what failed; an I/O cause says why, with the file when it knows it. A
      // cause without a message has nothing to add (CommunityMetricsIoException.of has already
      // said "I/O error").
      Throwable cause = e.getCause();
      String why = cause == null ? null : cause.getMessage();
      if (cause instanceof java.io.IOException && why != null && !why.isBlank() && !e.getMessage().contains(why)) {
        return e.getMessage() + ": " + describe(cause);
      }
      return e.getMessage();
    }
    if (e instanceof java.io.IOException) {
      return "I/O error: " + message(e);
    }
    return "unexpected error: " + message(e);
  }

  private static String describe(java.nio.file.FileSystemException e) {
    String file = e.getFile();
    String other = e.getOtherFile() == null ? "" : " -> " + e.getOtherFile();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file: " + file + other;
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + file + other;
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "file already exists: " + file + other;
    }
    if (e instanceof java.nio.file.NotDirectoryException) {
      return "not a directory: " + file;
    }
    if (e instanceof java.nio.file.DirectoryNotEmptyException) {
      return "directory not empty: " + file;
    }
    String reason = e.getReason() == null ? "cannot access" : e.getReason();
    return file == null ? "I/O error: " + reason : file + other + ": " + reason;
  }

  /** The message of {@code e}, or its kind in words when it has none. */
  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? "no details (" + kind(e) + ")" : m;
  }

  /** {@code NullPointerException} as "null pointer": the kind without the Java spelling. */
  private static String kind(Throwable e) {
    String name = e.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
    return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
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
