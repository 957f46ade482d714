package io.github.communitymetrics.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Forge;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BotDetectorTest {
  private final BotDetector bots = BotDetector.defaults();

  static Actor actor(Forge forge, String login, String name, String... emails) {
    return new Actor(
        forge,
        Optional.ofNullable(login),
        OptionalLong.empty(),
        Optional.ofNullable(name),
        List.of(emails),
        ActorKind.USER);
  }

  @Test
  void forgeDeclaredKindIsABot() {
    Actor a = Actor.github("release-helper").withKind(ActorKind.BOT);
    assertEquals(
        Optional.of("the forge declared the account a bot (kind BOT)"), bots.reason(a));
    assertFalse(bots.isBot(Actor.github("release-helper")));
  }

  @Test
  void botSuffixOnLoginNameOrNoreplyAddress() {
    assertEquals(
        Optional.of("login 'Some-App[BOT]' ends with [bot]"),
        bots.reason(Actor.github("Some-App[BOT]")));
    assertEquals(
        Optional.of("name 'my-app[bot]' ends with [bot]"),
        bots.reason(Actor.git("my-app[bot]", "x@example.org")));
    assertEquals(
        Optional.of(
            "e-mail local part of '12345+some-app[bot]@users.noreply.github.com' ends with [bot]"),
        bots.reason(Actor.git("Automation", "12345+some-app[bot]@users.noreply.github.com")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dependabot", "Dependabot-Preview", "renovate", "renovate-bot", "github-actions",
        "codecov", "codecov-io", "codecov-commenter", "snyk-bot", "allcontributors",
        "all-contributors", "greenkeeper", "greenkeeperio-bot", "stale", "mergify", "imgbot",
        "pre-commit-ci", "netlify", "vercel", "sonarcloud", "coveralls", "gitlab-bot",
        "deepsource-autofix", "pull", "whitesource-bolt-for-github", "ghost", "web-flow"
      })
  void listedLoginsAreBots(String login) {
    assertEquals(
        Optional.of(
            "login '" + login + "' is the listed bot name '" + login.toLowerCase() + "'"),
        bots.reason(Actor.github(login)));
  }

  @Test
  void listedNameMatchesWithSpacesAsHyphens() {
    assertEquals(
        Optional.of("name 'Renovate Bot' is the listed bot name 'renovate-bot'"),
        bots.reason(Actor.git("Renovate Bot", "bot@renovateapp.com")));
    assertEquals(
        Optional.of("name 'GitHub Actions' is the listed bot name 'github-actions'"),
        bots.reason(Actor.git("GitHub Actions", "actions@example.org")));
  }

  @Test
  void listedEmailLocalPartAfterNoreplyIdPrefix() {
    assertEquals(
        Optional.of(
            "e-mail local part of '27856297+dependabot-preview@users.noreply.github.com'"
                + " is the listed bot name 'dependabot-preview'"),
        bots.reason(Actor.git("Someone", "27856297+dependabot-preview@users.noreply.github.com")));
    assertTrue(bots.isBot(Actor.git("", "imgbot@example.org")));
  }

  @Test
  void webFlowAddressIsListed() {
    assertEquals(
        Optional.of("e-mail 'NoReply@GitHub.com' is a listed bot address"),
        bots.reason(Actor.git("GitHub", "NoReply@GitHub.com")));
  }

  @Test
  void peopleWithBotLikeSubstringsAreNotBots() {
    assertFalse(bots.isBot(Actor.git("Abbott", "abbott@example.org")));
    assertFalse(bots.isBot(Actor.github("robotics-lab")));
    assertFalse(bots.isBot(Actor.github("botanist")));
    assertFalse(bots.isBot(Actor.github("dependabot-fan")));
    assertFalse(bots.isBot(Actor.git("Talbot Stale", "talbot@example.org")));
    assertFalse(bots.isBot(actor(Forge.GITHUB, "renovater", "Ghost Writer", "pulls@example.org")));
    assertFalse(bots.isBot(Actor.git("Jane", "jane[bot]x@example.org")));
  }

  @Test
  void defaultListCanBeTurnedOffAndExtended() {
    BotDetector custom =
        BotDetector.builder().includeDefaults(false).addName("Release Robot").build();
    assertFalse(custom.isBot(Actor.github("dependabot")));
    assertFalse(custom.isBot(Actor.git("GitHub", "noreply@github.com")));
    assertTrue(custom.isBot(Actor.github("dependabot[bot]")), "suffix rule stays on");
    assertEquals(
        Optional.of("login 'release-robot' is the listed bot name 'release-robot'"),
        custom.reason(Actor.github("release-robot")));
    assertTrue(custom.isBot(Actor.git("release robot", "r@example.org")));
  }

  @Test
  void patternsMatchWholeLoginNameOrEmail() {
    BotDetector custom =
        BotDetector.builder()
            .addPattern("ci-.*")
            .addPattern(Pattern.compile(".*@build\\.example\\.org", Pattern.CASE_INSENSITIVE))
            .build();
    assertEquals(
        Optional.of("'ci-runner' matches the pattern 'ci-.*'"),
        custom.reason(Actor.github("ci-runner")));
    assertFalse(custom.isBot(Actor.github("my-ci-runner")), "patterns match the whole value");
    assertEquals(
        Optional.of("'Jobs@BUILD.example.org' matches the pattern '.*@build\\.example\\.org'"),
        custom.reason(Actor.git("Jobs", "Jobs@BUILD.example.org")));
    assertTrue(custom.isBot(Actor.github("dependabot")), "defaults still on");
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> BotDetector.builder().addName(" "));
    assertThrows(NullPointerException.class, () -> bots.isBot(null));
    assertTrue(BotDetector.defaultNames().contains("web-flow"));
  }
}
