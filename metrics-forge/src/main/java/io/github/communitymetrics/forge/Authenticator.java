package io.github.communitymetrics.forge;

/**
 * Adds the credential to a request. {@link ForgeHttpClient} calls it only for requests to the host
 * of the original request, so a redirect to another host never carries the credential.
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
      public String toString() {
        return "Authenticator[" + name + ": " + token + "]";
      }
    };
  }
}
