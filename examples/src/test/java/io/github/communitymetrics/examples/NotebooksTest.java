package io.github.communitymetrics.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@code notebooks/*.jsh} non-interactively through the {@code jdk.jshell} API, snippet
 * by snippet as the {@code jshell} tool splits them, and fails on any rejected snippet (a
 * compile error, with its diagnostics) or any exception a snippet throws. The notebooks run in
 * this JVM ("local" execution) with the test class path, which holds the library.
 */
class NotebooksTest {
  static Stream<Path> notebooks() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("notebooks"))) {
      List<Path> list = s.filter(p -> p.toString().endsWith(".jsh")).sorted().collect(Collectors.toList());
      assertFalse(list.isEmpty(), "no notebooks found in " + Path.of("notebooks").toAbsolutePath());
      return list.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("notebooks")
  void runsWithoutErrors(Path notebook) throws IOException {
    String printed = run(Files.readString(notebook, StandardCharsets.UTF_8), notebook.toString());
    assertTrue(printed.lines().count() >= 4, notebook + " printed too little:\n" + printed);
  }

  @Test
  void catchesCompileErrorsAndExceptions() {
    // The jshell pitfall the notebooks avoid: a line that starts with '.' is a new snippet.
    assertFails("String s = \"x\"\n    .repeat(2);\n");
    assertFails("int x = 1 / Integer.parseInt(\"0\");\n");
    run("int y = 1 + 1;\nSystem.out.println(y);\n/exit\n", "valid");
  }

  private static void assertFails(String source) {
    try {
      run(source, "planted");
    } catch (AssertionError expected) {
      return;
    }
    fail("no error reported for:\n" + source);
  }

  /**
   * Evaluates the source as the {@code jshell} tool reads a file: line by line, ending a snippet
   * at the first line where the input so far is complete (so a line that starts with '.' begins
   * a new snippet there too). Returns what it printed; throws AssertionError on the first problem.
   */
  static String run(String source, String name) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    PrintStream systemOut = System.out;
    // "local" execution runs snippets in this JVM, where they print to System.out.
    System.setOut(out);
    try (JShell shell = JShell.builder().executionEngine("local").out(out).err(out).build()) {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        shell.addToClasspath(entry);
      }
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      StringBuilder pending = new StringBuilder();
      for (String line : source.lines().collect(Collectors.toList())) {
        if (pending.length() == 0 && line.startsWith("/")) {
          continue; // a tool command such as the final /exit; the API takes only Java
        }
        pending.append(line).append('\n');
        String rest = pending.toString();
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
        if (!info.completeness().isComplete()) {
          continue;
        }
        while (!rest.isBlank()) {
          info = analysis.analyzeCompletion(rest);
          if (!info.completeness().isComplete()) {
            break;
          }
          eval(shell, info.source(), name);
          rest = info.remaining();
        }
        pending.setLength(0);
        pending.append(rest.isBlank() ? "" : rest);
      }
      if (!pending.toString().isBlank()) {
        throw new AssertionError(name + ": incomplete input at end:\n" + pending);
      }
    } finally {
      System.setOut(systemOut);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void eval(JShell shell, String snippet, String name) {
    for (SnippetEvent e : shell.eval(snippet)) {
      if (e.status() == Snippet.Status.REJECTED) {
        String diags = shell.diagnostics(e.snippet())
            .map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
        throw new AssertionError(name + ": rejected: " + e.snippet().source() + "\n" + diags);
      }
      if (e.exception() != null) {
        throw new AssertionError(name + ": threw " + e.exception() + " in: " + e.snippet().source(),
            e.exception());
      }
      for (Diag d : shell.diagnostics(e.snippet()).collect(Collectors.toList())) {
        if (d.isError()) {
          throw new AssertionError(name + ": " + d.getMessage(null));
        }
      }
    }
  }
}
