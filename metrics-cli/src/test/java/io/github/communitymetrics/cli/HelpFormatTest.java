package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help formats: picocli reads descriptions as format strings, so a bare {@code %}
 * (a "95% interval") makes it warn on {@code System.err} itself and print the text unformatted.
 */
class HelpFormatTest {
  @Test
  void everyCommandsHelpFormatsWithoutAWarning() {
    List<String> commands = List.copyOf(new CommandLine(new CommunityMetricsCli()).getSubcommands().keySet());
    assertTrue(commands.size() > 5, commands.toString());
    for (String command : commands) {
      PrintStream stderr = System.err;
      ByteArrayOutputStream warnings = new ByteArrayOutputStream();
      CommunityMetricsCliTest.Run r;
      try {
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        r = CommunityMetricsCliTest.run(command, "--help");
      } finally {
        System.setErr(stderr);
      }
      assertEquals(0, r.status(), command + ": " + r.err());
      String text = warnings.toString(StandardCharsets.UTF_8);
      assertTrue(!text.contains("Could not format"), command + ": " + text);
    }
  }
}
