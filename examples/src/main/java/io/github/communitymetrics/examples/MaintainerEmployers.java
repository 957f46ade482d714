package io.github.communitymetrics.examples;

import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactor;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.Organization;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * "How diverse are our maintainers' employers?": the CHAOSS elephant factor over commits in the
 * 90 days before as-of, with e-mail domains taken as organisations when no affiliation file maps
 * them; people without an affiliation are left out and counted. Run: {@code examples/run.sh
 * MaintainerEmployers [--events FILE]}.
 */
public final class MaintainerEmployers {
  private MaintainerEmployers() {}

  /** Prints the answer for the community of the arguments ({@link Community#USAGE}). */
  public static void main(String[] args) throws IOException {
    run(Community.fromArgs(args), System.out);
  }

  static void run(Community c, PrintStream out) {
    out.println(c.heading("How diverse are our maintainers' employers?"));
    Affiliations affiliations =
        Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build();
    ElephantFactorResult e =
        ElephantFactor.chaoss(c.window(), affiliations).withScope(c.scope()).compute(c.store(), c.people());
    out.printf(Locale.ROOT, "Elephant factor (CHAOSS, commits in %s): %d %s more than half;"
        + " %d unaffiliated commits left out%n", c.window(), e.factor().factor(),
        e.factor().factor() == 1 ? "organisation holds" : "organisations hold", e.leftOut());
    for (Ranked<Organization> r : e.factor().ranking()) {
      out.printf(Locale.ROOT, "  %-28s %6d commits %6.1f %%%n", r.key().name(), r.count(), 100 * r.share());
    }
  }
}
