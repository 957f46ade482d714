/**
 * The event model: repositories, actors, and the events that happen to repositories.
 *
 * <p>Every {@link io.github.communitymetrics.core.event.Event} says when (an {@link
 * java.time.Instant}, UTC), where (a {@link io.github.communitymetrics.core.event.Repository}) and who
 * (an {@link io.github.communitymetrics.core.event.Actor}). Adapters produce events; metrics consume
 * them. Everything here is an immutable value; optional components are {@link java.util.Optional},
 * never null.
 */
package io.github.communitymetrics.core.event;
