/**
 * Community metrics: functions of events and explicit parameters, with named presets for the
 * published tools, returning immutable results that carry their evidence.
 */
package io.github.communitymetrics.core.metrics;
