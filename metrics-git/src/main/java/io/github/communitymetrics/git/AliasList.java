package io.github.communitymetrics.git;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Author aliases in the paper's format ({@code alias.txt} of Avelino et al., ICPC 2016): lines
 * {@code repository;name;alias}, the first line or any line starting with {@code #} a comment.
 * Each alias is credited to its name. Immutable.
 */
public final class AliasList {
  private final Map<String, String> canonical;

  private AliasList(Map<String, String> canonical) {
    this.canonical = Map.copyOf(canonical);
  }

  /** No aliases: every name is its own. */
  public static AliasList none() {
    return new AliasList(Map.of());
  }

  /**
   * Reads the aliases of one system.
   *
   * @param in the list; read to its end, not closed
   * @param system the first column to keep, e.g. {@code "rails/rails"}; empty keeps every line
   * @param source a name for messages
   * @throws FileSelectionException on a line without three columns, naming source and line
   * @throws CommunityMetricsIoException if reading {@code in} fails, naming {@code source}
   */
  public static AliasList read(BufferedReader in, String system, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(source, "source");
    Map<String, String> map = new HashMap<>();
    int lineNumber = 0;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split(";", -1);
        if (parts.length != 3) {
          throw new FileSelectionException(source + ":" + lineNumber
              + ": expected 'repository;name;alias', got '" + line + "'");
        }
        if (system.isEmpty() || parts[0].equals(system)) {
          map.putIfAbsent(parts[2], parts[1]);
        }
      }
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot read " + source, e);
    }
    return new AliasList(map);
  }

  /** How many aliases the list holds. */
  public int size() {
    return canonical.size();
  }

  /** The name an author name is credited to: its listed name, or itself. Chains are followed. */
  public String canonical(String name) {
    String current = Objects.requireNonNull(name, "name");
    for (int hops = 0; hops <= canonical.size(); hops++) {
      String next = canonical.get(current);
      if (next == null || next.equals(current)) {
        return current;
      }
      current = next;
    }
    return current; // a cycle: stop after visiting every entry once
  }

  /** {@link #canonical(String)} as a function. */
  public UnaryOperator<String> asFunction() {
    return this::canonical;
  }

  /** The number of aliases. */
  @Override
  public String toString() {
    return "AliasList[" + canonical.size() + " aliases]";
  }
}
