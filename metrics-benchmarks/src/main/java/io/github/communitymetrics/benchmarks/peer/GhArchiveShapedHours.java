package io.github.communitymetrics.benchmarks.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.simple.RandomSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes hourly files {@code YYYY-MM-DD-H.json.gz} shaped like GH Archive's (the Events API
 * shape of 2015 on: {@code id}, {@code type}, {@code actor{id,login,display_login,gravatar_id,
 * url,avatar_url}}, {@code repo{id,name,url}}, {@code payload} with the objects GitHub puts there
 * for each type, {@code public}, {@code created_at}, {@code org} when the repository belongs to an
 * organisation), for end-to-end runs against DuckDB on workloads with as many distinct people and
 * repositories as the real archive has (issue 24).
 *
 * <p>What is drawn, all deterministic by seed:
 *
 * <ul>
 *   <li>Events per hour: {@code eventsPerHour * (1 + 0.45 cos(2 pi (h - 15) / 24))} for the UTC
 *       hour h (GH Archive is busiest in the European afternoon); a day of the default 137,500
 *       averages 3.3 M events, the first 4 hours of a day about 330,000.
 *   <li>Types and actions: the {@link Mix} (by default counted from the modern GH Archive lines
 *       of the shared data, 2021-07-21; {@code --mix-from FILE} counts another file's).
 *   <li>Actors: rank {@code k} of a Zipf law over {@code actors} people with exponent {@code
 *       actorExponent}, the first {@code actorOffset} ranks left out (so that no one person does
 *       several percent of a day); defaults give about 150,000 distinct actors in 4 hours and a
 *       million in a day. A share {@code botShare} of events (the sample's) is done by bots (logins
 *       ending {@code [bot]}, {@code type: Bot}), Zipf over {@code bots} bots.
 *   <li>Repositories: Zipf over {@code repositories} with {@code repositoryExponent} and {@code
 *       repositoryOffset}; a share {@code orgShare} belong to an organisation ({@code org} object).
 *   <li>Issues and pull requests: openings number a repository's items in order; closings,
 *       comments, reviews and review comments answer a recent opening (of the last {@code recent}
 *       openings) with probability {@code answerShare}, else an older item of a random repository,
 *       so response-time metrics have answered and unanswered items.
 * </ul>
 *
 * <p>Line sizes follow the real ones (pull request events carry the head and base repository
 * objects, about 10 to 20 KB); texts are words drawn per event. Files are written in parallel
 * (one per thread at a time) at {@code --level} (default 1, the fastest: generating a day at
 * gzip's default 6 takes minutes; `gzip -dc` of level 1 files is at most a few percent slower).
 *
 * <p>Command line: {@code OUT_DIR [--hours H] [--seed S] [--start YYYY-MM-DD] [--events-per-hour
 * N] [--actors N] [--actor-exponent X] [--actor-offset N] [--bots N] [--bot-share X]
 * [--repositories N] [--repository-exponent X] [--repository-offset N] [--org-share X]
 * [--answer-share X] [--recent N] [--level L] [--threads T] [--mix-from FILE]}.
 */
public final class GhArchiveShapedHours {
  /** The parameters of a run; see the class comment for what each means. */
  public record Config(
      int hours,
      long seed,
      LocalDate start,
      int eventsPerHour,
      int actors,
      double actorExponent,
      int actorOffset,
      int bots,
      double botShare,
      int repositories,
      double repositoryExponent,
      int repositoryOffset,
      double orgShare,
      double answerShare,
      int recent,
      int level,
      int threads,
      Mix mix) {
    /** The defaults: 4 hours from 2024-03-04, seed 1. */
    public static Config defaults() {
      return new Config(4, 1, LocalDate.of(2024, 3, 4), 137_500, 6_000_000, 0.96, 10, 5_000, 54.0 / 800,
          1_000_000, 1.0, 10, 226.0 / 800, 0.75, 20_000, 1,
          Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), Mix.SAMPLE_2021);
    }

    /** Events of UTC hour {@code h} of the day (0 to 23). */
    int eventsOfHour(int h) {
      return (int) Math.round(eventsPerHour * (1 + 0.45 * Math.cos(2 * Math.PI * (h - 15) / 24.0)));
    }
  }

  /**
   * Event types with their counts, and each type's actions with their counts (types without
   * actions have none). Only the proportions are used.
   */
  public record Mix(Map<String, Long> types, Map<String, Map<String, Long>> actions) {
    /**
     * Counted by {@link #count} from the shared data's modern GH Archive lines
     * (gharchive/apache-pinot/.../2021-07-21-few-hours.json: the first 200 events of each of 4
     * hours of 2021-07-21, 800 events, 54 of them by bots, 226 with an {@code org}).
     */
    public static final Mix SAMPLE_2021 = new Mix(
        linked("PushEvent", 425, "CreateEvent", 103, "PullRequestEvent", 64, "WatchEvent", 58,
            "IssueCommentEvent", 36, "PullRequestReviewEvent", 28, "DeleteEvent", 23, "IssuesEvent", 21,
            "ForkEvent", 19, "PullRequestReviewCommentEvent", 10, "MemberEvent", 4, "ReleaseEvent", 3,
            "PublicEvent", 2, "CommitCommentEvent", 2, "GollumEvent", 2),
        Map.of(
            "IssueCommentEvent", linked("created", 36),
            "IssuesEvent", linked("opened", 13, "closed", 8),
            "MemberEvent", linked("added", 4),
            "PullRequestEvent", linked("opened", 33, "closed", 31),
            "PullRequestReviewCommentEvent", linked("created", 10),
            "PullRequestReviewEvent", linked("created", 28),
            "ReleaseEvent", linked("published", 3),
            "WatchEvent", linked("started", 58)));

    /** Counts types and actions of the JSON lines of {@code file} (gzip when it ends .gz). */
    public static Mix count(Path file) throws IOException {
      Map<String, Long> types = new LinkedHashMap<>();
      Map<String, Map<String, Long>> actions = new LinkedHashMap<>();
      JsonFactory json = new JsonFactory();
      try (InputStream raw = Files.newInputStream(file);
          InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
          BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          String[] typeAction = typeAndAction(json, line);
          if (typeAction[0] == null) {
            continue;
          }
          types.merge(typeAction[0], 1L, Long::sum);
          if (typeAction[1] != null) {
            actions.computeIfAbsent(typeAction[0], t -> new LinkedHashMap<>()).merge(typeAction[1], 1L, Long::sum);
          }
        }
      }
      List<Map.Entry<String, Long>> sorted = new ArrayList<>(types.entrySet());
      sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
      Map<String, Long> ordered = new LinkedHashMap<>();
      sorted.forEach(x -> ordered.put(x.getKey(), x.getValue()));
      return new Mix(ordered, actions);
    }

    /** The top-level {@code type} and {@code payload.action} strings of a line (null when absent). */
    private static String[] typeAndAction(JsonFactory json, String line) {
      String[] out = new String[2];
      try (JsonParser p = json.createParser(ObjectReadContext.empty(), line)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          return out;
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          JsonToken v = p.nextToken();
          if (name.equals("type") && v == JsonToken.VALUE_STRING) {
            out[0] = p.getString();
          } else if (name.equals("payload") && v == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
              String inner = p.currentName();
              JsonToken iv = p.nextToken();
              if (inner.equals("action") && iv == JsonToken.VALUE_STRING) {
                out[1] = p.getString();
              } else {
                p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
        }
      }
      return out;
    }

    /** One line per type: count, share, and its actions. */
    public String describe() {
      long total = types.values().stream().mapToLong(Long::longValue).sum();
      StringBuilder s = new StringBuilder();
      types.forEach((t, n) -> s.append(String.format(Locale.ROOT, "  %-30s %6d %6.2f %%%s%n", t, n, 100.0 * n / total,
          actions.containsKey(t) ? "  " + actions.get(t) : "")));
      return s.toString();
    }

    private static Map<String, Long> linked(Object... kv) {
      Map<String, Long> m = new LinkedHashMap<>();
      for (int i = 0; i < kv.length; i += 2) {
        m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
      }
      return m;
    }
  }

  /** What was written: events, distinct actors (people and bots), distinct repositories, bytes. */
  public record Summary(long events, long actors, long bots, long repositories, long botEvents, long bytes) {}

  // Type codes, in the order of TYPE_NAMES.
  static final String[] TYPE_NAMES = {
    "PushEvent", "CreateEvent", "PullRequestEvent", "WatchEvent", "IssueCommentEvent",
    "PullRequestReviewEvent", "DeleteEvent", "IssuesEvent", "ForkEvent",
    "PullRequestReviewCommentEvent", "MemberEvent", "ReleaseEvent", "PublicEvent",
    "CommitCommentEvent", "GollumEvent"
  };
  private static final int PUSH = 0, CREATE = 1, PR = 2, WATCH = 3, ISSUE_COMMENT = 4, REVIEW = 5, DELETE = 6,
      ISSUES = 7, FORK = 8, REVIEW_COMMENT = 9, MEMBER = 10, RELEASE = 11, PUBLIC = 12, COMMIT_COMMENT = 13,
      GOLLUM = 14;
  private static final String[] REVIEW_STATES = {"approved", "commented", "commented", "changes_requested"};
  private static final String[] BOT_NAMES = {
    "github-actions", "dependabot", "renovate", "pre-commit-ci", "codecov", "vercel", "netlify",
    "allcontributors", "imgbot", "stale", "sonarcloud", "mergify", "snyk-bot", "greenkeeper"
  };
  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ne", "ro", "sa", "ti", "vu", "ze", "an", "be", "cho", "da", "el", "fi", "go", "hu",
    "ja", "ki", "li", "ma", "no", "pe", "qu", "ri", "so", "tu", "wa", "xi", "yo", "zu", "ar", "en", "or"
  };
  private static final String[] WORDS = {
    "the", "fix", "add", "update", "remove", "support", "for", "in", "to", "of", "a", "test", "tests",
    "build", "docs", "readme", "bump", "from", "version", "error", "when", "with", "config", "api", "bug",
    "feature", "refactor", "cleanup", "release", "dependency", "crash", "on", "and", "is", "not", "should",
    "this", "that", "we", "it", "can", "use", "new", "old", "page", "button", "server", "client", "cache",
    "memory", "leak", "performance", "type", "null", "check", "handle", "case", "windows", "linux", "macos"
  };
  private static final String[] REPO_URLS = {
    "forks", "keys{/key_id}", "collaborators{/collaborator}", "teams", "hooks", "issues/events{/number}",
    "events", "assignees{/user}", "branches{/branch}", "tags", "blobs{/sha}", "git/tags{/sha}",
    "git/refs{/sha}", "git/trees{/sha}", "statuses/{sha}", "languages", "stargazers", "contributors",
    "subscribers", "subscription", "commits{/sha}", "git/commits{/sha}", "comments{/number}",
    "issues/comments{/number}", "contents/{+path}", "compare/{base}...{head}", "merges",
    "{archive_format}{/ref}", "downloads", "issues{/number}", "pulls{/number}", "milestones{/number}",
    "notifications{?since,all,participating}", "labels{/name}", "releases{/id}", "deployments"
  };

  private final Config config;

  public GhArchiveShapedHours(Config config) {
    this.config = config;
  }

  /** A 64-bit mix of the seed and the values (SplitMix64's finaliser, chained). */
  static long hash(long seed, long... values) {
    long h = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    for (long v : values) {
      h ^= v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
      h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
      h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
      h ^= h >>> 31;
    }
    return h;
  }

  /** Zipf ranks 1..n + offset with the first {@code offset} rejected: index 0..n-1. */
  private static final class Ranks {
    final SharedStateDiscreteSampler zipf;
    final int offset;

    Ranks(UniformRandomProvider rng, int n, double exponent, int offset) {
      this.zipf = RejectionInversionZipfSampler.of(rng, n + offset, exponent);
      this.offset = offset;
    }

    int next() {
      int k;
      do {
        k = zipf.sample();
      } while (k <= offset);
      return k - offset - 1;
    }
  }

  /** One hour's events before they are written: parallel arrays. */
  static final class Hour {
    final int hour;
    final int n;
    final byte[] type;
    final byte[] action;
    final int[] actor; // >= 0 a person; < 0 bot -(b + 1)
    final int[] repo;
    final int[] number;
    final int[] other; // the item's author (an actor code as above) for closings, comments, reviews
    final boolean[] onPullRequest;

    Hour(int hour, int n) {
      this.hour = hour;
      this.n = n;
      type = new byte[n];
      action = new byte[n];
      actor = new int[n];
      repo = new int[n];
      number = new int[n];
      other = new int[n];
      onPullRequest = new boolean[n];
    }
  }

  // Action codes.
  static final byte NONE = 0, OPENED = 1, CLOSED = 2, CREATED = 3, STARTED = 4, ADDED = 5, PUBLISHED = 6;

  /** Writes the hours into {@code dir} and returns what was written. */
  public Summary write(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(config.seed());
    Ranks actors = new Ranks(rng, config.actors(), config.actorExponent(), config.actorOffset());
    Ranks bots = new Ranks(rng, config.bots(), 1.2, 0);
    Ranks repos = new Ranks(rng, config.repositories(), config.repositoryExponent(), config.repositoryOffset());
    // Cumulative type shares in TYPE_NAMES order; types the mix lacks get 0, unknown ones are left out.
    double[] typeCdf = new double[TYPE_NAMES.length];
    double total = 0;
    for (int t = 0; t < TYPE_NAMES.length; t++) {
      total += config.mix().types().getOrDefault(TYPE_NAMES[t], 0L);
      typeCdf[t] = total;
    }
    int[] itemCounter = new int[config.repositories()];
    // Recent openings: repository, number, author, pull request or not.
    int k = config.recent();
    int[] recentRepo = new int[k], recentNumber = new int[k], recentAuthor = new int[k];
    boolean[] recentPr = new boolean[k];
    int recentSize = 0, recentNext = 0;
    // The last pull requests opened, for reviews and review comments.
    int[] prRepo = new int[k], prNumber = new int[k], prAuthor = new int[k];
    int prSize = 0, prNext = 0;
    BitSet seenActors = new BitSet(config.actors());
    BitSet seenBots = new BitSet(config.bots());
    BitSet seenRepos = new BitSet(config.repositories());
    long events = 0, botEvents = 0;
    ExecutorService pool = Executors.newFixedThreadPool(config.threads());
    List<Future<Long>> written = new ArrayList<>();
    try {
      for (int h = 0; h < config.hours(); h++) {
        int hourOfDay = h % 24;
        Hour hour = new Hour(h, config.eventsOfHour(hourOfDay));
        for (int i = 0; i < hour.n; i++) {
          double u = rng.nextDouble() * total;
          int t = 0;
          while (typeCdf[t] <= u) {
            t++;
          }
          boolean bot = rng.nextDouble() < config.botShare();
          int who = bot ? -(bots.next() + 1) : actors.next();
          int repo = repos.next();
          int number = 0, other = 0;
          boolean onPr = false;
          byte action = switch (t) {
            case WATCH -> STARTED;
            case ISSUE_COMMENT, REVIEW, REVIEW_COMMENT -> CREATED;
            case MEMBER -> ADDED;
            case RELEASE -> PUBLISHED;
            case PR, ISSUES -> pick(rng, config.mix().actions().get(TYPE_NAMES[t])) == 0 ? OPENED : CLOSED;
            default -> NONE;
          };
          if ((t == PR || t == ISSUES) && action == OPENED) {
            number = ++itemCounter[repo];
            onPr = t == PR;
            recentRepo[recentNext] = repo;
            recentNumber[recentNext] = number;
            recentAuthor[recentNext] = who;
            recentPr[recentNext] = onPr;
            recentNext = (recentNext + 1) % k;
            recentSize = Math.min(k, recentSize + 1);
            if (onPr) {
              prRepo[prNext] = repo;
              prNumber[prNext] = number;
              prAuthor[prNext] = who;
              prNext = (prNext + 1) % k;
              prSize = Math.min(k, prSize + 1);
            }
          } else if (t == PR || t == REVIEW || t == REVIEW_COMMENT) {
            if (prSize > 0 && rng.nextDouble() < config.answerShare()) {
              int j = rng.nextInt(prSize);
              repo = prRepo[j];
              number = prNumber[j];
              other = prAuthor[j];
            } else {
              number = 1 + rng.nextInt(Math.max(1, itemCounter[repo]) + 50);
              other = actors.next();
            }
            onPr = true;
          } else if (t == ISSUES || t == ISSUE_COMMENT) {
            if (recentSize > 0 && rng.nextDouble() < config.answerShare()) {
              int j = rng.nextInt(recentSize);
              // Issues closings only close issues; comments answer either.
              if (t == ISSUE_COMMENT || !recentPr[j]) {
                repo = recentRepo[j];
                number = recentNumber[j];
                other = recentAuthor[j];
                onPr = recentPr[j];
              }
            }
            if (number == 0) {
              number = 1 + rng.nextInt(Math.max(1, itemCounter[repo]) + 50);
              other = actors.next();
              onPr = t == ISSUE_COMMENT && rng.nextDouble() < 0.4;
            }
          }
          hour.type[i] = (byte) t;
          hour.action[i] = action;
          hour.actor[i] = who;
          hour.repo[i] = repo;
          hour.number[i] = number;
          hour.other[i] = other;
          hour.onPullRequest[i] = onPr;
          if (who < 0) {
            seenBots.set(-who - 1);
            botEvents++;
          } else {
            seenActors.set(who);
          }
          seenRepos.set(repo);
        }
        long firstId = 40_000_000_000L + events;
        events += hour.n;
        written.add(pool.submit(() -> writeHour(dir, hour, firstId)));
        // Bounded look-ahead: at most twice the threads' hours in memory.
        if (written.size() >= 2 * config.threads()) {
          written.get(written.size() - 2 * config.threads()).get();
        }
      }
      long bytes = 0;
      for (Future<Long> f : written) {
        bytes += f.get();
      }
      return new Summary(events, seenActors.cardinality(), seenBots.cardinality(), seenRepos.cardinality(),
          botEvents, bytes);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("writing an hour failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Index of a weighted choice among the counts' values, in their order. */
  private static int pick(UniformRandomProvider rng, Map<String, Long> counts) {
    if (counts == null || counts.isEmpty()) {
      return 0;
    }
    long sum = counts.values().stream().mapToLong(Long::longValue).sum();
    double u = rng.nextDouble() * sum;
    int i = 0;
    for (long c : counts.values()) {
      u -= c;
      if (u < 0) {
        return i;
      }
      i++;
    }
    return i - 1;
  }

  /** The file name of hour {@code h} after the start: {@code YYYY-MM-DD-H.json.gz} as GH Archive names it. */
  public String fileName(int h) {
    LocalDate day = config.start().plusDays(h / 24);
    return day + "-" + (h % 24) + ".json.gz";
  }

  /** The instant just after the last hour written: the natural as-of. */
  public Instant end() {
    return config.start().atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * config.hours());
  }

  private long writeHour(Path dir, Hour hour, long firstId) throws IOException {
    Path file = dir.resolve(fileName(hour.hour));
    Path tmp = dir.resolve(fileName(hour.hour) + ".tmp");
    Instant hourStart = config.start().atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * hour.hour);
    Line line = new Line();
    long bytes;
    try (OutputStream raw = Files.newOutputStream(tmp);
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16) {
          {
            def.setLevel(config.level());
          }
        }) {
      for (int i = 0; i < hour.n; i++) {
        long second = (long) i * 3600 / hour.n;
        line.reset();
        event(line, hour, i, firstId + i, hourStart.plusSeconds(second));
        line.b.append('\n');
        line.writeTo(gz);
      }
      gz.finish();
    }
    bytes = Files.size(tmp);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return bytes;
  }

  /** A reusable line buffer of ASCII text. */
  static final class Line {
    final StringBuilder b = new StringBuilder(32_768);
    private byte[] out = new byte[32_768];

    void reset() {
      b.setLength(0);
    }

    /** Writes the line as ASCII bytes (every character written is ASCII). */
    void writeTo(OutputStream o) throws IOException {
      int n = b.length();
      if (out.length < n) {
        out = new byte[Math.max(n, 2 * out.length)];
      }
      for (int i = 0; i < n; i++) {
        out[i] = (byte) b.charAt(i);
      }
      o.write(out, 0, n);
    }

    Line s(String name, String value) {
      b.append('"').append(name).append("\":\"").append(value).append("\",");
      return this;
    }

    Line n(String name, long value) {
      b.append('"').append(name).append("\":").append(value).append(',');
      return this;
    }

    Line raw(String name, String json) {
      b.append('"').append(name).append("\":").append(json).append(',');
      return this;
    }

    Line open(String name) {
      b.append('"').append(name).append("\":{");
      return this;
    }

    /** Closes an object, dropping a trailing comma. */
    Line close() {
      if (b.charAt(b.length() - 1) == ',') {
        b.setLength(b.length() - 1);
      }
      b.append("},");
      return this;
    }
  }

  /** The login of an actor code: people {@code word-base36}, bots {@code name[bot]}. */
  String login(int code) {
    if (code < 0) {
      int b = -code - 1;
      return (b < BOT_NAMES.length ? BOT_NAMES[b] : "app" + Integer.toString(b, 36) + "-ci") + "[bot]";
    }
    long h = hash(config.seed(), 1, code);
    StringBuilder s = new StringBuilder();
    int syllables = 2 + (int) ((h >>> 60) & 1);
    for (int i = 0; i < syllables; i++) {
      String y = SYLLABLES[(int) ((h >>> (8 * i)) & 0xFF) % SYLLABLES.length];
      s.append(i == 0 && ((h >>> 40) & 3) == 0 ? Character.toUpperCase(y.charAt(0)) + y.substring(1) : y);
    }
    return s.append('-').append(Integer.toString(code, 36)).toString();
  }

  /** The numeric id of an actor code: people from 1,000,000, bots from 200,000,000. */
  static long actorId(int code) {
    return code < 0 ? 200_000_000L + 7L * (-code - 1) : 1_000_000L + 13L * code;
  }

  /** The owner's login: an organisation's ({@code o<decimal>-team}, never a person's) or a person's. */
  private String owner(int repo) {
    long h = hash(config.seed(), 2, repo);
    if (orgOwned(repo)) {
      return "o" + orgIndex(repo) + "-team";
    }
    return login((int) ((h >>> 24) % config.actors()));
  }

  private boolean orgOwned(int repo) {
    return (hash(config.seed(), 2, repo) >>> 11) % 10_000 < config.orgShare() * 10_000;
  }

  private long orgIndex(int repo) {
    return (hash(config.seed(), 2, repo) >>> 24) % 200_000;
  }

  private long orgId(int repo) {
    return 100_000_000L + orgIndex(repo);
  }

  private String repoName(int repo) {
    long h = hash(config.seed(), 3, repo);
    return owner(repo) + "/" + SYLLABLES[(int) (h & 31)] + SYLLABLES[(int) ((h >>> 8) & 31)] + "-"
        + Integer.toString(repo, 36);
  }

  private static long repoId(int repo) {
    return 300_000_000L + 11L * repo;
  }

  private static String sha(long h) {
    String a = Long.toHexString(h | Long.MIN_VALUE);
    String b = Long.toHexString(hash(h, 9) | Long.MIN_VALUE);
    return (a + b + a).substring(0, 40);
  }

  private static void text(StringBuilder b, long h, int words) {
    for (int i = 0; i < words; i++) {
      h = hash(h, i);
      if (i > 0) {
        b.append(' ');
      }
      b.append(WORDS[(int) ((h >>> 33) % WORDS.length)]);
    }
  }

  private static String text(long h, int words) {
    StringBuilder b = new StringBuilder();
    text(b, h, words);
    return b.toString();
  }

  private static void user(Line l, String name, String login, long id, boolean bot) {
    String u = "https://api.github.com/users/" + login;
    l.open(name).s("login", login).n("id", id).s("node_id", "MDQ6VXNlcj" + id)
        .s("avatar_url", "https://avatars.githubusercontent.com/u/" + id + "?v=4").s("gravatar_id", "")
        .s("url", u).s("html_url", "https://github.com/" + login).s("followers_url", u + "/followers")
        .s("following_url", u + "/following{/other_user}").s("gists_url", u + "/gists{/gist_id}")
        .s("starred_url", u + "/starred{/owner}{/repo}").s("subscriptions_url", u + "/subscriptions")
        .s("organizations_url", u + "/orgs").s("repos_url", u + "/repos").s("events_url", u + "/events{/privacy}")
        .s("received_events_url", u + "/received_events").s("type", bot ? "Bot" : "User").raw("site_admin", "false")
        .close();
  }

  private void user(Line l, String name, int code) {
    user(l, name, login(code), actorId(code), code < 0);
  }

  /** A repository object as GitHub writes it in forkee, head.repo and base.repo. */
  private void repository(Line l, String name, String fullName, long id, String ownerLogin, long ownerId, long h) {
    String u = "https://api.github.com/repos/" + fullName;
    l.open(name).n("id", id).s("node_id", "MDEwOlJlcG9zaXRvcnk" + id)
        .s("name", fullName.substring(fullName.indexOf('/') + 1)).s("full_name", fullName).raw("private", "false");
    user(l, "owner", ownerLogin, ownerId, false);
    l.s("html_url", "https://github.com/" + fullName).s("description", text(h, 3 + (int) ((h >>> 5) & 7)))
        .raw("fork", "false").s("url", u);
    for (String p : REPO_URLS) {
      int brace = p.indexOf('{');
      String key = (brace < 0 ? p : p.substring(0, brace)).replace('/', '_').replace("{", "").replace("}", "");
      l.s((key.isEmpty() ? "archive" : key) + "_url", u + "/" + p);
    }
    l.s("created_at", "2019-05-01T10:00:00Z").s("updated_at", "2024-03-01T10:00:00Z")
        .s("pushed_at", "2024-03-03T10:00:00Z").s("git_url", "git://github.com/" + fullName + ".git")
        .s("ssh_url", "git@github.com:" + fullName + ".git").s("clone_url", "https://github.com/" + fullName + ".git")
        .raw("homepage", "null").n("size", (h >>> 20) % 100_000).n("stargazers_count", (h >>> 30) % 5000)
        .n("watchers_count", (h >>> 30) % 5000).s("language", "Java").raw("has_issues", "true")
        .raw("has_projects", "true").raw("has_downloads", "true").raw("has_wiki", "true").raw("has_pages", "false")
        .n("forks_count", (h >>> 40) % 500).raw("mirror_url", "null").raw("archived", "false")
        .raw("disabled", "false").n("open_issues_count", (h >>> 44) % 300).raw("license", "null")
        .n("forks", (h >>> 40) % 500).n("open_issues", (h >>> 44) % 300).n("watchers", (h >>> 30) % 5000)
        .s("default_branch", "main").close();
  }

  private void issue(Line l, String repoName, int number, int author, boolean onPr, String state, long h,
      String createdAt) {
    String u = "https://api.github.com/repos/" + repoName + "/issues/" + number;
    long id = 900_000_000L + (hash(h, 5) >>> 36);
    l.open("issue").s("url", u).s("repository_url", "https://api.github.com/repos/" + repoName)
        .s("labels_url", u + "/labels{/name}").s("comments_url", u + "/comments").s("events_url", u + "/events")
        .s("html_url", "https://github.com/" + repoName + "/issues/" + number).n("id", id)
        .s("node_id", "MDU6SXNzdWU" + id).n("number", number).s("title", text(hash(h, 6), 4 + (int) (h & 7)));
    user(l, "user", author);
    l.raw("labels", "[]").s("state", state).raw("locked", "false").raw("assignee", "null").raw("assignees", "[]")
        .raw("milestone", "null").n("comments", (h >>> 50) % 9).s("created_at", createdAt).s("updated_at", createdAt)
        .raw("closed_at", "null").s("author_association", "NONE").raw("active_lock_reason", "null");
    if (onPr) {
      String p = "https://github.com/" + repoName + "/pull/" + number;
      l.open("pull_request").s("url", "https://api.github.com/repos/" + repoName + "/pulls/" + number)
          .s("html_url", p).s("diff_url", p + ".diff").s("patch_url", p + ".patch").close();
    }
    l.s("body", text(hash(h, 7), (int) ((h >>> 12) % 60))).raw("performed_via_github_app", "null").close();
  }

  private void pullRequest(Line l, String repoName, int repo, int number, int author, boolean closed, boolean merged,
      long h, String createdAt) {
    String api = "https://api.github.com/repos/" + repoName;
    String html = "https://github.com/" + repoName + "/pull/" + number;
    long id = 600_000_000L + (hash(h, 8) >>> 36);
    String owner = owner(repo);
    long ownerId = orgOwned(repo) ? orgId(repo) : actorId(repoOwnerCode(repo));
    l.open("pull_request").s("url", api + "/pulls/" + number).n("id", id).s("node_id", "MDExOlB1bGxSZXF1ZXN0" + id)
        .s("html_url", html).s("diff_url", html + ".diff").s("patch_url", html + ".patch")
        .s("issue_url", api + "/issues/" + number).n("number", number).s("state", closed ? "closed" : "open")
        .raw("locked", "false").s("title", text(hash(h, 6), 3 + (int) (h & 7)));
    user(l, "user", author);
    l.s("body", text(hash(h, 7), (int) ((h >>> 12) % 80))).s("created_at", createdAt).s("updated_at", createdAt);
    if (closed) {
      l.s("closed_at", createdAt);
    } else {
      l.raw("closed_at", "null");
    }
    if (merged) {
      l.s("merged_at", createdAt);
    } else {
      l.raw("merged_at", "null");
    }
    l.s("merge_commit_sha", sha(hash(h, 10))).raw("assignee", "null").raw("assignees", "[]")
        .raw("requested_reviewers", "[]").raw("requested_teams", "[]").raw("labels", "[]").raw("milestone", "null")
        .raw("draft", "false").s("commits_url", api + "/pulls/" + number + "/commits")
        .s("review_comments_url", api + "/pulls/" + number + "/comments")
        .s("review_comment_url", api + "/pulls/comments{/number}")
        .s("comments_url", api + "/issues/" + number + "/comments")
        .s("statuses_url", api + "/statuses/" + sha(hash(h, 11)));
    String authorLogin = login(author);
    String headRepo = authorLogin + "/" + repoName.substring(repoName.indexOf('/') + 1);
    l.open("head").s("label", authorLogin + ":patch-" + number).s("ref", "patch-" + number).s("sha", sha(hash(h, 11)));
    user(l, "user", author);
    repository(l, "repo", headRepo, repoId(repo) + 5, authorLogin, actorId(author), hash(h, 12));
    l.close();
    l.open("base").s("label", owner + ":main").s("ref", "main").s("sha", sha(hash(h, 13)));
    user(l, "user", owner, ownerId, false);
    repository(l, "repo", repoName, repoId(repo), owner, ownerId, hash(config.seed(), 4, repo));
    l.close();
    l.open("_links").raw("self", "{\"href\":\"" + api + "/pulls/" + number + "\"}")
        .raw("html", "{\"href\":\"" + html + "\"}").raw("issue", "{\"href\":\"" + api + "/issues/" + number + "\"}")
        .raw("comments", "{\"href\":\"" + api + "/issues/" + number + "/comments\"}")
        .raw("review_comments", "{\"href\":\"" + api + "/pulls/" + number + "/comments\"}")
        .raw("commits", "{\"href\":\"" + api + "/pulls/" + number + "/commits\"}").close();
    l.s("author_association", "CONTRIBUTOR").raw("auto_merge", "null").raw("active_lock_reason", "null")
        .raw("merged", merged ? "true" : "false").raw("mergeable", "null").raw("rebaseable", "null")
        .s("mergeable_state", "unknown").raw("merged_by", "null").n("comments", (h >>> 50) % 7)
        .n("review_comments", (h >>> 53) % 5).raw("maintainer_can_modify", "false").n("commits", 1 + (h >>> 56) % 5)
        .n("additions", (h >>> 20) % 400).n("deletions", (h >>> 30) % 200).n("changed_files", 1 + (h >>> 40) % 12)
        .close();
  }

  private int repoOwnerCode(int repo) {
    return (int) ((hash(config.seed(), 2, repo) >>> 24) % config.actors());
  }

  private void event(Line l, Hour hour, int i, long id, Instant at) {
    int t = hour.type[i];
    int who = hour.actor[i];
    int repo = hour.repo[i];
    String login = login(who);
    String repoName = repoName(repo);
    String createdAt = DateTimeFormatter.ISO_INSTANT.format(at);
    long h = hash(config.seed(), 7, id);
    l.b.append('{');
    l.s("id", Long.toString(id)).s("type", TYPE_NAMES[t]);
    l.open("actor").n("id", actorId(who)).s("login", login)
        .s("display_login", who < 0 ? login.substring(0, login.length() - 5) : login).s("gravatar_id", "")
        .s("url", "https://api.github.com/users/" + login)
        .s("avatar_url", "https://avatars.githubusercontent.com/u/" + actorId(who) + "?").close();
    l.open("repo").n("id", repoId(repo)).s("name", repoName).s("url", "https://api.github.com/repos/" + repoName)
        .close();
    l.open("payload");
    int number = hour.number[i];
    switch (t) {
      case PUSH -> {
        int size = 1 + (int) ((h >>> 58) % 3);
        l.n("push_id", 10_000_000_000L + id).n("size", size).n("distinct_size", size).s("ref", "refs/heads/main")
            // The head is the last commit listed, as in GH Archive (409 of 415 pushes with
            // commits in a recorded hour; the others list fewer than they pushed).
            .s("head", sha(hash(h, 22, size - 1))).s("before", sha(hash(h, 21)));
        l.b.append("\"commits\":[");
        for (int c = 0; c < size; c++) {
          String s = sha(hash(h, 22, c));
          l.b.append('{');
          l.s("sha", s);
          l.open("author").s("email", login.replace("[bot]", "") + "@users.noreply.github.com").s("name", login).close();
          l.s("message", text(hash(h, 23, c), 2 + (int) ((h >>> (4 * c)) & 15))).raw("distinct", "true")
              .s("url", "https://api.github.com/repos/" + repoName + "/commits/" + s);
          l.close();
        }
        if (l.b.charAt(l.b.length() - 1) == ',') {
          l.b.setLength(l.b.length() - 1);
        }
        l.b.append("],");
      }
      case CREATE -> l.s("ref", "feature-" + Long.toString(h >>> 40, 36)).s("ref_type", "branch")
          .s("master_branch", "main").raw("description", "null").s("pusher_type", "user");
      case DELETE -> l.s("ref", "feature-" + Long.toString(h >>> 40, 36)).s("ref_type", "branch")
          .s("pusher_type", "user");
      case WATCH -> l.s("action", "started");
      case FORK -> {
        String fork = login + "/" + repoName.substring(repoName.indexOf('/') + 1);
        repository(l, "forkee", fork, 700_000_000L + (id % 100_000_000L), login, actorId(who), hash(h, 30));
      }
      case ISSUES -> {
        boolean opened = hour.action[i] == OPENED;
        l.s("action", opened ? "opened" : "closed");
        issue(l, repoName, number, opened ? who : hour.other[i], false, opened ? "open" : "closed", h, createdAt);
      }
      case ISSUE_COMMENT -> {
        l.s("action", "created");
        issue(l, repoName, number, hour.other[i], hour.onPullRequest[i], "open", h, createdAt);
        long cid = 1_000_000_000L + id % 1_000_000_000L;
        String cu = "https://api.github.com/repos/" + repoName + "/issues/comments/" + cid;
        l.open("comment").s("url", cu)
            .s("html_url", "https://github.com/" + repoName + "/issues/" + number + "#issuecomment-" + cid)
            .s("issue_url", "https://api.github.com/repos/" + repoName + "/issues/" + number).n("id", cid)
            .s("node_id", "MDEyOklzc3VlQ29tbWVudA" + cid);
        user(l, "user", who);
        l.s("created_at", createdAt).s("updated_at", createdAt).s("author_association", "NONE")
            .s("body", text(hash(h, 31), 3 + (int) ((h >>> 9) % 70))).raw("performed_via_github_app", "null").close();
      }
      case PR -> {
        boolean opened = hour.action[i] == OPENED;
        boolean merged = !opened && ((h >>> 3) & 3) != 0;
        l.s("action", opened ? "opened" : "closed").n("number", number);
        pullRequest(l, repoName, repo, number, opened ? who : hour.other[i], !opened, merged, h, createdAt);
      }
      case REVIEW -> {
        String state = REVIEW_STATES[(int) ((h >>> 17) & 3)];
        long rid = 700_000_000L + id % 100_000_000L;
        l.s("action", "created");
        l.open("review").n("id", rid).s("node_id", "MDE3OlB1bGxSZXF1ZXN0UmV2aWV3" + rid);
        user(l, "user", who);
        l.s("body", text(hash(h, 32), (int) ((h >>> 9) % 20))).s("commit_id", sha(hash(h, 33)))
            .s("submitted_at", createdAt).s("state", state)
            .s("html_url", "https://github.com/" + repoName + "/pull/" + number + "#pullrequestreview-" + rid)
            .s("pull_request_url", "https://api.github.com/repos/" + repoName + "/pulls/" + number)
            .s("author_association", "MEMBER").close();
        pullRequest(l, repoName, repo, number, hour.other[i], false, false, h, createdAt);
      }
      case REVIEW_COMMENT -> {
        long cid = 800_000_000L + id % 100_000_000L;
        String api = "https://api.github.com/repos/" + repoName;
        l.s("action", "created");
        l.open("comment").s("url", api + "/pulls/comments/" + cid).n("pull_request_review_id", cid - 5).n("id", cid)
            .s("node_id", "MDI0OlB1bGxSZXF1ZXN0UmV2aWV3Q29tbWVudA" + cid)
            .s("diff_hunk", "@@ -1,5 +1,6 @@ " + text(hash(h, 34), 12)).s("path", "src/main/App.java")
            .n("position", 3).n("original_position", 3).s("commit_id", sha(hash(h, 35)))
            .s("original_commit_id", sha(hash(h, 35)));
        user(l, "user", who);
        l.s("body", text(hash(h, 36), 2 + (int) ((h >>> 9) % 30))).s("created_at", createdAt)
            .s("updated_at", createdAt)
            .s("html_url", "https://github.com/" + repoName + "/pull/" + number + "#discussion_r" + cid)
            .s("pull_request_url", api + "/pulls/" + number).s("author_association", "MEMBER")
            .open("_links").raw("self", "{\"href\":\"" + api + "/pulls/comments/" + cid + "\"}")
            .raw("html", "{\"href\":\"https://github.com/" + repoName + "/pull/" + number + "#discussion_r" + cid + "\"}")
            .raw("pull_request", "{\"href\":\"" + api + "/pulls/" + number + "\"}").close()
            .s("side", "RIGHT").n("line", 3).s("original_line", "3").close();
        pullRequest(l, repoName, repo, number, hour.other[i], false, false, h, createdAt);
      }
      case MEMBER -> {
        user(l, "member", (int) ((h >>> 20) % config.actors()));
        l.s("action", "added");
      }
      case RELEASE -> {
        String tag = "v" + ((h >>> 10) % 9) + "." + ((h >>> 14) % 20) + "." + ((h >>> 19) % 10);
        long rid = 500_000_000L + id % 100_000_000L;
        String api = "https://api.github.com/repos/" + repoName;
        l.s("action", "published");
        l.open("release").s("url", api + "/releases/" + rid).s("assets_url", api + "/releases/" + rid + "/assets")
            .s("html_url", "https://github.com/" + repoName + "/releases/tag/" + tag).n("id", rid)
            .s("tag_name", tag).s("target_commitish", "main").s("name", tag).raw("draft", "false");
        user(l, "author", who);
        l.raw("prerelease", "false").s("created_at", createdAt).s("published_at", createdAt).raw("assets", "[]")
            .s("tarball_url", api + "/tarball/" + tag).s("zipball_url", api + "/zipball/" + tag)
            .s("body", text(hash(h, 37), 10 + (int) ((h >>> 9) % 60))).close();
      }
      case COMMIT_COMMENT -> {
        long cid = 300_000_000L + id % 100_000_000L;
        l.open("comment").s("url", "https://api.github.com/repos/" + repoName + "/comments/" + cid)
            .s("html_url", "https://github.com/" + repoName + "/commit/" + sha(h) + "#commitcomment-" + cid)
            .n("id", cid);
        user(l, "user", who);
        l.raw("position", "null").raw("line", "null").raw("path", "null").s("commit_id", sha(h))
            .s("created_at", createdAt).s("updated_at", createdAt).s("author_association", "NONE")
            .s("body", text(hash(h, 38), 3 + (int) ((h >>> 9) % 20))).close();
      }
      case GOLLUM -> l.raw("pages", "[{\"page_name\":\"Home\",\"title\":\"Home\",\"summary\":null,\"action\":\"edited\","
          + "\"sha\":\"" + sha(h) + "\",\"html_url\":\"https://github.com/" + repoName + "/wiki/Home\"}]");
      default -> {
        // PublicEvent: an empty payload.
      }
    }
    l.close();
    l.raw("public", "true").s("created_at", createdAt);
    if (orgOwned(repo)) {
      String owner = owner(repo);
      long oid = orgId(repo);
      l.open("org").n("id", oid).s("login", owner).s("gravatar_id", "")
          .s("url", "https://api.github.com/orgs/" + owner)
          .s("avatar_url", "https://avatars.githubusercontent.com/u/" + oid + "?").close();
    }
    // The last close() left "}," or a field's ","; the line ends with the object's brace.
    l.b.setLength(l.b.length() - 1);
    l.b.append('}');
  }

  /** Command line: see the class comment. Prints the mix used and what was written. */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: GhArchiveShapedHours OUT_DIR [--hours H] [--seed S] [--start YYYY-MM-DD] ...");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Config d = Config.defaults();
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value at argument " + (i + 1) + ": " + args[i]);
      }
      o.put(args[i].substring(2), args[i + 1]);
    }
    Mix mix = o.containsKey("mix-from") ? Mix.count(Path.of(o.remove("mix-from"))) : d.mix();
    Config c = new Config(
        Integer.parseInt(o.getOrDefault("hours", "" + d.hours())),
        Long.parseLong(o.getOrDefault("seed", "" + d.seed())),
        LocalDate.parse(o.getOrDefault("start", d.start().toString())),
        Integer.parseInt(o.getOrDefault("events-per-hour", "" + d.eventsPerHour())),
        Integer.parseInt(o.getOrDefault("actors", "" + d.actors())),
        Double.parseDouble(o.getOrDefault("actor-exponent", "" + d.actorExponent())),
        Integer.parseInt(o.getOrDefault("actor-offset", "" + d.actorOffset())),
        Integer.parseInt(o.getOrDefault("bots", "" + d.bots())),
        Double.parseDouble(o.getOrDefault("bot-share", "" + d.botShare())),
        Integer.parseInt(o.getOrDefault("repositories", "" + d.repositories())),
        Double.parseDouble(o.getOrDefault("repository-exponent", "" + d.repositoryExponent())),
        Integer.parseInt(o.getOrDefault("repository-offset", "" + d.repositoryOffset())),
        Double.parseDouble(o.getOrDefault("org-share", "" + d.orgShare())),
        Double.parseDouble(o.getOrDefault("answer-share", "" + d.answerShare())),
        Integer.parseInt(o.getOrDefault("recent", "" + d.recent())),
        Integer.parseInt(o.getOrDefault("level", "" + d.level())),
        Integer.parseInt(o.getOrDefault("threads", "" + d.threads())),
        mix);
    for (String k : List.of("hours", "seed", "start", "events-per-hour", "actors", "actor-exponent", "actor-offset",
        "bots", "bot-share", "repositories", "repository-exponent", "repository-offset", "org-share",
        "answer-share", "recent", "level", "threads")) {
      o.remove(k);
    }
    if (!o.isEmpty()) {
      throw new IllegalArgumentException("unknown options: " + o.keySet());
    }
    System.out.println("GH Archive-shaped hours: " + c);
    System.out.print("Event-type mix used (count in the sample, share, actions):\n" + c.mix().describe());
    long t0 = System.nanoTime();
    GhArchiveShapedHours g = new GhArchiveShapedHours(c);
    Summary s = g.write(out);
    System.out.printf(Locale.ROOT,
        "wrote %d files to %s in %.1f s: %,d events, %,d distinct people, %,d distinct bots (%,d bot events, "
            + "%.2f %%), %,d distinct repositories, %,d bytes of gzip; as-of %s%n",
        c.hours(), out, (System.nanoTime() - t0) / 1e9, s.events(), s.actors(), s.bots(), s.botEvents(),
        100.0 * s.botEvents() / s.events(), s.repositories(), s.bytes(), g.end());
  }

}
