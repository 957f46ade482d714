package io.github.communitymetrics.git;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.git.internal.GitQuoting;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads a list of paths, one per line, such as {@code git ls-files} output (plain or gzip). */
public final class PathList {
  private PathList() {}

  /**
   * Reads the paths of a file, in file order; blank lines are ignored and C-quoted lines
   * unquoted.
   *
   * @throws CommitLogFormatException if a quoted line is malformed
   * @throws CommunityMetricsIoException if reading fails (missing, unreadable, a directory),
   *     naming the file
   */
  public static List<String> read(Path file) {
    Objects.requireNonNull(file, "file must not be null");
    try (InputStream in = CommitLogReader.decompress(Files.newInputStream(file));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> out = new ArrayList<>();
      long n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        if (line.startsWith("\"")) {
          byte[] b = line.getBytes(StandardCharsets.UTF_8);
          Optional<String> u = GitQuoting.unquote(b, 0, b.length);
          if (u.isEmpty()) {
            throw new CommitLogFormatException(file.toString(), n, "malformed quoted path");
          }
          out.add(u.get());
        } else {
          out.add(line);
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot read " + file, e);
    }
  }

  /**
   * Reads the output of the reference truck-factor tool's Linguist step: one {@code
   * Language;path} line per file that GitHub Linguist classifies as source (language names hold
   * no {@code ;}, so the path is everything after the first one). Use it as the snapshot's file
   * list to analyse exactly the files the paper analysed.
   *
   * @throws CommitLogFormatException if a line has no {@code ;}
   * @throws CommunityMetricsIoException if reading fails (missing, unreadable, a directory),
   *     naming the file
   */
  public static List<String> readLinguist(Path file) {
    List<String> lines = read(file);
    List<String> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int semicolon = line.indexOf(';');
      if (semicolon < 0) {
        throw new CommitLogFormatException(
            file.toString(), i + 1, "expected 'Language;path' but found no ';'");
      }
      out.add(line.substring(semicolon + 1));
    }
    return List.copyOf(out);
  }
}
