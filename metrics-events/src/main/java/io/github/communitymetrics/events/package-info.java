/**
 * Community event files: {@link io.github.communitymetrics.events.CommunityEventFiles} reads
 * conferences, hackathons, sprints and releases from JSON, CSV and iCalendar files.
 */
package io.github.communitymetrics.events;
