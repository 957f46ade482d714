package io.github.communitymetrics.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Event;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo communities' event streams are pinned: opt-in mechanisms added to the simulator must
 * leave them byte for byte as they were. The digests were taken from the simulator before the
 * good-first-issue claims were added (commit 838746f); a change that moves any draw of the
 * default process changes them.
 */
class DemoStreamPinTest {
  /** SHA-256 of the events' {@code toString}, one per line, in stream order. */
  static String digest(List<Event> events) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Event e : events) {
        md.update(e.toString().getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theDefaultDemoIsUnchanged() {
    List<Event> events = CommunitySimulator.simulate(SimulationConfig.demo()).events();
    assertEquals("54892 9a1006744c83b91e319802adacc254cbee380950814265b32129e591448e8490", events.size() + " " + digest(events));
  }

  @Test
  void theWelcomeDemoIsUnchanged() {
    List<Event> events = CommunitySimulator.simulate(SimulationConfig.welcomeDemo()).events();
    assertEquals("78124 b12a13538443e4a9245312161432c087f8be6a6139ad01fc4e44eec3c06f87a3", events.size() + " " + digest(events));
  }
}
