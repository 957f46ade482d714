import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks that Surefire really ran every test class: each concrete top-level {@code *Test} or
 * {@code *Tests} class under a module's src/test/java has a report with at least one test case
 * (nested and parameterized cases included), and prints the totals; the same for Failsafe's
 * {@code *IT} classes (tests of what the package phase made) in target/failsafe-reports. The
 * parent POM runs it in every module's verify phase, so `./mvnw verify` fails when a test class
 * is silently left out.
 *
 * <p>Usage: {@code java .ci/CheckTestReports.java --module MODULE_DIR [--groups=GROUPS]} (what
 * Maven runs) or {@code java .ci/CheckTestReports.java PROJECT_DIR} (every module below it that
 * has a target directory, after a full build). With a non-empty {@code --groups} or {@code
 * --excludedGroups} (Surefire's {@code -Dgroups} / {@code -DexcludedGroups}, for example {@code
 * shared-data}) only a selection ran by design, so classes without a report are counted but do
 * not fail the build.
 */
public class CheckTestReports {
  private static final Pattern CASE = Pattern.compile("<testcase\\b");
  private static final Pattern SKIPPED = Pattern.compile("<skipped\\b");
  private static final Pattern FAILED = Pattern.compile("<(failure|error)\\b");

  public static void main(String[] args) throws IOException {
    boolean oneModule = args.length > 0 && args[0].equals("--module");
    String dir = oneModule ? args[1] : args.length > 0 ? args[0] : ".";
    Path root = Path.of(dir).toAbsolutePath().normalize();
    String groups = "";
    for (String a : args) {
      if (a.startsWith("--groups=")) {
        groups = (groups + " " + a.substring("--groups=".length())).strip();
      } else if (a.startsWith("--excludedGroups=") && !a.substring("--excludedGroups=".length()).isBlank()) {
        groups = (groups + " not " + a.substring("--excludedGroups=".length())).strip();
      }
    }
    if (oneModule && !Files.isDirectory(root.resolve("src/test/java"))) {
      return; // an aggregator or a module without tests
    }
    List<String> missing = new ArrayList<>();
    int classes = 0;
    long cases = 0;
    long skipped = 0;
    long failed = 0;
    List<Path> candidates;
    if (Files.isDirectory(root.resolve("src/test/java"))) {
      candidates = List.of(root); // one module
    } else {
      try (Stream<Path> modules = Files.list(root)) {
        candidates = modules.sorted().toList();
      }
    }
    {
      for (Path module : candidates) {
        Path tests = module.resolve("src/test/java");
        if (!Files.isDirectory(tests) || !Files.isDirectory(module.resolve("target"))) {
          continue; // not a module with tests, or not built in this run
        }
        for (Path source : testClasses(tests)) {
          String fqcn = tests.relativize(source).toString().replace('/', '.').replaceAll("\\.java$", "");
          Path reports = module.resolve(fqcn.endsWith("IT") ? "target/failsafe-reports" : "target/surefire-reports");
          Path report = reports.resolve("TEST-" + fqcn + ".xml");
          if (!Files.exists(report)) {
            missing.add(root.relativize(source) + " (no report)");
            continue;
          }
          String xml = Files.readString(report);
          long n = count(CASE, xml);
          if (n == 0) {
            missing.add(root.relativize(source) + " (report has no test case)");
          }
          classes++;
          cases += n;
          skipped += count(SKIPPED, xml);
          failed += count(FAILED, xml);
        }
      }
    }
    System.out.printf(
        "test reports of %s: %d test classes, %d test cases (%d skipped, %d failed or errored)%n",
        root.getFileName(), classes, cases, skipped, failed);
    if (!missing.isEmpty() && !groups.isEmpty()) {
      System.out.println(missing.size() + " test classes have no test in the groups " + groups + " (not checked)");
    } else if (!missing.isEmpty()) {
      System.out.println("test classes that did not run:");
      missing.forEach(m -> System.out.println("  " + m));
      System.exit(1);
    }
  }

  private static List<Path> testClasses(Path tests) throws IOException {
    try (Stream<Path> files = Files.walk(tests)) {
      return files
          .filter(p -> p.getFileName().toString().matches(".*(Tests?|IT)\\.java"))
          .filter(CheckTestReports::isConcreteTestClass)
          .sorted()
          .toList();
    }
  }

  private static boolean isConcreteTestClass(Path source) {
    try {
      String text = Files.readString(source);
      String name = source.getFileName().toString().replace(".java", "");
      Matcher m = Pattern.compile("(abstract\\s+)?(class|interface|@interface|record|enum)\\s+" + name + "\\b").matcher(text);
      return m.find() && m.group(1) == null && "class".equals(m.group(2));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long count(Pattern p, String s) {
    return p.matcher(s).results().count();
  }
}
