/**
 * Growth and its authenticity: stars, forks and contributors per period with cumulative totals
 * and growth rates, robust trends (Theil-Sen, Mann-Kendall) and bursts (Bollinger bands,
 * Goh-Barabasi burstiness coefficient).
 */
package io.github.communitymetrics.core.metrics.growth;
