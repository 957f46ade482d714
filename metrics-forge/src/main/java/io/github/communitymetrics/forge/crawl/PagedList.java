package io.github.communitymetrics.forge.crawl;

import io.github.communitymetrics.forge.CheckpointException;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.JsonValues;
import io.github.communitymetrics.forge.MalformedResponseException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The resumable page loop of a list the forge orders oldest first and pages with a next link
 * (GitHub's {@code Link}, GitLab's {@code Link} or {@code X-Next-Page}). Its cursor is {@code URL
 * TAB COUNT}: the page to read and how many of its first items were handled already. The cursor is
 * committed (through the {@link Checkpoint}, after the sink) when a page is done, and with {@code
 * perItem} after every item whose handling cost requests of its own. The last page's cursor names
 * that page and its length, so a later fetch reads it again and handles only items added since.
 *
 * <p>With an order key, every item must be at or after the item before it, across pages: a forge
 * that ignores the requested order would make the cursor of a later fetch skip items, so an
 * out-of-order list is a {@link MalformedResponseException}, not a silent loss.
 */
public final class PagedList {
  /** Handles the items of a list. */
  public interface Items {
    /**
     * Called once per page, before its items (all of them, also those a resumed cursor skips).
     *
     * @param number the page's number in this read, from 1
     * @param json the page
     * @param items its items
     */
    default void page(int number, JsonValues json, List<Map<String, Object>> items) {}

    /**
     * Handles one item.
     *
     * @param json the page
     * @param item the item
     * @param index its index in the page
     * @param response the page's response, for error messages
     * @return how many events it emitted
     */
    long item(JsonValues json, Map<String, Object> item, int index, ForgeResponse response);

    /**
     * Called after a page's items were handled.
     *
     * @param number the page's number
     * @param emitted events emitted for the page
     */
    default void done(int number, long emitted) {}
  }

  private final Checkpoint checkpoint;
  private final String key;
  private final Function<URI, ForgeResponse> get;
  private final Function<ForgeResponse, Optional<URI>> next;
  private final boolean perItem;
  private final Optional<OrderKey> order;

  /** Reads the instant a list is ordered by, when an item has one. */
  @FunctionalInterface
  public interface OrderKey {
    /**
     * The item's position in the list's order.
     *
     * @param json the page
     * @param item the item
     * @return its instant, or empty when the item has none
     */
    Optional<Instant> of(JsonValues json, Map<String, Object> item);
  }

  /**
   * A list.
   *
   * @param checkpoint where its cursor is kept
   * @param key the cursor's key
   * @param get sends a GET for a page URL
   * @param next the next page of a response, if any
   * @param perItem commit after every item (items that cost requests of their own)
   * @param order the key the list promises to be ordered by (ascending), or empty
   */
  public PagedList(
      Checkpoint checkpoint,
      String key,
      Function<URI, ForgeResponse> get,
      Function<ForgeResponse, Optional<URI>> next,
      boolean perItem,
      Optional<OrderKey> order) {
    this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
    this.key = Objects.requireNonNull(key, "key");
    this.get = Objects.requireNonNull(get, "get");
    this.next = Objects.requireNonNull(next, "next");
    this.perItem = perItem;
    this.order = Objects.requireNonNull(order, "order");
  }

  /**
   * Reads the list from its saved cursor, or from {@code first}, to its end.
   *
   * @param first the first page
   * @param items the handler
   * @return the events emitted
   * @throws CheckpointException when the saved cursor is not {@code URL TAB COUNT}
   * @throws MalformedResponseException when the list breaks its order
   */
  public long read(URI first, Items items) {
    URI url = first;
    int skip = 0;
    Optional<String> saved = checkpoint.read(key);
    if (saved.isPresent()) {
      String[] parts = saved.get().split("\t", -1);
      if (parts.length != 2 || !parts[1].matches("[0-9]{1,9}")) {
        throw new CheckpointException(
            "the cursor " + key + " is not 'URL<TAB>count': " + saved.get(),
            checkpoint.directory().orElseThrow(),
            null);
      }
      url = URI.create(parts[0]);
      skip = Integer.parseInt(parts[1]);
    }
    long total = 0;
    int page = 0;
    Optional<Instant> previous = Optional.empty();
    while (true) {
      ForgeResponse response = get.apply(url);
      JsonValues json = JsonValues.of(response);
      List<Map<String, Object>> list = json.array();
      page++;
      items.page(page, json, list);
      long emitted = 0;
      for (int i = 0; i < list.size(); i++) {
        Map<String, Object> item = list.get(i);
        if (order.isPresent()) {
          Optional<Instant> at = order.get().of(json, item);
          if (at.isPresent()) {
            if (previous.isPresent() && at.get().isBefore(previous.get())) {
              throw new MalformedResponseException(
                  "item " + i + " (" + at.get() + ") comes before the item listed ahead of it ("
                      + previous.get() + "): the list is not in the order asked for, and reading on would"
                      + " lose items in a later fetch",
                  response.uri(),
                  null);
            }
            previous = at;
          }
        }
        if (i < skip) {
          continue;
        }
        emitted += items.item(json, item, i, response);
        if (perItem) {
          checkpoint.save(key, url + "\t" + (i + 1));
        }
      }
      total += emitted;
      items.done(page, emitted);
      Optional<URI> following = next.apply(response);
      if (following.isEmpty()) {
        // The last page: a later fetch reads it again and skips what was handled.
        checkpoint.save(key, url + "\t" + list.size());
        return total;
      }
      if (following.get().equals(url)) {
        throw new MalformedResponseException("the next page is the page itself", response.uri(), null);
      }
      url = following.get();
      skip = 0;
      checkpoint.save(key, url + "\t0");
    }
  }
}
