package io.github.communitymetrics.examples;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.truckfactor.AuthorshipHistory;
import io.github.communitymetrics.core.metrics.truckfactor.IdentityRule;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.git.CommitLogAuthorship;
import io.github.communitymetrics.git.CommitLogReader;
import io.github.communitymetrics.git.FileSelection;
import io.github.communitymetrics.git.GitRepository;
import io.github.communitymetrics.git.LogSnapshot;
import io.github.communitymetrics.github.GitHubSource;
import io.github.communitymetrics.github.GitHubTarget;
import io.github.communitymetrics.github.archive.GhArchiveFilter;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import io.github.communitymetrics.github.archive.GhArchiveReport;
import io.github.communitymetrics.gitlab.GitLabSource;
import io.github.communitymetrics.gitlab.GitLabTarget;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * The community an example looks at, from its command line: the simulated demo community by
 * default, or one source: {@code --events FILE} (canonical JSON Lines, docs/events.md), {@code
 * --gharchive FILE...} (GH Archive hours, plain or gzip; with {@code --repo} only that
 * repository's events are kept), {@code --github OWNER/NAME} (fetched, token from {@code
 * GITHUB_TOKEN}; {@code --api-url URL} for GitHub Enterprise Server), {@code --gitlab
 * GROUP/PROJECT} (fetched from gitlab.com, or from {@code --gitlab-url URL}; token from {@code
 * GITLAB_TOKEN}), {@code --git PATH} (a local repository's commits up to HEAD) or {@code --git-log
 * FILE} (a log in the commit-log format of docs/metrics.md). Also {@code --repo OWNER/NAME}
 * (default: the first repository) and {@code --as-of INSTANT} (default: one second after the last
 * event). The activity window is the 90 days before {@code asOf}.
 *
 * @param label where the events came from
 * @param store every event
 * @param people the store's people (identities resolved, bots flagged)
 * @param repository the repository the questions are about
 * @param asOf the instant the answers describe
 * @param git the git repository or commit log the events came from, when they did
 */
public record Community(
    String label, EventStore store, People people, Repository repository, Instant asOf,
    Optional<GitInput> git) {
  /** The usage line every example prints on a bad argument. */
  public static final String USAGE =
      "[--events FILE.jsonl | --gharchive FILE... | --github OWNER/NAME [--api-url URL]"
          + " | --gitlab GROUP/PROJECT [--gitlab-url URL] | --git PATH | --git-log FILE]"
          + " [--repo OWNER/NAME] [--as-of INSTANT]";

  /**
   * A git source.
   *
   * @param path the repository's directory, or the commit-log file
   * @param logFile whether {@code path} is a commit-log file rather than a repository
   */
  public record GitInput(Path path, boolean logFile) {}

  /**
   * Who wrote which file of the git source's snapshot (HEAD, or the log's newest commit), over
   * the files the Linguist default rules keep (no vendored, generated or documentation files),
   * one developer per shared name or e-mail address; empty when the events did not come from git.
   */
  public Optional<AuthorshipHistory> authorship() {
    if (git.isEmpty()) {
      return Optional.empty();
    }
    FileSelection selection = FileSelection.builder().addLinguistDefaults().build();
    Path path = git.get().path();
    if (git.get().logFile()) {
      List<String> kept;
      try (CommitLogReader reader = CommitLogReader.open(path, ReadOptions.strict())) {
        kept = selection.select(LogSnapshot.files(reader)).kept();
      }
      try (CommitLogReader reader = CommitLogReader.open(path, ReadOptions.strict())) {
        return Optional.of(CommitLogAuthorship.collect(
            reader, kept, UnaryOperator.identity(), IdentityRule.NAME_OR_EMAIL, false));
      }
    }
    GitRepository repo = GitRepository.open(path);
    List<String> kept = selection.select(repo.listFiles("HEAD")).kept();
    return Optional.of(repo.readLog("HEAD", in -> CommitLogAuthorship.collect(
        CommitLogReader.of(in, "git log HEAD", ReadOptions.strict()), kept, UnaryOperator.identity(),
        IdentityRule.NAME_OR_EMAIL, false)));
  }

  /** The window of the people metrics: the 90 days before {@link #asOf()}. */
  public Window window() {
    return Window.endingAt(asOf, Duration.ofDays(90));
  }

  /** The repository as a metric scope. */
  public RepositoryScope scope() {
    return RepositoryScope.of(repository);
  }

  /** The name shown for a person key. */
  public String label(Actor personKey) {
    return people.identities().personOf(personKey).map(Person::label).orElse(personKey.label());
  }

  /**
   * Parses the arguments and loads the events.
   *
   * @throws IllegalArgumentException on an unknown or incomplete argument, with the usage
   */
  public static Community fromArgs(String... args) throws IOException {
    Path events = null;
    List<Path> gharchive = new ArrayList<>();
    String github = null;
    String gitlab = null;
    URI githubUrl = null;
    URI gitlabUrl = null;
    GitInput git = null;
    String repo = null;
    Instant asOf = null;
    int sources = 0;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--events":
          events = Path.of(need(value, "--events"));
          sources++;
          i++;
          break;
        case "--gharchive":
          need(value, "--gharchive");
          while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
            gharchive.add(Path.of(args[++i]));
          }
          sources++;
          break;
        case "--github":
          github = need(value, "--github");
          sources++;
          i++;
          break;
        case "--gitlab":
          gitlab = need(value, "--gitlab");
          sources++;
          i++;
          break;
        case "--api-url":
          githubUrl = URI.create(need(value, "--api-url"));
          i++;
          break;
        case "--gitlab-url":
          gitlabUrl = URI.create(need(value, "--gitlab-url"));
          i++;
          break;
        case "--git":
        case "--git-log":
          git = new GitInput(Path.of(need(value, args[i])), args[i].equals("--git-log"));
          sources++;
          i++;
          break;
        case "--repo":
          repo = need(value, "--repo");
          i++;
          break;
        case "--as-of":
          try {
            asOf = Instant.parse(need(value, "--as-of"));
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of must be like 2025-07-01T00:00:00Z; usage: " + USAGE);
          }
          i++;
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: " + USAGE);
      }
    }
    if (sources > 1) {
      throw new IllegalArgumentException("give one source at most; usage: " + USAGE);
    }
    if ((githubUrl != null && github == null) || (gitlabUrl != null && gitlab == null)) {
      throw new IllegalArgumentException(
          (githubUrl != null ? "--api-url needs --github" : "--gitlab-url needs --gitlab") + "; usage: " + USAGE);
    }
    List<Event> list = new ArrayList<>();
    String label;
    if (events != null) {
      try (Reader in = Files.newBufferedReader(events)) {
        list = EventJsonLines.readAll(in);
      }
      label = events.toString();
    } else if (!gharchive.isEmpty()) {
      GhArchiveReport r =
          GhArchiveReader.builder()
              .filter(repo == null ? GhArchiveFilter.all() : GhArchiveFilter.repositories(List.of(repo)))
              .options(ReadOptions.skipMalformed(20))
              .build()
              .read(gharchive, list::add);
      // Skipped lines and damaged files are counted in the label, never dropped silently.
      label = "GH Archive, " + r.files() + " files, " + r.eventsMapped() + " events mapped, "
          + r.malformedLines() + " malformed lines, " + r.corruptInputs().size() + " damaged files";
    } else if (github != null) {
      GitHubSource.Builder builder = GitHubSource.builder().tokensFromEnvironment(System.getenv());
      if (githubUrl != null) {
        builder.apiUrl(githubUrl);
      }
      io.github.communitymetrics.github.FetchReport r = builder.build()
          .fetch(GitHubTarget.parse(github), io.github.communitymetrics.github.FetchOptions.all(), list::add);
      label = "GitHub " + github + ", items " + r.items() + ", " + r.duplicatesSkipped() + " duplicates skipped";
    } else if (gitlab != null) {
      GitLabSource.Builder builder = GitLabSource.builder().tokenFromEnvironment(System.getenv());
      if (gitlabUrl != null) {
        builder.baseUrl(gitlabUrl);
      }
      io.github.communitymetrics.gitlab.FetchReport r = builder.build()
          .fetch(GitLabTarget.project(gitlab), io.github.communitymetrics.gitlab.FetchOptions.all(), list::add);
      label = "GitLab " + gitlab + ", items " + r.items() + ", skipped " + r.skipped() + ", "
          + r.duplicatesSkipped() + " duplicates skipped";
    } else if (git != null) {
      // A log file is usually named after its format (cmlog.txt.gz); its directory names the project.
      Path absolute = git.path().toAbsolutePath().normalize();
      Path name = git.logFile() && absolute.getParent() != null
          ? absolute.getParent().getFileName() : absolute.getFileName();
      Repository r = new Repository(Forge.GIT, repo != null ? repo : name == null ? "git" : name.toString(),
          OptionalLong.empty());
      label = (git.logFile() ? "git log " : "git repository ") + git.path();
      if (git.logFile()) {
        try (CommitLogReader reader = CommitLogReader.open(git.path(), ReadOptions.strict())) {
          reader.commits(r).forEach(list::add);
        }
      } else {
        List<Event> sink = list;
        GitRepository.open(git.path()).readLog("HEAD", in -> {
          try (CommitLogReader reader = CommitLogReader.of(in, "git log HEAD", ReadOptions.strict())) {
            reader.commits(r).forEach(sink::add);
          }
          return null;
        });
      }
    } else {
      list = CommunitySimulator.simulate(SimulationConfig.demo()).events();
      label = "simulated demo community";
    }
    EventStore store = EventStore.of(list);
    if (store.isEmpty()) {
      throw new IllegalArgumentException("no events in " + label);
    }
    String wanted = repo;
    Repository repository =
        wanted == null
            ? store.repositories().get(0)
            : store.repositories().stream()
                .filter(r -> r.fullName().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no events of " + wanted));
    Instant at = asOf != null ? asOf : store.instant(store.size() - 1).plusSeconds(1);
    return new Community(label, store, People.resolve(store), repository, at, Optional.ofNullable(git));
  }

  private static String need(String value, String option) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value; usage: " + USAGE);
    }
    return value;
  }

  /** The heading every example prints first. */
  String heading(String question) {
    return question + "\n" + repository.fullName() + " as of " + asOf + " (" + label + ")\n";
  }
}
