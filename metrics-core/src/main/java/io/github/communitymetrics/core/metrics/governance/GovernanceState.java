package io.github.communitymetrics.core.metrics.governance;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.internal.StateReader;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mergeable state of the governance metrics ({@link ApprovalRule}, {@link Decisions}, {@link
 * Maintainers}): what the slices saw of every issue and pull request (keyed by repository and
 * number, so an item's events may fall into different slices), the earliest access grant
 * ({@code member_added}) of each person per repository, and each person's organisation at the
 * as-of instant. Every act carries the organisation of its actor <em>at the act's instant</em>,
 * so a reviewer who moved companies counts for the company of the day.
 *
 * <p>Immutable once built; merging makes a new state: openings by the earliest, acts by union,
 * grants by the earliest. The three metrics share one scan and one codec ({@code governance},
 * version 1), so the state of one metric is the state of the others for equal parameters.
 */
public final class GovernanceState {
  private static final Comparator<ItemKey> ITEM_ORDER =
      Comparator.comparing(ItemKey::repository, StateWriter.REPOSITORIES).thenComparingInt(ItemKey::number);
  private static final Comparator<GrantKey> GRANT_ORDER =
      Comparator.comparing(GrantKey::repository, StateWriter.REPOSITORIES)
          .thenComparing(GrantKey::person, StateWriter.ACTORS);
  /** Acts in a canonical order, so that results never depend on the order of merges. */
  static final Comparator<Act> ACT_ORDER =
      Comparator.comparing(Act::at)
          .thenComparing(Act::kind)
          .thenComparing(Act::person, StateWriter.ACTORS)
          .thenComparing(a -> a.label() == null ? "" : a.label());

  /**
   * Layout: items (opening, author, labels at opening, acts), grants, organisations at as-of, the
   * named maintainers seen (login, person key). Version 2 added the named maintainers.
   */
  static final BinaryStateCodec<GovernanceState> CODEC =
      BinaryStateCodec.of("governance", 2, GovernanceState::write, GovernanceState::read);

  /** What someone did on an item. */
  enum Kind {
    /** An issue comment or a review comment. */
    COMMENT,
    /** A review that approved. */
    APPROVED,
    /** A review that asked for changes. */
    CHANGES_REQUESTED,
    /** A review without a verdict. */
    REVIEWED,
    /** A review dismissed (the reviewer's verdict no longer stands). */
    DISMISSED,
    /** The pull request was merged. */
    MERGED,
    /** Closed without merge. */
    CLOSED,
    /** Reopened. */
    REOPENED,
    /** A label added ({@link Act#label()}). */
    LABELED,
    /** A label removed. */
    UNLABELED
  }

  /** An issue or pull request. */
  record ItemKey(Repository repository, int number) {}

  /** A person's grant in one repository. */
  record GrantKey(Repository repository, Actor person) {}

  /**
   * One act on an item.
   *
   * @param at when
   * @param person the actor's person key
   * @param bot whether the actor is a bot
   * @param kind what was done
   * @param maintainerAssociation whether the event carried author association owner, member or
   *     collaborator
   * @param organization the actor's organisation at {@code at}, or null when unaffiliated
   * @param label the label, lower case, for {@link Kind#LABELED} and {@link Kind#UNLABELED}; else
   *     null
   */
  record Act(
      Instant at, Actor person, boolean bot, Kind kind, boolean maintainerAssociation, String organization, String label) {}

  /** What the slices know of one item; mutable only while one slice is scanned. */
  static final class Item {
    Instant opened;
    Actor author;
    boolean authorBot;
    boolean pullRequest;
    boolean openerMaintainer;
    List<String> openingLabels = List.of();
    final List<Act> acts = new ArrayList<>(2);

    void author(Actor person, boolean bot, boolean fromOpening) {
      if (author == null || fromOpening) {
        author = person;
        authorBot = bot;
      }
    }

    /** The acts in {@link #ACT_ORDER}. */
    List<Act> sortedActs() {
      List<Act> out = new ArrayList<>(acts);
      out.sort(ACT_ORDER);
      return out;
    }

    static Item merge(Item a, Item b) {
      Item m = new Item();
      Item first =
          a.opened != null && (b.opened == null || !b.opened.isBefore(a.opened)) ? a : b.opened != null ? b : null;
      Item source = first != null ? first : a.author != null ? a : b;
      if (first != null) {
        m.opened = first.opened;
        m.openingLabels = first.openingLabels;
        m.openerMaintainer = first.openerMaintainer;
      }
      m.author = source.author;
      m.authorBot = source.authorBot;
      m.pullRequest = a.pullRequest || b.pullRequest;
      m.acts.addAll(a.acts);
      m.acts.addAll(b.acts);
      return m;
    }
  }

  final Map<ItemKey, Item> items;
  final Map<GrantKey, Instant> grants;
  final Map<Actor, String> organizationAtEnd;
  /**
   * The maintainers named explicitly (a MAINTAINERS or CODEOWNERS file's logins, lower case) that
   * the events show, with the person key each login resolved to.
   */
  final Map<String, Actor> named;

  GovernanceState(
      Map<ItemKey, Item> items, Map<GrantKey, Instant> grants, Map<Actor, String> organizationAtEnd, Map<String, Actor> named) {
    this.items = Collections.unmodifiableMap(items);
    this.grants = Collections.unmodifiableMap(grants);
    this.organizationAtEnd = Collections.unmodifiableMap(organizationAtEnd);
    this.named = Collections.unmodifiableMap(named);
  }

  /** How many issues and pull requests the state knows something about. */
  public int itemCount() {
    return items.size();
  }

  /**
   * Scans one slice: the events of {@code scope} before {@code asOf}. Bots' acts are kept (with
   * their flag) and left out by the metrics.
   *
   * @param maintainerLogins logins named as maintainers (lower case), whatever the events say;
   *     a person any of whose logins is named is one
   */
  static GovernanceState scan(
      EventStore slice, People people, RepositoryScope scope, Instant asOf, Affiliations affiliations,
      Set<String> maintainerLogins) {
    EventStore s = scope.restrict(slice);
    Map<ItemKey, Item> items = new HashMap<>();
    Map<GrantKey, Instant> grants = new HashMap<>();
    Map<Actor, String> orgs = new HashMap<>();
    Map<String, Actor> named = new HashMap<>();
    Set<Integer> personsSeen = new HashSet<>();
    for (int i = 0; i < s.size(); i++) {
      Instant at = s.instant(i);
      if (!at.isBefore(asOf)) {
        continue;
      }
      EventType type = s.type(i);
      if (type == EventType.MEMBER_ADDED) {
        int member = s.secondActorIndex(i);
        if (people.isBot(member)) {
          continue; // an app installed with access governs nothing
        }
        Actor key = people.key(people.personOf(member));
        grants.merge(new GrantKey(s.repository(s.repositoryIndex(i)), key), at, (x, y) -> x.isBefore(y) ? x : y);
        organizationAtEnd(people, member, key, asOf, affiliations, orgs);
        continue;
      }
      Kind kind = kind(type);
      if (kind == null && type != EventType.ISSUE_OPENED && type != EventType.PULL_REQUEST_OPENED) {
        continue;
      }
      int actor = s.actorIndex(i);
      boolean bot = people.isBot(actor);
      Actor who = people.key(people.personOf(actor));
      organizationAtEnd(people, actor, who, asOf, affiliations, orgs);
      if (!maintainerLogins.isEmpty() && !bot && personsSeen.add(people.personOf(actor))) {
        for (String login : people.person(people.personOf(actor)).logins()) {
          String l = login.toLowerCase(Locale.ROOT);
          if (maintainerLogins.contains(l)) {
            named.put(l, who);
          }
        }
      }
      Item item = items.computeIfAbsent(new ItemKey(s.repository(s.repositoryIndex(i)), s.number(i)), k -> new Item());
      int second = s.secondActorIndex(i);
      if (second >= 0) {
        item.author(people.key(people.personOf(second)), people.isBot(second), false);
      }
      if (type == EventType.ISSUE_OPENED || type == EventType.PULL_REQUEST_OPENED) {
        item.pullRequest |= type == EventType.PULL_REQUEST_OPENED;
        if (item.opened == null || at.isBefore(item.opened)) {
          item.opened = at;
          item.author(who, bot, true);
          Optional<AuthorAssociation> association;
          List<String> labels;
          if (type == EventType.ISSUE_OPENED) {
            IssueOpened o = (IssueOpened) s.event(i);
            association = o.association();
            labels = o.labels();
          } else {
            PullRequestOpened o = (PullRequestOpened) s.event(i);
            association = o.association();
            labels = o.labels();
          }
          item.openerMaintainer = association.filter(AuthorAssociation::isMaintainerLike).isPresent();
          item.openingLabels = labels.stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
        }
        continue;
      }
      item.pullRequest |= type != EventType.ISSUE_CLOSED && type != EventType.ISSUE_REOPENED
          && type != EventType.ISSUE_COMMENT && type != EventType.ISSUE_LABELED && type != EventType.ISSUE_UNLABELED;
      boolean maintainer = false;
      String label = null;
      if (kind == Kind.LABELED || kind == Kind.UNLABELED) {
        label = ((LabelChanged) s.event(i)).label().toLowerCase(Locale.ROOT);
      } else if (type == EventType.REVIEW) {
        Review r = (Review) s.event(i);
        maintainer = r.association().filter(AuthorAssociation::isMaintainerLike).isPresent();
        kind = switch (r.state()) {
          case APPROVED -> Kind.APPROVED;
          case CHANGES_REQUESTED -> Kind.CHANGES_REQUESTED;
          case DISMISSED -> Kind.DISMISSED;
          default -> Kind.REVIEWED;
        };
      } else if (type == EventType.ISSUE_COMMENT) {
        maintainer = ((IssueComment) s.event(i)).association().filter(AuthorAssociation::isMaintainerLike).isPresent();
      } else if (type == EventType.REVIEW_COMMENT) {
        maintainer = ((ReviewComment) s.event(i)).association().filter(AuthorAssociation::isMaintainerLike).isPresent();
      }
      String org = affiliations.organizationOf(people.person(people.personOf(actor)), at).orElse(null);
      item.acts.add(new Act(at, who, bot, kind, maintainer, org, label));
    }
    return new GovernanceState(items, grants, orgs, named);
  }

  private static void organizationAtEnd(
      People people, int actor, Actor key, Instant asOf, Affiliations affiliations, Map<Actor, String> orgs) {
    if (!orgs.containsKey(key)) {
      // The organisation just before as-of: the one of the last instant the scan can see.
      affiliations
          .organizationOf(people.person(people.personOf(actor)), asOf.minusNanos(1))
          .ifPresent(o -> orgs.put(key, o));
    }
  }

  /** The act kind of an event type, or null for openings and the types the state ignores. */
  private static Kind kind(EventType type) {
    return switch (type) {
      case ISSUE_COMMENT, REVIEW_COMMENT -> Kind.COMMENT;
      case REVIEW -> Kind.REVIEWED; // refined by the review's state
      case PULL_REQUEST_MERGED -> Kind.MERGED;
      case ISSUE_CLOSED, PULL_REQUEST_CLOSED -> Kind.CLOSED;
      case ISSUE_REOPENED, PULL_REQUEST_REOPENED -> Kind.REOPENED;
      case ISSUE_LABELED, PULL_REQUEST_LABELED -> Kind.LABELED;
      case ISSUE_UNLABELED, PULL_REQUEST_UNLABELED -> Kind.UNLABELED;
      default -> null;
    };
  }

  static GovernanceState merge(GovernanceState a, GovernanceState b) {
    Map<ItemKey, Item> items = new HashMap<>(a.items);
    b.items.forEach((k, v) -> items.merge(k, v, Item::merge));
    Map<GrantKey, Instant> grants = new HashMap<>(a.grants);
    b.grants.forEach((k, v) -> grants.merge(k, v, (x, y) -> x.isBefore(y) ? x : y));
    Map<Actor, String> orgs = new HashMap<>(a.organizationAtEnd);
    orgs.putAll(b.organizationAtEnd);
    Map<String, Actor> named = new HashMap<>(a.named);
    named.putAll(b.named);
    return new GovernanceState(items, grants, orgs, named);
  }

  /**
   * When {@code person} first showed to be a maintainer of {@code repository}: the earliest of
   * an access grant, an act carrying author association owner, member or collaborator, and a
   * merge (only people with write access merge). A person named as a maintainer (parameter
   * {@code maintainers}) is one in every repository of the state from the start ({@link
   * Instant#MIN}): the file says who maintains, not since when. Maintainership is never revoked
   * here: the events carry no removal.
   */
  static Map<GrantKey, Instant> maintainerSince(GovernanceState state) {
    Map<GrantKey, Instant> since = new HashMap<>(state.grants);
    if (!state.named.isEmpty()) {
      Set<Repository> repositories = new HashSet<>();
      state.items.keySet().forEach(k -> repositories.add(k.repository()));
      state.grants.keySet().forEach(k -> repositories.add(k.repository()));
      for (Actor person : state.named.values()) {
        for (Repository r : repositories) {
          since.put(new GrantKey(r, person), Instant.MIN);
        }
      }
    }
    state.items.forEach((k, item) -> {
      if (item.openerMaintainer && item.author != null && !item.authorBot && item.opened != null) {
        since.merge(new GrantKey(k.repository(), item.author), item.opened, GovernanceState::earlier);
      }
      for (Act a : item.acts) {
        if (!a.bot() && (a.maintainerAssociation() || a.kind() == Kind.MERGED)) {
          since.merge(new GrantKey(k.repository(), a.person()), a.at(), GovernanceState::earlier);
        }
      }
    });
    return since;
  }

  /** Whether the person of {@code key} was a maintainer at {@code at} (inclusive). */
  static boolean maintainerAt(Map<GrantKey, Instant> since, GrantKey key, Instant at) {
    Instant s = since.get(key);
    return s != null && !s.isAfter(at);
  }

  private static Instant earlier(Instant x, Instant y) {
    return x.isBefore(y) ? x : y;
  }

  private static void write(GovernanceState s, StateWriter out) {
    out.map(s.items, ITEM_ORDER, (o, k) -> o.repository(k.repository()).varint(k.number()), GovernanceState::writeItem);
    out.map(s.grants, GRANT_ORDER, (o, k) -> o.repository(k.repository()).actor(k.person()), StateWriter::instant);
    out.map(s.organizationAtEnd, StateWriter.ACTORS, StateWriter::actor, StateWriter::sharedString);
    out.map(s.named, Comparator.naturalOrder(), StateWriter::sharedString, StateWriter::actor);
  }

  private static void writeItem(StateWriter out, Item item) {
    out.varint((item.opened != null ? 1 : 0) | (item.author != null ? 2 : 0) | (item.authorBot ? 4 : 0)
        | (item.pullRequest ? 8 : 0) | (item.openerMaintainer ? 16 : 0));
    if (item.opened != null) {
      out.instant(item.opened);
    }
    if (item.author != null) {
      out.actor(item.author);
    }
    out.list(item.openingLabels, StateWriter::sharedString);
    out.list(item.sortedActs(), (o, a) -> {
      o.instant(a.at()).actor(a.person());
      o.varint(a.kind().ordinal() | (a.bot() ? 16 : 0) | (a.maintainerAssociation() ? 32 : 0)
          | (a.organization() != null ? 64 : 0) | (a.label() != null ? 128 : 0));
      if (a.organization() != null) {
        o.sharedString(a.organization());
      }
      if (a.label() != null) {
        o.sharedString(a.label());
      }
    });
  }

  private static GovernanceState read(StateReader in) {
    Map<ItemKey, Item> items = in.map("items", () -> new ItemKey(in.repository(), in.varint()), k -> readItem(in));
    Map<GrantKey, Instant> grants = in.map("grants", () -> new GrantKey(in.repository(), in.actor()), k -> in.instant());
    Map<Actor, String> orgs = in.map("organizations", in::actor, k -> in.sharedString());
    Map<String, Actor> named = in.map("named maintainers", in::sharedString, k -> in.actor());
    return new GovernanceState(items, grants, orgs, named);
  }

  private static Item readItem(StateReader in) {
    int flags = in.varint();
    if (flags >= 32) {
      throw in.error("item flags " + flags);
    }
    Item item = new Item();
    if ((flags & 1) != 0) {
      item.opened = in.instant();
    }
    if ((flags & 2) != 0) {
      item.author = in.actor();
    }
    item.authorBot = (flags & 4) != 0;
    item.pullRequest = (flags & 8) != 0;
    item.openerMaintainer = (flags & 16) != 0;
    item.openingLabels = in.list("labels", in::sharedString);
    item.acts.addAll(in.list("acts", () -> {
      Instant at = in.instant();
      Actor person = in.actor();
      int f = in.varint();
      if (f >= 256 || (f & 15) >= Kind.values().length) {
        throw in.error("act flags " + f);
      }
      String org = (f & 64) != 0 ? in.sharedString() : null;
      String label = (f & 128) != 0 ? in.sharedString() : null;
      return new Act(at, person, (f & 16) != 0, Kind.values()[f & 15], (f & 32) != 0, org, label);
    }));
    return item;
  }

  @Override
  public String toString() {
    return "GovernanceState[" + items.size() + " items, " + grants.size() + " grants]";
  }
}
