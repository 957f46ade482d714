/**
 * Who is who: bot detection ({@link io.github.communitymetrics.core.identity.BotDetector}), joining
 * the several actors of one person ({@link io.github.communitymetrics.core.identity.IdentityResolver},
 * with explainable merges), git mailmaps and alias lists, and organisational affiliation over time
 * ({@link io.github.communitymetrics.core.identity.Affiliations}).
 *
 * <p>Pure Java: parsers take the text of a file; callers read the file in whatever charset it
 * uses. Everything here is immutable and thread-safe once built.
 */
package io.github.communitymetrics.core.identity;
