package io.github.communitymetrics.core.metrics;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.identity.BotDetector;
import io.github.communitymetrics.core.identity.Identities;
import io.github.communitymetrics.core.identity.IdentityResolver;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.store.EventStore;
import java.util.List;

/**
 * Who is who in one {@link EventStore}: maps the store's actor indices to resolved people, for
 * metrics that scan columns. Built once per store from an {@link Identities} that covers (at
 * least) the store's actors.
 *
 * <p>Metrics key their mergeable states by {@linkplain #key(int) a person's key}, the person's
 * smallest {@link Actor}: it is the same in every slice resolved with the same {@link
 * Identities}, so partial results of separately built stores merge exactly.
 */
public final class People {
  private final EventStore store;
  private final Identities identities;
  private final int[] personOfActor;
  private final boolean[] botActor;

  private People(EventStore store, Identities identities) {
    this.store = store;
    this.identities = identities;
    List<Actor> actors = store.actors();
    this.personOfActor = new int[actors.size()];
    this.botActor = new boolean[actors.size()];
    for (int a = 0; a < actors.size(); a++) {
      Actor actor = actors.get(a);
      Person p =
          identities
              .personOf(actor)
              .orElseThrow(
                  () -> new IllegalArgumentException("identities do not cover actor " + actor));
      personOfActor[a] = p.index();
      botActor[a] = p.bot();
    }
  }

  /**
   * People of {@code store} as {@code identities} resolved them.
   *
   * @throws IllegalArgumentException if an actor of the store is not in {@code identities}
   */
  public static People of(EventStore store, Identities identities) {
    Checks.notNull(store, "store");
    Checks.notNull(identities, "identities");
    return new People(store, identities);
  }

  /**
   * Resolves the store's actors with the default rules ({@link IdentityResolver#defaults()},
   * bots by {@link BotDetector#defaults()}).
   */
  public static People resolve(EventStore store) {
    Checks.notNull(store, "store");
    return new People(store, IdentityResolver.defaults().resolve(store.actors()));
  }

  /** The store these indices belong to. */
  public EventStore store() {
    return store;
  }

  /** The identity resolution behind this mapping. */
  public Identities identities() {
    return identities;
  }

  /** The person index ({@link Person#index()}) of the store's actor index. */
  public int personOf(int actorIndex) {
    return personOfActor[actorIndex];
  }

  /** Whether the store's actor index belongs to a bot. Constant time, for column scans. */
  public boolean isBot(int actorIndex) {
    return botActor[actorIndex];
  }

  /** The person with this index. */
  public Person person(int personIndex) {
    return identities.people().get(personIndex);
  }

  /** The stable key of the person with this index: their smallest actor. */
  public Actor key(int personIndex) {
    return person(personIndex).actors().get(0);
  }

  /** The number of people in the identity resolution (not only those in this store). */
  public int size() {
    return identities.size();
  }
}
