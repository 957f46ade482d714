package io.github.communitymetrics.git.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * GitHub Linguist 7.22's language of a file judged from its path alone: its exact file name
 * ({@code filenames} of {@code languages.yml}), else its extensions, longest first ({@code
 * extensions}, looked up lower-cased, skipping the {@code generic.yml} ones), as Linguist's
 * Filename and Extension strategies do. Linguist then reads the content (shebang, modeline,
 * heuristics, classifier) and skips binary and empty files; a path cannot, so:
 *
 * <ul>
 *   <li>when the candidates are all source types, or all not, the answer does not depend on which
 *       one Linguist would pick;
 *   <li>otherwise the fallback rule of {@code heuristics.yml} (the rule without a pattern, e.g.
 *       {@code .md} is Markdown, {@code .h} is C) decides; failing that, the file counts as
 *       source when any candidate is a source language;
 *   <li>a file without any extension or known name directly under a {@code bin/} or {@code exe/}
 *       directory counts as source: such files are scripts whose shebang names the language.
 * </ul>
 *
 * <p>Source means a language of type {@code programming} or {@code markup}: the types Linguist
 * counts in language statistics ({@code BlobHelper::DETECTABLE_TYPES}); {@code data} and {@code
 * prose} are not counted. Loaded once from {@code languages.tsv}, derived from Linguist's data
 * files (MIT licence, see {@code LICENSE-linguist.txt} next to it). Immutable and thread-safe.
 */
public final class LinguistLanguages {
  /** The Linguist release the data files come from. */
  public static final String VERSION = "7.22.0";

  private static final String RESOURCE = "/io/github/communitymetrics/git/linguist/languages.tsv";
  private static final LinguistLanguages INSTANCE = load();

  private final Map<String, String> types = new HashMap<>();
  private final Map<String, List<String>> byExtension = new HashMap<>();
  private final Map<String, List<String>> byFilename = new HashMap<>();
  private final Map<String, List<String>> fallback = new HashMap<>();
  private final List<String> generic = new ArrayList<>();

  /**
   * What the path says about a file.
   *
   * @param languages the candidate languages, in {@code languages.yml} order; empty when the name
   *     matches none
   * @param source whether the file counts as source (see the class comment)
   * @param key the file name or extension that decided, or {@code ""} when nothing matched
   * @param reason for a person: why the file counts or not, e.g. {@code "Markdown is prose"}
   */
  public record Verdict(List<String> languages, boolean source, String key, String reason) {
    /** Copies the list. */
    public Verdict {
      languages = List.copyOf(languages);
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(reason, "reason");
    }
  }

  private LinguistLanguages() {}

  /** The data of Linguist {@value #VERSION}. */
  public static LinguistLanguages get() {
    return INSTANCE;
  }

  /** The type of {@code language} ({@code programming}, {@code markup}, {@code data}, {@code prose}). */
  public Optional<String> type(String language) {
    return Optional.ofNullable(types.get(language));
  }

  /**
   * Classifies one path.
   *
   * @param path a repository-relative path with {@code /} separators
   */
  public Verdict classify(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    List<String> named = byFilename.getOrDefault(name, List.of());
    List<String> candidates = named;
    String key = named.isEmpty() ? "" : name;
    if (named.size() != 1) {
      String lower = name.toLowerCase(Locale.ROOT);
      boolean isGeneric = generic.stream().anyMatch(lower::endsWith);
      for (String ext : isGeneric ? List.<String>of() : extensions(lower)) {
        List<String> found = byExtension.get(ext);
        if (found != null) {
          candidates = named.isEmpty() ? found : found.stream().filter(named::contains).toList();
          key = ext;
          break;
        }
      }
    }
    if (candidates.isEmpty()) {
      int slash = path.lastIndexOf('/');
      String parent = path.substring(path.lastIndexOf('/', slash - 1) + 1, Math.max(slash, 0));
      if (name.indexOf('.') < 0 && slash > 0 && (parent.equals("bin") || parent.equals("exe"))) {
        return new Verdict(List.of(), true, "", "an extensionless file in " + parent
            + "/ (a script; Linguist reads its shebang)");
      }
      return new Verdict(List.of(), false, "", "no language has this file name or extension");
    }
    Set<Boolean> kinds = new LinkedHashSet<>();
    for (String language : candidates) {
      kinds.add(isSource(language));
    }
    if (kinds.size() == 1) {
      boolean source = kinds.iterator().next();
      return new Verdict(candidates, source, key, describe(candidates));
    }
    for (String ext : extensions(name.toLowerCase(Locale.ROOT))) {
      List<String> chosen = fallback.get(ext);
      if (chosen != null && candidates.containsAll(chosen)) {
        return new Verdict(candidates, isSource(chosen.get(0)), ext,
            describe(List.of(chosen.get(0))) + " (heuristics.yml fallback for " + ext + ")");
      }
    }
    return new Verdict(candidates, true, key,
        describe(candidates) + ": ambiguous, kept since one of them is source");
  }

  private boolean isSource(String language) {
    String type = types.get(language);
    return "programming".equals(type) || "markup".equals(type);
  }

  private String describe(List<String> languages) {
    StringBuilder text = new StringBuilder();
    for (String language : languages) {
      text.append(text.length() == 0 ? "" : " or ").append(language).append(" is ")
          .append(types.get(language));
    }
    return text.toString();
  }

  /** Linguist's {@code Blob#extensions}: {@code "a.html.erb"} gives {@code .html.erb, .erb}. */
  private static List<String> extensions(String lowerName) {
    List<String> result = new ArrayList<>();
    int dot = lowerName.indexOf('.');
    while (dot >= 0) {
      result.add(lowerName.substring(dot));
      dot = lowerName.indexOf('.', dot + 1);
    }
    return result;
  }

  private static LinguistLanguages load() {
    LinguistLanguages data = new LinguistLanguages();
    InputStream stream = LinguistLanguages.class.getResourceAsStream(RESOURCE);
    if (stream == null) {
      throw new IllegalStateException("missing resource " + RESOURCE);
    }
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      int lineNumber = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "L" -> data.types.put(f[1], f[2]);
          case "X" -> add(data.byExtension, f[1].toLowerCase(Locale.ROOT), f[2]);
          case "F" -> add(data.byFilename, f[1], f[2]);
          case "D" -> add(data.fallback, f[1].toLowerCase(Locale.ROOT), f[2]);
          case "G" -> data.generic.add(f[1].toLowerCase(Locale.ROOT));
          default -> throw new IllegalStateException(
              RESOURCE + ":" + lineNumber + ": unknown record '" + f[0] + "'");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
    return data;
  }

  private static void add(Map<String, List<String>> index, String key, String language) {
    List<String> list = index.computeIfAbsent(key, k -> new ArrayList<>());
    if (!list.contains(language)) {
      list.add(language);
    }
  }
}
