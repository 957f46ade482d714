/**
 * Binary forms of the metrics' mergeable states: {@link
 * io.github.communitymetrics.core.state.StateCodec} (one per state type, from {@link
 * io.github.communitymetrics.core.metrics.SliceMetric#stateCodec()}), the {@link
 * io.github.communitymetrics.core.state.StateFormatException} that strict decoding throws, and
 * {@link io.github.communitymetrics.core.state.StateCodecs} for values that travel with states.
 *
 * <p>Pure: bytes in, bytes out; no files, no network.
 */
package io.github.communitymetrics.core.state;
