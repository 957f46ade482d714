package io.github.communitymetrics.core.metrics;

/**
 * One contributor (a person, or an organisation for the elephant factor) in a ranking by number
 * of contributions.
 *
 * @param <K> what is ranked
 * @param key who
 * @param count their contributions, positive
 * @param share their fraction of all contributions, between 0 and 1
 * @param cumulativeShare the fraction held by them and everyone ranked above them
 */
public record Ranked<K>(K key, long count, double share, double cumulativeShare) {}
