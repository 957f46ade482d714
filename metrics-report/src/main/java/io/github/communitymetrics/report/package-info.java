/**
 * The HTML community report: chart inputs as small records ({@link
 * io.github.communitymetrics.report.Chart} and its kinds), {@link
 * io.github.communitymetrics.report.Section}s that pair a question with its answer and charts,
 * {@link io.github.communitymetrics.report.HealthSections} that turns a {@code HealthSummary}
 * into sections, and {@link io.github.communitymetrics.report.HtmlReport} that writes the file.
 *
 * <p>Every string (logins and names come from the internet) is escaped for HTML, and SVG text
 * for XML, before it is written.
 */
package io.github.communitymetrics.report;
