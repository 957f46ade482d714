package io.github.communitymetrics.examples;

import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.summary.HealthSummary;
import io.github.communitymetrics.report.HealthSections;
import io.github.communitymetrics.report.HtmlReport;
import io.github.communitymetrics.report.Section;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Every question at once as one self-contained HTML page: {@code examples/run.sh CommunityReport
 * OUT.html [--events FILE]}. Prints the page's question table as text too.
 */
public final class CommunityReport {
  private CommunityReport() {}

  /** Writes the report to the first argument; the rest pick the community ({@link Community#USAGE}). */
  public static void main(String[] args) throws IOException {
    if (args.length == 0 || args[0].startsWith("--")) {
      throw new IllegalArgumentException("usage: CommunityReport OUT.html " + Community.USAGE);
    }
    run(Community.fromArgs(Arrays.copyOfRange(args, 1, args.length)), Path.of(args[0]), System.out);
  }

  static void run(Community c, Path html, PrintStream out) throws IOException {
    HealthSummary s =
        HealthSummary.compute(c.store(), c.people(), c.repository(), c.asOf(), Duration.ofDays(90),
            Duration.ofDays(90),
            Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build());
    List<Section> sections = HealthSections.of(s, c::label);
    HtmlReport report = new HtmlReport("Community report: " + c.repository().fullName(),
        List.of("Source: " + c.label(), "As of " + c.asOf()), sections);
    Files.writeString(html, report.toHtml());
    out.println(c.heading("Every question, one page"));
    // Columns as wide as their widest cell, so a long answer never pushes its row out of line.
    int question = sections.stream().mapToInt(x -> x.question().length()).max().orElse(0);
    int answer = sections.stream().mapToInt(x -> x.answer().length()).max().orElse(0);
    int level = sections.stream().mapToInt(x -> x.level().length()).max().orElse(0);
    String row = "%-" + Math.max(1, question) + "s  %-" + Math.max(1, answer) + "s  %-" + Math.max(1, level) + "s  %s%n";
    for (Section section : sections) {
      out.printf(row, section.question(), section.answer(), section.level(), section.preset());
    }
    out.println("HTML report: " + html);
  }
}
