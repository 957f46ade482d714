package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.impact.LogRank;
import io.github.communitymetrics.core.metrics.newcomers.MentorshipGroup;
import io.github.communitymetrics.core.metrics.newcomers.ResponseTimes;
import io.github.communitymetrics.core.metrics.newcomers.Staying;
import io.github.communitymetrics.core.metrics.responsiveness.Ratio;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One number of {@code newcomers}' output, or why it has none: the text prints "no data (why)",
 * the JSON null with the reason in the object's {@code noData}. Every reason is decided here, so
 * that text and JSON say the same.
 *
 * @param value the number, in the unit its name says
 * @param why why there is no value; empty when there is one
 */
record NewcomerFigure(OptionalDouble value, String why) {

  static NewcomerFigure of(double v) {
    return new NewcomerFigure(OptionalDouble.of(v), "");
  }

  static NewcomerFigure none(String why) {
    return new NewcomerFigure(OptionalDouble.empty(), why);
  }

  static NewcomerFigure of(OptionalDouble v, String why) {
    return v.isPresent() ? of(v.getAsDouble()) : none(why);
  }

  /** The Kaplan-Meier median wait in hours. */
  static NewcomerFigure medianHours(ResponseTimes t, String items) {
    if (t.items() == 0) {
      return none("no " + items + " in the window");
    }
    Optional<Duration> m = t.median();
    return m.isPresent()
        ? of(m.get().getSeconds() / 3600.0)
        : none("over half of the " + t.items() + " " + items + " were still waiting at the end of the window");
  }

  /** The Kaplan-Meier share answered within {@code d}. */
  static NewcomerFigure answeredWithin(ResponseTimes t, Duration d, String items) {
    return of(t.answeredWithin(d), "no " + items + " in the window");
  }

  /** A ratio's value; {@code why} when its denominator is 0. */
  static NewcomerFigure ratio(Ratio r, String why) {
    return of(r.value(), why);
  }

  /** The Kaplan-Meier share of a group back within {@code d}. */
  static NewcomerFigure back(Staying s, Duration d) {
    return of(s.within(d), "nobody in this group");
  }

  /** The Kaplan-Meier share of a group still active {@code d} after arriving. */
  static NewcomerFigure retained(MentorshipGroup g, Duration d) {
    return of(g.retainedAt(d), "nobody in this group");
  }

  /** The Kaplan-Meier share of a group at D2 within {@code d}. */
  static NewcomerFigure climbed(MentorshipGroup g, Duration d) {
    return of(g.reachedD2Within(d), "nobody in this group");
  }

  /** A log-rank p-value of mentees against the others. */
  static NewcomerFigure logRank(Optional<LogRank> t, MentorshipGroup mentees, MentorshipGroup others, String event) {
    if (t.isPresent()) {
      return of(t.get().pValue());
    }
    if (mentees.newcomers() == 0 || others.newcomers() == 0) {
      return none(mentees.newcomers() == 0 ? "no mentee to compare" : "no other newcomer to compare");
    }
    return none("no " + event + " at a time when both groups were followed: nothing to compare");
  }

  /** The value as text: {@code format} of it, or "no data (why)". */
  String text(String format) {
    return value.isPresent() ? String.format(Locale.ROOT, format, value.getAsDouble()) : "no data (" + why + ")";
  }

  /** A share as a percentage with one decimal, or "no data (why)". */
  String percent() {
    return value.isPresent() ? String.format(Locale.ROOT, "%.1f%%", 100 * value.getAsDouble()) : "no data (" + why + ")";
  }

  /** The value as a table cell: {@code format} of it, or "no data" (the reasons follow the table). */
  String cell(String format) {
    return cell(format, 1);
  }

  /** As {@link #cell(String)} of the value times {@code scale} (100 for a percentage). */
  String cell(String format, double scale) {
    return value.isPresent() ? String.format(Locale.ROOT, format, scale * value.getAsDouble()) : "no data";
  }
}
