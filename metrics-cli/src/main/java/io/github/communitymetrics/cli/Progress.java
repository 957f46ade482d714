package io.github.communitymetrics.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What one run shows on standard error besides its errors and warnings: the progress of its long
 * work, and informational lines. Standard output is never written here: it carries the tables,
 * JSON and CSV that users pipe.
 *
 * <p>How progress shows ({@code --progress}, by default from {@code CM_PROGRESS}, else auto):
 *
 * <ul>
 *   <li>{@code auto} and standard error a terminal (and {@code TERM} not {@code dumb}): a bar
 *       (progressbar's), drawn once the run has taken {@link #BAR_DELAY}, redrawn five times a
 *       second in place and erased when its task ends, so that a quick command prints nothing;
 *   <li>{@code auto} otherwise (a file, a pipe, CI logs): plain lines, the first once the run
 *       has taken {@link #LINES_DELAY}, then at most one every {@link #LINES_EVERY}, and a last
 *       one for each task that printed any, so that a log shows that a long run is alive without
 *       filling up;
 *   <li>{@code always}: the bar from the start, whatever standard error is (for trying it out,
 *       and for the tests, which run without a terminal);
 *   <li>{@code never}, or {@code --quiet}: none. {@code --quiet} also drops the informational
 *       lines ({@link #info}).
 * </ul>
 *
 * <p>Whether standard error is a terminal: on Linux, where {@code /proc/self/fd/2} leads (a
 * {@code /dev/pts/N} or {@code /dev/ttyN} is one), so that {@code > out.json} with standard error
 * on the screen still shows the bar; elsewhere whether the JVM has a console. The bar's width is
 * that of the terminal ({@code COLUMNS}, else {@code stty size}, else 80), at most {@link
 * #MAX_WIDTH}.
 *
 * <p>Thread-safe: the bar is drawn by progressbar's thread while the work runs on others.
 */
final class Progress {
  /** How long a run goes before a bar appears on a terminal. */
  static final Duration BAR_DELAY = Duration.ofSeconds(1);
  /** How long a run goes before its first plain progress line. */
  static final Duration LINES_DELAY = Duration.ofSeconds(10);
  /** The least time between two plain progress lines (a task's last line aside). */
  static final Duration LINES_EVERY = Duration.ofSeconds(30);
  /** The widest bar, in columns: wider ones are harder to read, not more precise. */
  static final int MAX_WIDTH = 100;

  /** The {@code --progress} choice. */
  enum When {
    /** A bar on a terminal, plain lines elsewhere. */
    AUTO,
    /** The bar, whatever standard error is. */
    ALWAYS,
    /** No progress. */
    NEVER
  }

  /** How progress shows. */
  enum Style {
    /** No progress. */
    NONE,
    /** A bar rewritten in place. */
    BAR,
    /** Plain lines, now and then. */
    LINES
  }

  private final PrintWriter err;
  private final Style style;
  private final boolean quiet;
  private final LongSupplier nanoTime;
  private final long start;
  private final long delay;
  private ProgressBarStyle barStyle;
  private final Map<String, String> environment;
  private final boolean askTerminalWidth;
  private int width;
  private long lastLine;
  private boolean anyLine;
  /** The bar on the screen now, if any: an informational line erases it first. */
  private volatile Output shown;
  /** Whether the bar is erased when the JVM exits (after Ctrl-C, say), once one was drawn. */
  private boolean erasedOnExit;

  Progress(
      PrintWriter err,
      Style style,
      boolean quiet,
      Duration delay,
      LongSupplier nanoTime,
      Map<String, String> environment,
      boolean askTerminalWidth) {
    this.err = err;
    this.style = style;
    this.quiet = quiet;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.delay = delay.toNanos();
    this.environment = environment;
    this.askTerminalWidth = askTerminalWidth;
  }

  /**
   * The display of a run, from its options and environment.
   *
   * @param err the run's error stream
   * @param when the {@code --progress} choice; null for auto
   */
  static Progress forRun(PrintWriter err, boolean quiet, When when, Map<String, String> environment) {
    LongSupplier clock = System::nanoTime;
    if (quiet || when == When.NEVER) {
      return new Progress(err, Style.NONE, quiet, Duration.ZERO, clock, environment, false);
    }
    if (when == When.ALWAYS) {
      return new Progress(err, Style.BAR, false, Duration.ZERO, clock, environment, false);
    }
    boolean terminal = stderrIsTerminal(environment);
    return new Progress(
        err, terminal ? Style.BAR : Style.LINES, false, terminal ? BAR_DELAY : LINES_DELAY, clock,
        environment, terminal);
  }

  /** How progress shows in this run. */
  Style style() {
    return style;
  }

  /** Whether informational lines are dropped ({@code --quiet}). */
  boolean quiet() {
    return quiet;
  }

  /**
   * A task counting bytes, such as reading files.
   *
   * @param name what is done, such as "reading events.jsonl.gz"
   * @param total the bytes in all; negative when unknown
   */
  ProgressTask bytes(String name, long total) {
    return ProgressTask.start(this, name, total, ProgressTask.Unit.bytes(total));
  }

  /**
   * A task counting units, such as repositories scored.
   *
   * @param name what is done, such as "scoring repositories"
   * @param total the units in all; negative when unknown
   * @param unit the units' name with a leading space, such as " repositories"; "" for none
   */
  ProgressTask count(String name, long total, String unit) {
    return ProgressTask.start(this, name, total, ProgressTask.Unit.count(unit));
  }

  /**
   * Does work that reports no progress of its own, such as indexing events, showing only that
   * it runs and for how long.
   *
   * @param name what is done, such as "indexing 199,360 events"
   * @return what the work returns
   */
  <T> T busy(String name, java.util.function.Supplier<T> work) {
    try (ProgressTask task = ProgressTask.start(this, name, -1, ProgressTask.Unit.NONE)) {
      task.detail("");
      return work.get();
    }
  }

  /**
   * Prints an informational line (not a warning, not an error) unless {@code --quiet}; a bar on
   * the screen is erased first and drawn again at its next refresh.
   */
  synchronized void info(String line) {
    if (quiet) {
      return;
    }
    erase();
    err.println(line);
    err.flush();
  }

  /**
   * Prints a warning line, which {@code --quiet} keeps; a bar on the screen is erased first, as
   * for {@link #info(String)}.
   */
  synchronized void warning(String line) {
    erase();
    err.println(line);
    err.flush();
  }

  /**
   * Where informational lines go: the error stream, or nowhere under {@code --quiet}. For a
   * report of several lines printed when no task runs; {@link #info(String)} otherwise.
   */
  PrintWriter info() {
    return quiet ? new PrintWriter(Writer.nullWriter()) : err;
  }

  /** progressbar's output for one task: hands what it renders to the run's display. */
  final class Output implements ProgressBarConsumer {
    private String latest = "";
    private String printed = "";
    private boolean drawn;
    private boolean finished;

    /**
     * The columns to render in; 0 (render nothing) before the delay, so that a quick command
     * does not even format a bar (progressbar renders from the start).
     */
    @Override
    public int getMaxRenderedLength() {
      return shows() ? width() : 0;
    }

    @Override
    public void accept(String rendered) {
      draw(this, rendered);
    }

    @Override
    public void close() {
      finish(this);
    }

    @Override
    public void clear() {
      // The bar is erased when its task ends (close); nothing to do before.
    }
  }

  /** The bar's style: block characters where the locale says UTF-8, else ASCII. */
  synchronized ProgressBarStyle barStyle() {
    if (barStyle == null) {
      barStyle = unicode(environment) ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.ASCII;
    }
    return barStyle;
  }

  /** Whether the delay has passed: progress may show. */
  private boolean shows() {
    return nanoTime.getAsLong() - start >= delay;
  }

  private synchronized void draw(Output out, String rendered) {
    if (out.finished || rendered.isEmpty()) {
      return;
    }
    out.latest = rendered;
    long now = nanoTime.getAsLong();
    if (now - start < delay) {
      return;
    }
    if (style == Style.BAR) {
      err.print("\r" + rendered);
      err.flush();
      out.drawn = true;
      shown = out;
      if (!erasedOnExit) {
        erasedOnExit = true;
        // Interrupted, the run would leave the bar where the shell writes its prompt. Not under
        // the lock: the thread that holds it may be the one the exit stopped.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          if (shown != null) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
          }
        }, "erase progress"));
      }
    } else if (style == Style.LINES && (!anyLine || now - lastLine >= LINES_EVERY.toNanos())) {
      err.println(rendered);
      err.flush();
      lastLine = now;
      anyLine = true;
      out.drawn = true;
      out.printed = rendered;
    }
  }

  private synchronized void finish(Output out) {
    if (out.finished) {
      return;
    }
    out.finished = true;
    if (!out.drawn) {
      return;
    }
    if (style == Style.BAR) {
      erase();
    } else if (!out.latest.equals(out.printed)) {
      // The task's end, so that a log does not stop at a line that says it was half done.
      err.println(out.latest);
      err.flush();
    }
  }

  /** Erases the bar on the screen, if any. */
  private void erase() {
    if (shown != null) {
      err.print("\r" + " ".repeat(width()) + "\r");
      err.flush();
      shown = null;
    }
  }

  /** The columns a bar or line may take. */
  synchronized int width() {
    if (width == 0) {
      width = Math.min(MAX_WIDTH, terminalWidth(environment, askTerminalWidth) - 1);
    }
    return width;
  }

  /**
   * Whether standard error is a terminal: on Linux from where {@code /proc/self/fd/2} leads;
   * elsewhere whether the JVM has a console (standard input and output are terminals). Never
   * under {@code TERM=dumb}, which cannot move the cursor back.
   */
  static boolean stderrIsTerminal(Map<String, String> environment) {
    if ("dumb".equals(environment.get("TERM"))) {
      return false;
    }
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(fd)) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        // Cannot tell from /proc: fall back on the console below.
      }
    }
    return System.console() != null;
  }

  /**
   * The terminal's width in columns: {@code COLUMNS} when set, else what {@code stty size} says
   * of the controlling terminal when {@code ask}, else 80.
   */
  static int terminalWidth(Map<String, String> environment, boolean ask) {
    String columns = environment.get("COLUMNS");
    if (columns != null && columns.strip().matches("[0-9]{1,4}") && Integer.parseInt(columns.strip()) >= 20) {
      return Integer.parseInt(columns.strip());
    }
    if (ask) {
      try {
        Process stty = new ProcessBuilder("stty", "size")
            .redirectInput(new File("/dev/tty"))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        byte[] answer;
        try (InputStream in = stty.getInputStream()) {
          answer = in.readNBytes(64);
        }
        if (stty.waitFor(1, TimeUnit.SECONDS) && stty.exitValue() == 0) {
          String[] rowsColumns = new String(answer, StandardCharsets.US_ASCII).strip().split("\\s+");
          if (rowsColumns.length == 2 && rowsColumns[1].matches("[0-9]{2,4}")) {
            return Integer.parseInt(rowsColumns[1]);
          }
        } else {
          stty.destroy();
        }
      } catch (IOException e) {
        // No stty, or no controlling terminal: the usual width.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return 80;
  }

  /** Whether the locale's character set is UTF-8 ({@code LC_ALL}, else {@code LC_CTYPE}, else {@code LANG}). */
  static boolean unicode(Map<String, String> environment) {
    for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.contains("utf-8") || v.contains("utf8");
      }
    }
    return false;
  }
}
