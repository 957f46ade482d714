package io.github.communitymetrics.forge;

import io.github.communitymetrics.forge.internal.ForgeHttpClient;
import io.github.communitymetrics.forge.internal.Args;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The transport settings every forge source's builder offers (GitHub's, GitLab's, a third party's):
 * sender, clock, sleeper, jitter, rate-limit and retry policies, progress, the bounds on time and
 * size (connect, idle and deadline timeouts, body size, longest wait) and the hosts trusted with
 * the credential beside the API's own. A source's builder
 * extends it and adds what is its own (base URL, tokens); {@link #transport()} hands the chosen
 * settings to the source, which builds its {@link ForgeHttpClient} from them.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class ForgeSourceBuilder<B extends ForgeSourceBuilder<B>> {
  private Optional<HttpSender> sender = Optional.empty();
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.SYSTEM;
  private RandomGenerator random = new SplittableRandom();
  private RateLimitPolicy rateLimitPolicy = RateLimitPolicy.WAIT;
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private ProgressListener listener = ProgressListener.NONE;
  private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
  private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
  private Duration requestDeadline = HttpSender.DEFAULT_DEADLINE;
  private long maxBodySize = HttpSender.DEFAULT_MAX_BODY_BYTES;
  private Duration maxWait = ForgeHttpClient.DEFAULT_MAX_WAIT;
  private final List<URI> trustedHosts = new ArrayList<>();

  /** Default of {@link #connectTimeout(Duration)}: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Default of {@link #idleTimeout(Duration)}: 60 seconds. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  /** For subclasses. */
  protected ForgeSourceBuilder() {}

  /**
   * This builder, typed.
   *
   * @return {@code this}
   */
  protected abstract B self();

  /**
   * The transport; default {@link HttpSender#jdk(Duration, Duration, Duration, long)} with this
   * builder's {@link #connectTimeout}, {@link #idleTimeout}, {@link #requestDeadline} and {@link
   * #maxBodySize}. A sender given here brings its own bounds on time and size: those four settings
   * are then unused.
   *
   * @param value the sender
   * @return this builder
   */
  public B sender(HttpSender value) {
    this.sender = Optional.of(Objects.requireNonNull(value, "sender"));
    return self();
  }

  /**
   * The clock for rate-limit resets; default UTC system clock.
   *
   * @param value the clock
   * @return this builder
   */
  public B clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return self();
  }

  /**
   * How to wait; default {@link Sleeper#SYSTEM}.
   *
   * @param value the sleeper
   * @return this builder
   */
  public B sleeper(Sleeper value) {
    this.sleeper = Objects.requireNonNull(value, "sleeper");
    return self();
  }

  /**
   * The jitter source; default unseeded.
   *
   * @param value the generator
   * @return this builder
   */
  public B random(RandomGenerator value) {
    this.random = Objects.requireNonNull(value, "random");
    return self();
  }

  /**
   * Wait for or fail on rate limits; default {@link RateLimitPolicy#WAIT}.
   *
   * @param value the policy
   * @return this builder
   */
  public B rateLimitPolicy(RateLimitPolicy value) {
    this.rateLimitPolicy = Objects.requireNonNull(value, "rateLimitPolicy");
    return self();
  }

  /**
   * Retries of 5xx and transport failures; default {@link RetryPolicy#defaults()}.
   *
   * @param value the policy
   * @return this builder
   */
  public B retryPolicy(RetryPolicy value) {
    this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
    return self();
  }

  /**
   * Progress; default none.
   *
   * @param value the listener
   * @return this builder
   */
  public B listener(ProgressListener value) {
    this.listener = Objects.requireNonNull(value, "listener");
    return self();
  }

  /**
   * The longest time to open a connection; default 10 s. Used by the default sender only.
   *
   * @param value a positive duration
   * @return this builder
   */
  public B connectTimeout(Duration value) {
    this.connectTimeout = Args.positive(value, "connectTimeout");
    return self();
  }

  /**
   * The longest wait for the response headers and then for each next byte of a body; default
   * 60 s. A request that idles longer fails as a transport failure, which the {@link
   * #retryPolicy} retries. Used by the default sender only.
   *
   * @param value a positive duration
   * @return this builder
   */
  public B idleTimeout(Duration value) {
    this.idleTimeout = Args.positive(value, "idleTimeout");
    return self();
  }

  /**
   * The longest time for one whole request, from sending it to the last byte of its body (a body
   * trickled slowly enough never idles); default 5 minutes. A request that takes longer fails as a
   * transport failure, which the {@link #retryPolicy} retries. Used by the default sender only.
   *
   * @param value a positive duration
   * @return this builder
   */
  public B requestDeadline(Duration value) {
    this.requestDeadline = Args.positive(value, "requestDeadline");
    return self();
  }

  /**
   * The most bytes a response body may have; default 32 MiB (33,554,432 bytes). A larger body is
   * not read past the limit and fails with {@link ResponseTooLargeException}, not retried. Used by
   * the default sender only.
   *
   * @param bytes a positive number of bytes
   * @return this builder
   */
  public B maxBodySize(long bytes) {
    this.maxBodySize = Args.positive(bytes, "maxBodySize");
    return self();
  }

  /**
   * The longest single wait; default one hour. A rate limit that asks for a longer wait throws
   * {@link RateLimitedException} naming when it resets, instead of sleeping; retry delays are cut
   * to it. See {@link ForgeHttpClient.Builder#maxWait(Duration)}.
   *
   * @param value a positive duration
   * @return this builder
   */
  public B maxWait(Duration value) {
    this.maxWait = Args.positive(value, "maxWait");
    return self();
  }

  /**
   * Trusts one more origin (scheme, host and port of the URL) with the credential, such as an
   * uploads host. By default the credential goes only to the source's own API origin(s); a {@code
   * Link} next page, a redirect or any other URL on another origin is followed without it.
   *
   * @param url an absolute http(s) URL on the origin; its path is ignored
   * @return this builder
   */
  public B trustedHost(URI url) {
    trustedHosts.add(httpUrl(url, "trustedHost"));
    return self();
  }

  /**
   * Checks a base URL a builder is given.
   *
   * @param value the URL
   * @param name the option's name, for the message
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException unless it is an absolute http or https URL
   */
  protected static URI httpUrl(URI value, String name) {
    Objects.requireNonNull(value, name);
    if (!value.isAbsolute() || !(value.getScheme().equals("https") || value.getScheme().equals("http"))) {
      throw new IllegalArgumentException(name + " must be an absolute http(s) URL but was " + value);
    }
    return value;
  }

  /**
   * The settings chosen so far, with the default sender made now if none was given.
   *
   * @return the settings, for the source being built
   */
  protected final Transport transport() {
    return new Transport(
        sender.orElseGet(
            () -> HttpSender.jdk(connectTimeout, idleTimeout, requestDeadline, maxBodySize)),
        clock,
        sleeper,
        random,
        rateLimitPolicy,
        retryPolicy,
        listener,
        maxWait,
        trustedHosts);
  }

  /**
   * The transport settings of a built source; the adapters build their HTTP client from them.
   *
   * @param sender the transport
   * @param clock the clock for rate-limit resets
   * @param sleeper how to wait
   * @param random the jitter source
   * @param rateLimitPolicy wait for or fail on rate limits
   * @param retryPolicy retries of 5xx and transport failures
   * @param listener progress
   * @param maxWait the longest single wait
   * @param trustedHosts origins trusted with the credential beside the source's API
   */
  public record Transport(
      HttpSender sender,
      Clock clock,
      Sleeper sleeper,
      RandomGenerator random,
      RateLimitPolicy rateLimitPolicy,
      RetryPolicy retryPolicy,
      ProgressListener listener,
      Duration maxWait,
      List<URI> trustedHosts) {
    /** Checks that nothing is missing. */
    public Transport {
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(sleeper, "sleeper");
      Objects.requireNonNull(random, "random");
      Objects.requireNonNull(rateLimitPolicy, "rateLimitPolicy");
      Objects.requireNonNull(retryPolicy, "retryPolicy");
      Objects.requireNonNull(listener, "listener");
      Args.positive(maxWait, "maxWait");
      trustedHosts = List.copyOf(trustedHosts);
    }
  }
}
