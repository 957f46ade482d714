package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fetch-gitlab}: reads a GitLab project or group and writes canonical JSON Lines events. */
@Command(
    name = "fetch-gitlab",
    mixinStandardHelpOptions = true,
    description = "Reads a GitLab project or group and writes its events as JSON Lines (docs/events.md).")
final class FetchGitLabCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin GitLabOptions gitlab;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write (default: standard output).")
  Path output;

  @Override
  public Integer call() throws IOException {
    if (!gitlab.isSet()) {
      throw new ParameterException(spec.commandLine(), "give --gitlab PROJECT or --gitlab-group GROUP");
    }
    PrintWriter err = spec.commandLine().getErr();
    Writer out =
        output == null
            ? spec.commandLine().getOut()
            : new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8);
    if (output == null) {
      // Standard output stays open for the caller.
      EventWriter writer = EventJsonLines.writer(out);
      gitlab.fetch(writer::write, err);
      writer.flush();
    } else {
      try (EventWriter writer = EventJsonLines.writer(out)) {
        gitlab.fetch(writer::write, err);
      }
    }
    return CommunityMetricsCli.EXIT_OK;
  }
}
