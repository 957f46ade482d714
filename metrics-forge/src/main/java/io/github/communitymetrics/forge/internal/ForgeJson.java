package io.github.communitymetrics.forge.internal;

import io.github.communitymetrics.forge.MalformedResponseException;
import io.github.communitymetrics.forge.ForgeResponse;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/** Streaming JSON parsing of responses, with failures that name the URL. */
public final class ForgeJson {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private ForgeJson() {}

  /**
   * A parser over the response body. The caller closes it.
   *
   * @param response the response
   * @return the parser
   */
  public static JsonParser parser(ForgeResponse response) {
    return FACTORY.createParser(ObjectReadContext.empty(), response.body());
  }

  /**
   * The exception for a body that is not the documented JSON.
   *
   * @param response the response
   * @param cause the parser's failure
   * @return the exception naming the URL, to be thrown
   */
  public static MalformedResponseException malformed(
      ForgeResponse response, JacksonException cause) {
    return new MalformedResponseException(
        "malformed JSON: " + cause.getOriginalMessage(), response.uri(), cause);
  }
}
