package io.github.communitymetrics.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A command's JSON output as plain Java values, read with the streaming parser: objects as maps,
 * arrays as lists, integers as {@code Long}, other numbers as {@code Double}, {@code null} as null.
 */
final class JsonTree {
  private JsonTree() {}

  static Object parse(String json) {
    try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
      p.nextToken();
      return value(p);
    }
  }

  /** The value at a path of keys (strings) and indexes (integers). */
  @SuppressWarnings("unchecked")
  static Object at(Object root, Object... path) {
    Object here = root;
    for (Object step : path) {
      if (step instanceof Integer i) {
        here = ((List<Object>) here).get(i);
      } else {
        Map<String, Object> map = (Map<String, Object>) here;
        if (!map.containsKey((String) step)) {
          throw new AssertionError("no key " + step + " in " + map.keySet());
        }
        here = map.get((String) step);
      }
    }
    return here;
  }

  private static Object value(JsonParser p) {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String name = p.currentName();
          p.nextToken();
          out.put(name, value(p));
        }
        return out;
      }
      case START_ARRAY: {
        List<Object> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          out.add(value(p));
        }
        return out;
      }
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_STRING:
        return p.getString();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalStateException("unexpected " + t);
    }
  }
}
