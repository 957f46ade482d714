package io.github.communitymetrics.core.metrics.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SurvivalCurveTest {

  /**
   * The 6-MP arm of the Freireich et al. (1963) leukaemia trial (Gehan 1965), weeks in remission,
   * {@code *} censored: 6 6 6 6* 7 9* 10 10* 11* 13 16 17* 19* 20* 22 23 25* 32* 32* 34* 35*. As
   * in Kleinbaum and Klein, Survival Analysis, ch. 2, and Klein and Moeschberger, Survival
   * Analysis, Table 4.1A.
   */
  static final long[] WEEKS = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};

  static final boolean[] RELAPSED = {
    true, true, true, false, true, false, true, false, false, true, true, false, false, false, true,
    true, false, false, false, false, false
  };

  @Test
  void sixMpMatchesTheTextbook() {
    SurvivalCurve c = SurvivalCurve.kaplanMeier(WEEKS, RELAPSED, 0.95, BandScale.PLAIN);
    assertEquals(21, c.subjects());
    assertEquals(9, c.events());
    // By hand: S = prod (n - d) / n; Greenwood SE = S sqrt(sum d / (n (n - d))).
    // t=6: 18/21; t=7: *16/17; t=10: *14/15; t=13: *11/12; t=16: *10/11; t=22: *6/7; t=23: *5/6.
    long[] t = {6, 7, 10, 13, 16, 22, 23};
    int[] n = {21, 17, 15, 12, 11, 7, 6};
    int[] d = {3, 1, 1, 1, 1, 1, 1};
    double[] s = {
      18.0 / 21,
      18.0 / 21 * 16 / 17,
      18.0 / 21 * 16 / 17 * 14 / 15,
      18.0 / 21 * 16 / 17 * 14 / 15 * 11 / 12,
      18.0 / 21 * 16 / 17 * 14 / 15 * 11 / 12 * 10 / 11,
      18.0 / 21 * 16 / 17 * 14 / 15 * 11 / 12 * 10 / 11 * 6 / 7,
      18.0 / 21 * 16 / 17 * 14 / 15 * 11 / 12 * 10 / 11 * 6 / 7 * 5 / 6
    };
    // The textbook's rounded values (Klein and Moeschberger, Table 4.1A).
    double[] roundedS = {0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448};
    double[] se = {0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346};
    List<SurvivalStep> steps = c.steps();
    assertEquals(7, steps.size());
    for (int i = 0; i < 7; i++) {
      SurvivalStep st = steps.get(i);
      assertEquals(t[i], st.time(), "time " + i);
      assertEquals(n[i], st.atRisk(), "at risk at " + t[i]);
      assertEquals(d[i], st.events(), "events at " + t[i]);
      assertEquals(s[i], st.survival(), 1e-12, "S at " + t[i]);
      assertEquals(roundedS[i], st.survival(), 0.0006, "rounded S at " + t[i]);
      assertEquals(se[i], st.standardError().getAsDouble(), 0.00005, "Greenwood SE at " + t[i]);
      double z = 1.959963984540054;
      assertEquals(Math.max(0, s[i] - z * st.standardError().getAsDouble()), st.lower().getAsDouble(), 1e-12);
      assertEquals(Math.min(1, s[i] + z * st.standardError().getAsDouble()), st.upper().getAsDouble(), 1e-12);
    }
    assertEquals(1.0, c.survival(5));
    assertEquals(s[6], c.survival(35), 1e-12);
    assertEquals(s[1], c.survival(9), 1e-12);
    // The median: S first at or below 1/2 at 23 weeks (0.448); at 22 it is 0.538.
    assertEquals(java.util.Optional.of(23L), c.median());
  }

  @Test
  void logLogBandAtTheFirstStep() {
    SurvivalCurve c = SurvivalCurve.kaplanMeier(WEEKS, RELAPSED, 0.95, BandScale.LOG_LOG);
    SurvivalStep st = c.steps().get(0);
    // S = 6/7, sum d/(n(n-d)) = 3/(21*18) = 1/126; v = (1/126) / ln(6/7)^2; sqrt v = 0.5779...
    double s = 6.0 / 7;
    double sd = Math.sqrt(1.0 / 126) / -Math.log(s);
    assertEquals(0.57792, sd, 0.00001);
    double z = 1.959963984540054;
    assertEquals(Math.pow(s, Math.exp(z * sd)), st.lower().getAsDouble(), 1e-12);
    assertEquals(Math.pow(s, Math.exp(-z * sd)), st.upper().getAsDouble(), 1e-12);
    // Known values of the log(-log) 95 % band at t = 6 for 6-MP: about (0.620, 0.952).
    assertEquals(0.620, st.lower().getAsDouble(), 0.001);
    assertEquals(0.952, st.upper().getAsDouble(), 0.001);
  }

  @Test
  void everyoneFailingEndsAtZeroWithAnEmptyBand() {
    SurvivalCurve c =
        SurvivalCurve.kaplanMeier(new long[] {1, 2}, new boolean[] {true, true}, 0.9, BandScale.LOG_LOG);
    assertEquals(0.5, c.steps().get(0).survival());
    SurvivalStep last = c.steps().get(1);
    assertEquals(0.0, last.survival());
    // Greenwood's variance is undefined at S = 0 (a term d / (n (n - d)) with n = d), so there
    // is no band, not a certain [0, 0].
    assertEquals(java.util.OptionalDouble.empty(), last.standardError());
    assertEquals(java.util.OptionalDouble.empty(), last.lower());
    assertEquals(java.util.OptionalDouble.empty(), last.upper());
  }

  @Test
  void censoredAtAnEventTimeIsStillAtRisk() {
    SurvivalCurve c =
        SurvivalCurve.kaplanMeier(new long[] {3, 3, 5}, new boolean[] {true, false, true}, 0.95, BandScale.PLAIN);
    assertEquals(3, c.steps().get(0).atRisk());
    assertEquals(2.0 / 3, c.steps().get(0).survival(), 1e-15);
    assertEquals(1, c.steps().get(1).atRisk());
    assertEquals(0.0, c.steps().get(1).survival());
  }

  @Test
  void rejectsBadInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SurvivalCurve.kaplanMeier(new long[] {1}, new boolean[0], 0.95, BandScale.PLAIN));
    assertThrows(
        IllegalArgumentException.class,
        () -> SurvivalCurve.kaplanMeier(new long[] {-1}, new boolean[] {true}, 0.95, BandScale.PLAIN));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SurvivalCurve.kaplanMeier(new long[] {1}, new boolean[] {true}, 1.0, BandScale.PLAIN));
    assertTrue(e.getMessage().contains("level"), e.getMessage());
  }
}
