package io.github.communitymetrics.forge.internal;

import io.github.communitymetrics.forge.Token;
import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.ForgeResponse;

/**
 * Adds the credential to a request. {@link ForgeHttpClient} calls it only for requests to one of
 * its credential origins ({@link ForgeHttpClient.Builder#credentialOrigin(java.net.URI)}), so a
 * next page or redirect on another host never carries the credential.
 */
public interface Authenticator {
  /** Sends requests without a credential. */
  Authenticator NONE = request -> request;

  /**
   * The request with its credential header.
   *
   * @param request a request without a credential
   * @return the request to send
   */
  ForgeRequest authenticate(ForgeRequest request);

  /**
   * Hears every response to an authenticated request, so a token pool can track each token's
   * remaining quota. The default ignores it.
   *
   * @param sent the request as sent (credential included)
   * @param response the response
   */
  default void onResponse(ForgeRequest sent, ForgeResponse response) {}

  /**
   * The tokens this authenticator may send. {@link ForgeHttpClient} replaces each of them (and
   * their URL-encoded forms) in response bodies, headers and its exception messages by {@code
   * ****}, so a server that echoes a request cannot make the secret reach a log or a message. The
   * default is none: an authenticator that sends a secret should name it.
   *
   * @return the tokens, possibly empty
   */
  default java.util.Set<Token> tokens() {
    return java.util.Set.of();
  }

  /**
   * {@code Authorization: Bearer TOKEN}, as GitHub and GitLab accept.
   *
   * @param token the token
   * @return the authenticator
   */
  static Authenticator bearer(Token token) {
    Args.notNull(token, "token");
    return header("Authorization", "Bearer ", token);
  }

  /**
   * A header whose value is a prefix and the token, such as GitLab's {@code PRIVATE-TOKEN}.
   *
   * @param name the header name
   * @param prefix the text before the token, possibly empty
   * @param token the token
   * @return the authenticator
   */
  static Authenticator header(String name, String prefix, Token token) {
    Args.notBlank(name, "name");
    Args.notNull(prefix, "prefix");
    Args.notNull(token, "token");
    return new Authenticator() {
      @Override
      public ForgeRequest authenticate(ForgeRequest request) {
        return request.withHeader(name, prefix + token.reveal());
      }

      @Override
      public java.util.Set<Token> tokens() {
        return java.util.Set.of(token);
      }

      @Override
      public String toString() {
        return "Authenticator[" + name + ": " + token + "]";
      }
    };
  }
}
