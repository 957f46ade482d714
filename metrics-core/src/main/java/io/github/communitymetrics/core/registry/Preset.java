package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.internal.Checks;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A named, published definition of a metric: the parameter values a tool or a document uses,
 * where that definition is published, and how its authors say to read the value.
 *
 * @param name the preset's id ({@code chaoss}, {@code openSauced}, {@code lfx})
 * @param source who defines it, precisely enough to look up ({@code "CHAOSS Contributor Absence
 *     Factor (2023)"}); {@code docs/metrics.md} has the details
 * @param definition where the definition is published (a web page, a specification, a pull
 *     request of the tool that computes it); empty for a definition of this project's own
 * @param guidance what good looks like under this definition, for people: which way is better
 *     and how to read the value; empty when nothing is said
 * @param scales the published bands of the measurements' values with their meaning (levels,
 *     points), possibly none
 */
public record Preset(
    String name, String source, Optional<URI> definition, Optional<String> guidance, List<Scale> scales) {
  /** Checks the fields and copies the scales. */
  public Preset {
    Checks.notBlank(name, "name");
    Checks.notBlank(source, "source");
    Checks.notNull(definition, "definition");
    Checks.notNull(guidance, "guidance");
    guidance.ifPresent(g -> Checks.notBlank(g, "guidance"));
    scales = List.copyOf(scales);
  }

  /** A preset without a link, guidance or scales. */
  public Preset(String name, String source) {
    this(name, source, Optional.empty(), Optional.empty(), List.of());
  }

  /**
   * This preset with its definition published at {@code uri}.
   *
   * @throws IllegalArgumentException if {@code uri} is not an absolute http or https URI
   */
  public Preset definedAt(String uri) {
    URI u = URI.create(Checks.notNull(uri, "uri"));
    Checks.argument(
        "https".equals(u.getScheme()) || "http".equals(u.getScheme()),
        name + ": the definition must be an http(s) address: " + uri);
    return new Preset(name, source, Optional.of(u), guidance, scales);
  }

  /** This preset with {@code text} as what good looks like. */
  public Preset withGuidance(String text) {
    return new Preset(name, source, definition, Optional.of(text), scales);
  }

  /** This preset with one more scale. */
  public Preset withScale(Scale scale) {
    List<Scale> more = new ArrayList<>(scales);
    more.add(Checks.notNull(scale, "scale"));
    return new Preset(name, source, definition, guidance, more);
  }
}
