package io.github.communitymetrics.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the core's metric states and results (immutable object trees that are not {@link
 * java.io.Serializable}) into bytes and back, so they can cross Spark's shuffle.
 *
 * <p>Why reflective: the core's states are records and small final classes with no serialized
 * form, and Spark's Kryo 4 cannot build records. This codec writes a record as its components
 * and rebuilds it through its canonical constructor (so the record's own checks and copies run
 * again); any other class of the core as its instance fields, rebuilt without running a
 * constructor (as Java serialization does). JDK values it knows (boxed primitives, strings,
 * {@link Instant}, {@link Duration}, {@link ZoneId}, enums, the {@code Optional}s, arrays, lists, sets and maps)
 * are written by value; other serializable JDK values ({@code LocalDate}, ...) by Java
 * serialization. Collections keep their iteration order (a sorted one comes back sorted,
 * with natural ordering), which keeps every later computation on them identical; they come back
 * as plain mutable JDK collections ({@code ArrayList}, {@code LinkedHashMap}, {@code TreeMap},
 * ...), equal to the originals, since the states' own code never relies on their
 * unmodifiability, while rebuilding a core class's field bypasses its constructor's copies. A sorted
 * collection with a comparator, a cycle or an unknown JDK class fails loudly.
 *
 * <p>This needs the core's classes to be reflectively open to this class, which is the case on
 * the class path (where Spark runs jobs). A core that offered its own codec for states (or made
 * them {@code Serializable}) would make this class unnecessary.
 */
final class StateCodec {
  private static final int NULL = 0;
  private static final int BOOLEAN = 1;
  private static final int INT = 2;
  private static final int LONG = 3;
  private static final int DOUBLE = 4;
  private static final int STRING = 5;
  private static final int INSTANT = 6;
  private static final int DURATION = 7;
  private static final int ENUM = 8;
  private static final int OPTIONAL = 9;
  private static final int OPTIONAL_LONG = 10;
  private static final int OPTIONAL_INT = 11;
  private static final int OPTIONAL_DOUBLE = 12;
  private static final int LIST = 13;
  private static final int SET = 14;
  private static final int SORTED_SET = 15;
  private static final int MAP = 16;
  private static final int SORTED_MAP = 17;
  private static final int ENUM_MAP = 18;
  private static final int ENUM_SET = 19;
  private static final int ARRAY = 20;
  private static final int RECORD = 21;
  private static final int OBJECT = 22;
  private static final int SHORT = 23;
  private static final int BYTE = 24;
  private static final int CHAR = 25;
  private static final int FLOAT = 26;
  private static final int ZONE = 27;
  private static final int JDK_SERIALIZED = 28;

  /** Deepest nesting accepted; a deeper tree is almost surely a cycle. */
  private static final int MAX_DEPTH = 200;

  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

  private StateCodec() {}

  /** The bytes of {@code value} (which may be null). */
  static byte[] encode(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      new Writer(out).write(value, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The value whose bytes these are, with classes loaded by {@code loader}.
   *
   * @throws IllegalArgumentException if the bytes are not from {@link #encode}
   */
  static Object decode(byte[] bytes, ClassLoader loader) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      Object v = new Reader(in, loader).read();
      if (in.read() != -1) {
        throw new IllegalArgumentException("trailing bytes after an encoded state");
      }
      return v;
    } catch (IOException e) {
      throw new IllegalArgumentException("not an encoded state: " + e, e);
    }
  }

  /** Decodes with the thread's context class loader (Spark's task loader on executors). */
  static Object decode(byte[] bytes) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return decode(bytes, loader == null ? StateCodec.class.getClassLoader() : loader);
  }

  /** How to take apart and rebuild instances of one class. */
  private static final class Shape {
    final Class<?> type;
    final boolean record;
    final Method[] accessors;
    final Constructor<?> constructor;
    final Field[] fields;

    Shape(Class<?> type) {
      this.type = type;
      this.record = type.isRecord();
      if (record) {
        RecordComponent[] rc = type.getRecordComponents();
        accessors = new Method[rc.length];
        Class<?>[] types = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
          accessors[i] = rc[i].getAccessor();
          accessors[i].setAccessible(true);
          types[i] = rc[i].getType();
        }
        try {
          constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
          throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
        }
        constructor.setAccessible(true);
        fields = new Field[0];
      } else {
        accessors = new Method[0];
        constructor = serializationConstructor(type);
        List<Field> f = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
          if (c.getName().startsWith("java.")) {
            throw new IllegalArgumentException("cannot encode a " + type.getName() + ": it extends " + c.getName());
          }
          for (Field field : c.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
              field.setAccessible(true);
              f.add(field);
            }
          }
        }
        fields = f.toArray(new Field[0]);
      }
    }

    static Shape of(Class<?> type) {
      return SHAPES.computeIfAbsent(type, Shape::new);
    }
  }

  /**
   * A constructor that allocates {@code type} without running any of its constructors, as Java
   * serialization does; reached reflectively so that the build does not link to {@code
   * sun.reflect}.
   */
  private static Constructor<?> serializationConstructor(Class<?> type) {
    try {
      Class<?> factoryClass = Class.forName("sun.reflect.ReflectionFactory");
      Object factory = factoryClass.getMethod("getReflectionFactory").invoke(null);
      Method m =
          factoryClass.getMethod("newConstructorForSerialization", Class.class, Constructor.class);
      Constructor<?> c = (Constructor<?>) m.invoke(factory, type, Object.class.getDeclaredConstructor());
      c.setAccessible(true);
      return c;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot allocate a " + type.getName() + ": " + e, e);
    }
  }

  private static final class Writer {
    private final DataOutputStream out;
    private final Map<Class<?>, Integer> classes = new HashMap<>();

    Writer(DataOutputStream out) {
      this.out = out;
    }

    void writeClass(Class<?> c) throws IOException {
      Integer id = classes.get(c);
      if (id != null) {
        out.writeInt(id);
      } else {
        out.writeInt(-1);
        out.writeUTF(c.getName());
        classes.put(c, classes.size());
      }
    }

    void write(Object v, int depth) throws IOException {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException("nesting deeper than " + MAX_DEPTH + ": a cycle?");
      }
      int d = depth + 1;
      if (v == null) {
        out.writeByte(NULL);
      } else if (v instanceof Boolean) {
        out.writeByte(BOOLEAN);
        out.writeBoolean((Boolean) v);
      } else if (v instanceof Integer) {
        out.writeByte(INT);
        out.writeInt((Integer) v);
      } else if (v instanceof Long) {
        out.writeByte(LONG);
        out.writeLong((Long) v);
      } else if (v instanceof Double) {
        out.writeByte(DOUBLE);
        out.writeDouble((Double) v);
      } else if (v instanceof Float) {
        out.writeByte(FLOAT);
        out.writeFloat((Float) v);
      } else if (v instanceof Short) {
        out.writeByte(SHORT);
        out.writeShort((Short) v);
      } else if (v instanceof Byte) {
        out.writeByte(BYTE);
        out.writeByte((Byte) v);
      } else if (v instanceof Character) {
        out.writeByte(CHAR);
        out.writeChar((Character) v);
      } else if (v instanceof String) {
        out.writeByte(STRING);
        writeString((String) v);
      } else if (v instanceof Instant) {
        Instant t = (Instant) v;
        out.writeByte(INSTANT);
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
      } else if (v instanceof Duration) {
        Duration t = (Duration) v;
        out.writeByte(DURATION);
        out.writeLong(t.getSeconds());
        out.writeInt(t.getNano());
      } else if (v instanceof ZoneId) {
        out.writeByte(ZONE);
        writeString(((ZoneId) v).getId());
      } else if (v instanceof Enum) {
        Enum<?> e = (Enum<?>) v;
        out.writeByte(ENUM);
        writeClass(e.getDeclaringClass());
        out.writeInt(e.ordinal());
      } else if (v instanceof Optional) {
        Optional<?> o = (Optional<?>) v;
        out.writeByte(OPTIONAL);
        out.writeBoolean(o.isPresent());
        if (o.isPresent()) {
          write(o.get(), d);
        }
      } else if (v instanceof OptionalLong) {
        OptionalLong o = (OptionalLong) v;
        out.writeByte(OPTIONAL_LONG);
        out.writeBoolean(o.isPresent());
        if (o.isPresent()) {
          out.writeLong(o.getAsLong());
        }
      } else if (v instanceof OptionalInt) {
        OptionalInt o = (OptionalInt) v;
        out.writeByte(OPTIONAL_INT);
        out.writeBoolean(o.isPresent());
        if (o.isPresent()) {
          out.writeInt(o.getAsInt());
        }
      } else if (v instanceof OptionalDouble) {
        OptionalDouble o = (OptionalDouble) v;
        out.writeByte(OPTIONAL_DOUBLE);
        out.writeBoolean(o.isPresent());
        if (o.isPresent()) {
          out.writeDouble(o.getAsDouble());
        }
      } else if (v instanceof EnumSet) {
        EnumSet<?> s = (EnumSet<?>) v;
        out.writeByte(ENUM_SET);
        writeClass(enumTypeOf(s));
        out.writeInt(s.size());
        for (Enum<?> e : s) {
          out.writeInt(e.ordinal());
        }
      } else if (v instanceof EnumMap) {
        EnumMap<?, ?> m = (EnumMap<?, ?>) v;
        out.writeByte(ENUM_MAP);
        writeClass(enumKeyTypeOf(m));
        writeEntries(m, d);
      } else if (v instanceof List) {
        out.writeByte(LIST);
        writeElements((List<?>) v, d);
      } else if (v instanceof SortedSet) {
        requireNaturalOrder(((SortedSet<?>) v).comparator() == null, v);
        out.writeByte(SORTED_SET);
        writeElements((Set<?>) v, d);
      } else if (v instanceof Set) {
        out.writeByte(SET);
        writeElements((Set<?>) v, d);
      } else if (v instanceof SortedMap) {
        requireNaturalOrder(((SortedMap<?, ?>) v).comparator() == null, v);
        out.writeByte(SORTED_MAP);
        writeEntries((Map<?, ?>) v, d);
      } else if (v instanceof Map) {
        out.writeByte(MAP);
        writeEntries((Map<?, ?>) v, d);
      } else if (v.getClass().isArray()) {
        writeArray(v, d);
      } else {
        Class<?> c = v.getClass();
        if (c.getName().startsWith("java.") || c.getName().startsWith("javax.")) {
          writeJdkSerializable(v);
          return;
        }
        Shape shape = Shape.of(c);
        out.writeByte(shape.record ? RECORD : OBJECT);
        writeClass(c);
        try {
          if (shape.record) {
            for (Method m : shape.accessors) {
              write(m.invoke(v), d);
            }
          } else {
            for (Field f : shape.fields) {
              write(f.get(v), d);
            }
          }
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalArgumentException("cannot read a " + c.getName() + ": " + e, e);
        }
      }
    }

    /** Other JDK values (LocalDate, BigInteger, ...) by their own serialized form. */
    private void writeJdkSerializable(Object v) throws IOException {
      if (!(v instanceof java.io.Serializable)) {
        throw new IllegalArgumentException("cannot encode a " + v.getClass().getName());
      }
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(b)) {
        o.writeObject(v);
      }
      out.writeByte(JDK_SERIALIZED);
      out.writeInt(b.size());
      b.writeTo(out);
    }

    private void writeString(String s) throws IOException {
      // writeUTF is limited to 64 KiB; strings in states (logins, domains) are short but need not be.
      byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }

    private void writeElements(Collection<?> c, int depth) throws IOException {
      out.writeInt(c.size());
      for (Object o : c) {
        write(o, depth);
      }
    }

    private void writeEntries(Map<?, ?> m, int depth) throws IOException {
      out.writeInt(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        write(e.getKey(), depth);
        write(e.getValue(), depth);
      }
    }

    private void writeArray(Object a, int depth) throws IOException {
      out.writeByte(ARRAY);
      Class<?> component = a.getClass().getComponentType();
      int n = Array.getLength(a);
      if (component.isPrimitive()) {
        out.writeUTF(component.getName());
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
          write(Array.get(a, i), depth);
        }
      } else {
        out.writeUTF("");
        writeClass(component);
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
          write(Array.get(a, i), depth);
        }
      }
    }
  }

  private static void requireNaturalOrder(boolean natural, Object collection) {
    if (!natural) {
      throw new IllegalArgumentException(
          "cannot encode a sorted collection with a comparator: " + collection.getClass().getName());
    }
  }

  private static Class<?> enumTypeOf(EnumSet<?> s) {
    EnumSet<?> all = s.isEmpty() ? EnumSet.complementOf(s) : s;
    if (all.isEmpty()) {
      throw new IllegalArgumentException("cannot encode an EnumSet of an enum without constants");
    }
    return all.iterator().next().getDeclaringClass();
  }

  private static Class<?> enumKeyTypeOf(EnumMap<?, ?> m) {
    try {
      Field f = EnumMap.class.getDeclaredField("keyType");
      f.setAccessible(true);
      return (Class<?>) f.get(m);
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (!m.isEmpty()) {
        return ((Enum<?>) m.keySet().iterator().next()).getDeclaringClass();
      }
      throw new IllegalArgumentException("cannot find the key type of an empty EnumMap", e);
    }
  }

  private static final class Reader {
    private final DataInputStream in;
    private final ClassLoader loader;
    private final List<Class<?>> classes = new ArrayList<>();

    Reader(DataInputStream in, ClassLoader loader) {
      this.in = in;
      this.loader = loader;
    }

    Class<?> readClass() throws IOException {
      int id = in.readInt();
      if (id >= 0) {
        return classes.get(id);
      }
      String name = in.readUTF();
      Class<?> c = load(name);
      classes.add(c);
      return c;
    }

    private Class<?> load(String name) throws IOException {
      try {
        return Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IOException("unknown class " + name, e);
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Object read() throws IOException {
      int tag = in.readByte();
      switch (tag) {
        case NULL:
          return null;
        case BOOLEAN:
          return in.readBoolean();
        case INT:
          return in.readInt();
        case LONG:
          return in.readLong();
        case DOUBLE:
          return in.readDouble();
        case FLOAT:
          return in.readFloat();
        case SHORT:
          return in.readShort();
        case BYTE:
          return in.readByte();
        case CHAR:
          return in.readChar();
        case STRING:
          return readString();
        case INSTANT:
          return Instant.ofEpochSecond(in.readLong(), in.readInt());
        case DURATION:
          return Duration.ofSeconds(in.readLong(), in.readInt());
        case ZONE:
          return ZoneId.of(readString());
        case ENUM:
          return readClass().getEnumConstants()[in.readInt()];
        case OPTIONAL:
          return in.readBoolean() ? Optional.of(read()) : Optional.empty();
        case OPTIONAL_LONG:
          return in.readBoolean() ? OptionalLong.of(in.readLong()) : OptionalLong.empty();
        case OPTIONAL_INT:
          return in.readBoolean() ? OptionalInt.of(in.readInt()) : OptionalInt.empty();
        case OPTIONAL_DOUBLE:
          return in.readBoolean() ? OptionalDouble.of(in.readDouble()) : OptionalDouble.empty();
        case ENUM_SET:
          {
            Class type = readClass();
            EnumSet s = EnumSet.noneOf(type);
            Object[] constants = type.getEnumConstants();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
              s.add(constants[in.readInt()]);
            }
            return s;
          }
        case ENUM_MAP:
          {
            Class type = readClass();
            EnumMap m = new EnumMap(type);
            readEntries(m);
            return m;
          }
        case LIST:
          {
            int n = in.readInt();
            List<Object> l = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              l.add(read());
            }
            return l;
          }
        case SET:
          return readElements(new LinkedHashSet<>());
        case SORTED_SET:
          return readElements(new TreeSet<>());
        case MAP:
          return readEntries(new LinkedHashMap<>());
        case SORTED_MAP:
          return readEntries(new TreeMap<>());
        case ARRAY:
          return readArray();
        case JDK_SERIALIZED:
          {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            try (java.io.ObjectInputStream o = new java.io.ObjectInputStream(new ByteArrayInputStream(b))) {
              return o.readObject();
            } catch (ClassNotFoundException e) {
              throw new IOException("unknown JDK class: " + e, e);
            }
          }
        case RECORD:
        case OBJECT:
          return readObject(readClass(), tag == RECORD);
        default:
          throw new IOException("unknown tag " + tag);
      }
    }

    private String readString() throws IOException {
      byte[] b = new byte[in.readInt()];
      in.readFully(b);
      return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private <C extends Collection<Object>> C readElements(C c) throws IOException {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        c.add(read());
      }
      return c;
    }

    private <M extends Map<Object, Object>> M readEntries(M m) throws IOException {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        Object k = read();
        m.put(k, read());
      }
      return m;
    }

    private Object readArray() throws IOException {
      String primitive = in.readUTF();
      Class<?> component;
      if (primitive.isEmpty()) {
        component = readClass();
      } else {
        component = primitiveClass(primitive);
      }
      int n = in.readInt();
      Object a = Array.newInstance(component, n);
      for (int i = 0; i < n; i++) {
        Array.set(a, i, read());
      }
      return a;
    }

    private Object readObject(Class<?> c, boolean record) throws IOException {
      Shape shape = Shape.of(c);
      if (shape.record != record) {
        throw new IOException(c.getName() + " changed between encoding and decoding");
      }
      try {
        if (record) {
          Object[] args = new Object[shape.accessors.length];
          for (int i = 0; i < args.length; i++) {
            args[i] = read();
          }
          return shape.constructor.newInstance(args);
        }
        Object o = shape.constructor.newInstance();
        for (Field f : shape.fields) {
          f.set(o, read());
        }
        return o;
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new IOException("cannot rebuild a " + c.getName() + ": " + e, e);
      }
    }
  }

  private static Class<?> primitiveClass(String name) throws IOException {
    switch (name) {
      case "boolean":
        return boolean.class;
      case "byte":
        return byte.class;
      case "char":
        return char.class;
      case "short":
        return short.class;
      case "int":
        return int.class;
      case "long":
        return long.class;
      case "float":
        return float.class;
      case "double":
        return double.class;
      default:
        throw new IOException("unknown primitive " + name);
    }
  }
}
