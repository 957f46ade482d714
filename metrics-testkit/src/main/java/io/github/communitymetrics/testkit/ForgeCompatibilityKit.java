package io.github.communitymetrics.testkit;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.NumberedEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks a forge adapter against a scripted loopback forge, in the manner of Micrometer's {@code
 * MeterRegistryCompatibilityKit}: extend it, say which event types the adapter emits, render the
 * {@link ScriptedCommunity} in the forge's wire format and run the adapter; the inherited tests check
 * completeness, de-duplication, stable identities, bot flags, resuming from a checkpoint directory
 * after an outage at many points, and that served-twice and overlapping pages, 502 bursts, bodies cut
 * mid-way and 429s change nothing.
 *
 * <p>Events are compared as {@linkplain #fact facts}: type, repository name, instant, actor login,
 * id and kind, number and whether on a pull request; fields a forge's lists may not carry (names,
 * e-mails, base branches, associations, comment ids) are the adapter's own tests' business. Resumed
 * and faulted runs are compared with an unfaulted run of the same adapter event by event (whole
 * records, as multisets).
 *
 * <p>The adapter should sleep through an injected no-op sleeper: the server asks for at most 1 s of
 * {@code Retry-After} and the adapter's retry policy must absorb three consecutive failures.
 */
public abstract class ForgeCompatibilityKit {
  /** Items per page the loopback forge serves: small, so that every list has several pages. */
  public static final int PAGE_SIZE = 3;

  /** A transport fault the loopback forge injects; each must leave the fetched events unchanged. */
  public enum Fault {
    /** The first request for page 2 of each list is answered with page 1, its {@code Link} included. */
    REPEATED_PAGE,
    /** The first request for each page after the first also carries the previous page's last item. */
    OVERLAPPING_PAGES,
    /** 502 for requests 2, 3 and 4 and every ninth request. */
    BAD_GATEWAY_BURST,
    /** Every fourth request (from the second) gets half its body, then the connection closes. */
    CUT_BODY,
    /** Every fifth request (from the third) gets 429 with {@code Retry-After} of 0 or 1 s. */
    TOO_MANY_REQUESTS
  }

  /** Creates the kit; subclasses are JUnit test classes. */
  protected ForgeCompatibilityKit() {}

  /**
   * The forge the adapter puts in its actors and repositories.
   *
   * @return such as {@link Forge#GITHUB}
   */
  protected abstract Forge forge();

  /**
   * The event types the adapter emits; the kit expects every scripted event of these types and
   * ignores the others.
   *
   * @return the types, not empty
   */
  protected abstract Set<EventType> supportedTypes();

  /**
   * Serves the community in the adapter's wire format.
   *
   * @param community the kit's community, with actors of {@link #forge()}
   * @return the renderer
   */
  protected abstract ForgeRenderer renderer(ScriptedCommunity community);

  /**
   * Runs the adapter once over every repository of the community, as a user would, with a no-op
   * sleeper where the adapter allows one.
   *
   * @param baseUrl the loopback forge's API root, such as {@code http://127.0.0.1:PORT}
   * @param community the repositories to read
   * @param checkpointDirectory where the adapter keeps its cursors; the same directory is given
   *     again to resume
   * @param sink receives each event
   * @throws Exception when the adapter gives up (the kit expects that during an outage)
   */
  protected abstract void fetch(
      URI baseUrl, ScriptedCommunity community, Path checkpointDirectory, Consumer<? super Event> sink)
      throws Exception;

  /**
   * The kind a forge reports for a scripted actor in an event of a type. The default is the
   * scripted kind; a forge on which organizations cannot act (on GitLab a group acts through its
   * users, and owns forks) says what its API shows instead.
   *
   * @param type the event's type
   * @param scripted the scripted actor
   * @return the kind the adapter is expected to report
   */
  protected ActorKind reportedKind(EventType type, Actor scripted) {
    return scripted.kind();
  }

  /** The facts of scripted events as this forge reports them. */
  private List<Fact> expectedFacts(List<Event> events) {
    List<Fact> out = new ArrayList<>();
    for (Event e : events) {
      Fact f = fact(e);
      out.add(new Fact(f.type(), f.repo(), f.at(), f.login(), f.actorId(), reportedKind(e.type(), e.actor()),
          f.number(), f.onPullRequest()));
    }
    return out;
  }

  /**
   * What the kit compares of an event.
   *
   * @param type the event type
   * @param repo the repository's full name
   * @param at when
   * @param login the actor's login, or empty
   * @param actorId the actor's numeric id, or empty
   * @param kind user, bot or organization
   * @param number the issue or pull-request number, 0 for events without one
   * @param onPullRequest whether a numbered event belongs to a pull request
   */
  public record Fact(
      EventType type,
      String repo,
      Instant at,
      Optional<String> login,
      OptionalLong actorId,
      ActorKind kind,
      int number,
      boolean onPullRequest) {}

  /**
   * The fact of an event.
   *
   * @param e the event
   * @return what the kit compares
   */
  public static Fact fact(Event e) {
    Actor a = e.actor();
    int number = 0;
    boolean onPull = false;
    if (e instanceof NumberedEvent) {
      NumberedEvent n = (NumberedEvent) e;
      number = n.number();
      onPull = n.onPullRequest();
    }
    return new Fact(e.type(), e.repo().fullName(), e.at(), a.login(), a.id(), a.kind(), number, onPull);
  }

  private ScriptedCommunity community() {
    return ScriptedCommunity.of(forge());
  }

  private List<Event> expected() {
    List<Event> out = new ArrayList<>();
    for (Event e : community().events()) {
      if (supportedTypes().contains(e.type())) {
        out.add(e);
      }
    }
    return out;
  }

  /** One adapter run against a fresh checkpoint directory below {@code dir}. */
  private List<Event> run(LoopbackForge server, Path checkpoints) throws Exception {
    List<Event> out = new ArrayList<>();
    fetch(server.baseUrl(), community(), checkpoints, out::add);
    return out;
  }

  private static Path directory(Path parent, String name) {
    try {
      return Files.createDirectories(parent.resolve(name));
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot create " + parent.resolve(name), e);
    }
  }

  private LoopbackForge server() {
    return new LoopbackForge(renderer(community()), PAGE_SIZE);
  }

  private static <T> Map<T, Integer> counts(List<T> values) {
    Map<T, Integer> out = new HashMap<>();
    for (T v : values) {
      out.merge(v, 1, Integer::sum);
    }
    return out;
  }

  /** The elements of {@code a} not matched by one in {@code b}, with multiplicity. */
  private static <T> List<T> minus(List<T> a, List<T> b) {
    return EventAssertions.minus(a, b);
  }

  private static List<Fact> facts(List<Event> events) {
    List<Fact> out = new ArrayList<>();
    for (Event e : events) {
      out.add(fact(e));
    }
    return out;
  }

  private static void assertSameMultiset(List<Event> expected, List<Event> actual, String what) {
    EventAssertions.assertSameMultiset(expected, actual, what);
  }

  /**
   * Every scripted event of a supported type comes back, and nothing else.
   *
   * @param dir a temporary directory
   * @throws Exception when the adapter fails
   */
  @Test
  public void everySupportedEventComesBackAndNothingElse(@TempDir Path dir) throws Exception {
    assertTrue(!supportedTypes().isEmpty(), "supportedTypes() is empty");
    List<Event> got;
    try (LoopbackForge server = server()) {
      got = run(server, directory(dir, "run"));
    }
    List<Fact> missing = minus(expectedFacts(expected()), facts(got));
    List<Fact> extra = minus(facts(got), expectedFacts(expected()));
    assertTrue(missing.isEmpty(), () -> missing.size() + " scripted events missing: " + missing);
    assertTrue(extra.isEmpty(), () -> extra.size() + " events not in the script (or duplicated): " + extra);
  }

  /**
   * No event comes back twice, neither as the same record nor as the same fact.
   *
   * @param dir a temporary directory
   * @throws Exception when the adapter fails
   */
  @Test
  public void noDuplicates(@TempDir Path dir) throws Exception {
    List<Event> got;
    try (LoopbackForge server = server()) {
      got = run(server, directory(dir, "run"));
    }
    Map<Fact, Integer> counts = counts(facts(got));
    Map<String, Integer> twice = new TreeMap<>();
    counts.forEach((f, n) -> {
      if (n > 1) {
        twice.put(f.toString(), n);
      }
    });
    assertTrue(twice.isEmpty(), () -> "events emitted more than once: " + twice);
  }

  /**
   * Each actor id has one login and kind across all resources and repositories, the scripted ones.
   *
   * @param dir a temporary directory
   * @throws Exception when the adapter fails
   */
  @Test
  public void identitiesAreStableAcrossResources(@TempDir Path dir) throws Exception {
    List<Event> got;
    try (LoopbackForge server = server()) {
      got = run(server, directory(dir, "run"));
    }
    Map<Long, Actor> scripted = new HashMap<>();
    for (Actor a : community().people()) {
      scripted.put(a.id().orElseThrow(), a);
    }
    Map<Long, Fact> firstById = new HashMap<>();
    Map<String, Long> idByLogin = new HashMap<>();
    for (Event e : got) {
      Actor a = e.actor();
      assertTrue(a.id().isPresent() && a.login().isPresent(), () -> "actor without id or login in " + e);
      long id = a.id().getAsLong();
      Actor truth = scripted.get(id);
      assertTrue(truth != null, () -> "actor id " + id + " is nobody in the script: " + e);
      assertEquals(truth.login(), a.login(), () -> "login of actor " + id + " in " + e);
      assertEquals(reportedKind(e.type(), truth), a.kind(), () -> "kind of actor " + id + " in " + e);
      assertEquals(forge(), a.forge(), () -> "forge of the actor in " + e);
      Fact first = firstById.putIfAbsent(id, fact(e));
      if (first != null) {
        assertEquals(first.login(), a.login(), () -> "actor " + id + " changes login: " + first + " then " + e);
      }
      Long other = idByLogin.putIfAbsent(a.login().orElseThrow(), id);
      assertTrue(other == null || other == id, () -> "login " + a.login() + " has ids " + other + " and " + id);
    }
  }

  /**
   * Events of the scripted bots come back as {@link ActorKind#BOT}, and no one else's do.
   *
   * @param dir a temporary directory
   * @throws Exception when the adapter fails
   */
  @Test
  public void botsAreFlagged(@TempDir Path dir) throws Exception {
    List<Event> got;
    try (LoopbackForge server = server()) {
      got = run(server, directory(dir, "run"));
    }
    long scriptedBotEvents = expected().stream().filter(e -> e.actor().kind() == ActorKind.BOT).count();
    assertTrue(scriptedBotEvents > 0, "the script has no bot events of the supported types");
    Map<String, ActorKind> kinds = new HashMap<>();
    community().people().forEach(a -> kinds.put(a.login().orElseThrow(), a.kind()));
    long botEvents = 0;
    for (Event e : got) {
      ActorKind truth = kinds.get(e.actor().login().orElse(""));
      boolean bot = truth == ActorKind.BOT;
      assertEquals(bot, e.actor().kind() == ActorKind.BOT, () -> "bot flag of " + e);
      botEvents += bot ? 1 : 0;
    }
    assertEquals(scriptedBotEvents, botEvents, "events of bots");
  }

  /**
   * A fetch stopped by an outage after N requests and resumed from the same checkpoint directory
   * emits, over both runs, exactly the events of an uninterrupted fetch, for about a dozen N spread
   * over the whole fetch.
   *
   * @param dir a temporary directory
   * @throws Exception when the adapter fails after the outage
   */
  @Test
  public void resumeAfterAnOutageEqualsAnUninterruptedFetch(@TempDir Path dir) throws Exception {
    List<Event> whole;
    int requests;
    try (LoopbackForge server = server()) {
      whole = run(server, directory(dir, "whole"));
      requests = server.requests();
    }
    assertTrue(requests > 1, "an uninterrupted fetch made " + requests + " requests");
    int step = Math.max(1, requests / 12);
    for (int n = 1; n < requests; n += step) {
      Path checkpoints = directory(dir, "stop-" + n);
      List<Event> both = new ArrayList<>();
      boolean failed = false;
      try (LoopbackForge server = server()) {
        server.outageAfter(n);
        try {
          fetch(server.baseUrl(), community(), checkpoints, both::add);
        } catch (Exception expected) {
          failed = true;
        }
        server.endOutage();
        fetch(server.baseUrl(), community(), checkpoints, both::add);
      }
      assertTrue(failed, "the fetch did not fail when the forge stopped answering after request " + n);
      assertSameMultiset(whole, both, "stopped after request " + n + " of " + requests + ", then resumed");
    }
  }

  /**
   * A fault of the transport or of pagination changes no event.
   *
   * @param fault the fault
   * @param dir a temporary directory
   * @throws Exception when the adapter fails
   */
  @ParameterizedTest
  @EnumSource(Fault.class)
  public void faultsChangeNothing(Fault fault, @TempDir Path dir) throws Exception {
    List<Event> clean;
    try (LoopbackForge server = server()) {
      clean = run(server, directory(dir, "clean"));
    }
    List<Event> faulted;
    try (LoopbackForge server = server()) {
      server.fault(fault);
      faulted = run(server, directory(dir, "faulted"));
    }
    assertSameMultiset(clean, faulted, "with fault " + fault);
  }
}
