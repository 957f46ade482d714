package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.event.Actor;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Canonical forms of e-mail addresses, logins and names, shared by the identity classes. */
final class Normalize {
  private Normalize() {}

  /**
   * {@link Actor}'s natural order, made total: two actors it ranks equal (possible only when
   * e-mail addresses contain line breaks) are ordered by their e-mail lists element by element.
   */
  static final Comparator<Actor> ACTOR_ORDER =
      Comparator.<Actor>naturalOrder()
          .thenComparing(Actor::emails, Normalize::compareLists)
          .thenComparing(Actor::emails, Comparator.comparingInt(List::size));

  /**
   * The end of {@code [ID+]login@users.noreply.github.com}, lower-cased. GitHub has issued both
   * forms: the one with the account id since July 2017, the bare login before. The whole address
   * matches {@code (?:(\d+)\+)?([^@+\s]+)@users\.noreply\.github\.com}, which {@link
   * #githubNoreply} tests without a regular expression.
   */
  private static final String NOREPLY_DOMAIN = "@users.noreply.github.com";

  private static int compareLists(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** E-mail addresses compare trimmed and ignoring case, as mailmap and the forges do in practice. */
  static String email(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  /** Logins, names and alias strings compare trimmed and ignoring case. */
  static String text(String text) {
    return text.trim().toLowerCase(Locale.ROOT);
  }

  /** The part before the last {@code @}, or the whole address if it has none; normalised. */
  static String localPart(String email) {
    String e = email(email);
    int at = e.lastIndexOf('@');
    return at < 0 ? e : e.substring(0, at);
  }

  /** The part after the last {@code @}, normalised; empty if there is no {@code @}. */
  static Optional<String> domain(String email) {
    String e = email(email);
    int at = e.lastIndexOf('@');
    return at < 0 || at == e.length() - 1 ? Optional.empty() : Optional.of(e.substring(at + 1));
  }

  /** Whether {@code domain} is {@code parent} or one of its subdomains. */
  static boolean withinDomain(String domain, String parent) {
    return domain.equals(parent) || domain.endsWith("." + parent);
  }

  /** A GitHub noreply address taken apart. */
  record Noreply(Optional<Long> id, String login) {}

  /** The login (lower-cased) and account id a GitHub noreply address names, if it is one. */
  static Optional<Noreply> githubNoreply(String email) {
    String e = email(email);
    // Every match ends so; the test spares most addresses a matcher (a million on a GH Archive day).
    if (!e.endsWith(NOREPLY_DOMAIN)) {
      return Optional.empty();
    }
    // The pattern's match, by hand: a matcher each was the largest allocation of resolving a GH
    // Archive-shaped day's people (about 100 MB), as most commit authors there use these
    // addresses. The login part has no '@', '+' or white space; a '+' may follow the id's digits.
    int end = e.length() - NOREPLY_DOMAIN.length();
    int plus = -1;
    for (int i = 0; i < end; i++) {
      char c = e.charAt(i);
      if (c == '+') {
        if (i == 0 || !digits(e, 0, i)) { // a second '+' is not a digit either
          return Optional.empty();
        }
        plus = i;
      } else if (c == '@' || isRegexSpace(c)) {
        return Optional.empty();
      }
    }
    if (end == plus + 1) {
      return Optional.empty(); // no login
    }
    Optional<Long> id = Optional.empty();
    if (plus > 0) {
      try {
        id = Optional.of(Long.parseLong(e, 0, plus, 10));
      } catch (NumberFormatException tooLong) {
        // Not an id GitHub could have issued: keep only the login part.
      }
    }
    return Optional.of(new Noreply(id, e.substring(plus + 1, end)));
  }

  /** Whether {@code s[from, to)} is ASCII digits only, as the pattern's {@code \d}. */
  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The pattern's {@code \s}: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
