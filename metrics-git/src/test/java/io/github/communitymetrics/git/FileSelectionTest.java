package io.github.communitymetrics.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSelectionTest {
  private static BufferedReader text(String s) {
    return new BufferedReader(new StringReader(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "vendor/rails/x.rb", "lib/vendor/x.js", "node_modules/a/b.js", "public/jquery-1.4.2.min.js",
      "app/assets/bootstrap.css", "third_party/zlib/z.c", "deps/uv/uv.c", "debian/rules",
      "src/x.d.ts", "configure", "gradlew", "test/fixtures/a.json", ".gitignore", "web/d3.v3.js"})
  void defaultsExcludeVendoredFiles(String path) {
    assertEquals(ExclusionReason.VENDORED,
        FileSelection.defaults().exclusionFor(path).orElseThrow().reason(), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "README", "README.md", "sub/Readme.txt", "LICENSE", "COPYING", "CHANGELOG.md", "docs/x.rb",
      "Documentation/git.txt", "examples/a.js", "samples/b.c", "CONTRIBUTING.md", "man/ls.1"})
  void defaultsExcludeDocumentation(String path) {
    assertEquals(ExclusionReason.DOCUMENTATION,
        FileSelection.defaults().exclusionFor(path).orElseThrow().reason(), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"package-lock.json", "a/Cargo.lock", "x/y.js.map", "api/svc.pb.go"})
  void defaultsExcludeGeneratedPaths(String path) {
    assertEquals(ExclusionReason.GENERATED,
        FileSelection.defaults().exclusionFor(path).orElseThrow().reason(), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "lib/rails.rb", "src/main/java/A.java", "builtin/log.c", "d3.js/src/core.js",
      "lib/examples/x.rb", "my docs/a.c", "src/vendored.c", "reconfigure.sh", "minimal.js",
      "Makefile", "src/git.h", "bin/rails", "exe/rubocop", "app/views/a.html.erb", "s/x.less"})
  void defaultsKeepSource(String path) {
    assertTrue(FileSelection.defaults().keeps(path), path);
  }

  /** Linguist counts only programming and markup languages; a path alone decides these. */
  @ParameterizedTest
  @ValueSource(strings = {
      "package.json", "config/database.yml", "notes/FAQ.md", "guides/source/2_2_release_notes.md",
      "po/de.po", "t/t4034/perl/expect", "git-gui/po/glossary/txt-to-pot.txt", "logo.png",
      "Gemfile.lock", "MIT-LICENSE.txt.x.csv", "lib/tasks/data.xml"})
  void defaultsExcludeFilesWhoseLanguageIsNotSource(String path) {
    assertFalse(FileSelection.defaults().keeps(path), path);
    assertEquals(ExclusionReason.NOT_SOURCE,
        FileSelection.defaults().exclusionFor(path).orElseThrow().reason(), path);
  }

  @Test
  void aNotSourceExclusionSaysWhichLanguageAndWhy() {
    ExclusionRule rule = FileSelection.defaults().exclusionFor("notes/FAQ.md").orElseThrow();
    assertTrue(rule.source().contains("Markdown is prose"), rule.source());
    assertTrue(rule.matches("notes/FAQ.md"), rule.toString());
  }

  @Test
  void resultCountsByReasonAndExplainsEachExclusion() {
    FileSelection selection = FileSelection.defaults();
    SelectionResult result = selection.select(
        List.of("lib/a.rb", "README.md", "vendor/x.rb", "vendor/y.rb", "package-lock.json", "b.c"));
    assertEquals(List.of("lib/a.rb", "b.c"), result.kept());
    assertEquals(Map.of(ExclusionReason.DOCUMENTATION, 1, ExclusionReason.VENDORED, 2,
        ExclusionReason.GENERATED, 1), result.countsByReason());
    assertEquals(6, result.examined());
    ExclusionRule rule = result.excluded().get("vendor/x.rb");
    assertEquals("(^|/)vendors?/", rule.pattern().pattern());
    assertEquals("linguist vendor.yml", rule.source());
    assertTrue(rule.toString().contains("VENDORED"), rule.toString());
  }

  @Test
  void noneKeepsEverything() {
    assertEquals(List.of("vendor/a", "README"),
        FileSelection.none().select(List.of("vendor/a", "README")).kept());
  }

  @Test
  void likePatternsMatchTheWholePathWithSqlWildcards() {
    assertEquals("^" + "\\Q" + "a.b" + "\\E" + ".*" + "$", FileSelection.likeToRegex("a.b%"));
    FileSelection selection = FileSelection.builder().addPaperPatterns(text(
        "# comment\n\nLIKE OTHER cache/%\nLIKE LIBRARY %/configure\nLIKE DOCUMENTATION README\n"
            + "LIKE LIBRARY a_c\n"), "patterns.txt").build();
    assertEquals("patterns.txt:3", selection.exclusionFor("cache/x").orElseThrow().source());
    assertEquals(ExclusionReason.OTHER, selection.exclusionFor("cache/x").orElseThrow().reason());
    assertTrue(selection.keeps("lib/cache/x"), "LIKE is anchored at the start");
    assertFalse(selection.keeps("x/configure"));
    assertTrue(selection.keeps("configure"), "%/ needs a directory");
    assertFalse(selection.keeps("README"));
    assertTrue(selection.keeps("README.md"), "LIKE without % is the exact path");
    assertTrue(selection.keeps("readme"), "case-sensitive");
    assertFalse(selection.keeps("abc"), "_ is one character");
    assertTrue(selection.keeps("ac"));
  }

  @Test
  void posixPatternsAreSearchedAnywhere() {
    FileSelection selection = FileSelection.builder().addPaperPatterns(text(
        "POSIX LIBRARY (\\.|-)min\\.(js|css)$\nPOSIX EXAMPLES ^[Ss]amples/\n"), "p").build();
    assertEquals(ExclusionReason.VENDORED, selection.exclusionFor("a/b/x.min.js").orElseThrow().reason());
    assertEquals(ExclusionReason.DOCUMENTATION, selection.exclusionFor("Samples/x").orElseThrow().reason());
    assertTrue(selection.keeps("a/Samples/x"));
  }

  @Test
  void badPatternLinesNameSourceAndLine() {
    FileSelectionException kind = assertThrows(FileSelectionException.class, () ->
        FileSelection.builder().addPaperPatterns(text("# x\nGLOB LIBRARY *.js\n"), "p.txt"));
    assertEquals("p.txt:2: unknown pattern kind 'GLOB' (LIKE or POSIX)", kind.getMessage());
    FileSelectionException category = assertThrows(FileSelectionException.class, () ->
        FileSelection.builder().addPaperPatterns(text("LIKE VENDOR x\n"), "p.txt"));
    assertTrue(category.getMessage().startsWith("p.txt:1: unknown category 'VENDOR'"), category.getMessage());
    FileSelectionException short_ = assertThrows(FileSelectionException.class, () ->
        FileSelection.builder().addPaperPatterns(text("POSIX LIBRARY\n"), "p.txt"));
    assertTrue(short_.getMessage().startsWith("p.txt:1: expected"), short_.getMessage());
    FileSelectionException regex = assertThrows(FileSelectionException.class, () ->
        FileSelection.builder().addPaperPatterns(text("POSIX LIBRARY (a\n"), "p.txt"));
    assertTrue(regex.getMessage().startsWith("p.txt:1: bad pattern"), regex.getMessage());
  }

  @Test
  void explicitListKeepsOnlyItsSystemAndComesFirst() {
    FileSelection selection = FileSelection.builder()
        .excludeListed(text("#fullname;path;filterinfo\n"
            + "a/b;lib/x.rb;#Remove(all): %/docs/%#\n"
            + "c/d;lib/y.rb;#Remove#\n"
            + "a/b;odd;name.rb;#Remove#\n"
            + "a/b;two.rb\n"), "a/b", "filtered.txt")
        .addLinguistDefaults()
        .build();
    assertEquals(3, selection.explicitExclusions());
    ExclusionRule rule = selection.exclusionFor("lib/x.rb").orElseThrow();
    assertEquals(ExclusionReason.EXPLICIT, rule.reason());
    assertEquals("filtered.txt:2", rule.source());
    assertTrue(selection.keeps("lib/y.rb"), "another system's line");
    assertFalse(selection.keeps("odd;name.rb"), "a path with ';' before the filter info");
    assertFalse(selection.keeps("two.rb"), "two columns");
    assertEquals(ExclusionReason.DOCUMENTATION, selection.exclusionFor("README").orElseThrow().reason());
    FileSelectionException bad = assertThrows(FileSelectionException.class, () ->
        FileSelection.builder().excludeListed(text("#h\nnosemicolon\n"), "", "f.txt"));
    assertTrue(bad.getMessage().startsWith("f.txt:2: expected"), bad.getMessage());
  }

  @Test
  void rulesCheckTheirComponents() {
    assertThrows(IllegalArgumentException.class,
        () -> ExclusionRule.of(ExclusionReason.OTHER, "x", " "));
    assertThrows(NullPointerException.class, () -> FileSelection.defaults().keeps(null));
  }
}
