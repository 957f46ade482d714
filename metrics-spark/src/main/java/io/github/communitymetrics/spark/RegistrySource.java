package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.registry.MetricRegistry;
import java.io.Serializable;

/**
 * Where the driver and each executor find the metric registry: a {@link MetricRegistry} is not
 * serializable, so Spark ships this recipe and each JVM builds the registry again. The recipe
 * must give the same metrics on every machine (the same jars on the class path).
 */
@FunctionalInterface
public interface RegistrySource extends Serializable {
  /** The registry; may be called once per task. */
  MetricRegistry registry();

  /** The built-in metrics, {@link MetricRegistry#standard()}. */
  static RegistrySource standard() {
    return Sources.STANDARD;
  }

  /**
   * The built-in metrics, then those of every {@link
   * io.github.communitymetrics.core.registry.MetricProvider} that {@code ServiceLoader} finds
   * through the thread's context class loader (on an executor, the jars given to {@code
   * spark-submit --jars}): how a user's metric reaches a Spark job with no Spark code.
   */
  static RegistrySource discovered() {
    return Sources.DISCOVERED;
  }

  /** The named sources: enum constants, so they deserialize without capturing a lambda's class. */
  enum Sources implements RegistrySource {
    /** {@link RegistrySource#standard()}. */
    STANDARD {
      @Override
      public MetricRegistry registry() {
        return MetricRegistry.standard();
      }
    },
    /** {@link RegistrySource#discovered()}. */
    DISCOVERED {
      @Override
      public MetricRegistry registry() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return MetricRegistry.builder()
            .registerAll(MetricRegistry.standard().metrics())
            .discover(loader != null ? loader : RegistrySource.class.getClassLoader())
            .build();
      }
    }
  }
}
