package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Forge;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The staging's actors held as arrays over a pool of their strings ({@link StagedActors}, issue
 * 24: the ingestion peak) intern as a map of values would: one index per distinct actor in order
 * of first appearance, found again from an equal copy (before and after the index is dropped),
 * actors differing in one part kept apart, each given back equal to the one interned.
 */
class StagedActorsTest {
  @Test
  void internsEachDistinctActorOnceInArrivalOrderAndGivesItBack() {
    List<Actor> distinct = InternedTablesTest.actors(11, 400);
    StagedActors staged = new StagedActors();
    for (int k = 0; k < distinct.size(); k++) {
      assertEquals(k, staged.intern(distinct.get(k)));
      // The same instance again (the shortcut) and an equal copy (the index) find it.
      assertEquals(k, staged.intern(distinct.get(k)));
      assertEquals(k, staged.intern(copy(distinct.get(k))));
    }
    assertEquals(distinct.size(), staged.size());
    assertEquals(distinct, staged.values);
    for (int k = 0; k < distinct.size(); k++) {
      assertEquals(distinct.get(k), staged.get(k));
    }
    // Copies in another order find the same indices, also once the index is rebuilt.
    staged.dropIndex();
    for (int k = distinct.size() - 1; k >= 0; k--) {
      assertEquals(k, staged.intern(copy(distinct.get(k))));
    }
    assertEquals(distinct.size(), staged.size());
    Actor late = Actor.github("late-comer");
    assertEquals(distinct.size(), staged.intern(late));
    assertEquals(late, staged.values.get(distinct.size()));
    assertThrows(IndexOutOfBoundsException.class, () -> staged.values.get(distinct.size() + 1));
  }

  @Test
  void keepsApartActorsThatDifferInOnePart() {
    Actor base = new Actor(
        Forge.GITHUB, Optional.of("bob"),
        OptionalLong.of(5), Optional.of("Bob"), List.of("b@x.org", "bob@y.org"),
        ActorKind.USER);
    List<Actor> variants = List.of(
        base,
        new Actor(Forge.GITLAB, base.login(), base.id(), base.name(), base.emails(), base.kind()),
        new Actor(base.forge(), Optional.of("bob2"), base.id(), base.name(), base.emails(), base.kind()),
        new Actor(base.forge(), Optional.empty(), base.id(), base.name(), base.emails(), base.kind()),
        new Actor(base.forge(), base.login(), OptionalLong.of(6), base.name(), base.emails(), base.kind()),
        new Actor(base.forge(), base.login(), OptionalLong.empty(), base.name(), base.emails(), base.kind()),
        new Actor(base.forge(), base.login(), base.id(), Optional.empty(), base.emails(), base.kind()),
        new Actor(base.forge(), base.login(), base.id(), Optional.of("Bobby"), base.emails(), base.kind()),
        new Actor(base.forge(), base.login(), base.id(), base.name(), List.of("b@x.org"), base.kind()),
        new Actor(base.forge(), base.login(), base.id(), base.name(), List.of("bob@y.org", "b@x.org"), base.kind()),
        new Actor(base.forge(), base.login(), base.id(), base.name(), List.of("b@x.org", "bob@y.org", "c@z.org"), base.kind()),
        new Actor(base.forge(), base.login(), base.id(), base.name(), List.of(), base.kind()),
        base.withKind(ActorKind.BOT));
    StagedActors staged = new StagedActors();
    for (int k = 0; k < variants.size(); k++) {
      assertEquals(k, staged.intern(copy(variants.get(k))), "variant " + k);
    }
    for (int k = 0; k < variants.size(); k++) {
      assertEquals(variants.get(k), staged.get(k));
      assertEquals(k, staged.intern(copy(variants.get(k))));
    }
  }

  /** An equal actor of new instances, as a parser makes one per event. */
  private static Actor copy(Actor a) {
    List<String> emails = new ArrayList<>();
    for (String e : a.emails()) {
      emails.add(new String(e.toCharArray()));
    }
    return new Actor(a.forge(), a.login().map(s -> new String(s.toCharArray())), a.id(),
        a.name().map(s -> new String(s.toCharArray())), emails, a.kind());
  }
}
