package io.github.communitymetrics.examples;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.testkit.CommunitySimulator;
import io.github.communitymetrics.testkit.SimulationConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The community an example looks at, from its command line: the simulated demo community by
 * default, or {@code --events FILE} (canonical JSON Lines, docs/events.md), with {@code --repo
 * OWNER/NAME} (default: the first repository) and {@code --as-of
 * INSTANT} (default: one second after the last event). The activity window is the 90 days before
 * {@code asOf}.
 *
 * @param label where the events came from
 * @param store every event
 * @param people the store's people (identities resolved, bots flagged)
 * @param repository the repository the questions are about
 * @param asOf the instant the answers describe
 */
public record Community(
    String label, EventStore store, People people, Repository repository, Instant asOf) {
  /** The usage line every example prints on a bad argument. */
  public static final String USAGE = "[--events FILE.jsonl] [--repo OWNER/NAME] [--as-of INSTANT]";

  /** The window of the people metrics: the 90 days before {@link #asOf()}. */
  public Window window() {
    return Window.endingAt(asOf, Duration.ofDays(90));
  }

  /** The repository as a metric scope. */
  public RepositoryScope scope() {
    return RepositoryScope.of(repository);
  }

  /** The name shown for a person key. */
  public String label(Actor personKey) {
    return people.identities().personOf(personKey).map(Person::label).orElse(personKey.label());
  }

  /**
   * Parses the arguments and loads the events.
   *
   * @throws IllegalArgumentException on an unknown or incomplete argument, with the usage
   */
  public static Community fromArgs(String... args) throws IOException {
    Path events = null;
    String repo = null;
    Instant asOf = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--events":
          events = Path.of(need(value, "--events"));
          i++;
          break;
        case "--repo":
          repo = need(value, "--repo");
          i++;
          break;
        case "--as-of":
          try {
            asOf = Instant.parse(need(value, "--as-of"));
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of must be like 2025-07-01T00:00:00Z; usage: " + USAGE);
          }
          i++;
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: " + USAGE);
      }
    }
    List<Event> list;
    String label;
    if (events == null) {
      list = CommunitySimulator.simulate(SimulationConfig.demo()).events();
      label = "simulated demo community";
    } else {
      try (Reader in = Files.newBufferedReader(events)) {
        list = EventJsonLines.readAll(in);
      }
      label = events.toString();
    }
    EventStore store = EventStore.of(list);
    if (store.isEmpty()) {
      throw new IllegalArgumentException("no events in " + label);
    }
    String wanted = repo;
    Repository repository =
        wanted == null
            ? store.repositories().get(0)
            : store.repositories().stream()
                .filter(r -> r.fullName().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no events of " + wanted));
    Instant at = asOf != null ? asOf : store.instant(store.size() - 1).plusSeconds(1);
    return new Community(label, store, People.resolve(store), repository, at);
  }

  private static String need(String value, String option) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value; usage: " + USAGE);
    }
    return value;
  }

  /** The heading every example prints first. */
  String heading(String question) {
    return question + "\n" + repository.fullName() + " as of " + asOf + " (" + label + ")\n";
  }
}
