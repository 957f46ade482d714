package io.github.communitymetrics.core.registry;

import java.util.Locale;

/**
 * What a {@link Measurement}'s value counts, so that a table, a chart or a JSON reader can show
 * it without knowing the metric. Durations are in days or hours as the unit says (never seconds);
 * shares are fractions from 0 to 1 unless the unit is {@link #PERCENT}.
 */
public enum Unit {
  /** Distinct people (resolved identities). */
  PEOPLE("people"),
  /** Distinct organizations (affiliations). */
  ORGANIZATIONS("organizations"),
  /** Contributions or items counted: commits, pull requests, issues, reviews. */
  COUNT(""),
  /** A share from 0 to 1. */
  FRACTION(""),
  /** A share from 0 to 100. */
  PERCENT("%"),
  /** A duration in days (86,400 seconds). */
  DAYS("days"),
  /** A duration in hours (3,600 seconds). */
  HOURS("hours"),
  /** Points of a published scale (LFX Insights: 0 to 5). */
  POINTS("pts"),
  /** A category named by {@link Measurement#category()}; no numeric value. */
  LEVEL("");

  private final String symbol;

  Unit(String symbol) {
    this.symbol = symbol;
  }

  /** What follows a value in text ({@code "people"}, {@code "%"}), possibly empty. */
  public String symbol() {
    return symbol;
  }

  /** The unit as the JSON and {@code metrics --list} spell it: {@code people}, {@code days}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
