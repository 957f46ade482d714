package io.github.communitymetrics.forge.internal;

import io.github.communitymetrics.forge.ForgeResponse;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads RFC 8288 {@code Link} headers as GitHub and GitLab send them for pagination. */
public final class Links {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
  private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";]+)\"?");

  private Links() {}

  /**
   * The {@code rel="next"} target, resolved against the response URI.
   *
   * @param response a page
   * @return the next page, or empty on the last page
   */
  public static Optional<URI> next(ForgeResponse response) {
    List<String> values = response.headers().getOrDefault("Link", List.of());
    for (String value : values) {
      Matcher m = LINK.matcher(value);
      while (m.find()) {
        Matcher rel = REL.matcher(m.group(2));
        while (rel.find()) {
          for (String r : rel.group(1).trim().split("\\s+")) {
            if (r.equals("next")) {
              return Optional.of(response.uri().resolve(m.group(1)));
            }
          }
        }
      }
    }
    return Optional.empty();
  }
}
