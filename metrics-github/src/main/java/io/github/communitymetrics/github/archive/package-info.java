/**
 * Reads GH Archive ({@code https://www.gharchive.org}) hourly files into core events: {@link
 * io.github.communitymetrics.github.archive.GhArchiveReader}, with a {@link
 * io.github.communitymetrics.github.archive.GhArchiveFilter} to keep some repositories and a
 * {@link io.github.communitymetrics.github.archive.GhArchiveReport} that accounts for every line.
 */
package io.github.communitymetrics.github.archive;
