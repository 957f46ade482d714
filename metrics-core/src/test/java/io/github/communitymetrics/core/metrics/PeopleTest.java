package io.github.communitymetrics.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.identity.Identities;
import io.github.communitymetrics.core.identity.IdentityResolver;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PeopleTest {
  private static final Repository HUB = new Repository(Forge.GITHUB, "o/hub", OptionalLong.empty());
  private static final Repository LAB = new Repository(Forge.GITLAB, "o/lab", OptionalLong.empty());

  private static EventStore stars(List<Actor> actors) {
    List<Event> events = new ArrayList<>();
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    for (Actor a : actors) {
      events.add(new Star(t, a.forge().equals(Forge.GITLAB) ? LAB : HUB, a));
      t = t.plusSeconds(1);
    }
    return EventStore.of(events);
  }

  @Test
  void loginsAreNumberedPerForgeIgnoringCase() {
    Actor upper = Actor.user(Forge.GITHUB, "Ann");
    Actor lower = Actor.user(Forge.GITHUB, "ann");
    Actor otherForge = Actor.user(Forge.GITLAB, "ann");
    Actor bob = Actor.user(Forge.GITHUB, "bob");
    EventStore store = stars(List.of(upper, lower, otherForge, bob));
    People people = People.resolve(store);
    int a = people.loginId(store.indexOf(upper).getAsInt());
    assertEquals(a, people.loginId(store.indexOf(lower).getAsInt()));
    int b = people.loginId(store.indexOf(otherForge).getAsInt());
    assertNotEquals(a, b);
    assertEquals("ann", people.login(a));
    assertEquals("ann", people.login(b));
    assertEquals(Forge.GITHUB, people.loginForge(a));
    assertEquals(Forge.GITLAB, people.loginForge(b));
    assertEquals(3, people.logins());
  }

  @Test
  void aGitIdentityHasNoLogin() {
    Actor git = Actor.git("Ann", "ann@example.org");
    EventStore store = stars(List.of(Actor.github("bob"), git));
    People people = People.resolve(store);
    assertEquals(-1, people.loginId(store.indexOf(git).getAsInt()));
    assertEquals(1, people.logins());
  }

  @Test
  void peopleAreNumberedOverTheStoreNotTheWholeResolution() {
    List<Actor> everyone = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      everyone.add(Actor.github("user" + i));
    }
    Identities all = IdentityResolver.defaults().resolve(everyone);
    EventStore few = stars(List.of(everyone.get(7), everyone.get(42)));
    People people = People.of(few, all);
    assertEquals(2, people.size());
    assertEquals(50, all.size());
    for (int a = 0; a < few.actors().size(); a++) {
      int p = people.personOf(a);
      // The dense number maps back to the resolution's own person and its stable key.
      assertEquals(all.personOf(few.actor(a)).orElseThrow(), people.person(p));
      assertEquals(few.actor(a), people.key(p));
    }
  }
}
