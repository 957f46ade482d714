import io.github.communitymetrics.git.*;
import io.github.communitymetrics.core.metrics.truckfactor.*;
import java.nio.file.*;
import java.util.*;
import java.util.function.UnaryOperator;

/** In-process timings of the incremental path after warm-up: read file, update, replay, score. */
public class InProcess {
  public static void main(String[] a) throws Exception {
    GitRepository repo = GitRepository.open(Path.of(a[0]));
    Path base = Path.of(a[1]);
    int n = Integer.parseInt(a[2]);
    for (int round = 0; round < n; round++) {
      long t0 = System.nanoTime();
      HistoryFile saved;
      try (var in = Files.newInputStream(base)) { saved = HistoryFile.read(in, base.toString()); }
      long t1 = System.nanoTime();
      HistoryUpdate.Result r = HistoryUpdate.update(repo, "HEAD", Optional.of(saved), x -> x);
      long t2 = System.nanoTime();
      var out = new java.io.ByteArrayOutputStream();
      r.history().write(out, "mem");
      long t3 = System.nanoTime();
      List<String> files = FileSelection.builder().addLinguistDefaults().build()
          .select(repo.listFiles(r.history().headCommit())).kept();
      AuthorshipHistory h = CommitLogAuthorship.collect(r.history().log(), files,
          UnaryOperator.identity(), IdentityRule.NAME_OR_EMAIL, false);
      long t4 = System.nanoTime();
      TruckFactorResult tf = TruckFactor.greedy().compute(h);
      long t5 = System.nanoTime();
      System.out.printf("round %d incremental=%s new=%d | read %.0f ms, update (git) %.0f ms, encode %.0f ms, select+replay %.0f ms, score %.0f ms, total %.0f ms, tf %d%n",
          round, r.incremental(), r.newCommits(), (t1-t0)/1e6, (t2-t1)/1e6, (t3-t2)/1e6, (t4-t3)/1e6, (t5-t4)/1e6, (t5-t0)/1e6, tf.truckFactor());
    }
  }
}
