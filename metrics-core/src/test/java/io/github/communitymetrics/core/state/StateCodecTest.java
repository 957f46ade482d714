package io.github.communitymetrics.core.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.forks.ForkActivity;
import io.github.communitymetrics.core.metrics.forks.HardForkSignals;
import io.github.communitymetrics.core.metrics.governance.ApprovalRule;
import io.github.communitymetrics.core.metrics.governance.Decisions;
import io.github.communitymetrics.core.metrics.governance.Maintainers;
import io.github.communitymetrics.core.metrics.newcomers.GoodFirstIssues;
import io.github.communitymetrics.core.metrics.newcomers.Mentorship;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerExperience;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerStaying;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerWelcomers;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.metrics.stars.FakeStars;
import io.github.communitymetrics.core.metrics.stars.LockstepParameters;
import io.github.communitymetrics.core.metrics.stars.LowActivityParameters;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependency;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependencyResult;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependencyResult;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependencyResult;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactor;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.OnionModel;
import io.github.communitymetrics.core.metrics.busfactor.OnionModelResult;
import io.github.communitymetrics.core.metrics.busfactor.OnionModelResult;
import io.github.communitymetrics.core.metrics.busfactor.OnionModelResult;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactor;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.UnaffiliatedPolicy;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidence;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.ladder.ContributorLadder;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The state codecs on hand-built states: every metric's state of a small store round-trips to
 * the same result and the same bytes, the primitives keep their edge values, and each kind of
 * corrupt input throws {@link StateFormatException} naming the problem. (Simulated communities:
 * {@code StateCodecPropertiesTest} in metrics-testkit.)
 */
class StateCodecTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Repository REPO = Repository.github("org/repo");
  private static final Repository OTHER =
      new Repository(Forge.GITLAB, "group/sub/project", OptionalLong.of(77));
  private static final Actor ALICE = Actor.github("alice");
  private static final Actor BOB =
      new Actor(
          Forge.GITHUB,
          Optional.of("bob"),
          OptionalLong.of(42),
          Optional.of("Bob Ünïcødé 🚀"),
          List.of("bob@acme.example", "b@home.example"),
          ActorKind.USER);
  private static final Actor CAROL = Actor.git("Carol", "carol@acme.example");
  private static final Actor BOT = Actor.github("dependabot[bot]").withKind(ActorKind.BOT);

  private static Instant day(int d) {
    return T0.plus(Duration.ofDays(d));
  }

  /** A little of everything: openings, merges with and without author, reviews, grants. */
  static List<Event> events() {
    Optional<AuthorAssociation> member = Optional.of(AuthorAssociation.MEMBER);
    Optional<AuthorAssociation> none = Optional.of(AuthorAssociation.NONE);
    Signature carol = new Signature("Carol", "carol@acme.example", day(3));
    List<Event> e = new ArrayList<>();
    e.add(new Star(day(0), REPO, ALICE));
    e.add(new Fork(day(1), REPO, BOB, Optional.of("bob/repo")));
    e.add(new IssueOpened(day(1).plusNanos(5), REPO, ALICE, 1, none));
    e.add(new IssueComment(day(2), REPO, BOB, 1, false, member, OptionalLong.of(9)));
    e.add(new IssueClosed(day(4), REPO, BOB, 1));
    e.add(new PullRequestOpened(day(2), REPO, ALICE, 2, false, Optional.of("main"), none));
    e.add(new Review(day(3), REPO, BOB, 2, ReviewState.APPROVED, Optional.empty(), member, OptionalLong.of(3)));
    e.add(new PullRequestMerged(day(5), REPO, BOB, 2, Optional.empty(), Optional.of("main"), Optional.empty()));
    e.add(new PullRequestOpened(day(6), OTHER, BOT, 1, false, Optional.empty(), Optional.empty()));
    e.add(new PullRequestMerged(day(7), OTHER, CAROL, 1, Optional.of(BOT), Optional.empty(), Optional.empty()));
    e.add(new Commit(day(3), REPO, CAROL, "a".repeat(40), List.of(), carol, carol, List.of(), List.of()));
    e.add(new MemberAdded(day(0), REPO, BOB, CAROL, Permission.values()[0]));
    e.add(new Star(day(30), OTHER, CAROL));
    // Labels, an assignment and a closing reference (read by good-first-issues).
    e.add(new IssueOpened(day(8), REPO, BOB, 3, none, List.of("Good First Issue")));
    e.add(new LabelChanged(day(9), REPO, BOB, 3, false, "help wanted", true));
    e.add(new IssueAssigned(day(9), REPO, BOB, 3, false, CAROL));
    e.add(new PullRequestOpened(day(10), REPO, ALICE, 4, false, Optional.of("main"), none, List.of("easy"), Optional.of("alice/repo"), List.of(3)));
    e.add(new PullRequestMerged(day(11), REPO, BOB, 4, Optional.of(ALICE), Optional.of("main"), Optional.empty()));
    e.add(new IssueClosed(day(11), REPO, BOB, 3));
    // A fork that pushes and releases (read by the fork metrics with the fork outside the scope).
    e.add(new Fork(day(12), REPO, CAROL, Optional.of("carol/renamed")));
    Repository renamed = Repository.github("carol/renamed");
    e.add(new Push(day(13), renamed, CAROL, "refs/heads/main", "b".repeat(40), 2));
    e.add(new Release(day(14), renamed, CAROL, "v1", Optional.empty(), false));
    return e;
  }

  static List<SliceMetric<?, ?>> metrics() {
    Window w = Window.of(T0.minus(Duration.ofDays(1)), day(60));
    Instant asOf = day(60);
    Affiliations affiliations = Affiliations.builder().domain("acme.example", "Acme").build();
    return List.of(
        ContributorAbsenceFactor.chaoss(w),
        LotteryFactor.openSauced(asOf),
        ContributorDependency.lfx(w),
        ElephantFactor.chaoss(w, affiliations),
        ElephantFactor.chaoss(w, affiliations).withUnaffiliated(UnaffiliatedPolicy.values()[UnaffiliatedPolicy.values().length - 1]),
        OnionModel.grimoireLab(w),
        PonyFactor.kibble(asOf, 1),
        CohortConfidence.defaults(RepositoryScope.all(), w, asOf),
        OpenSaucedConfidence.openSauced(REPO, asOf).withRange(365),
        ContributorLadder.over(w),
        Retention.lfx(w),
        Responsiveness.chaoss(w, asOf),
        new FakeStars(RepositoryScope.all(), w, LowActivityParameters.STARSCOUT, LockstepParameters.STARSCOUT),
        NewcomerExperience.INSTANCE.metric(Evaluation.of(RepositoryScope.all(), w)),
        NewcomerStaying.INSTANCE.metric(Evaluation.of(RepositoryScope.all(), w)),
        NewcomerWelcomers.INSTANCE.metric(Evaluation.of(RepositoryScope.all(), w)),
        Mentorship.INSTANCE.metric(Evaluation.of(RepositoryScope.all(), w)),
        GoodFirstIssues.INSTANCE.metric(Evaluation.of(RepositoryScope.all(), w)),
        ApprovalRule.INSTANCE.metric(Evaluation.of(RepositoryScope.all(), w).withAffiliations(affiliations)),
        Decisions.INSTANCE.metric(Evaluation.of(RepositoryScope.all(), w).withAffiliations(affiliations)),
        Maintainers.INSTANCE.metric(Evaluation.of(RepositoryScope.all(), w).withAffiliations(affiliations)),
        ForkActivity.INSTANCE.metric(Evaluation.of(RepositoryScope.of(REPO), w)),
        HardForkSignals.INSTANCE.metric(Evaluation.of(RepositoryScope.of(REPO), w)));
  }

  @Test
  void everyMetricsStateRoundTripsToTheSameResultAndBytes() {
    EventStore store = EventStore.of(events());
    People people = People.resolve(store);
    for (SliceMetric<?, ?> m : metrics()) {
      roundTrip(m, store, people);
      roundTrip(m, EventStore.of(List.of()), People.resolve(EventStore.of(List.of())));
    }
  }

  private static <S> void roundTrip(SliceMetric<S, ?> m, EventStore store, People people) {
    StateCodec<S> codec = m.stateCodec();
    S state = m.accumulate(store, people);
    byte[] bytes = codec.encode(state);
    S decoded = codec.decode(bytes);
    assertEquals(m.finish(state), m.finish(decoded), m.toString());
    assertArrayEquals(bytes, codec.encode(decoded), m.toString());
    assertEquals(codec.id(), new String(bytes, 4, bytes[3], StandardCharsets.US_ASCII), m.toString());
    for (int n = 0; n < bytes.length; n++) {
      byte[] cut = Arrays.copyOf(bytes, n);
      assertThrows(StateFormatException.class, () -> codec.decode(cut), m + " cut at " + n);
    }
  }

  @Test
  void actorListsKeepOrderDuplicatesAndEveryField() {
    List<Actor> actors = List.of(BOB, ALICE, CAROL, BOT, BOB, new Actor(
        new Forge("gitlab:gitlab.example.org"), Optional.empty(), OptionalLong.of(Long.MIN_VALUE),
        Optional.empty(), List.of(), ActorKind.ORGANIZATION));
    byte[] bytes = StateCodecs.actors().encode(actors);
    assertEquals(actors, StateCodecs.actors().decode(bytes));
    assertEquals(List.of(), StateCodecs.actors().decode(StateCodecs.actors().encode(List.of())));
  }

  /** A codec of one value, to test the primitives and the header. */
  private static <T> BinaryStateCodec<T> codec(
      BinaryStateCodec.Layout<T> layout, BinaryStateCodec.Parser<T> parser) {
    return BinaryStateCodec.of("test", 1, layout, parser);
  }

  @Test
  void primitivesKeepTheirEdgeValues() {
    long[] longs = {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, Long.MAX_VALUE};
    BinaryStateCodec<long[]> varlongs =
        codec((v, out) -> out.list(Arrays.stream(v).boxed().toList(), StateWriter::varlong),
            in -> in.list("v", in::varlong).stream().mapToLong(Long::longValue).toArray());
    assertArrayEquals(longs, varlongs.decode(varlongs.encode(longs)));
    long[] signed = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, -64, 64};
    BinaryStateCodec<long[]> zigzags =
        codec((v, out) -> out.list(Arrays.stream(v).boxed().toList(), StateWriter::zigzag),
            in -> in.list("v", in::zigzag).stream().mapToLong(Long::longValue).toArray());
    assertArrayEquals(signed, zigzags.decode(zigzags.encode(signed)));
    long[] ascending = {-5, -5, 0, 1_700_000_000L, 1_700_000_000L, Long.MAX_VALUE / 2};
    BinaryStateCodec<long[]> asc = codec((v, out) -> out.ascending(v), in -> in.ascending());
    assertArrayEquals(ascending, asc.decode(asc.encode(ascending)));
    assertThrows(IllegalArgumentException.class, () -> asc.encode(new long[] {2, 1}));
    List<Instant> instants =
        List.of(Instant.MIN, Instant.MAX, Instant.EPOCH, T0.plusNanos(999_999_999), T0.minusNanos(1));
    BinaryStateCodec<List<Instant>> times = codec((v, out) -> out.instants(v), in -> in.instants());
    assertEquals(instants, times.decode(times.encode(instants)));
    BinaryStateCodec<List<Instant>> one =
        codec((v, out) -> out.list(v, StateWriter::instant), in -> in.list("t", in::instant));
    assertEquals(instants, one.decode(one.encode(instants)));
    List<String> strings = List.of("", "a", "Ünïcødé", "🚀 surrogate pair", "x".repeat(70_000));
    BinaryStateCodec<List<String>> inPlace =
        codec((v, out) -> out.list(v, StateWriter::string), in -> in.list("s", in::string));
    assertEquals(strings, inPlace.decode(inPlace.encode(strings)));
    BinaryStateCodec<List<String>> shared =
        codec((v, out) -> out.list(v, StateWriter::sharedString), in -> in.list("s", in::sharedString));
    List<String> repeated =
        List.of("acme.example", "b", "acme.example", "acme.example", "Ünïcødé", "acme.example");
    byte[] sharedBytes = shared.encode(repeated);
    assertEquals(repeated, shared.decode(sharedBytes));
    assertTrue(sharedBytes.length < inPlace.encode(repeated).length);
  }

  private static StateFormatException rejects(StateCodec<?> codec, byte[] bytes, String message) {
    StateFormatException e = assertThrows(StateFormatException.class, () -> codec.decode(bytes));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    return e;
  }

  /** The header of codec "test" version 1 and empty tables, then {@code body}. */
  private static byte[] test(int... body) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {'C', 'M', 'S', 4, 't', 'e', 's', 't', 1, 0, 0, 0});
    for (int x : body) {
      b.write(x);
    }
    return b.toByteArray();
  }

  @Test
  void corruptInputsNameTheirProblem() {
    BinaryStateCodec<List<Boolean>> bools =
        codec((v, out) -> out.list(v, StateWriter::bool), in -> in.list("flags", in::bool));
    assertArrayEquals(test(2, 1, 0), bools.encode(List.of(true, false)));
    rejects(bools, new byte[0], "truncated in the magic bytes");
    rejects(bools, "JSON".getBytes(StandardCharsets.US_ASCII), "no magic bytes");
    byte[] other = BinaryStateCodec.of("other", 1, bools::writeLayout, bools::readLayout).encode(List.of());
    rejects(bools, other, "unknown codec id 'other' (this codec reads 'test')");
    byte[] v2 = test(0);
    v2[8] = 2;
    rejects(bools, v2, "unsupported version 2 (this codec reads version 1)");
    rejects(bools, test(0, 0), "1 trailing bytes");
    rejects(bools, test(2, 1), "flags: 2 elements but only 1 bytes remain");
    BinaryStateCodec<Integer> varint = codec((v, out) -> out.varint(v), in -> in.varint());
    rejects(varint, test(0x80), "truncated at byte 13");
    rejects(bools, test(1, 2), "boolean byte 2");
    // A count larger than the bytes left: refused before anything is allocated.
    rejects(bools, test(0xFF, 0xFF, 0xFF, 0xFF, 0x07), "2147483647 elements but only 0 bytes remain");
    rejects(bools, test(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), "does not fit an int");
    rejects(bools, test(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F), "longer than 64 bits");
    rejects(bools, test(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01), "negative as a long");
    BinaryStateCodec<Actor> actor = codec((a, out) -> out.actor(a), in -> in.actor());
    rejects(actor, test(0), "actor reference 0 not below 0");
    BinaryStateCodec<Repository> repo = codec((r, out) -> out.repository(r), in -> in.repository());
    rejects(repo, test(3), "repository reference 3 not below 0");
    BinaryStateCodec<String> string = codec((s, out) -> out.string(s), in -> in.string());
    rejects(string, test(2, 0xC3, 0x28), "malformed UTF-8");
    rejects(string, test(5, 'a'), "string of 5 bytes but only 1 remain");
    BinaryStateCodec<ActorKind> kind =
        codec((k, out) -> out.varint(k.ordinal()), in -> in.constant(ActorKind.values(), "actor kind"));
    rejects(kind, test(ActorKind.values().length), "actor kind ordinal " + ActorKind.values().length);
    BinaryStateCodec<Instant> instant = codec((t, out) -> out.instant(t), in -> in.instant());
    rejects(instant, test(0, 0x80, 0x94, 0xEB, 0xDC, 0x03), "nanoseconds 1000000000");
  }

  @Test
  void aValueItsOwnTypeRejectsIsAFormatError() {
    // An actor table entry whose login is blank: Actor's own check fails, the codec says why.
    byte[] bytes = StateCodecs.actors().encode(List.of(Actor.github("x")));
    int login = indexOf(bytes, (byte) 'x');
    bytes[login] = ' ';
    StateFormatException e = rejects(StateCodecs.actors(), bytes, "invalid value");
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError();
  }

  @Test
  void codecsCheckTheirArguments() {
    assertThrows(NullPointerException.class, () -> StateCodecs.actors().encode(null));
    assertThrows(NullPointerException.class, () -> StateCodecs.actors().decode(null));
    assertThrows(IllegalArgumentException.class, () -> BinaryStateCodec.of("Upper", 1, (s, o) -> {}, in -> ""));
    assertThrows(IllegalArgumentException.class, () -> BinaryStateCodec.of("ok", 0, (s, o) -> {}, in -> ""));
    assertEquals("actors", StateCodecs.actors().id());
    assertEquals(1, StateCodecs.actors().version());
  }

  @Test
  void aMetricWithoutACodecSaysSo() {
    SliceMetric<String, String> plain =
        new SliceMetric<>() {
          @Override
          public String accumulate(EventStore slice, People people) {
            return "";
          }

          @Override
          public String merge(String a, String b) {
            return a + b;
          }

          @Override
          public String finish(String state) {
            return state;
          }
        };
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, plain::stateCodec);
    assertTrue(e.getMessage().contains("has no state codec"), e.getMessage());
  }
}
