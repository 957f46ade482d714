package io.github.communitymetrics.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that reads real third-party data from {@code ../shared/data}. Such
 * tests form the {@value #TAG} group ({@code -Dgroups=shared-data} runs only them) and are skipped,
 * with the reason in the report, when the data is absent.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(SharedDataTest.TAG)
@ExtendWith(SharedDataCondition.class)
public @interface SharedDataTest {
  /** The JUnit tag of the group. */
  String TAG = "shared-data";
}
