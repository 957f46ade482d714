package io.github.communitymetrics.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real temporary repository built with the git command, with fixed identities and dates. */
final class TestRepo {
  final Path dir;
  private long clock = 1_600_000_000L;

  TestRepo(Path dir) {
    this.dir = dir;
    dir.toFile().mkdirs();
    git("init", "-q", "-b", "main");
    git("config", "user.name", "Default Person");
    git("config", "user.email", "default@example.org");
    git("config", "commit.gpgsign", "false");
  }

  void write(String path, String content) {
    try {
      Path file = dir.resolve(path);
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Commits everything as the given author at the next second of a fixed clock; returns the sha. */
  String commit(String name, String email, String message) {
    git("add", "-A");
    clock += 60;
    run(Map.of("GIT_AUTHOR_NAME", name, "GIT_AUTHOR_EMAIL", email,
        "GIT_AUTHOR_DATE", clock + " +0000", "GIT_COMMITTER_DATE", clock + " +0000"),
        "commit", "-q", "--allow-empty", "-m", message);
    return git("rev-parse", "HEAD").strip();
  }

  long lastTime() {
    return clock;
  }

  String git(String... args) {
    return run(Map.of("GIT_AUTHOR_DATE", clock + " +0000", "GIT_COMMITTER_DATE", clock + " +0000"),
        args);
  }

  private String run(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true);
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    builder.environment().put("HOME", dir.toString());
    builder.environment().putAll(env);
    try {
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("git " + command + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The whole log as text, through the reader under test. */
  static String log(GitRepository repo) {
    return repo.readLog("HEAD", in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  /** Reads a log to its end and returns nothing. */
  static Void drain(java.io.InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    while (in.read(buffer) >= 0) {
      // discard
    }
    return null;
  }

  /** A shell script used as a fake git executable. */
  static Path script(Path dir, String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    file.toFile().setExecutable(true);
    return file;
  }
}
