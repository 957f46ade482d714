package io.github.communitymetrics.forge.internal;

import io.github.communitymetrics.forge.MalformedResponseException;
import io.github.communitymetrics.forge.ForgeResponse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A response body read into maps, lists, strings, longs, doubles and booleans (JSON null becomes a
 * missing key), with typed accessors that throw {@link MalformedResponseException} naming the URL.
 * Pages are at most 100 items, so a tree per page is small. Shared by the forge adapters.
 */
public final class JsonValues {
  private final ForgeResponse response;

  private JsonValues(ForgeResponse response) {
    this.response = response;
  }

  /**
   * The accessors for one response.
   *
   * @param response the response whose body is read
   * @return the accessors
   */
  public static JsonValues of(ForgeResponse response) {
    return new JsonValues(response);
  }

  /**
   * The body as a JSON array of objects.
   *
   * @return the elements in order
   */
  public List<Map<String, Object>> array() {
    Object root = parse();
    if (!(root instanceof List)) {
      throw malformed("expected a JSON array");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : (List<?>) root) {
      out.add(object(o, "array element"));
    }
    return out;
  }

  /**
   * The body as a JSON object.
   *
   * @return its members
   */
  public Map<String, Object> object() {
    return object(parse(), "body");
  }

  /**
   * A value known to be a JSON object (a map read by this class), typed.
   *
   * @param value an element of a list or a property value this class read as an object
   * @return the same value as a map
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> asObject(Object value) {
    // Every object this class reads is a LinkedHashMap<String, Object>.
    return (Map<String, Object>) value;
  }

  /**
   * A nested object.
   *
   * @param parent the enclosing object
   * @param key the member name
   * @return its members
   */
  public Map<String, Object> object(Map<String, Object> parent, String key) {
    return optionalObject(parent, key).orElseThrow(() -> malformed("missing object '" + key + "'"));
  }

  /**
   * A nested object that may be absent or null.
   *
   * @param parent the enclosing object
   * @param key the member name
   * @return its members, or empty
   */
  public Optional<Map<String, Object>> optionalObject(Map<String, Object> parent, String key) {
    Object v = parent.get(key);
    return v == null ? Optional.empty() : Optional.of(object(v, key));
  }

  /**
   * A required text.
   *
   * @param parent the enclosing object
   * @param key the member name
   * @return the text
   */
  public String text(Map<String, Object> parent, String key) {
    return optionalText(parent, key).orElseThrow(() -> malformed("missing text '" + key + "'"));
  }

  /**
   * A text that may be absent or null.
   *
   * @param parent the enclosing object
   * @param key the member name
   * @return the text, or empty
   */
  public Optional<String> optionalText(Map<String, Object> parent, String key) {
    Object v = parent.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String)) {
      throw malformed("'" + key + "' is not a text");
    }
    return Optional.of((String) v);
  }

  /**
   * The names of a list of labels that may be absent or null: an array of texts (GitLab's {@code
   * labels}) or of objects with a {@code name} (GitHub's {@code labels}, GitLab's with label
   * details). A blank name is malformed: no forge allows one.
   *
   * @param parent the enclosing object
   * @param key the member name
   * @return the names in the order given, or none
   */
  public List<String> labelNames(Map<String, Object> parent, String key) {
    Object v = parent.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw malformed("'" + key + "' is not an array");
    }
    List<String> names = new ArrayList<>(list.size());
    for (Object label : list) {
      names.add(
          label instanceof Map ? labelName(object(label, key), key) : checkedLabelName(label, key));
    }
    return names;
  }

  /**
   * The required, non-blank {@code name} of a label object.
   *
   * @param label the label object
   * @param key where it was read, for the message
   * @return the name
   */
  public String labelName(Map<String, Object> label, String key) {
    return checkedLabelName(label.get("name"), key);
  }

  /** A label's name: a non-blank text; {@code key} says where it was read, for the message. */
  private String checkedLabelName(Object name, String key) {
    if (!(name instanceof String text)) {
      throw malformed("a label in '" + key + "' is not a text or an object with a name");
    }
    if (text.isBlank()) {
      throw malformed("a label in '" + key + "' has a blank name");
    }
    return text;
  }

  /**
   * A required whole number.
   *
   * @param parent the enclosing object
   * @param key the member name
   * @return the number
   */
  public long number(Map<String, Object> parent, String key) {
    OptionalLong v = optionalNumber(parent, key);
    if (v.isEmpty()) {
      throw malformed("missing number '" + key + "'");
    }
    return v.getAsLong();
  }

  /**
   * A whole number that may be absent or null.
   *
   * @param parent the enclosing object
   * @param key the member name
   * @return the number, or empty
   */
  public OptionalLong optionalNumber(Map<String, Object> parent, String key) {
    Object v = parent.get(key);
    if (v == null) {
      return OptionalLong.empty();
    }
    if (!(v instanceof Long)) {
      throw malformed("'" + key + "' is not a whole number");
    }
    return OptionalLong.of((Long) v);
  }

  /**
   * A boolean that may be absent or null.
   *
   * @param parent the enclosing object
   * @param key the member name
   * @return the value, or empty
   */
  public Optional<Boolean> optionalBoolean(Map<String, Object> parent, String key) {
    Object v = parent.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof Boolean)) {
      throw malformed("'" + key + "' is not a boolean");
    }
    return Optional.of((Boolean) v);
  }

  /**
   * A required ISO-8601 instant such as {@code 2010-04-19T04:13:03Z} or, as GitLab writes,
   * {@code 2019-05-02T14:34:54.054Z}.
   *
   * @param parent the enclosing object
   * @param key the member name
   * @return the instant
   */
  public Instant instant(Map<String, Object> parent, String key) {
    String text = text(parent, key);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new MalformedResponseException(
          "'" + key + "' is not an instant: " + text, response.uri(), e);
    }
  }

  /**
   * The exception for a body that breaks the documented shape.
   *
   * @param message what is wrong
   * @return the exception naming the URL, to be thrown
   */
  public MalformedResponseException malformed(String message) {
    return new MalformedResponseException(message, response.uri(), null);
  }

  private Map<String, Object> object(Object value, String what) {
    if (!(value instanceof Map)) {
      throw malformed(what + " is not a JSON object");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    ((Map<?, ?>) value).forEach((k, v) -> out.put((String) k, v));
    return out;
  }

  private Object parse() {
    try (JsonParser p = ForgeJson.parser(response)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw malformed("empty body");
      }
      Object value = read(p, first);
      if (p.nextToken() != null) {
        throw malformed("content after the JSON value");
      }
      return value;
    } catch (JacksonException e) {
      throw ForgeJson.malformed(response, e);
    }
  }

  private static Object read(JsonParser p, JsonToken token) {
    switch (token) {
      case START_OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            Object v = read(p, p.nextToken());
            if (v != null) {
              map.put(name, v);
            }
          }
          return map;
        }
      case START_ARRAY:
        {
          List<Object> list = new ArrayList<>();
          for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            list.add(read(p, t));
          }
          return list;
        }
      case VALUE_STRING:
        return p.getString();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalStateException("unexpected token " + token);
    }
  }
}
