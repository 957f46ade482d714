package io.github.communitymetrics.forge;

import io.github.communitymetrics.forge.internal.Args;

import java.util.Objects;

/**
 * A secret access token. Its {@link #toString()} never shows the secret, so a token can sit in
 * records, builders and log lines without leaking; only {@link #reveal()} returns it, for the one
 * place that writes the request header.
 */
public final class Token {
  private final String secret;
  private final String label;

  private Token(String secret, String label) {
    this.secret = secret;
    this.label = label;
  }

  /**
   * A token with the label {@code "token"}.
   *
   * @param secret the secret value, not blank
   * @return the token
   */
  public static Token of(String secret) {
    return of(secret, "token");
  }

  /**
   * A token with a label that tells tokens of a pool apart in logs (for example the name of the
   * environment variable it came from). The label must not be the secret.
   *
   * @param secret the secret value, not blank
   * @param label a non-secret name, not blank
   * @return the token
   */
  public static Token of(String secret, String label) {
    Args.notBlank(secret, "secret");
    Args.notBlank(label, "label");
    if (secret.strip().length() != secret.length() || secret.contains("\n")) {
      throw new IllegalArgumentException("the token has surrounding white space or a line break");
    }
    if (label.contains(secret)) {
      throw new IllegalArgumentException("label must not contain the secret");
    }
    return new Token(secret, label);
  }

  /**
   * The secret. Call it only to write a request header.
   *
   * @return the secret value
   */
  public String reveal() {
    return secret;
  }

  /**
   * The non-secret label.
   *
   * @return the label given at creation
   */
  public String label() {
    return label;
  }

  /** Tokens are equal when their secrets and labels are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Token
        && ((Token) other).secret.equals(secret)
        && ((Token) other).label.equals(label);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secret, label);
  }

  /** {@code Token[label, ****]}: never the secret. */
  @Override
  public String toString() {
    return "Token[" + label + ", ****]";
  }
}
