package io.github.communitymetrics.git.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The default path rules of GitHub Linguist 7.22.0 (the version that produced the reference file
 * lists): {@code lib/linguist/vendor.yml} and {@code documentation.yml} read verbatim from resources
 * copied from that tag (MIT licence, {@code LICENSE-linguist.txt} next to them), and the checks of
 * {@code generated.rb} that need only the path, translated by hand. Linguist's YAML regexes are
 * Ruby regexes searched anywhere in the path; every construct in these lists means the same in Java
 * (a test compiles each and checks Linguist's own examples).
 */
public final class LinguistRules {
  private LinguistRules() {}

  /** {@code vendor.yml} of Linguist 7.22.0, verbatim: third-party and tool-owned files. */
  public static final List<String> VENDOR = yamlList("vendor.yml");

  /** {@code documentation.yml} of Linguist 7.22.0, verbatim: documentation, licences, examples. */
  public static final List<String> DOCUMENTATION = yamlList("documentation.yml");

  /**
   * The entries of one of Linguist's regex lists: each line {@code - regex} (the lists use no YAML
   * quoting, so the rest of the line is the regex); comments and blank lines skipped.
   */
  private static List<String> yamlList(String name) {
    String resource = "/io/github/communitymetrics/git/linguist/" + name;
    InputStream stream = LinguistRules.class.getResourceAsStream(resource);
    if (stream == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    List<String> regexes = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("- ")) {
          regexes.add(line.substring(2).strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
    return List.copyOf(regexes);
  }

  /**
   * The checks of {@code generated.rb} (7.22.0) that need only the path, in its order, plus a few
   * whose content check a generated file of that name always passes ({@code *.pb.go}, {@code
   * *_pb2.py}, {@code *.pb.cc/h}: protoc's header) or which name lock files and tool directories
   * that are never source. Linguist's other checks read the content (minified, compiled
   * CoffeeScript, parser generators, ...), which a selection over a file list cannot.
   */
  public static final List<String> GENERATED = List.of(
      "\\.(nib|xcworkspacedata|xcuserstate)$",
      "(?:^|/)\\.idea/",
      "(^Pods|/Pods)/",
      "(^|/)Carthage/Build/",
      "__generated__/",
      "(?i)\\.designer\\.(cs|vb)$",
      "(?i)\\.feature\\.cs$",
      "composer\\.lock",
      "Cargo\\.lock",
      "node_modules/",
      "vendor/((?!-)[-0-9A-Za-z]+(?<!-)\\.)+(com|edu|gov|in|me|net|org|fm|io)",
      "(Gopkg|glide)\\.lock",
      "poetry\\.lock",
      "(^|/)(\\w+\\.)?esy.lock$",
      "npm-shrinkwrap\\.json",
      "package-lock\\.json",
      "(?:^|/)\\.terraform\\.lock\\.hcl$",
      "(^|/)\\.pnp\\..*$",
      "Godeps/",
      ".\\.zep\\.(?:c|h|php)$",
      "(?i)(\\.css|\\.js)\\.map$",
      "Pipfile\\.lock",
      "(?i)_tlb\\.pas$",
      // Not path rules in generated.rb, see above.
      "(^|/)yarn\\.lock$",
      "(^|/)\\.gradle/",
      "\\.pb\\.go$",
      "_pb2\\.py$",
      "\\.pb\\.(cc|h)$");
}
