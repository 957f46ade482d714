package io.github.communitymetrics.core.internal;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.identity.Person;
import java.util.List;

/**
 * Lets the state codecs of other packages rebuild a {@link Person}, whose constructor is
 * package-private so that only the resolver makes people (the JDK's "shared secrets" pattern):
 * {@code Person} installs its constructor here when its class initializes.
 */
public final class PersonAccess {
  /** Builds a person. */
  @FunctionalInterface
  public interface Factory {
    /** The person with this index, sorted actors and bot flag. */
    Person person(int index, List<Actor> actors, boolean bot);
  }

  private static volatile Factory factory;

  private PersonAccess() {}

  /**
   * Called once, by {@code Person}'s class initializer.
   *
   * @throws IllegalStateException when called again
   */
  public static void install(Factory f) {
    if (factory != null) {
      throw new IllegalStateException("the person factory is installed already");
    }
    factory = Checks.notNull(f, "factory");
  }

  /** The person with this index, actors and bot flag, as the resolver would have built it. */
  public static Person person(int index, List<Actor> actors, boolean bot) {
    Factory f = factory;
    if (f == null) {
      try {
        // Runs Person's class initializer, which installs the factory.
        Class.forName(Person.class.getName(), true, Person.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      f = factory;
    }
    return f.person(index, actors, bot);
  }
}
