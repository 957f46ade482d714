package io.github.communitymetrics.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads the values of the bound flags: sizes such as {@code 32MB} and durations such as {@code 30m}. */
final class BoundsConverters {
  private BoundsConverters() {}

  private static final Pattern SIZE = Pattern.compile("([0-9]{1,18})\\s*(B|KB|KIB|MB|MIB|GB|GIB)?");
  private static final Pattern PART = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

  /**
   * A size in bytes: a whole number with an optional unit B, KB, MB or GB (powers of 1024; KiB,
   * MiB and GiB are read the same), positive.
   */
  static final class Size implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      Matcher m = SIZE.matcher(text.strip().toUpperCase(Locale.ROOT));
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException(
            "'" + text + "' is not a size such as 32MB, 512KB or 1048576");
      }
      String unit = m.group(2) == null ? "B" : m.group(2);
      int shift =
          switch (unit.charAt(0)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
          };
      long n = Long.parseLong(m.group(1));
      if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
        throw new CommandLine.TypeConversionException("'" + text + "' is not a positive size that fits");
      }
      return n << shift;
    }
  }

  /**
   * A positive duration: an ISO-8601 duration ({@code PT1H}) or numbers with units ms, s, m, h, d
   * ({@code 90s}, {@code 30m}, {@code 1h30m}).
   */
  static final class Span implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      String t = text.strip();
      Duration d;
      if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
        try {
          d = Duration.parse(t);
        } catch (DateTimeParseException e) {
          throw invalid(text);
        }
      } else {
        Matcher m = PART.matcher(t.toLowerCase(Locale.ROOT));
        d = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
          long n = Long.parseLong(m.group(1));
          d = d.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              });
          end = m.end();
        }
        if (end == 0 || end != t.length()) {
          throw invalid(text);
        }
      }
      if (d.isNegative() || d.isZero()) {
        throw new CommandLine.TypeConversionException("'" + text + "' is not a positive duration");
      }
      return d;
    }

    private static CommandLine.TypeConversionException invalid(String text) {
      return new CommandLine.TypeConversionException(
          "'" + text + "' is not a duration such as 90s, 30m, 1h or PT1H");
    }
  }
}
