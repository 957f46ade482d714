package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.identity.Identities;
import io.github.communitymetrics.core.identity.IdentityResolver;
import java.io.Serializable;
import java.util.Collection;

/**
 * How a Spark job resolves identities. It runs once per executor on all the distinct actors of
 * the input (collected on the driver and broadcast), so every partition keys its states by the
 * same people as a single machine resolving the whole input would. Must be deterministic.
 */
@FunctionalInterface
public interface IdentityPolicy extends Serializable {
  /** The people among {@code actors} (all distinct actors of the input). */
  Identities resolve(Collection<Actor> actors);

  /** The core's default rules, {@link IdentityResolver#defaults()}. */
  static IdentityPolicy defaults() {
    return actors -> IdentityResolver.defaults().resolve(actors);
  }
}
