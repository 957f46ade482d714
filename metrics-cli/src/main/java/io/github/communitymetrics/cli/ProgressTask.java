package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.ProgressListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * One piece of long work shown by a {@link Progress}: a progressbar {@link ProgressBar} fed by
 * the work (bytes read through {@link #counting}, units through {@link #listener}), or nothing at
 * all when the run shows no progress, so that the work pays no more than a null check. Close it
 * when the work ends: a bar on the screen is erased, a plain line says how it ended.
 */
final class ProgressTask implements AutoCloseable {
  /** How often the bar is redrawn on a terminal, in milliseconds. */
  private static final int BAR_REFRESH_MILLIS = 200;
  /** How often a plain line is considered (Progress decides whether to print it). */
  private static final int LINES_REFRESH_MILLIS = 1000;
  /** Items counted between two updates of the text after the bar. */
  private static final int ITEMS_PER_UPDATE = 1024;

  /**
   * What a task counts, and how the bar writes it.
   *
   * @param bytes whether the units are bytes
   * @param name how the bar names the units, with a leading space (" MB", " repositories")
   * @param size the units counted per unit shown (1,000,000 bytes to a megabyte)
   */
  record Unit(boolean bytes, String name, long size) {
    /**
     * Bytes, shown in kilobytes up to 20 MB (a bar in whole megabytes hardly moves) and in
     * megabytes above or when the total is unknown.
     */
    static Unit bytes(long total) {
      return total >= 0 && total < 20_000_000 ? new Unit(true, " kB", 1_000) : new Unit(true, " MB", 1_000_000);
    }

    static Unit count(String name) {
      return new Unit(false, name, 1);
    }

    /** Nothing counted: work that only says it runs, and for how long. */
    static final Unit NONE = new Unit(false, "", 0);
  }

  private static final ProgressTask NONE = new ProgressTask(null, null, null);

  private final ProgressBar bar;
  private final Progress.Output output;
  private final Unit unit;
  private long items;
  private String itemsName = "";
  private String detail = "";

  private ProgressTask(ProgressBar bar, Progress.Output output, Unit unit) {
    this.bar = bar;
    this.output = output;
    this.unit = unit;
  }

  static ProgressTask start(Progress progress, String name, long total, Unit unit) {
    if (progress.style() == Progress.Style.NONE) {
      return NONE;
    }
    Progress.Output output = progress.new Output();
    ProgressBarBuilder builder =
        new ProgressBarBuilder()
            .setTaskName(name)
            .setInitialMax(total < 0 ? -1 : total)
            .setConsumer(output)
            // Redraw while nothing moves too, so that the elapsed time runs on.
            .continuousUpdate();
    if (progress.style() == Progress.Style.LINES) {
      builder.setRenderer(new LineRenderer(unit, true)).setUpdateIntervalMillis(LINES_REFRESH_MILLIS);
    } else if (unit.equals(Unit.NONE)) {
      // Nothing to fill a bar with: the task and its time, rewritten in place.
      builder.setRenderer(new LineRenderer(unit, false)).setUpdateIntervalMillis(BAR_REFRESH_MILLIS);
    } else {
      builder.setStyle(progress.barStyle()).setUpdateIntervalMillis(BAR_REFRESH_MILLIS).setUnit(unit.name(), unit.size());
      if (unit.bytes()) {
        builder.showSpeed(new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
      }
      if (total < 0) {
        // No total, no time left to estimate: leave the room to the counts.
        builder.hideEta();
      }
    }
    return new ProgressTask(builder.build(), output, unit);
  }

  /** Advances by {@code n} units (bytes, repositories). */
  void step(long n) {
    if (bar != null) {
      bar.stepBy(n);
    }
  }

  /**
   * Counts one more item of a kind the bar does not measure, such as the events read while the
   * bar measures bytes; shown after the bar as "12,345 events".
   *
   * @param name the items' name, such as "events"
   */
  void item(String name) {
    if (bar != null && (++items % ITEMS_PER_UPDATE == 0 || items == 1)) {
      itemsName = name;
      describe();
    }
  }

  /** Text shown after the bar, such as "stargazers page 3, 12 requests"; "" for none. */
  void detail(String text) {
    if (bar != null) {
      detail = text;
      describe();
    }
  }

  private void describe() {
    String counted = items == 0 ? "" : String.format(Locale.ROOT, "%,d %s", items, itemsName);
    String text = counted.isEmpty() ? detail : detail.isEmpty() ? counted : counted + ", " + detail;
    // The bar prints the message right after its own text: separate them.
    bar.setExtraMessage(text.isEmpty() ? "" : (unit.bytes() ? ", " : " ") + text);
  }

  /**
   * {@code in}, counting into this task the bytes read through it. Put it below any buffer or
   * decompression, on the file's own bytes, so that the count matches the file size.
   */
  InputStream counting(InputStream in) {
    return bar == null ? in : new Counting(in, bar);
  }

  /**
   * A core listener that sets this task to the units done of the total it reports (the
   * each-repository driver reports repositories).
   */
  ProgressListener listener() {
    return part(0, 1);
  }

  /**
   * A core listener for part {@code index} of {@code parts} equal parts of this task, such as
   * the second of five metrics, each scoring every repository: the task shows the units done
   * over all the parts.
   */
  ProgressListener part(int index, int parts) {
    if (bar == null) {
      return ProgressListener.NONE;
    }
    return (done, total) -> {
      bar.maxHint(total * parts);
      bar.stepTo(index * total + done);
    };
  }

  @Override
  public void close() {
    if (bar == null) {
      return;
    }
    if (items > 0) {
      describe();
    }
    // Draws the last state (progressbar waits for it), then erases or ends it. The output is
    // closed here too, since progressbar does not close it when the task ends before its first
    // refresh.
    bar.close();
    output.close();
  }

  /** Counts the bytes read into the bar. No mark and reset: a reset would count bytes twice. */
  private static final class Counting extends FilterInputStream {
    private final ProgressBar bar;

    Counting(InputStream in, ProgressBar bar) {
      super(in);
      this.bar = bar;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        bar.step();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        bar.stepBy(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(n);
      if (skipped > 0) {
        bar.stepBy(skipped);
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
      // Not supported (markSupported is false).
    }

    @Override
    public synchronized void reset() throws IOException {
      throw new IOException("mark and reset are not supported");
    }
  }

  /**
   * A plain line for logs, such as "reading 40 GH Archive files: 45% (20.1 of 44.6 MB), 199,360
   * events, 0:00:12 elapsed": no bar, no carriage return.
   */
  static final class LineRenderer implements ProgressBarRenderer {
    private final Unit unit;
    private final boolean log;

    /**
     * @param log whether the line goes to a log ("community-metrics: " before it) rather than
     *     in place on a terminal
     */
    LineRenderer(Unit unit, boolean log) {
      this.unit = unit;
      this.log = log;
    }

    @Override
    public String render(ProgressState state, int maxLength) {
      if (maxLength <= 0) {
        return "";
      }
      long current = state.getCurrent();
      long max = state.getMax();
      StringBuilder line = new StringBuilder(log ? "community-metrics: " : "").append(state.getTaskName()).append(": ");
      if (unit.equals(Unit.NONE)) {
        line.setLength(line.length() - 2);
      } else if (state.isIndefinite() || max <= 0) {
        line.append(amount(current)).append(unit.name());
      } else {
        line.append(Math.min(100, (int) Math.floor(100.0 * current / max))).append("% (")
            .append(amount(current)).append(" of ").append(amount(max)).append(unit.name()).append(')');
      }
      String extra = state.getExtraMessage().strip();
      if (!extra.isEmpty()) {
        line.append(extra.startsWith(",") ? "" : ", ").append(extra);
      }
      line.append(unit.equals(Unit.NONE) ? " " : ", ").append(elapsed(state.getTotalElapsed())).append(" elapsed");
      // In place on a terminal the line must not outgrow it, nor leave the end of a longer one.
      return log ? line.toString() : String.format(Locale.ROOT, "%-" + maxLength + "." + maxLength + "s", line);
    }

    private String amount(long n) {
      return unit.bytes()
          ? String.format(Locale.ROOT, unit.size() == 1_000 ? "%,.0f" : "%,.1f", (double) n / unit.size())
          : String.format(Locale.ROOT, "%,d", n);
    }

    static String elapsed(Duration d) {
      long s = d.toSeconds();
      return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
  }
}
