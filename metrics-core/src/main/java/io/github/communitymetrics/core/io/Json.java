package io.github.communitymetrics.core.io;

import java.util.Locale;
import tools.jackson.core.ErrorReportConfiguration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/** The one Jackson factory of the format, configured so the output does not depend on defaults. */
final class Json {
  private Json() {}

  /** Longest piece of input quoted in an error message, in characters. */
  static final int MAX_QUOTED = 80;

  /**
   * Thread-safe and expensive to build, so shared. Every feature the output depends on is set
   * explicitly: Jackson 3 changed several defaults, and the format must not change with them.
   */
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .disable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS)
          .enable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          .enable(JsonWriteFeature.QUOTE_PROPERTY_NAMES)
          // The writers own their targets' life cycle, not Jackson.
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .enable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
          // A line with a key twice is ambiguous; reject it rather than let the last one win.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          // Lines are separated by '\n', which the writer adds itself.
          .rootValueSeparator((String) null)
          .errorReportConfiguration(
              ErrorReportConfiguration.builder()
                  .maxErrorTokenLength(MAX_QUOTED)
                  .maxRawContentLength(MAX_QUOTED)
                  .build())
          .build();

  /** {@code text} cut to {@code max} characters, with an ellipsis when cut. */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max;
    // Never split a surrogate pair: the message must stay valid UTF-16.
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /**
   * {@code text} cut to {@link #MAX_QUOTED} characters, in double quotes, with quotes, backslashes
   * and control characters escaped as in JSON so that a message stays on one line.
   */
  static String quote(String text) {
    String cut = truncate(text, MAX_QUOTED);
    StringBuilder out = new StringBuilder(cut.length() + 2).append('"');
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
