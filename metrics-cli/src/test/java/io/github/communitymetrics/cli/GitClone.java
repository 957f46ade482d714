package io.github.communitymetrics.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A real git repository made with the git command for the CLI's tests: commits by given authors
 * one hour apart from a fixed instant, topic branches merged with a merge commit.
 */
final class GitClone {
  final Path dir;
  private Instant clock;
  private int files;

  /** A new repository on branch {@code main} in {@code dir}, its first commit after {@code start}. */
  GitClone(Path dir, Instant start) {
    this.dir = dir;
    this.clock = start;
    git(Map.of(), "init", "-q", "-b", "main");
  }

  /** Sets the {@code origin} remote's URL. */
  GitClone origin(String url) {
    git(Map.of(), "remote", "add", "origin", url);
    return this;
  }

  /** {@code n} commits by one author, each adding a file. */
  GitClone commits(int n, String name, String email) {
    for (int i = 0; i < n; i++) {
      write();
      commit(name, email, "work " + files);
    }
    return this;
  }

  /**
   * A topic branch with one commit by {@code name}, merged into {@code main} by {@code merger}
   * with a merge commit ({@code --no-ff}).
   */
  GitClone mergedTopic(String name, String email, String merger, String mergerEmail) {
    String branch = "topic" + files;
    git(Map.of(), "checkout", "-q", "-b", branch);
    commits(1, name, email);
    git(Map.of(), "checkout", "-q", "main");
    git(author(merger, mergerEmail), "merge", "-q", "--no-ff", "-m", "merge " + branch, branch);
    return this;
  }

  private void write() {
    files++;
    try {
      Files.writeString(dir.resolve("file" + files + ".txt"), files + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void commit(String name, String email, String message) {
    git(Map.of(), "add", "-A");
    git(author(name, email), "commit", "-q", "-m", message);
  }

  private Map<String, String> author(String name, String email) {
    clock = clock.plusSeconds(3600);
    Map<String, String> env = new HashMap<>();
    env.put("GIT_AUTHOR_NAME", name);
    env.put("GIT_AUTHOR_EMAIL", email);
    env.put("GIT_AUTHOR_DATE", clock.getEpochSecond() + " +0000");
    env.put("GIT_COMMITTER_DATE", clock.getEpochSecond() + " +0000");
    return env;
  }

  private void git(Map<String, String> env, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.put("GIT_COMMITTER_NAME", "Committer");
    all.put("GIT_COMMITTER_EMAIL", "committer@example.org");
    TruckFactorCommandTest.git(dir, all, args);
  }
}
