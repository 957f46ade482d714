package io.github.communitymetrics.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MalformedLineTest {
  static final String AT = "\"at\":\"2024-03-01T12:00:00Z\"";
  static final String REPO = "\"repo\":\"octo/hello\"";
  static final String ACTOR = "\"actor\":{\"login\":\"alice\",\"bot\":false}";
  static final String STAR = "{\"type\":\"star\"," + AT + "," + REPO + "," + ACTOR + "}";

  static String issueOpened(String number) {
    return "{\"type\":\"issue_opened\"," + AT + "," + REPO + "," + ACTOR + ",\"number\":" + number
        + "}";
  }

  /** A line of the given numbered type, number 1, then {@code tail} (keys with leading commas). */
  static String withTail(String type, String tail) {
    return "{\"type\":\"" + type + "\"," + AT + "," + REPO + "," + ACTOR + ",\"number\":1" + tail
        + "}";
  }

  static String push(String head, String commits) {
    return "{\"type\":\"push\"," + AT + "," + REPO + "," + ACTOR
        + ",\"ref\":\"refs/heads/main\",\"head\":\"" + head + "\",\"commits\":" + commits + "}";
  }

  static String star(String actor) {
    return "{\"type\":\"star\"," + AT + "," + REPO + ",\"actor\":" + actor + "}";
  }

  static String commit(String author, String committer, String files) {
    return "{\"type\":\"commit\"," + AT + "," + REPO + "," + ACTOR
        + ",\"sha\":\"abcdef0\",\"parents\":[],\"author\":" + author + ",\"committer\":"
        + committer + files + "}";
  }

  static final String SIG = "{\"name\":\"a\",\"email\":\"b\"}";
  static final String COMMITTER = "{\"name\":\"a\",\"email\":\"b\"," + AT + "}";

  /** A malformed line and a fragment its message must contain. */
  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("not JSON", "hello world", "invalid JSON: Unrecognized token 'hello'"),
        Arguments.of(
            "truncated JSON",
            STAR.substring(0, STAR.length() - 10),
            "invalid JSON: Unexpected end-of-input"),
        Arguments.of("top-level array", "[" + STAR + "]", "expected a JSON object but found an array"),
        Arguments.of("top-level string", "\"star\"", "expected a JSON object but found a string"),
        Arguments.of("two objects", STAR + " {}", "unexpected content after the JSON object"),
        Arguments.of(
            "duplicate key",
            STAR.replace("{\"type\":\"star\",", "{\"type\":\"star\",\"type\":\"fork\","),
            "Duplicate Object property \"type\""),
        Arguments.of("missing type", STAR.replace("\"type\":\"star\",", ""), "missing field \"type\""),
        Arguments.of("null type", STAR.replace("\"star\"", "null"), "missing field \"type\""),
        Arguments.of("missing at", STAR.replace(AT + ",", ""), "missing field \"at\""),
        Arguments.of("missing repo", STAR.replace(REPO + ",", ""), "missing field \"repo\""),
        Arguments.of("missing actor", STAR.replace("," + ACTOR, ""), "missing field \"actor\""),
        Arguments.of(
            "unknown type", STAR.replace("\"star\"", "\"stargazing\""),
            "unknown event type \"stargazing\""),
        Arguments.of(
            "at with an offset instead of Z",
            STAR.replace("12:00:00Z", "12:00:00+01:00"),
            "field \"at\" must be an ISO-8601 instant in UTC ending in Z, such as"
                + " 2024-03-01T12:00:00Z, but was \"2024-03-01T12:00:00+01:00\""),
        Arguments.of(
            "at without zone", STAR.replace("12:00:00Z", "12:00:00"),
            "field \"at\" must be an ISO-8601 instant"),
        Arguments.of(
            "at unparsable", STAR.replace("2024-03-01T12:00:00Z", "yesterdayZ"),
            "field \"at\" must be an ISO-8601 instant"),
        Arguments.of(
            "at on February 30", STAR.replace("2024-03-01", "2024-02-30"),
            "but was \"2024-02-30T12:00:00Z\""),
        Arguments.of("at as a number", STAR.replace("\"2024-03-01T12:00:00Z\"", "1709294400"),
            "field \"at\" must be a string but was an integer"),
        Arguments.of(
            "number as string", issueOpened("\"5\""),
            "field \"number\" must be an integer but was a string"),
        Arguments.of(
            "fractional number", issueOpened("1.5"),
            "field \"number\" must be an integer but was a fractional number"),
        Arguments.of(
            "number beyond int", issueOpened("3000000000"),
            "field \"number\" is out of range: 3000000000"),
        Arguments.of("negative number", issueOpened("-1"), "field \"number\" must be positive but was -1"),
        Arguments.of("zero number", issueOpened("0"), "field \"number\" must be positive but was 0"),
        Arguments.of("missing number", issueOpened("null"), "missing field \"number\""),
        Arguments.of(
            "repo id as string", STAR.replace(REPO, REPO + ",\"repo_id\":\"12\""),
            "field \"repo_id\" must be an integer but was a string"),
        Arguments.of(
            "actor id as string", star("{\"id\":\"12\",\"bot\":false}"),
            "field \"actor.id\" must be an integer but was a string"),
        Arguments.of(
            "bot as string", star("{\"login\":\"a\",\"bot\":\"false\"}"),
            "field \"actor.bot\" must be a boolean but was a string"),
        Arguments.of(
            "negative commit count", push("abcdef0", "-1"),
            "field \"commits\" must not be negative but was -1"),
        Arguments.of(
            "bad head sha", push("XYZ", "1"),
            "invalid push event: headSha must be 7 to 64 lower-case hex digits but was 'XYZ'"),
        Arguments.of(
            "bad commit sha", commit(SIG, COMMITTER, "").replace("abcdef0", "abc"),
            "invalid commit event: sha must be 7 to 64 lower-case hex digits"),
        Arguments.of(
            "parent not a string", commit(SIG, COMMITTER, "").replace("[]", "[\"abcdef0\",7]"),
            "field \"parents[1]\" must be a string but was an integer"),
        Arguments.of("schema version 3", STAR.replace("{", "{\"v\":3,"),
            "schema version 3 is newer than this reader (2)"),
        Arguments.of("schema version 0", STAR.replace("{", "{\"v\":0,"), "schema version 0 is not valid"),
        Arguments.of(
            "actor with nothing identifying", star("{\"bot\":false}"),
            "field \"actor\": an actor needs at least a login, an id, a name or an e-mail address"),
        Arguments.of("actor without bot", star("{\"login\":\"a\"}"), "missing field \"actor.bot\""),
        Arguments.of("actor not an object", star("\"alice\""),
            "field \"actor\" must be an object but was a string"),
        Arguments.of(
            "actor with blank login", star("{\"login\":\" \",\"bot\":false}"),
            "field \"actor\": login must not be blank"),
        Arguments.of(
            "actor with email and emails",
            star("{\"email\":\"a@x\",\"emails\":[\"b@x\",\"c@x\"],\"bot\":false}"),
            "field \"actor\" has both \"email\" and \"emails\""),
        Arguments.of(
            "bot organisation", star("{\"login\":\"a\",\"bot\":true,\"kind\":\"organization\"}"),
            "field \"actor.kind\" is \"organization\", which contradicts \"bot\": true"),
        Arguments.of(
            "unknown kind", star("{\"login\":\"a\",\"bot\":false,\"kind\":\"robot\"}"),
            "field \"actor.kind\" has unknown value \"robot\""),
        Arguments.of(
            "bad forge", STAR.replace(REPO, REPO + ",\"forge\":\"Git Hub\""),
            "field \"forge\": forge name must match"),
        Arguments.of(
            "unknown association",
            issueOpened("1").replace("}", ",\"association\":\"BOSS\"}").replace("}}", "}}"),
            "field \"association\" has unknown value \"BOSS\"; expected one of [OWNER, MEMBER,"),
        Arguments.of(
            "missing pull_request",
            "{\"type\":\"issue_comment\"," + AT + "," + REPO + "," + ACTOR + ",\"number\":1}",
            "missing field \"pull_request\""),
        Arguments.of(
            "zero comment_id",
            withTail("issue_comment", ",\"pull_request\":false,\"comment_id\":0"),
            "field \"comment_id\" must be positive but was 0"),
        Arguments.of(
            "negative comment_id",
            withTail("review_comment", ",\"comment_id\":-7"),
            "field \"comment_id\" must be positive but was -7"),
        Arguments.of(
            "comment_id as string",
            withTail("review_comment", ",\"comment_id\":\"12\""),
            "field \"comment_id\" must be an integer but was a string"),
        Arguments.of(
            "fractional comment_id",
            withTail("review_comment", ",\"comment_id\":1.5"),
            "field \"comment_id\" must be an integer but was a fractional number"),
        Arguments.of(
            "comment_id beyond long",
            withTail("issue_comment", ",\"pull_request\":true,\"comment_id\":9223372036854775808"),
            "field \"comment_id\" is out of range: 9223372036854775808"),
        Arguments.of(
            "negative review_id",
            withTail("review", ",\"state\":\"approved\",\"review_id\":-1"),
            "field \"review_id\" must be positive but was -1"),
        Arguments.of(
            "review_id as boolean",
            withTail("review", ",\"state\":\"approved\",\"review_id\":true"),
            "field \"review_id\" must be an integer but was a boolean"),
        Arguments.of(
            "unknown review state",
            "{\"type\":\"review\"," + AT + "," + REPO + "," + ACTOR
                + ",\"number\":1,\"state\":\"lgtm\"}",
            "field \"state\" has unknown value \"lgtm\"; expected one of [approved,"),
        Arguments.of(
            "missing committer time", commit(SIG, SIG, ""), "missing field \"committer.at\""),
        Arguments.of(
            "missing author email", commit("{\"name\":\"a\"}", COMMITTER, ""),
            "missing field \"author.email\""),
        Arguments.of(
            "unknown file status",
            commit(SIG, COMMITTER,
                ",\"files\":[{\"status\":\"added\",\"path\":\"a\"},{\"status\":\"X\",\"path\":\"b\"}]"),
            "field \"files[1].status\" has unknown value \"X\""),
        Arguments.of(
            "rename without old path",
            commit(SIG, COMMITTER, ",\"files\":[{\"status\":\"renamed\",\"path\":\"b\"}]"),
            "field \"files[0]\": RENAMED of b needs the old path"),
        Arguments.of(
            "negative line count",
            commit(SIG, COMMITTER, ",\"files\":[{\"status\":\"added\",\"path\":\"b\",\"added\":-2}]"),
            "field \"files[0]\": linesAdded must not be negative but was -2"),
        Arguments.of(
            "co-author with neither name nor e-mail",
            commit(SIG, COMMITTER, ",\"co_authors\":[{\"name\":\"\",\"email\":\"\"}]"),
            "field \"co_authors[0]\": a co-author needs a name or an e-mail"),
        Arguments.of(
            "missing member",
            "{\"type\":\"member_added\"," + AT + "," + REPO + "," + ACTOR
                + ",\"permission\":\"admin\"}",
            "missing field \"member\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void fromLineNamesTheProblemOnLineOne(String name, String line, String expected) {
    MalformedEventException e =
        assertThrows(MalformedEventException.class, () -> EventJsonLines.fromLine(line));
    assertEquals(1, e.lineNumber());
    assertTrue(e.getMessage().startsWith("line 1: "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals("line 1: " + e.reason(), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void readerReportsTheRightLineNumber(String name, String line, String expected) {
    String text = STAR + "\n\n" + STAR + "\r\n" + line + "\n" + STAR + "\n";
    MalformedEventException e =
        assertThrows(
            MalformedEventException.class,
            () -> EventJsonLines.readAll(new StringReader(text)));
    assertEquals(4, e.lineNumber(), e.getMessage());
    assertTrue(e.getMessage().startsWith("line 4: "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void blankLineGivenToFromLine() {
    MalformedEventException e =
        assertThrows(MalformedEventException.class, () -> EventJsonLines.fromLine("   "));
    assertEquals("line 1: blank line: expected a JSON object", e.getMessage());
  }

  @Test
  void hugeInputIsNeverQuotedWhole() {
    String huge = "x".repeat(100_000);
    for (String line :
        new String[] {
          STAR.replace("\"star\"", "\"" + huge + "\""),
          STAR.replace("2024-03-01T12:00:00Z", huge),
          push(huge, "1"),
          huge,
          "{\"type\":" + huge + "}"
        }) {
      MalformedEventException e =
          assertThrows(MalformedEventException.class, () -> EventJsonLines.fromLine(line));
      assertTrue(e.getMessage().length() < 400, e.getMessage());
    }
  }

  @Test
  void quotedInputIsEscapedSoTheMessageStaysOnOneLine() {
    MalformedEventException e =
        assertThrows(
            MalformedEventException.class,
            () -> EventJsonLines.fromLine(STAR.replace("\"star\"", "\"a\\nb\\\"c{}\"")));
    assertEquals("line 1: unknown event type \"a\\u000Ab\\\"c{}\"", e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }
}
