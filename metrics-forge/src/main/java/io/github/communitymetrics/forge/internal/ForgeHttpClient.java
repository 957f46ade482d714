package io.github.communitymetrics.forge.internal;

import io.github.communitymetrics.forge.ForgeSourceBuilder;

import io.github.communitymetrics.forge.ServerErrorException;
import io.github.communitymetrics.forge.NotFoundException;
import io.github.communitymetrics.forge.Sleeper;
import io.github.communitymetrics.forge.Token;
import io.github.communitymetrics.forge.ResponseTooLargeException;
import io.github.communitymetrics.forge.AuthenticationException;
import io.github.communitymetrics.forge.ForbiddenException;
import io.github.communitymetrics.forge.HttpSender;
import io.github.communitymetrics.forge.UnavailableForLegalReasonsException;
import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.NotReadyException;
import io.github.communitymetrics.forge.RateLimitPolicy;
import io.github.communitymetrics.forge.GoneException;
import io.github.communitymetrics.forge.RateLimitedException;
import io.github.communitymetrics.forge.ProgressListener;
import io.github.communitymetrics.forge.MalformedResponseException;
import io.github.communitymetrics.forge.RetryPolicy;
import io.github.communitymetrics.forge.ForgeResponse;

import io.github.communitymetrics.core.CommunityMetricsException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to a forge: adds the credential (to the credential origins only), follows
 * redirects, retries
 * transient failures (5xx, connection resets, timeouts) with {@link RetryPolicy}, waits for or
 * fails on rate limits by {@link RateLimitPolicy}, counts every request in a {@link
 * RequestAccounting} and turns final failures into typed {@link ForgeException}s. Returns only
 * 2xx and 304 responses.
 *
 * <p><b>Credentials and hosts.</b> The credential goes only to the origins (scheme, host and port)
 * named by {@link Builder#credentialOrigin(URI)}: the forge's API and any host the user trusts
 * explicitly. A request to any other origin, whether the caller's (a {@code Link} next page that
 * points elsewhere) or a redirect's, is sent <em>without</em> the credential; it is not refused,
 * so a forge that serves downloads from a CDN keeps working, and a foreign host that needs a
 * credential answers 401. Every token of the authenticator ({@link Authenticator#tokens()}) is
 * replaced by {@code ****} in the bodies and headers of the responses this client returns and in
 * its exception messages, in each encoded form {@link Redaction#redact(String,
 * java.util.Collection)} knows, so a server that echoes a request cannot make a secret reach a
 * message or a log line.
 *
 * <p><b>Waits.</b> No single wait is longer than {@link Builder#maxWait(Duration)}: a rate limit
 * that asks for more throws {@link RateLimitedException} at once; a retry delay is cut to it.
 *
 * <p>Thread-safe when its sender, authenticator, random and listener are.
 */
public final class ForgeHttpClient {
  private static final Logger LOG = LoggerFactory.getLogger(ForgeHttpClient.class);

  /** Default of {@link Builder#maxWait(Duration)}: one hour. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofHours(1);

  private final HttpSender sender;
  private final Authenticator authenticator;
  private final RetryPolicy retryPolicy;
  private final RetryPolicy secondaryBackoff;
  private final RateLimitPolicy rateLimitPolicy;
  private final RateLimitClassifier classifier;
  private final int maxRateLimitWaits;
  private final int maxRedirects;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final ProgressListener listener;
  private final RequestAccounting accounting;
  private final Set<String> credentialOrigins;
  private final Set<Token> secrets;
  private final Duration maxWait;

  private ForgeHttpClient(Builder b) {
    if (b.authenticator != Authenticator.NONE && b.credentialOrigins.isEmpty()) {
      throw new IllegalStateException(
          "an authenticator needs at least one credential origin (the forge API's URL)");
    }
    this.credentialOrigins = Set.copyOf(b.credentialOrigins);
    this.secrets = Set.copyOf(b.authenticator.tokens());
    this.maxWait = b.maxWait;
    this.sender = b.sender;
    this.authenticator = b.authenticator;
    this.retryPolicy = b.retryPolicy;
    this.secondaryBackoff = b.secondaryBackoff;
    this.rateLimitPolicy = b.rateLimitPolicy;
    this.classifier = b.classifier;
    this.maxRateLimitWaits = b.maxRateLimitWaits;
    this.maxRedirects = b.maxRedirects;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.random = b.random;
    this.listener = b.listener;
    this.accounting = b.accounting;
  }

  /**
   * A builder over a sender.
   *
   * @param sender the transport
   * @return a builder with the defaults documented on its methods
   */
  public static Builder builder(HttpSender sender) {
    return new Builder(sender);
  }

  /**
   * A builder with a source's transport settings, its trusted hosts among the credential origins;
   * the source adds its authenticator, its API's origin ({@link Builder#credentialOrigin(URI)}),
   * rate-limit classifier and request accounting.
   *
   * @param transport the settings of the source's builder
   * @return a new builder
   */
  public static Builder builder(ForgeSourceBuilder.Transport transport) {
    Builder builder = builder(transport.sender());
    transport.trustedHosts().forEach(builder::credentialOrigin);
    return builder
        .maxWait(transport.maxWait())
        .rateLimitPolicy(transport.rateLimitPolicy())
        .retryPolicy(transport.retryPolicy())
        .clock(transport.clock())
        .sleeper(transport.sleeper())
        .random(transport.random())
        .listener(transport.listener());
  }

  /**
   * The request counters of this client.
   *
   * @return the accounting, live
   */
  public RequestAccounting accounting() {
    return accounting;
  }

  /**
   * The clock this client reads.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Sends a request until it succeeds or fails for good.
   *
   * @param request the request without credential
   * @return a response with status 2xx or 304
   * @throws AuthenticationException on 401
   * @throws ForbiddenException on a 403 that is not a rate limit
   * @throws NotFoundException on 404
   * @throws GoneException on 410
   * @throws UnavailableForLegalReasonsException on 451
   * @throws RateLimitedException on a rate limit under {@link RateLimitPolicy#FAIL_FAST}, or after
   *     too many waits
   * @throws ServerErrorException when 5xx or transport failures outlast the retry policy, or on
   *     another unexpected status
   */
  public ForgeResponse execute(ForgeRequest request) {
    Objects.requireNonNull(request, "request");
    ForgeRequest current = request;
    int attempts = 0;
    int retries = 0;
    int rateLimitWaits = 0;
    int secondaryWaits = 0;
    int redirects = 0;
    while (true) {
      attempts++;
      boolean trusted = mayReceiveCredential(current.uri());
      ForgeRequest sent = trusted ? authenticator.authenticate(current) : current;
      ForgeResponse response;
      try {
        LOG.debug("sending {}", sent);
        response = scrub(sender.send(sent));
      } catch (ResponseTooLargeException e) {
        // Not retried: the same page would be as large again.
        accounting.request(0);
        listener.onRequest(current.uri(), 0);
        throw e;
      } catch (IOException e) {
        accounting.request(0);
        listener.onRequest(current.uri(), 0);
        if (retries + 1 >= retryPolicy.maxAttempts()) {
          throw new ServerErrorException(
              redact("transport failure after " + attempts + " attempts: " + e),
              current.uri(),
              0,
              attempts,
              e);
        }
        retries++;
        pause(capped(retryPolicy.delay(retries, random)), "retry after " + e.getClass().getSimpleName(), false);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommunityMetricsException("interrupted while requesting " + current.uri(), e);
      }
      int status = response.status();
      accounting.request(status);
      listener.onRequest(current.uri(), status);
      if (trusted) {
        authenticator.onResponse(sent, response);
      }
      Optional<RateLimitSignal> limit = classifier.classify(response);
      if (limit.isPresent()) {
        RateLimitSignal signal = limit.get();
        if (rateLimitPolicy == RateLimitPolicy.FAIL_FAST || rateLimitWaits >= maxRateLimitWaits) {
          throw new RateLimitedException(
              signal.kind() + " rate limit (HTTP " + status + ") after " + rateLimitWaits
                  + " waits",
              current.uri(),
              signal.resetAt());
        }
        rateLimitWaits++;
        Duration wait;
        if (signal.retryAfter().isPresent()) {
          wait = signal.retryAfter().get();
        } else if (signal.resetAt().isPresent()) {
          Duration untilReset = Duration.between(clock.instant(), signal.resetAt().get());
          // One second more than the reset: the forge's clock and ours differ a little.
          wait = untilReset.isNegative() ? Duration.ofSeconds(1) : untilReset.plusSeconds(1);
        } else {
          secondaryWaits++;
          wait = secondaryBackoff.delay(secondaryWaits, random);
        }
        if (wait.compareTo(maxWait) > 0) {
          // Sleeping for hours (or the 115 days of a Retry-After: 9999999) looks like a hang.
          Optional<java.time.Instant> resumeAt =
              signal.resetAt().or(() -> Optional.of(clock.instant().plus(wait)));
          throw new RateLimitedException(
              signal.kind() + " rate limit (HTTP " + status + "): the wait of " + wait
                  + " is longer than the maximum wait of " + maxWait + "; the limit resets at "
                  + resumeAt.get(),
              current.uri(),
              resumeAt);
        }
        pause(wait, signal.kind().name().toLowerCase(java.util.Locale.ROOT) + " rate limit", true);
        continue;
      }
      if (isRedirect(status)) {
        Optional<String> location = response.header("Location");
        if (location.isEmpty()) {
          throw new MalformedResponseException(
              "HTTP " + status + " without a Location header", current.uri(), null);
        }
        if (++redirects > maxRedirects) {
          throw new ServerErrorException(
              "more than " + maxRedirects + " redirects", current.uri(), status, attempts, null);
        }
        URI next = current.uri().resolve(location.get());
        current = status == 303 ? new ForgeRequest("GET", next, current.headers(), Optional.empty()) : current.withUri(next);
        continue;
      }
      if (response.isSuccess() || status == 304) {
        return response;
      }
      switch (status) {
        case 401:
          throw new AuthenticationException(
              "HTTP 401: the credential is missing, wrong or expired", current.uri());
        case 403:
          throw new ForbiddenException(
              "HTTP 403: the credential may not read this resource", current.uri());
        case 404:
          throw new NotFoundException("HTTP 404: not found or not visible", current.uri());
        case 410:
          throw new GoneException("HTTP 410: gone or disabled", current.uri());
        case 451:
          throw new UnavailableForLegalReasonsException(
              "HTTP 451: unavailable for legal reasons", current.uri());
        default:
          break;
      }
      if (status >= 500) {
        if (retries + 1 >= retryPolicy.maxAttempts()) {
          throw new ServerErrorException(
              "HTTP " + status + " after " + attempts + " attempts",
              current.uri(),
              status,
              attempts,
              null);
        }
        retries++;
        pause(capped(retryPolicy.delay(retries, random)), "retry after HTTP " + status, false);
        continue;
      }
      throw new ServerErrorException(
          "unexpected HTTP " + status, current.uri(), status, attempts, null);
    }
  }

  /**
   * Sends a request whose answer the forge may still be computing: while it answers {@code 202
   * Accepted} (GitHub's statistics endpoints do on a cold cache, with an empty body), waits by
   * {@code polls} and asks again. Each wait is counted as a retry in the {@link RequestAccounting}.
   *
   * @param request the request without credential
   * @param polls at most {@code polls.maxAttempts()} requests, the waits between them {@code
   *     polls.delay(1)}, {@code polls.delay(2)}, ...
   * @return the first response that is not a 202 (2xx or 304)
   * @throws NotReadyException when every request allowed was answered 202
   * @throws ForgeException as {@link #execute}
   */
  public ForgeResponse executeUntilReady(ForgeRequest request, RetryPolicy polls) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(polls, "polls");
    for (int poll = 1; ; poll++) {
      ForgeResponse response = execute(request);
      if (response.status() != 202) {
        return response;
      }
      if (poll >= polls.maxAttempts()) {
        throw new NotReadyException(
            "still 202 Accepted (being computed) after " + poll + " requests", response.uri(), poll);
      }
      pause(capped(polls.delay(poll, random)), "202 Accepted, polling again", false);
    }
  }

  private void pause(Duration wait, String reason, boolean rateLimit) {
    if (rateLimit) {
      accounting.rateLimitWait(wait);
    } else {
      accounting.retry(wait);
    }
    listener.onWait(wait, reason);
    LOG.info("waiting {} ({})", wait, reason);
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommunityMetricsException("interrupted while waiting (" + reason + ")", e);
    }
  }

  /** A retry or poll delay of our own choosing, cut to the maximum wait. */
  private Duration capped(Duration delay) {
    return delay.compareTo(maxWait) > 0 ? maxWait : delay;
  }

  /** Whether the URI's origin is one the credential may go to. */
  private boolean mayReceiveCredential(URI uri) {
    return credentialOrigins.contains(origin(uri));
  }

  /** The response with every secret of the authenticator hidden in its body and header values. */
  private ForgeResponse scrub(ForgeResponse response) {
    if (secrets.isEmpty()) {
      return response;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response
        .headers()
        .forEach((name, values) -> headers.put(name, values.stream().map(this::redact).toList()));
    return new ForgeResponse(response.status(), response.uri(), headers, redact(response.body()));
  }

  private String redact(String text) {
    return Redaction.redact(text, secrets);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** Same scheme, host and port: only then may the credential travel. */
  static boolean sameOrigin(URI a, URI b) {
    return origin(a).equals(origin(b));
  }

  /** {@code scheme://host:port} in lower case, the port made explicit. */
  static String origin(URI uri) {
    return lower(uri.getScheme()) + "://" + lower(uri.getHost()) + ":" + port(uri);
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** Builds a {@link ForgeHttpClient}. Not thread-safe. */
  public static final class Builder {
    private final HttpSender sender;
    private Authenticator authenticator = Authenticator.NONE;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RetryPolicy secondaryBackoff =
        new RetryPolicy(Integer.MAX_VALUE, Duration.ofMinutes(1), Duration.ofMinutes(16), 0.0);
    private RateLimitPolicy rateLimitPolicy = RateLimitPolicy.WAIT;
    private RateLimitClassifier classifier = RateLimitClassifier.standard();
    private int maxRateLimitWaits = 100;
    private int maxRedirects = 5;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private RandomGenerator random = new SplittableRandom();
    private ProgressListener listener = ProgressListener.NONE;
    private RequestAccounting accounting = new RequestAccounting();
    private final Set<String> credentialOrigins = new LinkedHashSet<>();
    private Duration maxWait = DEFAULT_MAX_WAIT;

    private Builder(HttpSender sender) {
      this.sender = Args.notNull(sender, "sender");
    }

    /**
     * Adds an origin that may receive the credential: the scheme, host and port of the URL (its
     * path is ignored; a missing port is the scheme's default). Requests to any other origin are
     * sent without the credential. Required when the authenticator is not {@link
     * Authenticator#NONE}; {@link #build()} fails without one.
     *
     * @param url an absolute URL on the origin, such as the forge API's base URL
     * @return this builder
     */
    public Builder credentialOrigin(URI url) {
      Args.notNull(url, "url");
      if (!url.isAbsolute() || url.getHost() == null) {
        throw new IllegalArgumentException("a credential origin needs a scheme and a host but was " + url);
      }
      credentialOrigins.add(origin(url));
      return this;
    }

    /**
     * The longest single wait: a rate limit that asks for a longer one throws {@link
     * RateLimitedException} (naming when the limit resets) instead of sleeping; a retry or poll
     * delay is cut to it. Default {@link #DEFAULT_MAX_WAIT}, one hour.
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder maxWait(Duration value) {
      this.maxWait = Args.positive(value, "maxWait");
      return this;
    }

    /**
     * The credential; default none.
     *
     * @param value the authenticator
     * @return this builder
     */
    public Builder authenticator(Authenticator value) {
      this.authenticator = Args.notNull(value, "authenticator");
      return this;
    }

    /**
     * Retries of transient failures; default {@link RetryPolicy#defaults()}.
     *
     * @param value the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy value) {
      this.retryPolicy = Args.notNull(value, "retryPolicy");
      return this;
    }

    /**
     * Waits for a secondary rate limit that names no wait; default one minute doubling to 16
     * minutes without jitter, as GitHub documents. Its {@code maxAttempts} is ignored: {@link
     * #maxRateLimitWaits(int)} bounds all rate-limit waits.
     *
     * @param value the backoff
     * @return this builder
     */
    public Builder secondaryBackoff(RetryPolicy value) {
      this.secondaryBackoff = Args.notNull(value, "secondaryBackoff");
      return this;
    }

    /**
     * Wait or fail on rate limits; default {@link RateLimitPolicy#WAIT}.
     *
     * @param value the policy
     * @return this builder
     */
    public Builder rateLimitPolicy(RateLimitPolicy value) {
      this.rateLimitPolicy = Args.notNull(value, "rateLimitPolicy");
      return this;
    }

    /**
     * How this forge signals rate limits; default {@link RateLimitClassifier#standard()}.
     *
     * @param value the classifier
     * @return this builder
     */
    public Builder rateLimitClassifier(RateLimitClassifier value) {
      this.classifier = Args.notNull(value, "rateLimitClassifier");
      return this;
    }

    /**
     * The most rate-limit waits for one request before {@link RateLimitedException}; default 100.
     *
     * @param value a positive count
     * @return this builder
     */
    public Builder maxRateLimitWaits(int value) {
      this.maxRateLimitWaits = Args.positive(value, "maxRateLimitWaits");
      return this;
    }

    /**
     * The most redirects for one request; default 5.
     *
     * @param value a positive count
     * @return this builder
     */
    public Builder maxRedirects(int value) {
      this.maxRedirects = Args.positive(value, "maxRedirects");
      return this;
    }

    /**
     * The clock for rate-limit resets; default the UTC system clock.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Args.notNull(value, "clock");
      return this;
    }

    /**
     * How to wait; default {@link Sleeper#SYSTEM}.
     *
     * @param value the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper value) {
      this.sleeper = Args.notNull(value, "sleeper");
      return this;
    }

    /**
     * The source of jitter; default an unseeded {@link SplittableRandom}.
     *
     * @param value the generator
     * @return this builder
     */
    public Builder random(RandomGenerator value) {
      this.random = Args.notNull(value, "random");
      return this;
    }

    /**
     * Progress; default {@link ProgressListener#NONE}.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder listener(ProgressListener value) {
      this.listener = Args.notNull(value, "listener");
      return this;
    }

    /**
     * Where to count requests; default new counters.
     *
     * @param value the accounting
     * @return this builder
     */
    public Builder accounting(RequestAccounting value) {
      this.accounting = Args.notNull(value, "accounting");
      return this;
    }

    /**
     * The client.
     *
     * @return a new client
     * @throws IllegalStateException when an authenticator is set but no credential origin
     */
    public ForgeHttpClient build() {
      return new ForgeHttpClient(this);
    }
  }

  @Override
  public String toString() {
    return "ForgeHttpClient[" + authenticator + ", " + retryPolicy + ", " + rateLimitPolicy + "]";
  }
}
