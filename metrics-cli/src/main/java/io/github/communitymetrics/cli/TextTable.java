package io.github.communitymetrics.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns: text left-aligned, numbers right-aligned. */
final class TextTable {
  private final List<String> header;
  private final boolean[] numeric;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... header) {
    this.header = List.of(header);
    this.numeric = new boolean[header.length];
  }

  /** Marks columns whose values are right-aligned. */
  TextTable numeric(int... columns) {
    for (int c : columns) {
      numeric[c] = true;
    }
    return this;
  }

  TextTable row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
    }
    List<String> row = new ArrayList<>(cells.length);
    for (Object c : cells) {
      row.add(c instanceof Long || c instanceof Integer ? String.format("%,d", c) : String.valueOf(c));
    }
    rows.add(row);
    return this;
  }

  void print(PrintWriter out, String indent) {
    int[] width = new int[header.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = header.get(c).length();
      for (List<String> r : rows) {
        width[c] = Math.max(width[c], r.get(c).length());
      }
    }
    printRow(out, indent, header, width);
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < width.length; c++) {
      rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
    }
    out.println(indent + rule);
    for (List<String> r : rows) {
      printRow(out, indent, r, width);
    }
  }

  private void printRow(PrintWriter out, String indent, List<String> cells, int[] width) {
    StringBuilder line = new StringBuilder(indent);
    for (int c = 0; c < width.length; c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(width[c] - cell.length());
      line.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + cell : cell + pad);
    }
    out.println(line.toString().stripTrailing());
  }
}
