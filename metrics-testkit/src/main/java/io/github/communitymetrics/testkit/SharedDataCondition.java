package io.github.communitymetrics.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Disables {@link SharedDataTest} tests when {@code ../shared/data} is absent. */
public final class SharedDataCondition implements ExecutionCondition {
  /** Used by JUnit through {@link SharedDataTest}. */
  public SharedDataCondition() {}

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return SharedData.dataDir()
        .map(dir -> ConditionEvaluationResult.enabled("shared data at " + dir))
        .orElseGet(
            () ->
                ConditionEvaluationResult.disabled(
                    "skipped: ../shared/data is absent (set -D"
                        + SharedData.PROPERTY
                        + "=DIR to point at it)"));
  }
}
