package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the packaged {@code community-metrics} launcher (bin/community-metrics of the .tar.gz the
 * package phase made, and the build tree's target/bin/community-metrics) as a real process, the
 * way a user does: extracted into a directory whose path has spaces and started through symbolic
 * links, by the shebang's /bin/sh (dash on Debian, which knows no bashisms) and by {@code bash
 * --posix} (what macOS's /bin/sh is).
 *
 * <p>Failsafe runs it after the package phase ({@code ./mvnw verify}). Alone: {@code ./mvnw -B
 * verify -pl metrics-cli -am -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
 * -DcheckTestReports.skip=true} (Surefire's {@code -Dtest=LauncherIT} would run it before there
 * is a package).
 *
 * <p>Not on Windows: what it checks is the POSIX sh script, run by /bin/sh and bash, which Windows
 * lacks; the Windows launcher (bin/community-metrics.cmd) has no test yet (the note says so).
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherIT {
  private static final String VERSION = property("communitymetrics.version");
  private static final Path DIST = Path.of(property("communitymetrics.dist"));
  private static final Path BUILD_TREE_LAUNCHER = Path.of(property("communitymetrics.buildTreeLauncher"));
  private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

  @TempDir Path dir;

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set (metrics-cli/pom.xml, failsafe)");
    }
    return value;
  }

  record Run(int status, String out, String err) {
    @Override
    public String toString() {
      return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Extracts the distribution below {@code dir/"opt dir with spaces"} and returns its launcher. */
  private Path install() throws Exception {
    assertTrue(Files.isRegularFile(DIST), "no distribution at " + DIST + ": the package phase makes it");
    Path into = Files.createDirectories(dir.resolve("opt dir with spaces"));
    Run tar = run(List.of("tar", "-xzf", DIST.toString(), "-C", into.toString()), env());
    assertEquals(0, tar.status(), tar.toString());
    Path launcher = into.resolve("community-metrics-" + VERSION).resolve("bin").resolve("community-metrics");
    assertTrue(Files.isExecutable(launcher), launcher + " is not an executable file");
    return launcher;
  }

  /** The launcher to test: from the extracted distribution or in the build tree. */
  private Path launcher(String where) throws Exception {
    if (where.equals("build tree")) {
      assertTrue(Files.isExecutable(BUILD_TREE_LAUNCHER), "no launcher at " + BUILD_TREE_LAUNCHER);
      return BUILD_TREE_LAUNCHER;
    }
    return install();
  }

  /** The test JVM's environment less anything that would change the JVM's options, with JAVA_HOME set. */
  private static Map<String, String> env() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeAll(List.of("JAVA_OPTS", "COMMUNITY_METRICS_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS"));
    env.put("JAVA_HOME", JAVA_HOME.toString());
    return env;
  }

  /**
   * {@code env} with an {@code nproc} first on the PATH that says {@code processors}: the launcher
   * chooses the collector by it.
   */
  private Map<String, String> withProcessors(Map<String, String> env, int processors) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("nproc-" + processors));
    Path nproc = bin.resolve("nproc");
    Files.writeString(nproc, "#!/bin/sh\necho " + processors + "\n");
    assertTrue(nproc.toFile().setExecutable(true), nproc.toString());
    Map<String, String> with = new HashMap<>(env);
    with.put("PATH", bin + ":" + env.get("PATH"));
    return with;
  }

  private static Run run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    // A bound on a hang, not a timing assertion: a start takes well under a second.
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("still running after 3 minutes: " + command);
    }
    return new Run(process.exitValue(), out.get(), err.get());
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Run launch(Path launcher, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    return run(command, env);
  }

  private static Run launchIn(String shell, Path launcher, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if (shell.equals("bash --posix")) {
      command.addAll(List.of("bash", "--posix"));
    }
    command.add(launcher.toString());
    command.addAll(List.of(args));
    return run(command, env);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"distribution", "build tree"})
  void runsThroughSymbolicLinksFromDirectoriesWithSpaces(String where) throws Exception {
    Path launcher = launcher(where);
    Path bin = Files.createDirectories(dir.resolve("my bin"));
    // ~/.local/bin/community-metrics -> the launcher, and a relative link to that link.
    Path link = Files.createSymbolicLink(bin.resolve("community-metrics"), launcher);
    Path linkToLink = Files.createSymbolicLink(bin.resolve("cm"), Path.of("community-metrics"));
    String expected = "community-metrics " + VERSION + "\n";
    for (String shell : List.of("#!/bin/sh", "bash --posix")) {
      for (Path start : List.of(launcher, link, linkToLink)) {
        Run r = launchIn(shell, start, env(), "--version");
        assertEquals(0, r.status(), shell + " " + start + ": " + r);
        assertEquals(expected, r.out(), shell + " " + start + ": " + r);
        assertEquals("", r.err(), shell + " " + start + ": " + r);
      }
    }
    // Without JAVA_HOME: the java on the PATH.
    Map<String, String> env = env();
    env.remove("JAVA_HOME");
    env.put("PATH", JAVA_HOME.resolve("bin") + ":" + System.getenv("PATH"));
    Run r = launch(linkToLink, env, "--version");
    assertEquals(0, r.status(), r.toString());
    assertEquals(expected, r.out(), r.toString());
  }

  @Test
  void exitStatusIsTheCommands() throws Exception {
    Path launcher = install();
    assertEquals(CommunityMetricsCli.EXIT_OK, launch(launcher, env(), "--version").status());

    Run usage = launch(launcher, env(), "metrics", "--no-such-option");
    assertEquals(CommunityMetricsCli.EXIT_USAGE, usage.status(), usage.toString());
    assertTrue(usage.err().startsWith("community-metrics: Unknown option: '--no-such-option'"), usage.toString());

    Path missing = dir.resolve("no such file.jsonl");
    Run failure = launch(launcher, env(), "report", "--events", missing.toString());
    assertEquals(CommunityMetricsCli.EXIT_FAILURE, failure.status(), failure.toString());
    assertEquals("community-metrics: no such file: " + missing + "\n", failure.err(), failure.toString());
  }

  @Test
  void argumentsArriveIntact() throws Exception {
    Path launcher = install();
    // Spaces (two in a row), a glob, a variable, quotes, a backslash and a tab: none may be split,
    // expanded or dropped on the way.
    Path outDir = Files.createDirectories(dir.resolve("out"));
    Path out = outDir.resolve(" two  spaces * $HOME 'single' \"double\" back\\slash\ttab.jsonl");
    Run r = launch(launcher, env(), "events", "export", "--out", out.toString());
    assertEquals(0, r.status(), r.toString());
    try (Stream<Path> files = Files.list(outDir)) {
      assertEquals(List.of(out.getFileName().toString()), files.map(f -> f.getFileName().toString()).toList());
    }
    assertTrue(Files.size(out) > 0, out + " is empty");

    // An argument after the jar goes to the command, not to java.
    Run option = launch(launcher, env(), "metrics", "-Dfoo=bar baz");
    assertEquals(CommunityMetricsCli.EXIT_USAGE, option.status(), option.toString());
    assertTrue(option.err().startsWith("community-metrics: Unknown option: '-Dfoo=bar baz'"), option.toString());
  }

  @Test
  void javaHomeThatDoesNotExistIsAClearError() throws Exception {
    Path launcher = install();
    Path nowhere = dir.resolve("no such jdk");
    Map<String, String> env = env();
    env.put("JAVA_HOME", nowhere.toString());
    Run r = launch(launcher, env, "--version");
    assertEquals(1, r.status(), r.toString());
    assertEquals("", r.out(), r.toString());
    assertEquals(
        "community-metrics: JAVA_HOME is '" + nowhere + "', but " + nowhere + "/bin/java is not an executable"
            + " file. Set JAVA_HOME to a Java 17 or newer installation, or unset it to use java from the PATH.\n",
        r.err());
  }

  @Test
  void noJavaAtAllIsAClearError() throws Exception {
    Path launcher = install();
    // A PATH with only the tools the launcher may use besides the shell's built-ins: no java.
    Path tools = Files.createDirectories(dir.resolve("tools"));
    for (String tool : List.of("dirname", "readlink", "sed")) {
      Run which = run(List.of("sh", "-c", "command -v " + tool), env());
      assertEquals(0, which.status(), tool + ": " + which);
      Files.createSymbolicLink(tools.resolve(tool), Path.of(which.out().strip()));
    }
    Map<String, String> env = env();
    env.remove("JAVA_HOME");
    env.put("PATH", tools.toString());
    Run r = launch(launcher, env, "--version");
    assertEquals(1, r.status(), r.toString());
    assertEquals("", r.out(), r.toString());
    assertEquals(
        "community-metrics: java not found: JAVA_HOME is not set and there is no java on the PATH. Install"
            + " Java 17 or newer (a JRE is enough), then set JAVA_HOME or put java on the PATH.\n",
        r.err());
  }

  /**
   * A fake Java installation: bin/java records its arguments in {@code ran} and answers {@code
   * -version} as that version would; {@code release} is written when asked, as installations have.
   */
  private Path fakeJava(String name, String version, boolean releaseFile) throws IOException {
    Path home = Files.createDirectories(dir.resolve(name));
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\n"
            + "printf '%s\\n' \"$*\" >> \"$(dirname \"$0\")/ran\"\n"
            + "[ \"$1\" = -version ] && echo 'java version \"" + version + "\"' >&2\n"
            + "exit 0\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (releaseFile) {
      Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
    }
    return home;
  }

  @Test
  void javaOlderThan17IsRefused() throws Exception {
    Path launcher = install();
    // JAVA_HOME at Java 11: told by its release file.
    Path jdk11 = fakeJava("jdk 11", "11.0.25", true);
    Map<String, String> env = env();
    env.put("JAVA_HOME", jdk11.toString());
    Run r = launch(launcher, env, "--version");
    assertEquals(1, r.status(), r.toString());
    assertEquals(
        "community-metrics: needs Java 17 or newer, but " + jdk11 + "/bin/java is Java 11.0.25. Set JAVA_HOME to"
            + " a Java 17 or newer installation.\n",
        r.err());
    assertFalse(Files.exists(jdk11.resolve("bin/ran")), "the old java was started");

    // Java 8 on the PATH with no release file (like macOS's /usr/bin/java stub): asked -version.
    Path jre8 = fakeJava("jre 8", "1.8.0_292", false);
    env.remove("JAVA_HOME");
    env.put("PATH", jre8.resolve("bin") + ":" + System.getenv("PATH"));
    Run old = launch(launcher, env, "--version");
    assertEquals(1, old.status(), old.toString());
    assertTrue(old.err().startsWith("community-metrics: needs Java 17 or newer, but "), old.toString());
    assertTrue(old.err().contains("/bin/java is Java 1.8.0_292."), old.toString());
    assertEquals("-version\n", Files.readString(jre8.resolve("bin/ran")), "java ran only to tell its version");
  }

  @Test
  void jvmOptionsComeFromTheEnvironment() throws Exception {
    Path launcher = install();
    // -XX:+PrintCommandLineFlags prints the JVM's options on standard output before the command.
    Map<String, String> env = withProcessors(env(), 4);
    env.put("JAVA_OPTS", "-XX:+PrintCommandLineFlags");
    env.put("COMMUNITY_METRICS_OPTS", "-XX:MaxRAMPercentage=33");
    Run r = launch(launcher, env, "--version");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("-XX:MaxRAMPercentage=33.000000"), r.toString());
    // The parallel collector with a young generation of at most 256 MiB for the commands that
    // read events (docs/performance.md, "The parallel collector for commands that read events").
    assertTrue(r.out().contains("-XX:+UseParallelGC"), "the launcher's default collector: " + r);
    assertTrue(r.out().contains("-XX:MaxNewSize=268435456 "), r.toString());
    assertFalse(r.out().contains("-XX:MaxHeapFreeRatio="), r.toString());
    // truck-factor keeps the serial collector, its heap close to the live data
    // (docs/performance.md, "Truck factor at default flags"); so does any command on one
    // processor, where the parallel collector was slower.
    Run truckFactor = launch(launcher, env, "truck-factor", "--help");
    Run oneProcessor = launch(launcher, withProcessors(env, 1), "--version");
    for (Run serial : List.of(truckFactor, oneProcessor)) {
      assertEquals(0, serial.status(), serial.toString());
      assertTrue(serial.out().contains("-XX:+UseSerialGC"), serial.toString());
      assertFalse(serial.out().contains("-XX:+UseParallelGC"), serial.toString());
      assertTrue(serial.out().contains("-XX:MinHeapFreeRatio=10 "), serial.toString());
      assertTrue(serial.out().contains("-XX:MaxHeapFreeRatio=20 "), serial.toString());
      assertTrue(serial.out().contains("-XX:MaxNewSize=134217728 "), serial.toString());
    }
    // C1 alone was a default once; it made long runs a third slower (docs/performance.md).
    assertFalse(r.out().contains("-XX:TieredStopAtLevel"), "java's own compilers: " + r);
    // A small first heap, so that a short run's garbage does not fill a young generation sized
    // from the machine's memory (docs/performance.md, "Truck factor at default flags").
    assertTrue(r.out().contains("-XX:InitialHeapSize=33554432 "), "-Xms32m: " + r);
    // The ceiling at three quarters of the memory: a month of GH Archive fits 24 GiB
    // (docs/performance.md); the user's 33 above wins over it.
    env.put("COMMUNITY_METRICS_OPTS", "");
    Run ceiling = launch(launcher, env, "--version");
    assertTrue(ceiling.out().contains("-XX:MaxRAMPercentage=75.000000"), ceiling.toString());
    assertTrue(r.out().endsWith("community-metrics " + VERSION + "\n"), r.toString());

    // A collector of the user's replaces the default one (two are an error to java); a later
    // option overrides an earlier one.
    env.put("JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:MaxRAMPercentage=20");
    env.put("COMMUNITY_METRICS_OPTS", "-XX:+UseG1GC -XX:MaxRAMPercentage=40 -Xms64m");
    Run chosen = launch(launcher, env, "truck-factor", "--help");
    assertEquals(0, chosen.status(), chosen.toString());
    assertTrue(chosen.out().contains("-XX:+UseG1GC"), chosen.toString());
    assertFalse(chosen.out().contains("-XX:+UseSerialGC"), chosen.toString());
    assertFalse(chosen.out().contains("-XX:+UseParallelGC"), chosen.toString());
    assertFalse(chosen.out().contains("-XX:MinHeapFreeRatio="), chosen.toString());
    env.put("COMMUNITY_METRICS_OPTS", "-XX:+UseSerialGC -XX:MaxRAMPercentage=40 -Xms64m");
    Run serial = launch(launcher, env, "--version");
    assertEquals(0, serial.status(), serial.toString());
    assertTrue(serial.out().contains("-XX:+UseSerialGC"), serial.toString());
    assertFalse(serial.out().contains("-XX:+UseParallelGC"), serial.toString());
    // The default collector's sizing goes with it: a young generation capped at 256 MB would hold
    // back the collector the user chose.
    assertFalse(serial.out().contains("-XX:MaxNewSize="), serial.toString());
    assertFalse(serial.out().contains("-XX:MaxHeapFreeRatio="), serial.toString());
    assertTrue(serial.out().contains("-XX:MaxRAMPercentage=40.000000"), serial.toString());
    assertFalse(serial.out().contains("-XX:MaxRAMPercentage=20.000000"), serial.toString());
    assertTrue(serial.out().contains("-XX:InitialHeapSize=67108864 "), serial.toString());
  }

  /**
   * A run that outgrows the heap (here 32 MiB for 2 files of 150,000 stars each, read by two
   * threads) ends with a line saying so and how to raise the ceiling, status 1: neither a Java
   * stack trace nor a hang (a reading thread that ran out of memory used to leave the command
   * waiting for it forever).
   */
  @Test
  void runningOutOfMemoryIsAMessageNamingTheCeilingAndHowToRaiseIt() throws Exception {
    Path launcher = launcher("build tree");
    Path hours = Files.createDirectories(dir.resolve("hours"));
    for (int h = 0; h < 2; h++) {
      Path file = hours.resolve("2024-03-04-" + h + ".json.gz");
      try (java.io.Writer w =
          new java.io.OutputStreamWriter(
              new java.util.zip.GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
        for (int i = 0; i < 150_000; i++) {
          int n = h * 150_000 + i;
          w.write("{\"id\":\"" + (40_000_000_000L + n) + "\",\"type\":\"WatchEvent\",\"actor\":{\"id\":" + n
              + ",\"login\":\"person" + n + "\"},\"repo\":{\"id\":" + n + ",\"name\":\"owner" + n + "/repo" + n
              + "\"},\"payload\":{\"action\":\"started\"},\"public\":true,\"created_at\":\"2024-03-04T0" + h
              + ":" + String.format("%02d:%02d", i / 2500 % 60, i % 60) + "Z\"}\n");
        }
      }
    }
    Map<String, String> env = env();
    env.put("COMMUNITY_METRICS_OPTS", "-Xmx32m");
    Run r =
        launch(launcher, env, "score", "--gharchive", hours.toString(), "--threads", "2", "--metric",
            "contributor-confidence", "--as-of", "2024-03-05T00:00:00Z", "--quiet");
    assertEquals(1, r.status(), r.toString());
    assertTrue(
        r.err().endsWith(
            "community-metrics: out of memory: the input needs more than the Java heap's ceiling of 32 MiB."
                + " Raise it, e.g. COMMUNITY_METRICS_OPTS=-Xmx1g (docs/install.md); score over a month of"
                + " GH Archive took 13.1 GiB (docs/performance.md)\n"),
        r.toString());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r);
    assertEquals("", r.out(), r.toString());
  }

  /**
   * The JVM's own warnings go to standard error, never into the command's output: with a heap
   * below the launcher's 128m young generation, java warns that it shrinks it, and that warning
   * went to standard output (into --json).
   */
  @Test
  void theJvmsWarningsStayOutOfStandardOutput() throws Exception {
    Path launcher = launcher("build tree");
    Map<String, String> env = env();
    env.put("COMMUNITY_METRICS_OPTS", "-Xmx32m");
    Run r = launch(launcher, env, "--version");
    assertEquals(0, r.status(), r.toString());
    assertEquals("community-metrics " + VERSION + "\n", r.out(), r.toString());
    assertTrue(r.err().contains("MaxNewSize"), "the warning, on standard error: " + r);
  }
}
