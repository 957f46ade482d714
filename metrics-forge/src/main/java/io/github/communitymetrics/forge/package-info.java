/**
 * HTTP support shared by the forge adapters. {@link io.github.communitymetrics.forge.ForgeHttpClient}
 * sends {@link io.github.communitymetrics.forge.ForgeRequest}s through an {@link
 * io.github.communitymetrics.forge.HttpSender}, retries transient failures under a {@link
 * io.github.communitymetrics.forge.RetryPolicy}, waits for or fails on rate limits by {@link
 * io.github.communitymetrics.forge.RateLimitPolicy}, and turns final failures into subtypes of
 * {@link io.github.communitymetrics.forge.ForgeException}. Time is read from an injected {@link
 * java.time.Clock} and waited through an injected {@link io.github.communitymetrics.forge.Sleeper},
 * so tests never sleep.
 */
package io.github.communitymetrics.forge;
