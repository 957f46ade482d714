package io.github.communitymetrics.core.metrics.newcomers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The shares answered within a time: defined only as far as the items were followed. */
class ResponseTimesTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void oneIssueWatchedFor54MinutesSaysNothingAboutAWeek() {
    ResponseTimes t = ResponseTimes.of(new long[] {3_240}, new boolean[] {false});
    assertEquals(OptionalDouble.empty(), t.answeredWithin(WEEK));
    assertEquals(OptionalDouble.empty(), t.answeredWithin(HOUR));
    // Within the 54 minutes it was followed, nobody answered: 0 is a finding there.
    assertEquals(OptionalDouble.of(0.0), t.answeredWithin(Duration.ofMinutes(54)));
  }

  @Test
  void pastTheLastFollowUpOnlyWhenEveryoneWasAnsweredByThen() {
    // Answered after 100 s; the other still waiting after 3,240 s: S is 1/2 from 100 s to 3,240 s.
    ResponseTimes half = ResponseTimes.of(new long[] {100, 3_240}, new boolean[] {true, false});
    assertEquals(OptionalDouble.of(0.0), half.answeredWithin(Duration.ofSeconds(60)));
    assertEquals(OptionalDouble.of(0.5), half.answeredWithin(Duration.ofSeconds(3_240)));
    assertEquals(OptionalDouble.empty(), half.answeredWithin(HOUR));
    // Both answered, the last after 3,240 s: everyone was answered within a week.
    ResponseTimes all = ResponseTimes.of(new long[] {100, 3_240}, new boolean[] {true, true});
    assertEquals(OptionalDouble.of(1.0), all.answeredWithin(WEEK));
    assertEquals(OptionalDouble.empty(), ResponseTimes.of(new long[0], new boolean[0]).answeredWithin(WEEK));
  }
}
