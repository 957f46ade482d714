package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Forge;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The resolution as it was before issue 24 (TreeMaps of string keys, a TreeMap of components),
 * kept unchanged as the reference that {@link ResolutionEquivalenceTest} compares the fast one
 * with. One run of {@link IdentityResolver}: keys per actor, evidence per key, union-find.
 *
 * <p>Order independence: actors are deduplicated and sorted first, so indices, keys and evidence
 * are functions of the set of actors. Bots and people are kept apart per actor, not per
 * component, which makes every applied link join two actors of the same kind and every component
 * pure; the refusal decision therefore does not depend on the order links are applied in.
 */
final class ReferenceResolution {
  private final Set<MergeRule> rules;
  private final Mailmap mailmap;
  private final Map<String, List<String>> aliasKeysByString;
  private final BotDetector botDetector;

  /** A key of one rule. Members are actor indices, with whether they hold the key "directly". */
  private record GroupKey(MergeRule rule, String key) implements Comparable<GroupKey> {
    @Override
    public int compareTo(GroupKey o) {
      int c = rule.compareTo(o.rule);
      return c != 0 ? c : key.compareTo(o.key);
    }
  }

  private final Set<String> sharedEmails;

  ReferenceResolution(
      Set<MergeRule> rules,
      Mailmap mailmap,
      AliasList aliases,
      BotDetector botDetector,
      Set<String> sharedEmails) {
    this.sharedEmails = sharedEmails;
    this.rules = rules;
    this.mailmap = mailmap;
    this.botDetector = botDetector;
    this.aliasKeysByString = new HashMap<>();
    Set<String> seen = new TreeSet<>();
    for (AliasList.Entry e : aliases.entries()) {
      Set<String> keys = e.keys();
      String groupKey = keys.toString();
      if (seen.add(groupKey)) {
        for (String k : keys) {
          aliasKeysByString.computeIfAbsent(k, x -> new ArrayList<>()).add(groupKey);
        }
      }
    }
  }

  Expected run(Collection<Actor> input) {
    List<Actor> actors = input.stream().distinct().sorted(Normalize.ACTOR_ORDER).toList();
    int n = actors.size();
    boolean[] bot = new boolean[n];
    List<Optional<String>> botReasons = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Optional<String> reason = botDetector.reason(actors.get(i));
      botReasons.add(reason);
      bot[i] = reason.isPresent();
    }

    // TreeMaps: groups in key order, members in actor order, so the evidence is canonical.
    Map<GroupKey, TreeMap<Integer, Boolean>> groups = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      for (MergeRule rule : rules) {
        keys(rule, actors.get(i), (key, direct) ->
            groups.computeIfAbsent(new GroupKey(rule, key), k -> new TreeMap<>())
                .merge(index, direct, Boolean::logicalOr));
      }
    }

    List<MergeEvidence> applied = new ArrayList<>();
    List<RefusedMerge> refused = new ArrayList<>();
    UnionFind uf = new UnionFind(n);
    for (Map.Entry<GroupKey, TreeMap<Integer, Boolean>> g : groups.entrySet()) {
      link(g.getKey(), g.getValue(), actors, bot, botReasons, uf, applied, refused);
    }
    return expected(actors, bot, uf, applied, refused);
  }

  /**
   * Links the members of one key. Within each kind (bots, non-bots) every member is linked to the
   * first member that holds the key directly, so members that hold it only indirectly (a GitHub
   * account for a noreply key, say) are linked only through one that holds it directly. A group
   * with members of both kinds yields one refused link, from its first direct member to the first
   * member of the other kind.
   */
  private static void link(
      GroupKey key,
      TreeMap<Integer, Boolean> members,
      List<Actor> actors,
      boolean[] bot,
      List<Optional<String>> botReasons,
      UnionFind uf,
      List<MergeEvidence> applied,
      List<RefusedMerge> refused) {
    Integer firstDirect = null;
    Integer[] centers = new Integer[2];
    Integer[] firstOfKind = new Integer[2];
    for (Map.Entry<Integer, Boolean> m : members.entrySet()) {
      int kind = bot[m.getKey()] ? 1 : 0;
      if (firstOfKind[kind] == null) {
        firstOfKind[kind] = m.getKey();
      }
      if (m.getValue()) {
        if (centers[kind] == null) {
          centers[kind] = m.getKey();
        }
        if (firstDirect == null) {
          firstDirect = m.getKey();
        }
      }
    }
    if (firstDirect == null) {
      return;
    }
    for (int member : members.keySet()) {
      Integer center = centers[bot[member] ? 1 : 0];
      if (center != null && member != center) {
        // Union order does not matter: the components are the same whatever the order.
        uf.union(center, member);
        applied.add(evidence(key, actors, center, member));
      }
    }
    Integer other = firstOfKind[bot[firstDirect] ? 0 : 1];
    if (other != null) {
      int botIndex = bot[firstDirect] ? firstDirect : other;
      int personIndex = bot[firstDirect] ? other : firstDirect;
      refused.add(
          new RefusedMerge(
              evidence(key, actors, firstDirect, other),
              "'" + actors.get(botIndex).label() + "' is a bot ("
                  + botReasons.get(botIndex).orElseThrow() + ") and '"
                  + actors.get(personIndex).label() + "' is not"));
    }
  }

  private static MergeEvidence evidence(GroupKey key, List<Actor> actors, int a, int b) {
    return new MergeEvidence(
        key.rule(), actors.get(Math.min(a, b)), actors.get(Math.max(a, b)), key.key());
  }

  /** Receives the keys of one actor under one rule. */
  private interface KeySink {
    void key(String key, boolean direct);
  }

  private void keys(MergeRule rule, Actor a, KeySink sink) {
    switch (rule) {
      case SAME_FORGE_ID:
        a.id().ifPresent(id -> sink.key(a.forge() + "#" + id, true));
        break;
      case SAME_FORGE_LOGIN:
        a.login().ifPresent(l -> sink.key(a.forge() + ":" + Normalize.text(l), true));
        break;
      case SAME_EMAIL:
        for (String e : a.emails()) {
          String normal = Normalize.email(e);
          if (!IdentityResolver.isSharedPlaceholder(normal, sharedEmails)) {
            sink.key(normal, true);
          }
        }
        break;
      case GITHUB_NOREPLY:
        if (a.forge().equals(Forge.GITHUB)) {
          a.login().ifPresent(l -> sink.key(Forge.GITHUB + ":" + Normalize.text(l), false));
          a.id().ifPresent(id -> sink.key(Forge.GITHUB + "#" + id, false));
        }
        for (String e : a.emails()) {
          Normalize.githubNoreply(e)
              .ifPresent(
                  nr -> {
                    sink.key(Forge.GITHUB + ":" + nr.login(), true);
                    nr.id().ifPresent(id -> sink.key(Forge.GITHUB + "#" + id, true));
                  });
        }
        break;
      case MAILMAP:
        if (!mailmap.isEmpty()) {
          String name = a.name().orElse("");
          for (String e : a.emails()) {
            String canonical = Normalize.email(mailmap.map(name, e).email());
            if (!canonical.isEmpty()) {
              sink.key(canonical, mailmap.matches(name, e));
            }
          }
        }
        break;
      case ALIAS:
        if (!aliasKeysByString.isEmpty()) {
          Set<String> strings = new TreeSet<>();
          a.login().ifPresent(l -> strings.add(Normalize.text(l)));
          a.name().ifPresent(nm -> strings.add(Normalize.text(nm)));
          a.emails().forEach(e -> strings.add(Normalize.email(e)));
          for (String s : strings) {
            aliasKeysByString.getOrDefault(s, List.of()).forEach(k -> sink.key(k, true));
          }
        }
        break;
      case SAME_NAME:
        a.name().ifPresent(nm -> sink.key(Normalize.text(nm), true));
        break;
      default:
        throw new AssertionError(rule);
    }
  }

  /** What the old {@code Identities.of} built: people, the person of each actor, evidence, refusals. */
  record Expected(
      List<Person> people,
      Map<Actor, Person> byActor,
      List<List<MergeEvidence>> evidence,
      List<RefusedMerge> refused) {}

  private static Expected expected(
      List<Actor> actors,
      boolean[] bot,
      UnionFind uf,
      List<MergeEvidence> applied,
      List<RefusedMerge> refused) {
    // Components keyed by their smallest actor index, which orders people by their first actor.
    Map<Integer, List<Integer>> components = new TreeMap<>();
    Map<Integer, Integer> rootToFirst = new HashMap<>();
    for (int i = 0; i < actors.size(); i++) {
      int index = i;
      // Indices ascend, so the first index seen for a root is the component's smallest.
      int first = rootToFirst.computeIfAbsent(uf.find(i), r -> index);
      components.computeIfAbsent(first, k -> new ArrayList<>()).add(i);
    }
    List<Person> people = new ArrayList<>();
    Map<Actor, Person> byActor = new HashMap<>();
    for (List<Integer> members : components.values()) {
      List<Actor> own = new ArrayList<>();
      members.forEach(i -> own.add(actors.get(i)));
      Person p = new Person(people.size(), own, bot[members.get(0)]);
      people.add(p);
      own.forEach(a -> byActor.put(a, p));
    }
    List<List<MergeEvidence>> evidence = new ArrayList<>();
    people.forEach(p -> evidence.add(new ArrayList<>()));
    List<MergeEvidence> sorted = new ArrayList<>(applied);
    sorted.sort(Comparator.naturalOrder());
    for (MergeEvidence e : sorted) {
      evidence.get(byActor.get(e.first()).index()).add(e);
    }
    List<List<MergeEvidence>> frozen = new ArrayList<>();
    evidence.forEach(l -> frozen.add(List.copyOf(l)));
    List<RefusedMerge> refusedSorted = new ArrayList<>(refused);
    refusedSorted.sort(Comparator.comparing(RefusedMerge::evidence));
    return new Expected(List.copyOf(people), byActor, List.copyOf(frozen), List.copyOf(refusedSorted));
  }
}
