package io.github.communitymetrics.core.metrics.governance;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/** Hand-built governance events and a seeded random stream, shared by the governance tests. */
final class Fixture {
  static final Repository REPO = Repository.github("acme/vmm");
  static final Repository RFCS = Repository.github("acme/rfcs");

  private Fixture() {}

  static Instant t(String day) {
    return Instant.parse("2024-" + day + "T12:00:00Z");
  }

  static Actor a(String login) {
    return Actor.github(login);
  }

  static Event pr(Repository repo, int n, String author, String day, String... labels) {
    return new PullRequestOpened(t(day), repo, a(author), n, false, Optional.empty(), Optional.empty(), List.of(labels));
  }

  static Event issue(Repository repo, int n, String author, String day, String... labels) {
    return new IssueOpened(t(day), repo, a(author), n, Optional.empty(), List.of(labels));
  }

  static Event review(Repository repo, int n, String reviewer, String day, ReviewState state, boolean collaborator) {
    return new Review(t(day), repo, a(reviewer), n, state, Optional.empty(),
        collaborator ? Optional.of(AuthorAssociation.COLLABORATOR) : Optional.empty(), OptionalLong.empty());
  }

  static Event approve(int n, String reviewer, String day) {
    return review(REPO, n, reviewer, day, ReviewState.APPROVED, false);
  }

  static Event merge(Repository repo, int n, String merger, String day) {
    return new PullRequestMerged(t(day), repo, a(merger), n, Optional.empty(), Optional.empty(), Optional.empty());
  }

  static Event close(Repository repo, int n, String closer, String day) {
    return new PullRequestClosed(t(day), repo, a(closer), n, Optional.empty());
  }

  static Event comment(Repository repo, int n, String who, String day, boolean pullRequest, boolean member) {
    return new IssueComment(t(day), repo, a(who), n, pullRequest,
        Optional.of(member ? AuthorAssociation.MEMBER : AuthorAssociation.NONE), OptionalLong.empty());
  }

  static Event label(Repository repo, int n, String who, String day, boolean pullRequest, String label, boolean added) {
    EventType type = pullRequest
        ? (added ? EventType.PULL_REQUEST_LABELED : EventType.PULL_REQUEST_UNLABELED)
        : (added ? EventType.ISSUE_LABELED : EventType.ISSUE_UNLABELED);
    return LabelChanged.of(type, t(day), repo, a(who), n, label);
  }

  static Event grant(Repository repo, String member, String day) {
    return new MemberAdded(t(day), repo, a("owner"), a(member), Permission.WRITE);
  }

  /** A random stream over two repositories and a few people (one bot), labels and verdicts. */
  static List<Event> random(Random r, int n) {
    String[] people = {"ann", "ben", "cat", "dan", "eve", "fay", "dependabot[bot]"};
    String[] labels = {"rfc", "kep", "bug", "postponed", "accepted"};
    Repository[] repos = {REPO, RFCS};
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Repository repo = repos[r.nextInt(2)];
      int number = 1 + r.nextInt(12);
      String who = people[r.nextInt(people.length)];
      Instant at = Instant.parse(
          String.format("2024-%02d-%02dT%02d:00:00Z", 1 + r.nextInt(6), 1 + r.nextInt(28), r.nextInt(24)));
      boolean pull = number % 3 != 0;
      Event e = switch (r.nextInt(9)) {
        case 0 -> pull
            ? new PullRequestOpened(at, repo, a(who), number, false, Optional.empty(), Optional.empty(),
                r.nextBoolean() ? List.of(labels[r.nextInt(labels.length)]) : List.of())
            : new IssueOpened(at, repo, a(who), number, Optional.empty(), List.of(labels[r.nextInt(labels.length)]));
        case 1 -> new Review(at, repo, a(who), number, ReviewState.values()[r.nextInt(4)], Optional.empty(),
            r.nextBoolean() ? Optional.of(AuthorAssociation.MEMBER) : Optional.empty(), OptionalLong.empty());
        case 2 -> new Review(at, repo, a(who), number, ReviewState.APPROVED, Optional.empty(), Optional.empty(), OptionalLong.empty());
        case 3 -> new PullRequestMerged(at, repo, a(who), number, Optional.empty(), Optional.empty(), Optional.empty());
        case 4 -> new PullRequestClosed(at, repo, a(who), number, Optional.empty());
        case 5 -> new IssueComment(at, repo, a(who), number, pull,
            Optional.of(r.nextBoolean() ? AuthorAssociation.MEMBER : AuthorAssociation.NONE), OptionalLong.empty());
        case 6 -> LabelChanged.of(pull ? EventType.PULL_REQUEST_LABELED : EventType.ISSUE_LABELED, at, repo, a(who), number,
            labels[r.nextInt(labels.length)]);
        case 7 -> new MemberAdded(at, repo, a("owner"), a(who), Permission.WRITE);
        default -> new IssueComment(at, repo, a(who), number, pull, Optional.empty(), OptionalLong.empty());
      };
      out.add(e);
    }
    return out;
  }

  /**
   * Splits {@code events} into random slices, accumulates each in its own store, sends each
   * state through the codec (checking that it encodes to the same bytes again) and merges them
   * in a random order.
   */
  static <S, R> R splitMerged(SliceMetric<S, R> m, List<Event> events, Random r) {
    int parts = 2 + r.nextInt(4);
    List<List<Event>> slices = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      slices.add(new ArrayList<>());
    }
    for (Event e : events) {
      slices.get(r.nextInt(parts)).add(e);
    }
    StateCodec<S> codec = m.stateCodec();
    List<S> states = new ArrayList<>();
    for (List<Event> s : slices) {
      EventStore store = EventStore.of(s);
      byte[] bytes = codec.encode(m.accumulate(store, People.resolve(store)));
      S back = codec.decode(bytes);
      if (!java.util.Arrays.equals(bytes, codec.encode(back))) {
        throw new AssertionError("the codec does not round-trip");
      }
      states.add(back);
    }
    java.util.Collections.shuffle(states, r);
    S merged = states.get(0);
    for (int i = 1; i < states.size(); i++) {
      merged = r.nextBoolean() ? m.merge(merged, states.get(i)) : m.merge(states.get(i), merged);
    }
    return m.finish(merged);
  }
}
