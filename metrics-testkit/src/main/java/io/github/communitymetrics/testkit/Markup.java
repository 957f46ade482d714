package io.github.communitymetrics.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading what an HTML page or inline SVG drew, for tests: the start tags that match a pattern
 * and their attributes ({@code data-} attributes carry a chart's numbers).
 */
public final class Markup {
  private Markup() {}

  /**
   * Every match of {@code pattern} in {@code html}, in order.
   *
   * @param pattern a regular expression, such as {@code <rect class="burst"[^>]*>}
   */
  public static List<String> elements(String html, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(html);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /**
   * The value of the first attribute {@code name} in {@code element}.
   *
   * @throws AssertionError if it has none
   */
  public static String attribute(String element, String name) {
    Matcher m = Pattern.compile(" " + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(element);
    if (!m.find()) {
      throw new AssertionError("no attribute " + name + " in " + element);
    }
    return m.group(1);
  }
}
