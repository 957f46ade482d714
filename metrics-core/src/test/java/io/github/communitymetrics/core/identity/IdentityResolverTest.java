package io.github.communitymetrics.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Forge;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {

  static Actor account(Forge forge, String login, long id, String... emails) {
    return new Actor(
        forge,
        Optional.ofNullable(login),
        id < 0 ? OptionalLong.empty() : OptionalLong.of(id),
        Optional.empty(),
        List.of(emails),
        ActorKind.USER);
  }

  private static Identities resolve(Actor... actors) {
    return IdentityResolver.defaults().resolve(List.of(actors));
  }

  private static void assertOnlyEvidence(
      Identities ids, Actor a, MergeRule rule, String key, Actor first, Actor second) {
    Person p = ids.personOf(a).orElseThrow();
    assertEquals(List.of(new MergeEvidence(rule, first, second, key)), ids.evidence(p));
  }

  @Test
  void sameForgeIdSurvivesARename() {
    Actor before = account(Forge.GITHUB, "old-login", 583231);
    Actor after = account(Forge.GITHUB, "new-login", 583231);
    Actor otherForge = account(Forge.GITLAB, "new-login-gl", 583231);
    Identities ids = resolve(after, before, otherForge);
    assertEquals(2, ids.size());
    assertTrue(ids.samePerson(before, after));
    assertFalse(ids.samePerson(before, otherForge));
    // Actor order: forge, then login: github/new-login < github/old-login.
    assertOnlyEvidence(ids, before, MergeRule.SAME_FORGE_ID, "github#583231", after, before);
  }

  @Test
  void sameForgeLoginIgnoresCaseButNotForge() {
    Actor upper = Actor.github("OctoCat");
    Actor lower = Actor.github("octocat");
    Actor gitlab = Actor.user(Forge.GITLAB, "octocat");
    Identities ids = resolve(upper, lower, gitlab);
    assertEquals(2, ids.size());
    // "OctoCat" < "octocat" in String order (upper case first).
    assertOnlyEvidence(ids, lower, MergeRule.SAME_FORGE_LOGIN, "github:octocat", upper, lower);
    assertFalse(ids.samePerson(lower, gitlab));
  }

  @Test
  void sameEmailTrimsAndIgnoresCaseAcrossForges() {
    Actor git = Actor.git("Jane Roe", " Jane.Roe@Example.ORG ");
    Actor gh = account(Forge.GITHUB, "janeroe", -1, "jane.roe@example.org");
    Identities ids = resolve(git, gh);
    assertEquals(1, ids.size());
    assertOnlyEvidence(ids, git, MergeRule.SAME_EMAIL, "jane.roe@example.org", git, gh);
    assertEquals(Set.of("jane.roe@example.org"), ids.people().get(0).emails());
    assertEquals(
        1,
        IdentityResolver.builder()
            .disable(MergeRule.SAME_FORGE_LOGIN)
            .build()
            .resolve(List.of(git, gh))
            .size());
    assertEquals(
        2,
        IdentityResolver.builder().disable(MergeRule.SAME_EMAIL).build().resolve(List.of(git, gh))
            .size());
  }

  @Test
  void githubNoreplyWithIdAndLogin() {
    Actor account = account(Forge.GITHUB, "JaneDoe", 123);
    Actor withId = Actor.git("Jane", "123+JaneDoe@users.noreply.github.com");
    Actor loginOnly = Actor.git("J. Doe", "janedoe@users.noreply.github.com");
    Actor renamed = Actor.git("Jane", "123+jane-d@users.noreply.github.com");
    Actor stranger = Actor.user(Forge.GITLAB, "janedoe");
    Identities ids = resolve(stranger, renamed, loginOnly, withId, account);
    assertEquals(2, ids.size());
    Person jane = ids.personOf(account).orElseThrow();
    // Git actors sort before GitHub ones; among them by name, then e-mail list, where
    // "123+JaneDoe" < "123+jane-d" because 'J' < 'j'.
    assertEquals(List.of(loginOnly, withId, renamed, account), jane.actors());
    // Key github#123: direct members withId and renamed, plain member account; center = withId.
    // Key github:janedoe: direct loginOnly and withId, plain account; center = loginOnly.
    // "github#123" sorts before "github:janedoe" ('#' < ':').
    assertEquals(
        List.of(
            new MergeEvidence(MergeRule.GITHUB_NOREPLY, withId, renamed, "github#123"),
            new MergeEvidence(MergeRule.GITHUB_NOREPLY, withId, account, "github#123"),
            new MergeEvidence(MergeRule.GITHUB_NOREPLY, loginOnly, withId, "github:janedoe"),
            new MergeEvidence(MergeRule.GITHUB_NOREPLY, loginOnly, account, "github:janedoe")),
        ids.evidence(jane));
    assertFalse(ids.samePerson(account, stranger), "noreply names a GitHub account only");
    assertEquals("JaneDoe", jane.label());
  }

  @Test
  void noreplyDoesNotLinkTwoAccountsByItself() {
    IdentityResolver noLogin =
        IdentityResolver.builder().disable(MergeRule.SAME_FORGE_LOGIN).build();
    Identities ids = noLogin.resolve(List.of(Actor.github("x"), Actor.github("X")));
    assertEquals(2, ids.size(), "no noreply address: the GITHUB_NOREPLY key has no direct holder");
    Identities linked =
        noLogin.resolve(
            List.of(Actor.github("x"), Actor.github("X"), Actor.git("x", "x@users.noreply.github.com")));
    assertEquals(1, linked.size(), "the noreply address names login x, which both accounts have");
  }

  @Test
  void mailmapJoinsWhatItMapsTogether() {
    Actor a = Actor.git("ana", "ana@old.example");
    Actor b = Actor.git("Ana L", "ana.lima@laptop.local");
    Mailmap map =
        Mailmap.parse("<ana@lima.example> <ana@old.example>\n<ana@lima.example> <ANA.LIMA@laptop.local>\n");
    assertEquals(2, resolve(a, b).size());
    Identities ids = IdentityResolver.builder().mailmap(map).build().resolve(List.of(a, b));
    assertEquals(1, ids.size());
    // "Ana L" < "ana" in String order.
    assertOnlyEvidence(ids, a, MergeRule.MAILMAP, "ana@lima.example", b, a);
  }

  @Test
  void aliasesFromThePaperFormat() {
    AliasList aliases =
        AliasList.parsePaperFormat(
                "#REPOSITORY;NAME;ALIAS\nacme/rocket;Marta Quintero;MQuintero\nother/x;Bo;Bob\n")
            .forRepository("acme/rocket");
    Actor byName = Actor.git("marta quintero ", "mq@a.example");
    Actor byLogin = Actor.github("mquintero");
    Actor bo = Actor.git("Bo", "bo@b.example");
    Actor bob = Actor.git("Bob", "bob@b.example");
    IdentityResolver r = IdentityResolver.builder().aliases(aliases).build();
    Identities ids = r.resolve(List.of(byName, byLogin, bo, bob));
    assertEquals(3, ids.size());
    assertOnlyEvidence(
        ids, byLogin, MergeRule.ALIAS, "[marta quintero, mquintero]", byName, byLogin);
    assertFalse(ids.samePerson(bo, bob), "the entry for another repository was filtered out");
    Identities byEmail =
        IdentityResolver.builder()
            .aliases(AliasList.of(List.of(Set.of("BO@b.example", "bob"))))
            .build()
            .resolve(List.of(bo, bob));
    assertOnlyEvidence(byEmail, bo, MergeRule.ALIAS, "[bo@b.example, bob]", bo, bob);
  }

  @Test
  void botsNeverMergeWithPeopleEvenOnASharedEmail() {
    Actor bot =
        new Actor(
            Forge.GITHUB,
            Optional.of("dependabot[bot]"),
            OptionalLong.of(49699333),
            Optional.empty(),
            List.of("support@dependabot.com"),
            ActorKind.BOT);
    Actor botCommits =
        Actor.git("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com");
    Actor patSharing = Actor.git("Pat Smith", "support@dependabot.com");
    Actor pat = Actor.git("Pat Smith", "pat@smith.example");
    Actor patAccount = account(Forge.GITHUB, "patsmith", -1, "pat@smith.example");
    Identities ids = resolve(patAccount, bot, pat, botCommits, patSharing);

    assertEquals(3, ids.size());
    Person botPerson = ids.personOf(bot).orElseThrow();
    assertTrue(botPerson.bot());
    assertEquals(List.of(botCommits, bot), botPerson.actors());
    assertEquals(
        List.of(
            new MergeEvidence(
                MergeRule.GITHUB_NOREPLY, botCommits, bot, "github#49699333"),
            new MergeEvidence(
                MergeRule.GITHUB_NOREPLY, botCommits, bot, "github:dependabot[bot]")),
        ids.evidence(botPerson));
    Person person = ids.personOf(pat).orElseThrow();
    assertFalse(person.bot());
    assertEquals(List.of(pat, patAccount), person.actors());
    assertFalse(ids.samePerson(patSharing, bot));
    assertFalse(ids.samePerson(patSharing, pat), "the shared address alone links Pat to nobody");
    assertEquals(
        List.of(
            new RefusedMerge(
                new MergeEvidence(MergeRule.SAME_EMAIL, patSharing, bot, "support@dependabot.com"),
                "'dependabot[bot]' is a bot (the forge declared the account a bot (kind BOT))"
                    + " and 'Pat Smith' is not")),
        ids.refused());
  }

  @Test
  void sameNameIsOffByDefaultAndOptIn() {
    Actor a = Actor.git("Wei Zhang", "wz@a.example");
    Actor b = Actor.git(" wei zhang ", "wei@b.example");
    assertFalse(IdentityResolver.defaults().rules().contains(MergeRule.SAME_NAME));
    assertEquals(2, resolve(a, b).size());
    Identities ids =
        IdentityResolver.builder().enable(MergeRule.SAME_NAME).build().resolve(List.of(a, b));
    assertEquals(1, ids.size());
    // " wei zhang " < "Wei Zhang" (space sorts first).
    assertOnlyEvidence(ids, a, MergeRule.SAME_NAME, "wei zhang", b, a);
    assertEquals("Wei Zhang", ids.people().get(0).label(), "ties go to the alphabetically first");
  }

  @Test
  void explanationsNameTheRuleAndKey() {
    Actor a = account(Forge.GITHUB, "kim", 7, "kim@k.example");
    Actor b = Actor.git("Kim", "KIM@k.example");
    Identities ids = resolve(a, b);
    MergeEvidence e = ids.evidence(ids.people().get(0)).get(0);
    assertEquals("SAME_EMAIL(kim@k.example): Kim = kim", e.toString());
  }

  @Test
  void personValuesAndLabels() {
    Actor gl = Actor.user(Forge.GITLAB, "lee-gl");
    Actor git1 = new Actor(Forge.GITLAB, Optional.of("lee-gl"), OptionalLong.empty(),
        Optional.of("Lee"), List.of("Lee@L.example"), ActorKind.USER);
    Actor git2 = Actor.git("Lee Chan", "lee@l.example");
    Actor git3 = Actor.git("Lee Chan", "lee.chan@l.example");
    Identities ids =
        IdentityResolver.builder()
            .aliases(AliasList.of(List.of(Set.of("lee.chan@l.example", "lee@l.example"))))
            .build()
            .resolve(List.of(gl, git1, git2, git3));
    assertEquals(1, ids.size());
    Person p = ids.people().get(0);
    assertEquals(0, p.index());
    assertEquals("lee-gl", p.label(), "a GitLab login beats the most frequent name");
    assertEquals(Set.of("lee@l.example", "lee.chan@l.example"), p.emails());
    assertEquals(Set.of("lee-gl"), p.logins());
    // Names "Lee Chan" twice and "Lee" once: the most frequent wins (a tie would give "Lee").
    Identities byName =
        resolve(git2, Actor.git("Lee Chan", "LEE@l.example"), Actor.git("Lee", "lee@l.example"));
    assertEquals(1, byName.size());
    assertEquals("Lee Chan", byName.people().get(0).label());
    assertEquals(
        "Lee", resolve(git2, Actor.git("Lee", "lee@l.example")).people().get(0).label());
    assertEquals(p, IdentityResolver.builder()
        .aliases(AliasList.of(List.of(Set.of("lee.chan@l.example", "lee@l.example"))))
        .build().resolve(List.of(git3, git2, git1, gl, gl)).people().get(0));
    assertNotEquals(p, resolve(gl).people().get(0));
    assertEquals("e@x.example", resolve(Actor.git("", "E@x.example")).people().get(0).label());
  }

  @Test
  void unknownActorsAndForeignPersons() {
    Identities ids = resolve(Actor.github("a"));
    Actor unknown = Actor.github("b");
    assertEquals(Optional.empty(), ids.personOf(unknown));
    assertFalse(ids.samePerson(unknown, unknown));
    assertTrue(ids.samePerson(Actor.github("a"), Actor.github("a")));
    Person foreign = resolve(Actor.github("z")).people().get(0);
    assertThrows(IllegalArgumentException.class, () -> ids.evidence(foreign));
    assertEquals(0, resolve().size());
    assertEquals(List.of(), ids.refused());
  }

  @org.junit.jupiter.api.Nested
  class SharedPlaceholderAddresses {
    private Actor git(String name, String email) {
      return Actor.git(name, email);
    }

    @org.junit.jupiter.api.Test
    void unrelatedPeopleWithAPlaceholderAddressStayApart() {
      Actor a = git("Ann", "you@example.com");
      Actor b = git("Bob", "YOU@example.com");
      Actor c = git("Cy", "cy@laptop.(none)");
      Actor d = git("Di", "cy@laptop.(none)");
      Actor e = git("Ed", "root@localhost");
      Actor f = git("Flo", "root@localhost");
      Identities ids = IdentityResolver.defaults().resolve(java.util.List.of(a, b, c, d, e, f));
      org.junit.jupiter.api.Assertions.assertEquals(6, ids.size());
    }

    @org.junit.jupiter.api.Test
    void realSharedAddressesStillMergeAndTheListIsAParameter() {
      Actor a = git("Ann", "ann@corp.example");
      Actor b = git("Ann B.", "ANN@corp.example");
      org.junit.jupiter.api.Assertions.assertTrue(
          IdentityResolver.defaults().resolve(java.util.List.of(a, b)).samePerson(a, b));
      org.junit.jupiter.api.Assertions.assertFalse(
          IdentityResolver.builder()
              .sharedEmails(java.util.List.of("ann@corp.example"))
              .build()
              .resolve(java.util.List.of(a, b))
              .samePerson(a, b));
      Actor p = git("Ann", "you@example.com");
      Actor q = git("Bob", "you@example.com");
      org.junit.jupiter.api.Assertions.assertTrue(
          IdentityResolver.builder().noSharedEmails().build()
              .resolve(java.util.List.of(p, q)).samePerson(p, q));
      org.junit.jupiter.api.Assertions.assertTrue(
          IdentityResolver.defaultSharedEmails().contains("you@example.com"));
    }
  }
}
