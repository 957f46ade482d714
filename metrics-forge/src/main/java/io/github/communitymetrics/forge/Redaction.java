package io.github.communitymetrics.forge;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Hides credentials in anything that may be logged or put in an exception message. */
public final class Redaction {
  /** Header names (lower case) whose values are credentials. */
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "private-token", "job-token", "cookie");

  private Redaction() {}

  /**
   * The headers with every credential value replaced by {@code <redacted>}: {@code
   * Authorization}, {@code Proxy-Authorization}, GitLab's {@code PRIVATE-TOKEN} and {@code
   * JOB-TOKEN}, and {@code Cookie}.
   *
   * @param headers header names to values
   * @return a sorted copy safe to log
   */
  public static Map<String, String> redactHeaders(Map<String, String> headers) {
    TreeMap<String, String> safe = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, value) ->
            safe.put(
                name,
                SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "<redacted>" : value));
    return safe;
  }

  /**
   * The text with every occurrence of the token's secret replaced by {@code ****}: a last guard
   * for messages built from server answers that echo a request.
   *
   * @param text any text
   * @param token the token to hide
   * @return the text without the secret
   */
  public static String redact(String text, Token token) {
    return text.replace(token.reveal(), "****");
  }
}
