package io.github.communitymetrics.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.git.GitRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples' other sources: a GH Archive hour written here in the archive's real format, and a
 * real temporary git repository (and its exported log) for the truck factor of {@link BusFactor}.
 */
class SourcesTest {
  @TempDir Path dir;

  private static String actor(String login, int id) {
    return "{\"id\":" + id + ",\"login\":\"" + login + "\",\"display_login\":\"" + login
        + "\",\"gravatar_id\":\"\",\"url\":\"https://api.github.com/users/" + login + "\"}";
  }

  private static String repo(String name, int id) {
    return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"url\":\"https://api.github.com/repos/" + name + "\"}";
  }

  private static String user(String login, int id) {
    return "{\"login\":\"" + login + "\",\"id\":" + id + ",\"type\":\"User\",\"site_admin\":false}";
  }

  private static String issue(int number, String login, int id, String at) {
    return "{\"id\":" + (500 + number) + ",\"number\":" + number + ",\"title\":\"It breaks\",\"user\":"
        + user(login, id) + ",\"labels\":[],\"state\":\"open\",\"locked\":false,\"comments\":0,"
        + "\"created_at\":\"" + at + "\",\"author_association\":\"NONE\",\"body\":\"b\"}";
  }

  private static String event(int id, String type, String actor, String repo, String payload, String at) {
    return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"actor\":" + actor + ",\"repo\":" + repo
        + ",\"payload\":" + payload + ",\"public\":true,\"created_at\":\"" + at + "\"}";
  }

  @Test
  void ghArchiveHourKeepsTheRepositoryAndCountsTheMalformedLine() throws IOException {
    String widget = repo("acme/widget", 9);
    String at0 = "2021-07-21T06:00:00Z";
    List<String> lines = List.of(
        event(1, "IssuesEvent", actor("alice", 101), widget,
            "{\"action\":\"opened\",\"issue\":" + issue(1, "alice", 101, at0) + "}", at0),
        event(2, "WatchEvent", actor("bob", 102), widget, "{\"action\":\"started\"}", "2021-07-21T07:00:00Z"),
        "{\"type\":\"WatchEvent\",", // cut off mid-line
        event(3, "IssueCommentEvent", actor("carol", 103), widget,
            "{\"action\":\"created\",\"issue\":" + issue(1, "alice", 101, at0) + ",\"comment\":{\"id\":5001,"
                + "\"user\":" + user("carol", 103) + ",\"author_association\":\"MEMBER\",\"body\":\"On it.\"}}",
            "2021-07-21T08:00:00Z"),
        event(4, "WatchEvent", actor("eve", 105), repo("other/thing", 8), "{\"action\":\"started\"}",
            "2021-07-21T07:30:00Z"));
    Path hour = dir.resolve("2021-07-21-6.json");
    Files.write(hour, lines);
    Community c = Community.fromArgs("--gharchive", hour.toString(), "--repo", "acme/widget",
        "--as-of", "2021-07-22T00:00:00Z");
    assertEquals(3, c.store().size(), "the issue, its comment and one star of acme/widget");
    assertEquals("acme/widget", c.repository().fullName());
    assertEquals(1, c.store().repositories().size());
    assertTrue(c.label().contains("1 malformed lines"), c.label());
    String out = output(ResponseTimes::run, c);
    // alice's issue at 06:00, carol's answer at 08:00: one item, 2.0 hours at every percentile.
    assertTrue(out.lines().anyMatch(l -> l.matches("time to first response\\s+1\\s+0(\\s+2\\.0){5}")), out);
  }

  @Test
  void oneSourceAtMost() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Community.fromArgs("--events", "a.jsonl", "--git", "."));
    assertTrue(e.getMessage().contains("one source"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Community.fromArgs("--gharchive"));
  }

  @Test
  void busFactorPrintsTheTruckFactorOfARepositoryAndOfItsLog() throws IOException {
    Path git = dir.resolve("repo");
    Files.createDirectories(git);
    git(git, Map.of(), "init", "-q", "-b", "main");
    write(git, "app/a.java", "class A {}\n");
    write(git, "app/b.java", "class B {}\n");
    commit(git, "Alice Adams", "alice@example.org", 1_600_000_000L);
    write(git, "core/c.java", "class C {}\n");
    commit(git, "Bob Brown", "bob@example.org", 1_600_000_060L);
    write(git, "app/a.java", "class A { int x; }\n");
    commit(git, "Alice Adams", "alice@example.org", 1_600_000_120L);
    Path log = dir.resolve("log.txt");
    Files.writeString(log, git(git, Map.of(), GitRepository.logArguments("HEAD").toArray(new String[0])));

    for (String[] args : List.of(new String[] {"--git", git.toString()}, new String[] {"--git-log", log.toString()})) {
      String out = output(BusFactor::run, Community.fromArgs(args));
      // By hand: alice made 2 of the 3 commits, so she alone holds more than half; she created
      // app/a.java and app/b.java, bob core/c.java; without alice 2 of 3 files lose their author.
      assertTrue(out.contains(": 1 people hold more than half of 3 commits"), out);
      assertTrue(out.contains("Truck factor (Avelino greedy, 3 files of the snapshot): 1\n"), out);
      assertTrue(out.contains("Alice Adams                     2 files   66.7 %"), out);
      assertTrue(out.lines().anyMatch(l -> l.matches("  app/\\s+truck factor 1 \\(2 files\\)")), out);
      assertTrue(out.lines().anyMatch(l -> l.matches("  core/\\s+truck factor 1 \\(1 files\\)")), out);
      assertTrue(out.contains("Bob Brown                       1 files  100.0 %"), out);
    }
  }

  private static void write(Path git, String path, String text) throws IOException {
    Path file = git.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static void commit(Path git, String name, String email, long time) {
    git(git, Map.of(), "add", "-A");
    git(git, Map.of("GIT_AUTHOR_NAME", name, "GIT_AUTHOR_EMAIL", email, "GIT_COMMITTER_NAME", name,
        "GIT_COMMITTER_EMAIL", email, "GIT_AUTHOR_DATE", time + " +0000", "GIT_COMMITTER_DATE", time + " +0000"),
        "commit", "-q", "-m", "change");
  }

  private static String git(Path git, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(command).directory(git.toFile()).redirectErrorStream(true);
    b.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    b.environment().put("HOME", git.toString());
    b.environment().putAll(env);
    try {
      Process p = b.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), "git " + command + ": " + out);
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private interface Example {
    void run(Community c, PrintStream out);
  }

  private static String output(Example e, Community c) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      e.run(c, out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
