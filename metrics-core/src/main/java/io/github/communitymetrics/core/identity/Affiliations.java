package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which organisation a person worked for at a given time.
 *
 * <p>{@link #organizationOf(Collection, Instant)} decides, in this order:
 *
 * <ol>
 *   <li><b>Enrollments.</b> An {@link Enrollment} whose identity is one of the person's logins or
 *       e-mail addresses and whose period contains the instant (start inclusive, end exclusive).
 *       When several do, the one that started latest wins, on the view that a newer statement
 *       supersedes an older one that was left open; equal starts go to the alphabetically first
 *       organisation.
 *   <li><b>Domain rules.</b> Each e-mail address whose domain is, or is a subdomain of, a rule's
 *       domain maps to that rule's organisation; the most specific (longest) matching rule wins.
 *       When the person's addresses map to several organisations, the alphabetically first one
 *       wins.
 *   <li><b>Unmapped domains.</b> Otherwise, with {@link UnmappedDomainPolicy#DOMAIN_AS_ORGANIZATION},
 *       the alphabetically first domain among the person's addresses.
 * </ol>
 *
 * <p>Public domains never name an organisation, whatever the rules say: webmail providers, forge
 * noreply domains, documentation domains and their subdomains (see {@link
 * #defaultPublicDomains()}), plus host-only domains without a dot, {@code *.local}, {@code
 * *.localdomain} and git's {@code *.(none)}. The default policy for unmapped domains is {@link
 * UnmappedDomainPolicy#UNAFFILIATED}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Affiliations {

  private static final Set<String> DEFAULT_PUBLIC_DOMAINS =
      Collections.unmodifiableSet(
          new TreeSet<>(
              List.of(
                  "gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr",
                  "outlook.com", "live.com", "msn.com", "yahoo.com", "yahoo.co.uk", "yahoo.co.in",
                  "yahoo.co.jp", "yahoo.com.br", "yahoo.com.ar", "yahoo.com.au", "yahoo.com.mx",
                  "yahoo.ca", "yahoo.de", "yahoo.es", "yahoo.fr", "yahoo.it", "ymail.com",
                  "rocketmail.com", "icloud.com", "me.com", "mac.com", "protonmail.com",
                  "protonmail.ch", "proton.me", "pm.me", "gmx.de", "gmx.net", "gmx.com", "web.de",
                  "qq.com", "163.com", "126.com", "yeah.net", "foxmail.com", "sina.com",
                  "yandex.ru", "yandex.com", "ya.ru", "mail.ru", "aol.com", "zoho.com",
                  "fastmail.com", "fastmail.fm", "hey.com", "tutanota.com", "mailbox.org",
                  "posteo.de", "users.noreply.github.com", "noreply.github.com",
                  "users.noreply.gitlab.com", "localhost", "example.com", "example.org",
                  "example.net")));

  private final List<Enrollment> enrollments;
  private final Map<String, String> domainRules;
  private final Set<String> publicDomains;
  private final UnmappedDomainPolicy unmapped;

  private Affiliations(Builder b) {
    this.enrollments = List.copyOf(b.enrollments);
    this.domainRules = Collections.unmodifiableMap(new TreeMap<>(b.domainRules));
    Set<String> pub = new TreeSet<>(DEFAULT_PUBLIC_DOMAINS);
    pub.addAll(b.extraPublicDomains);
    this.publicDomains = Collections.unmodifiableSet(pub);
    this.unmapped = b.unmapped;
  }

  /** A builder with no enrollments, no domain rules and unmapped domains left unaffiliated. */
  public static Builder builder() {
    return new Builder();
  }

  /** The built-in public domains, lower-case, sorted. */
  public static Set<String> defaultPublicDomains() {
    return DEFAULT_PUBLIC_DOMAINS;
  }

  /** The organisation of a person (the actors the resolver joined) at an instant. */
  public Optional<String> organizationOf(Person person, Instant at) {
    return organizationOf(Checks.notNull(person, "person").actors(), at);
  }

  /**
   * The organisation of one person at an instant, by the rules of the class description.
   *
   * @param actorsOfOnePerson the person's actors: their logins and e-mail addresses are used
   * @param at the instant
   * @return the organisation, or empty when nothing affiliates the person at that time
   */
  public Optional<String> organizationOf(Collection<Actor> actorsOfOnePerson, Instant at) {
    Checks.notNull(actorsOfOnePerson, "actors");
    Checks.notNull(at, "at");
    Set<String> identities = new TreeSet<>();
    Set<String> emails = new TreeSet<>();
    for (Actor a : actorsOfOnePerson) {
      Checks.notNull(a, "actor");
      a.login().ifPresent(l -> identities.add(Normalize.text(l)));
      a.emails().forEach(e -> emails.add(Normalize.email(e)));
    }
    identities.addAll(emails);

    Optional<Enrollment> enrolled =
        enrollments.stream()
            .filter(e -> e.period().contains(at))
            .filter(e -> identities.contains(Normalize.text(e.identity())))
            .min(
                Comparator.comparing((Enrollment e) -> e.period().start())
                    .reversed()
                    .thenComparing(Enrollment::organization));
    if (enrolled.isPresent()) {
      return Optional.of(enrolled.get().organization());
    }

    Set<String> mapped = new TreeSet<>();
    Set<String> unmappedDomains = new TreeSet<>();
    for (String email : emails) {
      Optional<String> domain = Normalize.domain(email);
      if (domain.isEmpty() || isPublic(domain.get())) {
        continue;
      }
      Optional<String> org = ruleFor(domain.get());
      if (org.isPresent()) {
        mapped.add(org.get());
      } else {
        unmappedDomains.add(domain.get());
      }
    }
    if (!mapped.isEmpty()) {
      return Optional.of(mapped.iterator().next());
    }
    if (unmapped == UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION && !unmappedDomains.isEmpty()) {
      return Optional.of(unmappedDomains.iterator().next());
    }
    return Optional.empty();
  }

  /** Whether a domain never names an organisation. */
  boolean isPublic(String domain) {
    if (domain.indexOf('.') < 0
        || domain.endsWith(".local")
        || domain.endsWith(".localdomain")
        || domain.endsWith(".(none)")) {
      return true;
    }
    for (String p : publicDomains) {
      if (Normalize.withinDomain(domain, p)) {
        return true;
      }
    }
    return false;
  }

  private Optional<String> ruleFor(String domain) {
    // Walk from the full domain up to its parents: the first hit is the most specific rule.
    String d = domain;
    while (true) {
      String org = domainRules.get(d);
      if (org != null) {
        return Optional.of(org);
      }
      int dot = d.indexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      d = d.substring(dot + 1);
    }
  }

  @Override
  public String toString() {
    return "Affiliations{" + enrollments.size() + " enrollments, " + domainRules.size()
        + " domain rules, unmapped=" + unmapped + "}";
  }

  /** Configures {@link Affiliations}. Not thread-safe; {@link #build()} may be repeated. */
  public static final class Builder {
    private final List<Enrollment> enrollments = new ArrayList<>();
    private final Map<String, String> domainRules = new TreeMap<>();
    private final Set<String> extraPublicDomains = new TreeSet<>();
    private UnmappedDomainPolicy unmapped = UnmappedDomainPolicy.UNAFFILIATED;

    private Builder() {}

    /** Adds an enrollment. */
    public Builder enrollment(Enrollment enrollment) {
      enrollments.add(Checks.notNull(enrollment, "enrollment"));
      return this;
    }

    /** Adds {@code new Enrollment(identity, organization, period)}. */
    public Builder enrollment(String identity, String organization, Window period) {
      return enrollment(new Enrollment(identity, organization, period));
    }

    /**
     * Maps e-mail addresses at {@code domain} and its subdomains to an organisation. A later rule
     * for the same domain replaces an earlier one.
     *
     * @param domain for example {@code redhat.com}; case is ignored; a leading {@code @} is
     *     allowed
     * @throws IllegalArgumentException if a string is blank
     */
    public Builder domain(String domain, String organization) {
      Checks.notBlank(domain, "domain");
      Checks.notBlank(organization, "organization");
      domainRules.put(domainKey(domain), organization);
      return this;
    }

    /** Adds a domain (and its subdomains) that never names an organisation. */
    public Builder publicDomain(String domain) {
      Checks.notBlank(domain, "domain");
      extraPublicDomains.add(domainKey(domain));
      return this;
    }

    /** What to do with unmapped, non-public domains ({@code UNAFFILIATED} by default). */
    public Builder unmappedDomains(UnmappedDomainPolicy policy) {
      this.unmapped = Checks.notNull(policy, "policy");
      return this;
    }

    /** The affiliations. */
    public Affiliations build() {
      return new Affiliations(this);
    }

    private static String domainKey(String domain) {
      String d = Normalize.text(domain);
      return d.startsWith("@") ? d.substring(1) : d;
    }
  }
}
