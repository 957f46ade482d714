package io.github.communitymetrics.benchmarks.scaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code scaling.csv}: the task rows, a blank line, then the store's memory rows. Times in
 * milliseconds, bytes as measured and per event; empty cells where not measured. Read back with
 * {@code --merge}, so that sizes run in separate JVMs (10^8 events) share one file.
 */
final class ScalingCsv {
  private ScalingCsv() {}

  static final String TASKS =
      "events,source,repositories,task,rounds,median_ms,min_ms,max_ms,cpu_ms,allocated_bytes,retained_bytes,"
          + "ns_per_event,cpu_ns_per_event,allocated_bytes_per_event,retained_bytes_per_event,load,note";
  static final String MEMORY =
      "events,source,estimated_bytes_per_event,heap_bytes_per_event,ingestion_peak_bytes_per_event";

  static void write(Path path, List<ScalingSuite.Row> rows, List<ScalingSuite.Memory> memory) throws IOException {
    StringBuilder sb = new StringBuilder(TASKS).append('\n');
    for (ScalingSuite.Row r : rows) {
      sb.append(String.join(",", Long.toString(r.events()), r.source(), Integer.toString(r.repositories()),
              r.task(), Integer.toString(r.rounds()), cell(r.medianMs(), 3), cell(r.minMs(), 3),
              cell(r.maxMs(), 3), cell(r.cpuMs(), 3), cell(r.allocatedBytes(), 0), cell(r.retainedBytes(), 0),
              cell(r.medianMs() * 1e6 / r.events(), 1), cell(r.cpuMs() * 1e6 / r.events(), 1),
              cell(r.allocatedBytes() / r.events(), 1), cell(r.retainedBytes() / r.events(), 1),
              cell(r.load(), 2), r.note()))
          .append('\n');
    }
    sb.append('\n').append(MEMORY).append('\n');
    for (ScalingSuite.Memory m : memory) {
      sb.append(String.join(",", Long.toString(m.events()), m.source(), cell(m.estimatedBytesPerEvent(), 1),
              cell(m.heapBytesPerEvent(), 1), cell(m.peakBytesPerEvent(), 1)))
          .append('\n');
    }
    Files.writeString(path, sb.toString());
  }

  /** Adds the rows of {@code path}, as {@link #write} wrote them, to {@code rows} and {@code memory}. */
  static void read(Path path, List<ScalingSuite.Row> rows, List<ScalingSuite.Memory> memory) throws IOException {
    List<String> lines = Files.readAllLines(path);
    int blank = lines.indexOf("");
    if (blank < 0 || !lines.get(0).equals(TASKS) || !lines.get(blank + 1).equals(MEMORY)) {
      throw new IOException(path + " is not a scaling.csv of this version: run without --merge");
    }
    for (String line : lines.subList(1, blank)) {
      String[] f = line.split(",", -1);
      rows.add(new ScalingSuite.Row(Long.parseLong(f[0]), f[1], Integer.parseInt(f[2]), f[3],
          Integer.parseInt(f[4]), number(f[5]), number(f[6]), number(f[7]), number(f[8]), number(f[9]),
          number(f[10]), number(f[15]), f[16]));
    }
    for (String line : lines.subList(blank + 2, lines.size())) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",", -1);
      memory.add(new ScalingSuite.Memory(Long.parseLong(f[0]), f[1], number(f[2]), number(f[3]), number(f[4])));
    }
  }

  private static String cell(double v, int decimals) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static double number(String cell) {
    return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
  }
}
