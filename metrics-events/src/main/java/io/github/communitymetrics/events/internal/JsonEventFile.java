package io.github.communitymetrics.events.internal;

import io.github.communitymetrics.core.impact.CommunityEvent;
import io.github.communitymetrics.events.EventFileException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON format: an array of event objects, or an object whose {@code events} member is one.
 * Each event: {@code name}, {@code start}, {@code end} (strings, see {@link EventFields}), and
 * optionally {@code kind} (a string), {@code labels} and {@code attendees} (arrays of strings).
 * An unknown member is an error, not ignored: a misspelt {@code attendes} would otherwise lose
 * the attendee list without a word.
 */
public final class JsonEventFile {
  private JsonEventFile() {}

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Reads every event. */
  public static List<CommunityEvent> read(Reader in, String source) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), in)) {
      List<CommunityEvent> out = new ArrayList<>();
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_OBJECT) {
        boolean found = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String member = p.currentName();
          p.nextToken();
          if (member.equals("events")) {
            expect(p, JsonToken.START_ARRAY, "\"events\" must be an array", source);
            events(p, source, out);
            found = true;
          } else {
            p.skipChildren(); // other top-level members (a schema version, a comment) are the file's own
          }
        }
        if (!found) {
          throw new EventFileException(source, 0, "no \"events\" array", null);
        }
      } else {
        expect(p, JsonToken.START_ARRAY, "must be an array of events or an object with \"events\"", source);
        events(p, source, out);
      }
      if (p.nextToken() != null) {
        throw new EventFileException(source, line(p), "text after the events", null);
      }
      return List.copyOf(out);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new EventFileException(source, Math.max(line, 0), "not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void events(JsonParser p, String source, List<CommunityEvent> out) {
    EventFields.Names names = new EventFields.Names();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expect(p, JsonToken.START_OBJECT, "an event must be an object", source);
      int line = line(p);
      Map<String, String> fields = new HashMap<>();
      Set<String> labels = new LinkedHashSet<>();
      Set<String> attendees = new LinkedHashSet<>();
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String member = p.currentName();
        JsonToken v = p.nextToken();
        switch (member) {
          case "name", "kind", "start", "end" -> {
            if (v != JsonToken.VALUE_STRING) {
              throw new EventFileException(source, line(p), "\"" + member + "\" must be a string", null);
            }
            fields.put(member, p.getString());
          }
          case "labels", "attendees" -> strings(p, member, source, member.equals("labels") ? labels : attendees);
          default -> throw new EventFileException(
              source, line(p),
              "unknown member \"" + member + "\" (an event has " + String.join(", ", EventFields.NAMES) + ")",
              null);
        }
      }
      for (String r : EventFields.REQUIRED) {
        if (!fields.containsKey(r)) {
          throw new EventFileException(source, line, "the event has no \"" + r + "\"", null);
        }
      }
      CommunityEvent e =
          EventFields.event(
              fields.get("name"),
              EventFields.kind(fields.get("kind"), source, line),
              EventFields.start(fields.get("start"), source, line),
              EventFields.end(fields.get("end"), source, line),
              labels, attendees, source, line);
      names.add(e, source, line);
      out.add(e);
    }
  }

  private static void strings(JsonParser p, String member, String source, Set<String> into) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new EventFileException(source, line(p), "\"" + member + "\" must be an array of strings", null);
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.VALUE_STRING || p.getString().isBlank()) {
        throw new EventFileException(source, line(p), "\"" + member + "\" must hold non-blank strings", null);
      }
      into.add(p.getString().trim());
    }
  }

  private static void expect(JsonParser p, JsonToken want, String problem, String source) {
    if (p.currentToken() != want) {
      throw new EventFileException(source, line(p), problem, null);
    }
  }

  private static int line(JsonParser p) {
    return Math.max(0, p.currentTokenLocation().getLineNr());
  }
}
