/**
 * The resumable crawl engine the forge adapters share: {@link
 * io.github.communitymetrics.forge.crawl.Checkpoint} (one atomically replaced state file with every
 * cursor, the ledgers' lengths and the output's length: the commit point of the durability
 * protocol), {@link io.github.communitymetrics.forge.crawl.Ledger} (what was emitted, across
 * fetches) and {@link io.github.communitymetrics.forge.crawl.PagedList} (the page loop with its
 * {@code URL TAB COUNT} cursor and order check). Exported to the adapter modules only.
 */
package io.github.communitymetrics.forge.crawl;
