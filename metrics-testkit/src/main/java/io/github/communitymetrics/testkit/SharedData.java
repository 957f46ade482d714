package io.github.communitymetrics.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the shared third-party data ({@code ../shared/data}, next to the project checkout) lives,
 * if it is present. It is never part of the project: a fresh clone has none, and tests that need
 * it skip themselves (see {@link SharedDataTest}).
 */
public final class SharedData {
  /** System property that names the {@code shared} directory explicitly. */
  public static final String PROPERTY = "communitymetrics.shared";

  private SharedData() {}

  /**
   * The {@code shared/data} directory: from the system property {@value #PROPERTY} if set,
   * otherwise {@code ../shared/data} relative to the working directory or one of its parents.
   */
  public static Optional<Path> dataDir() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path data = Path.of(configured).resolve("data").normalize();
      return Files.isDirectory(data) ? Optional.of(data) : Optional.empty();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++) {
      Path data = dir.resolve("../shared/data").normalize();
      if (Files.isDirectory(data)) {
        return Optional.of(data);
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  /**
   * A file or directory below {@code shared/data}.
   *
   * @throws IllegalStateException if the shared data is absent; call this only from a {@link
   *     SharedDataTest}, which is skipped in that case
   */
  public static Path resolve(String relative) {
    return dataDir()
        .orElseThrow(() -> new IllegalStateException("../shared/data is absent"))
        .resolve(relative);
  }
}
