package io.github.communitymetrics.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.git.internal.LinguistRules;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules try only segment starts where they can; that must equal a plain find(). */
class ExclusionRuleTest {
  private static final String[] PARTS = {
    "vendor", "vendors", "lib", "docs", "doc", "_build", "cache", "jquery", "jquery-1.4.2", "d3",
    "d3.v3", "min", "README", "readme", "LICENSE", "test", "fixtures", "node_modules", "a", "b",
    "bootstrap", "third_party", "3rd-party", "Samples", "examples", "configure", "gradlew",
    "x", "extern", "externals", "debian", "ß", "with space", ".github", "Pods"
  };
  private static final String[] EXTENSIONS = {"", ".js", ".css", ".min.js", ".rb", ".c", ".md",
      ".txt", ".d.ts", ".map", ".lock", ".json", ".scss", ".py"};

  static List<ExclusionRule> allRules() {
    List<ExclusionRule> rules = new ArrayList<>(FileSelection.defaults().rules());
    rules.add(ExclusionRule.of(ExclusionReason.OTHER, "^a|b/", "top-level alternation"));
    rules.add(ExclusionRule.of(ExclusionReason.OTHER, "(^|/)lib|x$", "segment and alternation"));
    rules.add(ExclusionRule.of(ExclusionReason.OTHER, "(^|/)(?<=/)lib/", "lookbehind"));
    rules.add(ExclusionRule.of(ExclusionReason.OTHER, "(^|/)^lib", "caret in the tail"));
    rules.add(ExclusionRule.of(ExclusionReason.OTHER, "(.*?)^lib", "caret after an empty prefix"));
    rules.add(ExclusionRule.of(ExclusionReason.OTHER, "([^\\s]*)(?<=a)/b", "lookbehind"));
    rules.add(ExclusionRule.of(ExclusionReason.OTHER, "(.*)?/b", "quantified prefix"));
    rules.add(ExclusionRule.of(ExclusionReason.OTHER, "(.*)/\\1", "backreference"));
    return rules;
  }

  /** A path of 1 to {@code maxDepth} segments from {@link #PARTS}, with one of the extensions. */
  private static String randomPath(SplittableRandom random, int maxDepth) {
    StringBuilder path = new StringBuilder();
    int depth = 1 + random.nextInt(maxDepth);
    for (int d = 0; d < depth; d++) {
      if (d > 0) {
        path.append('/');
      }
      path.append(PARTS[random.nextInt(PARTS.length)]);
    }
    return path.append(EXTENSIONS[random.nextInt(EXTENSIONS.length)]).toString();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026, 987654321})
  void matchesEqualsFind(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<ExclusionRule> rules = allRules();
    for (int n = 0; n < 3000; n++) {
      String p = randomPath(random, 4);
      for (ExclusionRule rule : rules) {
        assertEquals(rule.pattern().matcher(p).find(), rule.matches(p),
            "seed " + seed + ", path '" + p + "', rule " + rule);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026, 987654321})
  void aReusedMatcherEqualsFind(long seed) {
    // A selection resets one matcher per rule from path to path: nothing of one path (its
    // region, its groups) may leak into the next, longer or shorter.
    SplittableRandom random = new SplittableRandom(seed);
    List<ExclusionRule> rules = allRules();
    List<ExclusionRule.PathMatcher> matchers = new ArrayList<>();
    for (ExclusionRule rule : rules) {
      matchers.add(rule.matcher());
    }
    for (int n = 0; n < 3000; n++) {
      String p = randomPath(random, 6);
      for (int r = 0; r < rules.size(); r++) {
        assertEquals(rules.get(r).pattern().matcher(p).find(), matchers.get(r).matches(p),
            "seed " + seed + ", path '" + p + "', rule " + rules.get(r));
      }
    }
  }

  @Test
  void handPickedCases() {
    ExclusionRule segment = ExclusionRule.of(ExclusionReason.VENDORED, "(^|/)vendors?/", "t");
    assertEquals(true, segment.matches("vendor/a"));
    assertEquals(true, segment.matches("x/vendors/a"));
    assertEquals(false, segment.matches("xvendor/a"));
    ExclusionRule alternation = ExclusionRule.of(ExclusionReason.OTHER, "(^|/)lib|x$", "t");
    assertEquals(true, alternation.matches("a/box"), "the second alternative is unanchored");
    assertEquals(LinguistRules.VENDOR.size() + LinguistRules.DOCUMENTATION.size()
        + LinguistRules.GENERATED.size(), FileSelection.defaults().rules().size());
  }
}
