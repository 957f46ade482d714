import io.github.communitymetrics.git.*;
import io.github.communitymetrics.core.metrics.truckfactor.*;
import java.nio.file.*;
import java.util.*;
import java.util.function.UnaryOperator;

public class Split {
  public static void main(String[] a) throws Exception {
    GitRepository repo = GitRepository.open(Path.of(a[0]));
    HistoryFile saved;
    try (var in = Files.newInputStream(Path.of(a[1]))) { saved = HistoryFile.read(in, "f"); }
    List<String> ls = repo.listFiles(saved.headCommit());
    for (int round = 0; round < 10; round++) {
      long t0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      List<String> files = FileSelection.builder().addLinguistDefaults().build().select(ls).kept();
      long t1 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      AuthorshipHistory h = CommitLogAuthorship.collect(saved.log(), files,
          UnaryOperator.identity(), IdentityRule.NAME_OR_EMAIL, false);
      long t2 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      HistoryFile again;
      var out = new java.io.ByteArrayOutputStream();
      saved.write(out, "m");
      long t3 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      again = HistoryFile.read(new java.io.ByteArrayInputStream(out.toByteArray()), "m");
      long t4 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      System.out.printf("select %.0f ms, replay %.0f ms, write %.0f ms, read %.0f ms%n", (t1-t0)/1e6, (t2-t1)/1e6, (t3-t2)/1e6, (t4-t3)/1e6);
    }
  }
}
