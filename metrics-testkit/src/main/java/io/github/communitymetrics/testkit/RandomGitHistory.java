package io.github.communitymetrics.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A real git repository grown at random with the git command, for property tests of what reads
 * histories: adds, changes, deletions, renames (sometimes with a new file at the old path),
 * re-adds of deleted paths and topic branches merged with merge commits, by several authors (two
 * of them sharing an e-mail address), some with a {@code Co-authored-by} trailer, one minute
 * apart from a fixed instant. Files are C sources, which the default file selection keeps.
 */
public final class RandomGitHistory {
  /** The authors commits are made by: name and e-mail address. */
  public static final List<List<String>> AUTHORS = List.of(
      List.of("Ann", "ann@example.org"), List.of("Bob", "bob@example.org"),
      List.of("Bobby", "bob@example.org"), List.of("Cy", "cy@example.org"),
      List.of("Dee", "dee@example.org"));

  /** The repository's working tree. */
  public final Path dir;
  private long clock = 1_600_000_000L;
  private final List<String> alive = new ArrayList<>();
  private final List<String> gone = new ArrayList<>();
  private int next;

  /** A new repository on branch {@code main} in {@code dir}. */
  public RandomGitHistory(Path dir) {
    this.dir = dir;
    dir.toFile().mkdirs();
    git("init", "-q", "-b", "main");
    git("config", "commit.gpgsign", "false");
  }

  /** The time of the last commit made by {@link #commit}, in seconds since the epoch. */
  public long clock() {
    return clock;
  }

  /**
   * Grows the history by {@code steps} commits or merged topic branches.
   *
   * @return the ids of main's head at several points on the way, oldest first (after every sixth
   *     step and before the last)
   */
  public List<String> grow(Random rnd, int steps) {
    List<String> checkpoints = new ArrayList<>();
    for (int step = 0; step < steps; step++) {
      if (step > 3 && rnd.nextInt(7) == 0) {
        String branch = "topic" + next;
        git("checkout", "-q", "-b", branch);
        for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
          change(rnd);
          List<String> a = AUTHORS.get(rnd.nextInt(AUTHORS.size()));
          commit(a.get(0), a.get(1), "topic work");
        }
        git("checkout", "-q", "main");
        // Only a new file on main, so that the merge never conflicts.
        String path = "d" + rnd.nextInt(3) + "/m" + next++ + ".c";
        write(path, content(path, rnd));
        commit("Ann", "ann@example.org", "main work");
        clock += 60;
        git("merge", "-q", "--no-ff", "-m", "merge " + branch, branch);
        alive.clear();
        for (String p : git("ls-files").split("\n")) {
          if (!p.isEmpty()) {
            alive.add(p);
          }
        }
        gone.removeIf(alive::contains);
      } else {
        for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
          change(rnd);
        }
        List<String> a = AUTHORS.get(rnd.nextInt(AUTHORS.size()));
        List<String> co = AUTHORS.get(rnd.nextInt(AUTHORS.size()));
        // Some commits credit a co-author in a trailer.
        commit(a.get(0), a.get(1), "step " + step + (rnd.nextInt(3) > 0 ? ""
            : "\n\nCo-authored-by: " + co.get(0) + " <" + co.get(1) + ">"));
      }
      if (step % 6 == 5 || step == steps - 2) {
        checkpoints.add(git("rev-parse", "HEAD").strip());
      }
    }
    return checkpoints;
  }

  private void change(Random rnd) {
    int op = alive.size() < 3 ? 0 : rnd.nextInt(6);
    if (op == 5 && gone.isEmpty()) {
      op = 0;
    }
    switch (op) {
      case 0 -> {
        String path = "d" + rnd.nextInt(3) + "/f" + next++ + ".c";
        write(path, content(path, rnd));
        alive.add(path);
      }
      case 1, 2 -> {
        String path = alive.get(rnd.nextInt(alive.size()));
        write(path, read(path) + "change " + rnd.nextLong() + "\n");
      }
      case 3 -> {
        String path = alive.remove(rnd.nextInt(alive.size()));
        git("rm", "-q", "-f", path);
        gone.add(path);
      }
      case 4 -> {
        String path = alive.remove(rnd.nextInt(alive.size()));
        String to = "d" + rnd.nextInt(3) + "/r" + next++ + ".c";
        dir.resolve(to).getParent().toFile().mkdirs();
        git("mv", path, to);
        alive.add(to);
        if (rnd.nextBoolean()) {
          write(path, content(path + " again", rnd));
          alive.add(path);
        } else {
          gone.add(path);
        }
      }
      default -> {
        String path = gone.remove(rnd.nextInt(gone.size()));
        write(path, content(path + " back", rnd));
        alive.add(path);
      }
    }
    git("add", "-A");
  }

  /** Twelve lines unique to {@code seed} and the random state, so that renames are detected. */
  public static String content(String seed, Random rnd) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      b.append(seed).append(' ').append(rnd.nextLong()).append('\n');
    }
    return b.toString();
  }

  /** Writes a file of the working tree, creating its directories. */
  public void write(String path, String content) {
    try {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String read(String path) {
    try {
      return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits everything as the given author one minute after the previous commit. */
  public String commit(String name, String email, String message) {
    clock += 60;
    return commitAt(name, email, message, clock, clock);
  }

  /** Commits everything with explicit author and committer times (seconds since the epoch). */
  public String commitAt(String name, String email, String message, long authorTime,
      long committerTime) {
    git("add", "-A");
    Map<String, String> env = new HashMap<>();
    env.put("GIT_AUTHOR_NAME", name);
    env.put("GIT_AUTHOR_EMAIL", email);
    env.put("GIT_AUTHOR_DATE", authorTime + " +0000");
    env.put("GIT_COMMITTER_DATE", committerTime + " +0000");
    run(env, "commit", "-q", "--allow-empty", "-m", message);
    return git("rev-parse", "HEAD").strip();
  }

  /** Runs git in the repository at the clock's time; returns its standard output. */
  public String git(String... args) {
    return run(Map.of("GIT_AUTHOR_DATE", clock + " +0000", "GIT_COMMITTER_DATE",
        clock + " +0000"), args);
  }

  private String run(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    builder.environment().put("HOME", dir.toString());
    builder.environment().put("GIT_COMMITTER_NAME", "Committer");
    builder.environment().put("GIT_COMMITTER_EMAIL", "committer@example.org");
    builder.environment().putIfAbsent("GIT_AUTHOR_NAME", "Default Person");
    builder.environment().putIfAbsent("GIT_AUTHOR_EMAIL", "default@example.org");
    builder.environment().putAll(env);
    try {
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("git " + command + " failed with " + p.exitValue());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
