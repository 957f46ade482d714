package io.github.communitymetrics.forge;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The transport settings every forge source's builder offers (GitHub's, GitLab's, a third party's):
 * sender, clock, sleeper, jitter, rate-limit and retry policies, progress. A source's builder
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

  /** For subclasses. */
  protected ForgeSourceBuilder() {}

  /**
   * This builder, typed.
   *
   * @return {@code this}
   */
  protected abstract B self();

  /**
   * The transport; default {@link HttpSender#jdk(Duration, Duration)} with 10 s to connect and
   * 60 s per request.
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
        sender.orElseGet(() -> HttpSender.jdk(Duration.ofSeconds(10), Duration.ofSeconds(60))),
        clock,
        sleeper,
        random,
        rateLimitPolicy,
        retryPolicy,
        listener);
  }

  /**
   * The transport settings of a built source.
   *
   * @param sender the transport
   * @param clock the clock for rate-limit resets
   * @param sleeper how to wait
   * @param random the jitter source
   * @param rateLimitPolicy wait for or fail on rate limits
   * @param retryPolicy retries of 5xx and transport failures
   * @param listener progress
   */
  public record Transport(
      HttpSender sender,
      Clock clock,
      Sleeper sleeper,
      RandomGenerator random,
      RateLimitPolicy rateLimitPolicy,
      RetryPolicy retryPolicy,
      ProgressListener listener) {
    /** Checks that nothing is missing. */
    public Transport {
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(sleeper, "sleeper");
      Objects.requireNonNull(random, "random");
      Objects.requireNonNull(rateLimitPolicy, "rateLimitPolicy");
      Objects.requireNonNull(retryPolicy, "retryPolicy");
      Objects.requireNonNull(listener, "listener");
    }

    /**
     * A client builder with these settings; the source adds its authenticator, rate-limit
     * classifier and request accounting.
     *
     * @return a new client builder
     */
    public ForgeHttpClient.Builder client() {
      return ForgeHttpClient.builder(sender)
          .rateLimitPolicy(rateLimitPolicy)
          .retryPolicy(retryPolicy)
          .clock(clock)
          .sleeper(sleeper)
          .random(random)
          .listener(listener);
    }
  }
}
