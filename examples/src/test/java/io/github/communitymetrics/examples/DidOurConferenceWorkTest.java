package io.github.communitymetrics.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.impact.CommunityEvent;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.events.CommunityEventFiles;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.PlantedEvent;
import io.github.communitymetrics.simulator.PlantedTruth.EventTruth;
import io.github.communitymetrics.simulator.SimulatedCommunity;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link DidOurConferenceWork} and the notebook {@code 04-did-our-conference-work.jsh} on the
 * demo community and checks what they print against what the simulator planted (its {@link
 * EventTruth}), not against numbers of the code under test: DemoConf 2025's level shift of
 * new contributors per day lies in the printed interval, which excludes 0, and the cohort it
 * brought is found to stay longer. (One realisation: the calibration over many seeds is
 * metrics-simulator's PlantedEventsTest.)
 */
class DidOurConferenceWorkTest {
  static final Pattern LIFT =
      Pattern.compile("lift \\(after minus before, block bootstrap\\): ([+-][0-9.]+) a day, 95 % interval \\[(-?[0-9.]+), (-?[0-9.]+)\\], p = ([0-9.]+)");
  static final Pattern LOG_RANK =
      Pattern.compile("the cohort had (\\d+) departures where ([0-9.]+) were expected if both left alike; chi-square [0-9.]+, p = ([0-9.]+)");

  static SimulatedCommunity demo;
  static Community community;

  @BeforeAll
  static void simulate() {
    demo = CommunitySimulator.simulate(SimulationConfig.demo());
    EventStore store = EventStore.of(demo.events());
    // As Community.fromArgs makes the demo: as of one second after the last event.
    community = new Community("simulated demo community", store, People.resolve(store), store.repositories().get(0),
        store.instant(store.size() - 1).plusSeconds(1), Optional.empty());
  }

  static String output(String eventName) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DidOurConferenceWork.run(community, Optional.empty(), DidOurConferenceWork.demoEvents(), "demo-events.ics",
        eventName, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    System.out.println(out);
    return out;
  }

  @Test
  void theEventFileDescribesThePlantedEvents() {
    List<CommunityEvent> planted = SimulationConfig.DEMO_EVENTS.stream().map(PlantedEvent::event).toList();
    assertEquals(planted, CommunityEventFiles.read(Path.of("src/main/resources/demo-events.ics")));
    assertEquals(planted, DidOurConferenceWork.demoEvents());
    assertEquals(planted, demo.truth().events().stream().map(EventTruth::event).toList());
  }

  @Test
  void findsThePlantedConferenceEffect() {
    String out = output(null);
    assertPlantedEffectFound(out);
  }

  static void assertPlantedEffectFound(String out) {
    EventTruth conference = demo.truth().events().get(0);
    assertTrue(out.contains("Event: DemoConf 2025 (conference,"), out);
    Matcher lift = LIFT.matcher(out);
    assertTrue(lift.find(), out);
    double lower = Double.parseDouble(lift.group(2));
    double upper = Double.parseDouble(lift.group(3));
    // The planted shift holds for the conference and the 42 days after it: the whole after window.
    double planted = conference.newcomerLevelShiftPerDay();
    assertTrue(Double.parseDouble(lift.group(1)) > 0, lift.group());
    assertTrue(lower > 0, "the interval should exclude 0: " + lift.group());
    assertTrue(lower <= planted && planted <= upper, "planted " + planted + " outside " + lift.group());
    Matcher logRank = LOG_RANK.matcher(out);
    assertTrue(logRank.find(), out);
    // Planted: the cohort leaves at 0.4 times the usual rate, so fewer departures than expected.
    assertTrue(conference.departureProbability() < conference.baselineDepartureProbability());
    assertTrue(Integer.parseInt(logRank.group(1)) < Double.parseDouble(logRank.group(2)), logRank.group());
    assertTrue(Double.parseDouble(logRank.group(3)) < 0.05, logRank.group());
    assertTrue(out.contains("Answer: more new contributors after DemoConf 2025"), out);
    assertTrue(out.contains("they stayed longer than the newcomers before it"), out);
  }

  @Test
  void refusesAnOptionWithoutItsValue() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> DidOurConferenceWork.main(new String[] {"--event-file"}));
    assertTrue(e.getMessage().startsWith("--event-file needs a value; usage: "), e.getMessage());
  }

  @Test
  void theNotebookFindsThePlantedConferenceEffect() throws Exception {
    Path notebook = Path.of("notebooks/04-did-our-conference-work.jsh");
    String out = NotebooksTest.run(Files.readString(notebook, StandardCharsets.UTF_8), notebook.toString());
    assertPlantedEffectFound(out);
  }
}
