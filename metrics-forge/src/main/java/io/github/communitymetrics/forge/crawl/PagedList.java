package io.github.communitymetrics.forge.crawl;

import io.github.communitymetrics.forge.CheckpointException;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.internal.JsonValues;
import io.github.communitymetrics.forge.MalformedResponseException;
import java.net.URI;
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
 * <p>No order is checked here: offset pages read every item whatever their order, and the order
 * of a forge's real lists is not strict (GitHub's recorded issue lists, sorted by creation, hold
 * items a few hours out of order). Lists whose cursor relies on an order check it themselves
 * (GitLab's lists by {@code updated_at}).
 */
public final class PagedList {
  private static final int MAX_SELF_LINKS = 3;

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

  /**
   * A list.
   *
   * @param checkpoint where its cursor is kept
   * @param key the cursor's key
   * @param get sends a GET for a page URL
   * @param next the next page of a response, if any
   * @param perItem commit after every item (items that cost requests of their own)
   */
  public PagedList(
      Checkpoint checkpoint,
      String key,
      Function<URI, ForgeResponse> get,
      Function<ForgeResponse, Optional<URI>> next,
      boolean perItem) {
    this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
    this.key = Objects.requireNonNull(key, "key");
    this.get = Objects.requireNonNull(get, "get");
    this.next = Objects.requireNonNull(next, "next");
    this.perItem = perItem;
  }

  /**
   * Reads the list from its saved cursor, or from {@code first}, to its end.
   *
   * @param first the first page
   * @param items the handler
   * @return the events emitted
   * @throws CheckpointException when the saved cursor is not {@code URL TAB COUNT}
   * @throws MalformedResponseException when a page links to itself more than 3 times in a row
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
      try {
        url = URI.create(parts[0]);
      } catch (IllegalArgumentException e) {
        // Saved by this class from a URI, so a corrupt or foreign checkpoint, not a bad argument.
        throw new CheckpointException(
            "the cursor " + key + " holds no URL: " + saved.get(), checkpoint.directory().orElseThrow(), e);
      }
      skip = Integer.parseInt(parts[1]);
    }
    long total = 0;
    int page = 0;
    int selfLinks = 0;
    while (true) {
      ForgeResponse response = get.apply(url);
      JsonValues json = JsonValues.of(response);
      List<Map<String, Object>> list = json.array();
      page++;
      items.page(page, json, list);
      long emitted = 0;
      for (int i = 0; i < list.size(); i++) {
        Map<String, Object> item = list.get(i);
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
      // A page served in place of the next one links to its own successor, which may be the URL
      // just read (a cache or a replica behind): reading it again is right, forever is not.
      selfLinks = following.get().equals(url) ? selfLinks + 1 : 0;
      if (selfLinks > MAX_SELF_LINKS) {
        throw new MalformedResponseException(
            "the next page was the page itself " + selfLinks + " times in a row", response.uri(), null);
      }
      url = following.get();
      skip = 0;
      checkpoint.save(key, url + "\t0");
    }
  }
}
