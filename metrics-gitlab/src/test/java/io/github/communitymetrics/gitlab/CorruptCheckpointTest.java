package io.github.communitymetrics.gitlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.forge.CheckpointException;
import io.github.communitymetrics.forge.HttpSender;
import io.github.communitymetrics.forge.RetryPolicy;
import io.github.communitymetrics.forge.Token;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint whose cursors have the right shape but values that do not parse (edited by hand,
 * or by another tool) is refused with a {@link CheckpointException}, never with the parser's own
 * unchecked exception.
 */
class CorruptCheckpointTest {
  private static final GitLabTarget TARGET = GitLabTarget.project("acme/widget");

  @TempDir Path dir;

  private static GitLabSource source(HttpSender sender) {
    return GitLabSource.builder()
        .baseUrl(URI.create(FakeGitLab.BASE))
        .privateToken(Token.of("glpat-secret-123", "TEST"))
        .sender(sender)
        .sleeper(d -> {})
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  /** Rewrites the escaped value of every cursor line of the state whose key ends with {@code suffix}. */
  private void corrupt(String suffix, UnaryOperator<String> value) throws IOException {
    Path state = dir.resolve("crawl.state");
    List<String> lines = Files.readAllLines(state);
    List<String> out = new ArrayList<>();
    boolean changed = false;
    for (String line : lines) {
      String[] f = line.split("\t", -1);
      if (f.length == 3 && f[0].equals("cursor") && f[1].endsWith(suffix)) {
        out.add(f[0] + "\t" + f[1] + "\t" + value.apply(f[2]));
        changed = true;
      } else {
        out.add(line);
      }
    }
    assertTrue(changed, "no cursor ending with " + suffix + " in\n" + String.join("\n", lines));
    Files.writeString(state, out.stream().collect(Collectors.joining("\n", "", "\n")));
  }

  private CheckpointException refetch(FetchOptions options, FakeGitLab gl) {
    List<Event> events = new ArrayList<>();
    return assertThrows(CheckpointException.class, () -> source(gl).fetch(TARGET, options, events::add));
  }

  @Test
  void aPushCursorWithAnImpossibleDay() throws IOException {
    FakeGitLab gl = new FakeGitLab(0, 0, 0, 0);
    gl.pushes = 10;
    FetchOptions options =
        FetchOptions.all().withResources(EnumSet.of(GitLabResource.PUSHES)).withCheckpointDirectory(dir);
    source(gl).fetch(TARGET, options, e -> {});
    // ID<TAB>DATE, escaped as ID\tDATE: a month 13 passes the shape check but not LocalDate.
    corrupt(".pushes", v -> v.substring(0, v.indexOf("\\t")) + "\\t2024-13-45");
    CheckpointException e = refetch(options, gl);
    assertTrue(e.getMessage().contains("2024-13-45"), e.getMessage());
    assertEquals(dir, e.directory());
  }

  @Test
  void aListCursorWhoseUrlDoesNotParse() throws IOException {
    FakeGitLab gl = new FakeGitLab(0, 0, 0, 3);
    FetchOptions options =
        FetchOptions.all().withResources(EnumSet.of(GitLabResource.ISSUES)).withCheckpointDirectory(dir);
    source(gl).fetch(TARGET, options, e -> {});
    // URL<TAB>updated, escaped as URL\tupdated: a space makes the URL unparsable.
    corrupt(".issues", v -> "not a url" + v.substring(v.indexOf("\\t")));
    CheckpointException e = refetch(options, gl);
    assertTrue(e.getMessage().contains("not a url"), e.getMessage());
  }
}
