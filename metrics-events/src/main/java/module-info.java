/**
 * Community event files: the conferences, hackathons, sprints and releases whose impact the
 * core's {@code io.github.communitymetrics.core.impact} package measures, read from the JSON, CSV
 * and iCalendar ({@code .ics}) files people keep them in. Exports only its API package.
 */
module io.github.communitymetrics.events {
  requires transitive io.github.communitymetrics.core;
  requires ical4j.core;
  requires org.apache.commons.csv;

  exports io.github.communitymetrics.events;
}
