package io.github.communitymetrics.core.metrics.truckfactor;

/**
 * The degree-of-authorship model: {@code DOA = base + firstAuthorship * FA + deliveries * DL -
 * acceptances * ln(1 + AC)} (natural log), where FA is 1 when the developer created the file, DL
 * the number of changes they made to it and AC the number of changes others made to it.
 *
 * @param base the constant term
 * @param firstAuthorship the weight of having created the file
 * @param deliveries the weight of each own change
 * @param acceptances the weight of {@code ln(1 + changes by others)}
 */
public record DoaModel(double base, double firstAuthorship, double deliveries, double acceptances) {

  private static final DoaModel AVELINO_2016 = new DoaModel(3.293, 1.098, 0.164, 0.321);

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if a weight is not finite
   */
  public DoaModel {
    finite(base, "base");
    finite(firstAuthorship, "firstAuthorship");
    finite(deliveries, "deliveries");
    finite(acceptances, "acceptances");
  }

  private static void finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite but was " + value);
    }
  }

  /** The weights fitted by Fritz et al. and used by Avelino et al.: 3.293, 1.098, 0.164, 0.321. */
  public static DoaModel avelino2016() {
    return AVELINO_2016;
  }

  /**
   * The degree of authorship.
   *
   * @param created whether the developer created the file (FA = 1)
   * @param ownChanges changes the developer made to the file (DL), zero or more
   * @param othersChanges changes other developers made to the file (AC), zero or more
   * @return the DOA, a dimensionless score
   */
  public double doa(boolean created, int ownChanges, int othersChanges) {
    if (ownChanges < 0 || othersChanges < 0) {
      throw new IllegalArgumentException(
          "change counts must not be negative but were " + ownChanges + " and " + othersChanges);
    }
    return base
        + (created ? firstAuthorship : 0.0)
        + deliveries * ownChanges
        - acceptances * Math.log1p(othersChanges);
  }
}
