package io.github.communitymetrics.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global options {@code --quiet} and {@code --progress}: what a run prints on standard error
 * besides its errors and warnings. Declared once on the top command and inherited by every
 * command, so they go before or after the command name alike; the values land here, on the top
 * command's mixin, whichever command they were given to.
 */
final class ProgressOptions {
  /** The environment variable that gives {@code --progress} its default. */
  static final String ENVIRONMENT = "CM_PROGRESS";

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Print no progress and no informational messages on standard error; errors"
          + " and warnings still print.")
  boolean quiet;

  @Option(
      names = "--progress",
      paramLabel = "WHEN",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:" + ENVIRONMENT + ":-auto}",
      converter = WhenConverter.class,
      description = "Progress of long work, on standard error (never on standard output): auto"
          + " (default) draws a bar once the work has taken a second if standard error is a"
          + " terminal, else prints a plain line every 30 s once it has taken 10 s; always draws"
          + " the bar from the start; never shows no progress. Default from " + ENVIRONMENT + ".")
  Progress.When when;

  /** auto, always or never, in any case; anything else is a usage error naming both sources. */
  static final class WhenConverter implements CommandLine.ITypeConverter<Progress.When> {
    @Override
    public Progress.When convert(String value) {
      for (Progress.When w : Progress.When.values()) {
        if (w.name().equalsIgnoreCase(value.strip())) {
          return w;
        }
      }
      throw new CommandLine.TypeConversionException(
          "auto, always or never (--progress or " + ENVIRONMENT + ") but was '" + value + "'");
    }
  }

  /** The run's progress display, made on first use: one per run, shared by its commands. */
  private Progress progress;

  /**
   * The progress display of the run {@code spec} belongs to; outside a run (a mixin made by hand,
   * whose spec is null) none, with informational lines on {@link System#err}.
   */
  static Progress of(CommandSpec spec) {
    if (spec == null) {
      return Progress.forRun(
          new java.io.PrintWriter(System.err, true), false, Progress.When.NEVER, System.getenv());
    }
    CommandSpec root = spec.root();
    ProgressOptions options =
        root.userObject() instanceof CommunityMetricsCli cli ? cli.progressOptions : new ProgressOptions();
    synchronized (options) {
      if (options.progress == null) {
        options.progress = Progress.forRun(root.commandLine().getErr(), options.quiet, options.when, System.getenv());
      }
      return options.progress;
    }
  }
}
