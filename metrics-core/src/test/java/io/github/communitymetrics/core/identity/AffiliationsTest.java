package io.github.communitymetrics.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AffiliationsTest {
  private static final Instant JAN_2020 = Instant.parse("2020-01-01T00:00:00Z");
  private static final Instant JAN_2021 = Instant.parse("2021-01-01T00:00:00Z");
  private static final Instant JUL_2020 = Instant.parse("2020-07-01T00:00:00Z");
  private static final Instant JAN_2022 = Instant.parse("2022-01-01T00:00:00Z");

  private static final Actor MIA_GH = Actor.github("Mia-K");
  private static final Actor MIA_GIT = Actor.git("Mia K", "mia@gmail.com");

  @Test
  void enrollmentBoundariesAreStartInclusiveEndExclusive() {
    Affiliations aff =
        Affiliations.builder().enrollment("mia-k", "Acme", Window.of(JAN_2020, JAN_2021)).build();
    List<Actor> mia = List.of(MIA_GH, MIA_GIT);
    assertEquals(Optional.empty(), aff.organizationOf(mia, JAN_2020.minusNanos(1)));
    assertEquals(Optional.of("Acme"), aff.organizationOf(mia, JAN_2020));
    assertEquals(Optional.of("Acme"), aff.organizationOf(mia, JAN_2021.minusNanos(1)));
    assertEquals(Optional.empty(), aff.organizationOf(mia, JAN_2021));
  }

  @Test
  void enrollmentByEmailIgnoringCaseAndBeatsDomainRules() {
    Affiliations aff =
        Affiliations.builder()
            .enrollment(" MIA@Gmail.com", "Initech", Window.ALL)
            .domain("gmail.com", "Google")
            .build();
    assertEquals(Optional.of("Initech"), aff.organizationOf(List.of(MIA_GIT), JUL_2020));
    Affiliations rules =
        Affiliations.builder()
            .enrollment("mia-k", "Initech", Window.ALL)
            .domain("globex.example", "Globex")
            .build();
    Actor work = Actor.git("Mia K", "mia@globex.example");
    assertEquals(Optional.of("Initech"), rules.organizationOf(List.of(MIA_GH, work), JUL_2020));
    assertEquals(Optional.of("Globex"), rules.organizationOf(List.of(work), JUL_2020));
  }

  @Test
  void theLatestStartedOverlappingEnrollmentWins() {
    Affiliations aff =
        Affiliations.builder()
            .enrollment("mia-k", "Acme", Window.of(JAN_2020, JAN_2022))
            .enrollment("mia-k", "Zeta", Window.of(JUL_2020, JAN_2021))
            .enrollment("mia-k", "Beta", Window.of(JUL_2020, JAN_2022))
            .build();
    List<Actor> mia = List.of(MIA_GH);
    assertEquals(Optional.of("Acme"), aff.organizationOf(mia, JUL_2020.minusSeconds(1)));
    // Zeta and Beta both start in July 2020: equal starts go to the alphabetically first.
    assertEquals(Optional.of("Beta"), aff.organizationOf(mia, JUL_2020));
    assertEquals(Optional.of("Beta"), aff.organizationOf(mia, JAN_2021));
    assertEquals(Optional.empty(), aff.organizationOf(mia, JAN_2022));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x@gmail.com", "x@GoogleMail.com", "x@yahoo.co.uk", "x@outlook.com", "x@proton.me",
        "x@163.com", "x@users.noreply.github.com", "1+x@users.noreply.github.com",
        "x@users.noreply.gitlab.com", "x@example.com", "root@localhost", "me@laptop.local",
        "jo@jo-pc.(none)", "no-at-sign", "x@mail.yandex.ru"
      })
  void publicDomainsNeverCount(String email) {
    Affiliations aff =
        Affiliations.builder()
            .domain("gmail.com", "Google")
            .domain("github.com", "GitHub")
            .unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION)
            .build();
    assertEquals(Optional.empty(), aff.organizationOf(List.of(Actor.git("X", email)), JUL_2020));
  }

  @Test
  void domainRulesCoverSubdomainsAndTheMostSpecificWins() {
    Affiliations aff =
        Affiliations.builder()
            .domain("@Redhat.com", "Red Hat")
            .domain("labs.redhat.com", "Red Hat Labs")
            .build();
    assertEquals(Optional.of("Red Hat"), org(aff, "a@redhat.com"));
    assertEquals(Optional.of("Red Hat"), org(aff, "a@eng.brq.REDHAT.com"));
    assertEquals(Optional.of("Red Hat Labs"), org(aff, "a@x.labs.redhat.com"));
    assertEquals(Optional.empty(), org(aff, "a@notredhat.com"), "not a subdomain");
  }

  @Test
  void ruleMappedAddressBeatsUnmappedThenAlphabetical() {
    Affiliations aff =
        Affiliations.builder()
            .domain("zeta.example", "Zeta Corp")
            .domain("beta.example", "Beta Corp")
            .unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION)
            .build();
    Actor p =
        new Actor(
            Forge.GIT,
            Optional.empty(),
            OptionalLong.empty(),
            Optional.of("P"),
            List.of("p@aaa.example", "p@zeta.example", "p@gmail.com"),
            ActorKind.USER);
    assertEquals(Optional.of("Zeta Corp"), aff.organizationOf(List.of(p), JUL_2020));
    Actor q = Actor.git("P", "p@beta.example");
    assertEquals(Optional.of("Beta Corp"), aff.organizationOf(List.of(p, q), JUL_2020));
    Actor r = Actor.git("R", "r@mmm.example");
    Actor s = Actor.git("R", "r@ccc.example");
    assertEquals(Optional.of("ccc.example"), aff.organizationOf(List.of(r, s), JUL_2020));
  }

  @Test
  void unmappedDomainParameter() {
    Actor a = Actor.git("A", "a@Initrode.example");
    assertEquals(
        Optional.empty(),
        Affiliations.builder().build().organizationOf(List.of(a), JUL_2020),
        "unaffiliated by default");
    assertEquals(
        Optional.of("initrode.example"),
        Affiliations.builder()
            .unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION)
            .build()
            .organizationOf(List.of(a), JUL_2020));
    assertEquals(
        Optional.empty(),
        Affiliations.builder()
            .unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION)
            .publicDomain("initrode.example")
            .build()
            .organizationOf(List.of(a), JUL_2020));
  }

  @Test
  void personOverload() {
    Actor a = Actor.git("A", "a@globex.example");
    Actor b = new Actor(Forge.GITHUB, Optional.of("aaa"), OptionalLong.empty(), Optional.empty(),
        List.of("a@globex.example"), ActorKind.USER);
    Person p = IdentityResolver.defaults().resolve(List.of(a, b)).people().get(0);
    Affiliations aff =
        Affiliations.builder()
            .enrollment("AAA", "Hooli", Window.of(JAN_2021, JAN_2022))
            .domain("globex.example", "Globex")
            .build();
    assertEquals(Optional.of("Globex"), aff.organizationOf(p, JUL_2020));
    assertEquals(Optional.of("Hooli"), aff.organizationOf(p, JAN_2021));
    assertTrue(Affiliations.defaultPublicDomains().contains("qq.com"));
    assertThrows(IllegalArgumentException.class, () -> new Enrollment(" ", "x", Window.ALL));
  }

  private static Optional<String> org(Affiliations aff, String email) {
    return aff.organizationOf(List.of(Actor.git("X", email)), JUL_2020);
  }
}
