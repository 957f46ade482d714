package io.github.communitymetrics.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BinomialTest {
  @Test
  void smallCasesMatchHandComputation() {
    // n = 4, p = 1/2: pmf = 1/16, 4/16, 6/16, 4/16, 1/16. With 10 % tails each side, P(X < 1) =
    // 0.0625 <= 0.1 but P(X < 2) = 0.3125 > 0.1, so [1, 3].
    assertArrayEquals(new long[] {1, 3}, Binomial.centralInterval(4, 0.5, 0.8));
    // With 5 % tails nothing can be cut: [0, 4].
    assertArrayEquals(new long[] {0, 4}, Binomial.centralInterval(4, 0.5, 0.9));
    // n = 10, p = 0.1, 0.5 % tails: P(X > 4) = 0.00163 <= 0.005 and P(X > 3) = 0.0128 > 0.005,
    // so hi = 4; P(X = 0) = 0.349, so lo = 0.
    assertArrayEquals(new long[] {0, 4}, Binomial.centralInterval(10, 0.1, 0.99));
  }
}
