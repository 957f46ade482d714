package io.github.communitymetrics.core.metrics.truckfactor;

import io.github.communitymetrics.core.internal.Checks;
import java.util.List;

/**
 * A truck factor with its evidence.
 *
 * @param truckFactor how many developers must leave before more than the threshold share of the
 *     files has no author left; zero when there are no files or, already, too few authored ones
 * @param authors those developers, in removal order
 * @param coverage the share of analysed files that still has an author once {@code authors} left,
 *     between 0 and 1 (0 when no file was analysed)
 * @param filesAnalyzed the files the truck factor is computed over
 * @param orphanedFiles how many of them have no author once {@code authors} left
 */
public record TruckFactorResult(
    int truckFactor,
    List<TruckFactorAuthor> authors,
    double coverage,
    int filesAnalyzed,
    int orphanedFiles) {

  /** Checks the components and copies the list. */
  public TruckFactorResult {
    Checks.notNegative(truckFactor, "truckFactor");
    authors = List.copyOf(Checks.notNull(authors, "authors"));
    Checks.argument(authors.size() == truckFactor, "one author per truck-factor member");
    Checks.notNegative(filesAnalyzed, "filesAnalyzed");
    Checks.notNegative(orphanedFiles, "orphanedFiles");
    Checks.argument(orphanedFiles <= filesAnalyzed, "orphanedFiles must not exceed filesAnalyzed");
    if (!(coverage >= 0.0 && coverage <= 1.0)) {
      throw new IllegalArgumentException("coverage must be in [0, 1] but was " + coverage);
    }
  }
}
