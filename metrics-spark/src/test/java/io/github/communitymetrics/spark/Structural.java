package io.github.communitymetrics.spark;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Structural equality for results: {@code equals}, except that core objects without value
 * equality (such as {@code Affiliations}, inside a result's copy of its metric's parameters) are
 * compared field by field. Nothing is left out of the comparison.
 */
final class Structural {
  private Structural() {}

  static void assertEqual(Object expected, Object actual, String message) {
    String diff = difference(expected, actual, "result", 0);
    if (diff != null) {
      fail(message + ": differs at " + diff);
    }
  }

  /** Where the two differ, or null. */
  static String difference(Object a, Object b, String path, int depth) {
    if (a == b || (a != null && a.equals(b))) {
      return null;
    }
    if (a == null || b == null || a.getClass() != b.getClass() || depth > 50) {
      return path + " (" + abbreviate(a) + " vs " + abbreviate(b) + ")";
    }
    Class<?> c = a.getClass();
    try {
      if (c.isRecord()) {
        for (RecordComponent rc : c.getRecordComponents()) {
          rc.getAccessor().setAccessible(true);
          String d =
              difference(rc.getAccessor().invoke(a), rc.getAccessor().invoke(b), path + "." + rc.getName(), depth + 1);
          if (d != null) {
            return d;
          }
        }
        return null;
      }
      if (a instanceof List) {
        List<?> la = (List<?>) a;
        List<?> lb = (List<?>) b;
        if (la.size() != lb.size()) {
          return path + " sizes " + la.size() + " vs " + lb.size();
        }
        Iterator<?> ib = lb.iterator();
        int i = 0;
        for (Object x : la) {
          String d = difference(x, ib.next(), path + "[" + i++ + "]", depth + 1);
          if (d != null) {
            return d;
          }
        }
        return null;
      }
      if (a instanceof Map || a instanceof Set || c.getName().startsWith("java.")) {
        return path + " (" + abbreviate(a) + " vs " + abbreviate(b) + ")";
      }
      for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
        for (Field f : k.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers())) {
            continue;
          }
          f.setAccessible(true);
          String d = difference(f.get(a), f.get(b), path + "." + f.getName(), depth + 1);
          if (d != null) {
            return d;
          }
        }
      }
      return null;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot compare " + c.getName(), e);
    }
  }

  private static String abbreviate(Object o) {
    String s = String.valueOf(o);
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
