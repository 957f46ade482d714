package io.github.communitymetrics.forge.internal;

import io.github.communitymetrics.forge.Token;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
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
   * for messages built from server answers that echo a request. Same as {@link #redact(String,
   * Collection)} with the one token.
   *
   * @param text any text
   * @param token the token to hide
   * @return the text without the secret
   */
  public static String redact(String text, Token token) {
    return redact(text, List.of(Args.notNull(token, "token")));
  }

  /**
   * The text with every occurrence of each token's secret replaced by {@code ****}, in each form a
   * server may echo it: as is, URL-encoded as a form value ({@link URLEncoder}, space as {@code
   * +}), percent-encoded (space as {@code %20}, hex digits in upper or lower case) and escaped as a
   * JSON string. For a secret of letters, digits and {@code -._~} all forms are the secret itself.
   *
   * @param text any text
   * @param tokens the tokens to hide, possibly none
   * @return the text without any of the secrets
   */
  public static String redact(String text, Collection<Token> tokens) {
    Args.notNull(text, "text");
    Args.notNull(tokens, "tokens");
    if (tokens.isEmpty() || text.isEmpty()) {
      return text;
    }
    // Longest first: a form that contains another is replaced whole, not left half-hidden.
    List<String> forms =
        forms(tokens).stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    String out = text;
    for (String form : forms) {
      out = out.replace(form, "****");
    }
    return out;
  }

  /** Every encoded form of the secrets (a token's secret is never blank, so no form is empty). */
  private static Set<String> forms(Collection<Token> tokens) {
    Set<String> forms = new LinkedHashSet<>();
    for (Token token : tokens) {
      String secret = Args.notNull(token, "token").reveal();
      forms.add(secret);
      forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
      String percent = percentEncode(secret);
      forms.add(percent);
      forms.add(lowerHex(percent));
      forms.add(jsonEscape(secret));
    }
    return forms;
  }

  /** RFC 3986 percent-encoding of everything but the unreserved characters, upper-case hex. */
  private static String percentEncode(String secret) {
    StringBuilder out = new StringBuilder();
    for (byte b : secret.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  /** The same percent-encoding with lower-case hex digits, which decoders accept too. */
  private static String lowerHex(String percent) {
    StringBuilder out = new StringBuilder(percent);
    for (int i = 0; i < out.length(); i++) {
      if (out.charAt(i) == '%' && i + 2 < out.length()) {
        out.setCharAt(i + 1, Character.toLowerCase(out.charAt(i + 1)));
        out.setCharAt(i + 2, Character.toLowerCase(out.charAt(i + 2)));
      }
    }
    return out.toString();
  }

  /** The secret as it appears inside a JSON string whose writer escapes quotes, backslashes and slashes. */
  private static String jsonEscape(String secret) {
    return secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
  }
}
