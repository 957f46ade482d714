package io.github.communitymetrics.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --threads N}: how many threads read GH Archive files, order the store's events as it is
 * built, and score the repositories (or owners) of a command. Mixed into {@link EventSource}, so
 * every command that reads events takes it; the output is the same whatever the number (the store
 * sorts what the reading threads hand over, and each repository's result is kept in its place).
 */
final class ThreadOptions {
  @Option(
      names = "--threads",
      paramLabel = "N",
      converter = Count.class,
      description = "Threads reading GH Archive files and scoring repositories or owners, at least"
          + " 1 (default: the available processors). The output is the same for any number.")
  Integer threads;

  /** The threads asked for, or the available processors when {@code --threads} was not given. */
  int threads() {
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** A whole number of threads, at least 1; anything else is a usage error. */
  static final class Count implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int n;
      try {
        n = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("must be a whole number but was '" + value + "'");
      }
      if (n < 1) {
        throw new CommandLine.TypeConversionException("must be at least 1 but was " + n);
      }
      return n;
    }
  }
}
