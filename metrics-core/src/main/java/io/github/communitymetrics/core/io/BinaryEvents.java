package io.github.communitymetrics.core.io;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.ChangeStatus;
import io.github.communitymetrics.core.event.CoAuthor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.FileChange;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.PullRequestReopened;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.Star;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The binary form of events inside one segment of an {@link EventStoreFile} (format version 1).
 *
 * <p>Numbers are unsigned LEB128 varints (signed ones zigzag-encoded first). A string, an actor
 * or a repository is written once per segment: a reference is its index in the segment's table,
 * and the index one past the table's end means "new: its contents follow". Enumerations are
 * written as their ordinal; an absent optional value is a 0 and a present one a 1 (or its index
 * plus one) followed by the value. Times are the seconds since the previous event's (zigzag) and
 * the nanoseconds. Which fields follow the type code is spelled out in {@code docs/store.md}.
 */
final class BinaryEvents {
  private BinaryEvents() {}

  private static final EventType[] TYPES = EventType.values();
  private static final ActorKind[] KINDS = ActorKind.values();
  private static final AuthorAssociation[] ASSOCIATIONS = AuthorAssociation.values();
  private static final ChangeStatus[] STATUSES = ChangeStatus.values();
  private static final Permission[] PERMISSIONS = Permission.values();
  private static final ReviewState[] STATES = ReviewState.values();

  /** A growable byte buffer with the primitive writes of the format. */
  static final class Out {
    private byte[] bytes = new byte[1 << 12];
    private int size;

    int size() {
      return size;
    }

    byte[] bytes() {
      return bytes;
    }

    private void room(int n) {
      if (size + n > bytes.length) {
        long grown = Math.max((long) size + n, (long) bytes.length * 2);
        if (grown > Integer.MAX_VALUE - 16) {
          throw new IllegalStateException("a segment cannot exceed 2 GB");
        }
        bytes = Arrays.copyOf(bytes, (int) grown);
      }
    }

    void byte1(int b) {
      room(1);
      bytes[size++] = (byte) b;
    }

    void varLong(long v) {
      room(10);
      while ((v & ~0x7FL) != 0) {
        bytes[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      bytes[size++] = (byte) v;
    }

    void zigzag(long v) {
      varLong((v << 1) ^ (v >> 63));
    }

    void int4(int v) {
      room(4);
      bytes[size++] = (byte) (v >>> 24);
      bytes[size++] = (byte) (v >>> 16);
      bytes[size++] = (byte) (v >>> 8);
      bytes[size++] = (byte) v;
    }

    void long8(long v) {
      int4((int) (v >>> 32));
      int4((int) v);
    }

    void utf8(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varLong(b.length);
      raw(b, 0, b.length);
    }

    void raw(byte[] b, int from, int length) {
      room(length);
      System.arraycopy(b, from, bytes, size, length);
      size += length;
    }
  }

  /** A problem in a segment's bytes at a position of the buffer being read. */
  static final class Corrupt extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int position;

    Corrupt(int position, String reason) {
      super(reason, null, false, false);
      this.position = position;
    }
  }

  /** Reads the primitives of the format from a byte array; past its end is {@link Corrupt}. */
  static final class In {
    private final byte[] bytes;
    private int pos;
    private final int end;

    In(byte[] bytes, int from, int end) {
      this.bytes = bytes;
      this.pos = from;
      this.end = end;
    }

    int position() {
      return pos;
    }

    boolean atEnd() {
      return pos == end;
    }

    int byte1() {
      if (pos >= end) {
        throw new Corrupt(pos, "the segment ends inside a value");
      }
      return bytes[pos++] & 0xFF;
    }

    long varLong() {
      int start = pos;
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = byte1();
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new Corrupt(start, "a number longer than 10 bytes");
    }

    int varInt() {
      int start = pos;
      long v = varLong();
      if (v < 0 || v > Integer.MAX_VALUE) {
        throw new Corrupt(start, "a count or index out of range: " + Long.toUnsignedString(v));
      }
      return (int) v;
    }

    long zigzag() {
      long v = varLong();
      return (v >>> 1) ^ -(v & 1);
    }

    int int4() {
      return (byte1() << 24) | (byte1() << 16) | (byte1() << 8) | byte1();
    }

    long long8() {
      return ((long) int4() << 32) | (int4() & 0xFFFFFFFFL);
    }

    String utf8() {
      int start = pos;
      int n = varInt();
      if (n > end - pos) {
        throw new Corrupt(start, "a string of " + n + " bytes runs past the segment's end");
      }
      String s = new String(bytes, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    <E extends Enum<E>> E pick(E[] values, String what) {
      int start = pos;
      int i = varInt();
      if (i >= values.length) {
        throw new Corrupt(start, "no " + what + " number " + i);
      }
      return values[i];
    }
  }

  /** Writes events with the segment's tables of strings, actors and repositories. */
  static final class Encoder {
    private final Out out;
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<Actor, Integer> actors = new HashMap<>();
    private final Map<Repository, Integer> repositories = new HashMap<>();
    private long lastSecond;

    Encoder(Out out) {
      this.out = out;
    }

    void event(Event e) {
      EventType type = e.type();
      out.varLong(type.ordinal());
      instant(e.at(), true);
      repository(e.repo());
      actor(e.actor());
      switch (type) {
        case STAR -> { }
        case FORK -> optString(((Fork) e).forkFullName());
        case ISSUE_OPENED -> {
          IssueOpened o = (IssueOpened) e;
          out.varLong(o.number());
          association(o.association());
          strings(o.labels());
        }
        case ISSUE_CLOSED, ISSUE_REOPENED, PULL_REQUEST_REOPENED ->
            out.varLong(((io.github.communitymetrics.core.event.NumberedEvent) e).number());
        case ISSUE_COMMENT -> {
          IssueComment c = (IssueComment) e;
          out.varLong(c.number());
          bool(c.onPullRequest());
          association(c.association());
          optLong(c.commentId());
        }
        case PULL_REQUEST_OPENED -> {
          PullRequestOpened p = (PullRequestOpened) e;
          out.varLong(p.number());
          bool(p.draft());
          optString(p.baseBranch());
          association(p.association());
          strings(p.labels());
          optString(p.headRepository());
          out.varLong(p.closes().size());
          p.closes().forEach(out::varLong);
        }
        case PULL_REQUEST_CLOSED -> {
          PullRequestClosed c = (PullRequestClosed) e;
          out.varLong(c.number());
          optActor(c.author());
        }
        case PULL_REQUEST_MERGED -> {
          PullRequestMerged m = (PullRequestMerged) e;
          out.varLong(m.number());
          optActor(m.author());
          optString(m.baseBranch());
          optString(m.mergeCommitSha());
        }
        case REVIEW -> {
          Review r = (Review) e;
          out.varLong(r.number());
          out.varLong(r.state().ordinal());
          optActor(r.pullRequestAuthor());
          association(r.association());
          optLong(r.reviewId());
        }
        case REVIEW_COMMENT -> {
          ReviewComment c = (ReviewComment) e;
          out.varLong(c.number());
          association(c.association());
          optLong(c.commentId());
        }
        case COMMIT -> commit((Commit) e);
        case PUSH -> {
          Push p = (Push) e;
          string(p.ref());
          string(p.headSha());
          out.varLong(p.commitCount());
        }
        case RELEASE -> {
          Release r = (Release) e;
          string(r.tag());
          optString(r.name());
          bool(r.prerelease());
        }
        case MEMBER_ADDED -> {
          MemberAdded m = (MemberAdded) e;
          actor(m.member());
          out.varLong(m.permission().ordinal());
        }
        // The type code says whether it is on a pull request and whether it was added.
        case ISSUE_LABELED, ISSUE_UNLABELED, PULL_REQUEST_LABELED, PULL_REQUEST_UNLABELED -> {
          LabelChanged l = (LabelChanged) e;
          out.varLong(l.number());
          string(l.label());
        }
        case ISSUE_ASSIGNED -> {
          IssueAssigned a = (IssueAssigned) e;
          out.varLong(a.number());
          bool(a.onPullRequest());
          actor(a.assignee());
        }
        default -> throw new IllegalArgumentException("no binary form for " + type);
      }
    }

    private void commit(Commit c) {
      string(c.sha());
      strings(c.parents());
      signature(c.author());
      signature(c.committer());
      out.varLong(c.coAuthors().size());
      for (CoAuthor a : c.coAuthors()) {
        string(a.name());
        string(a.email());
      }
      out.varLong(c.files().size());
      for (FileChange f : c.files()) {
        out.varLong(f.status().ordinal());
        string(f.path());
        optString(f.oldPath());
        optInt(f.linesAdded());
        optInt(f.linesRemoved());
      }
    }

    private void signature(Signature s) {
      string(s.name());
      string(s.email());
      instant(s.time(), false);
    }

    /** Seconds relative to the last event's (events come roughly in time order), nanoseconds. */
    private void instant(Instant t, boolean advance) {
      out.zigzag(t.getEpochSecond() - lastSecond);
      out.varLong(t.getNano());
      if (advance) {
        lastSecond = t.getEpochSecond();
      }
    }

    private void bool(boolean b) {
      out.byte1(b ? 1 : 0);
    }

    private void association(Optional<AuthorAssociation> a) {
      out.varLong(a.map(x -> x.ordinal() + 1).orElse(0));
    }

    private void optLong(OptionalLong v) {
      if (v.isPresent()) {
        out.byte1(1);
        out.zigzag(v.getAsLong());
      } else {
        out.byte1(0);
      }
    }

    private void optInt(OptionalInt v) {
      if (v.isPresent()) {
        out.byte1(1);
        out.zigzag(v.getAsInt());
      } else {
        out.byte1(0);
      }
    }

    private void strings(List<String> list) {
      out.varLong(list.size());
      list.forEach(this::string);
    }

    private void string(String s) {
      ref(s, 0);
    }

    private void optString(Optional<String> s) {
      if (s.isPresent()) {
        ref(s.get(), 1);
      } else {
        out.varLong(0);
      }
    }

    private void ref(String s, int base) {
      Integer i = strings.get(s);
      if (i != null) {
        out.varLong(i + base);
        return;
      }
      int next = strings.size();
      out.varLong(next + base);
      out.utf8(s);
      strings.put(s, next);
    }

    private void optActor(Optional<Actor> a) {
      if (a.isPresent()) {
        out.byte1(1);
        actor(a.get());
      } else {
        out.byte1(0);
      }
    }

    private void actor(Actor a) {
      Integer i = actors.get(a);
      if (i != null) {
        out.varLong(i);
        return;
      }
      out.varLong(actors.size());
      actors.put(a, actors.size());
      string(a.forge().name());
      optString(a.login());
      optLong(a.id());
      optString(a.name());
      strings(a.emails());
      out.varLong(a.kind().ordinal());
    }

    private void repository(Repository r) {
      Integer i = repositories.get(r);
      if (i != null) {
        out.varLong(i);
        return;
      }
      out.varLong(repositories.size());
      repositories.put(r, repositories.size());
      string(r.forge().name());
      string(r.fullName());
      optLong(r.id());
    }
  }

  /** Reads events written by an {@link Encoder}, building the same tables as it goes. */
  static final class Decoder {
    private final In in;
    private final List<String> strings = new ArrayList<>();
    private final List<Actor> actors = new ArrayList<>();
    private final List<Repository> repositories = new ArrayList<>();
    private long lastSecond;

    Decoder(In in) {
      this.in = in;
    }

    /** The next event; {@link Corrupt} when the bytes are not one (values the model refuses). */
    Event event() {
      int start = in.position();
      try {
        return read();
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        throw new Corrupt(start, "not a valid event: " + e.getMessage());
      }
    }

    private Event read() {
      EventType type = in.pick(TYPES, "event type");
      Instant at = instant(true);
      Repository repo = repository();
      Actor actor = actor();
      return switch (type) {
        case STAR -> new Star(at, repo, actor);
        case FORK -> new Fork(at, repo, actor, optString());
        case ISSUE_OPENED -> new IssueOpened(at, repo, actor, number(), association(), strings());
        case ISSUE_CLOSED -> new IssueClosed(at, repo, actor, number());
        case ISSUE_REOPENED -> new IssueReopened(at, repo, actor, number());
        case PULL_REQUEST_REOPENED -> new PullRequestReopened(at, repo, actor, number());
        case ISSUE_COMMENT -> new IssueComment(at, repo, actor, number(), bool(), association(), optLong());
        case PULL_REQUEST_OPENED -> {
          int number = number();
          boolean draft = bool();
          Optional<String> base = optString();
          Optional<AuthorAssociation> association = association();
          List<String> labels = strings();
          Optional<String> head = optString();
          int n = in.varInt();
          List<Integer> closes = new ArrayList<>(Math.min(n, 1024));
          for (int i = 0; i < n; i++) {
            closes.add(number());
          }
          yield new PullRequestOpened(at, repo, actor, number, draft, base, association, labels, head, closes);
        }
        case PULL_REQUEST_CLOSED -> new PullRequestClosed(at, repo, actor, number(), optActor());
        case PULL_REQUEST_MERGED ->
            new PullRequestMerged(at, repo, actor, number(), optActor(), optString(), optString());
        case REVIEW -> new Review(
            at, repo, actor, number(), in.pick(STATES, "review state"), optActor(), association(), optLong());
        case REVIEW_COMMENT -> new ReviewComment(at, repo, actor, number(), association(), optLong());
        case COMMIT -> commit(at, repo, actor);
        case PUSH -> new Push(at, repo, actor, string(), string(), in.varInt());
        case RELEASE -> new Release(at, repo, actor, string(), optString(), bool());
        case MEMBER_ADDED -> new MemberAdded(at, repo, actor, actor(), in.pick(PERMISSIONS, "permission"));
        case ISSUE_LABELED, ISSUE_UNLABELED, PULL_REQUEST_LABELED, PULL_REQUEST_UNLABELED ->
            LabelChanged.of(type, at, repo, actor, number(), string());
        case ISSUE_ASSIGNED -> new IssueAssigned(at, repo, actor, number(), bool(), actor());
      };
    }

    private Commit commit(Instant at, Repository repo, Actor actor) {
      String sha = string();
      List<String> parents = strings();
      Signature author = signature();
      Signature committer = signature();
      int n = in.varInt();
      List<CoAuthor> coAuthors = new ArrayList<>(Math.min(n, 1024));
      for (int i = 0; i < n; i++) {
        coAuthors.add(new CoAuthor(string(), string()));
      }
      int m = in.varInt();
      List<FileChange> files = new ArrayList<>(Math.min(m, 1024));
      for (int i = 0; i < m; i++) {
        files.add(new FileChange(in.pick(STATUSES, "change status"), string(), optString(), optInt(), optInt()));
      }
      return new Commit(at, repo, actor, sha, parents, author, committer, coAuthors, files);
    }

    private Signature signature() {
      return new Signature(string(), string(), instant(false));
    }

    private Instant instant(boolean advance) {
      long second = lastSecond + in.zigzag();
      int start = in.position();
      long nano = in.varLong();
      if (nano < 0 || nano > 999_999_999L) {
        throw new Corrupt(start, "nanoseconds out of range: " + nano);
      }
      if (advance) {
        lastSecond = second;
      }
      return Instant.ofEpochSecond(second, nano);
    }

    private int number() {
      return in.varInt();
    }

    private boolean bool() {
      int start = in.position();
      int b = in.byte1();
      if (b > 1) {
        throw new Corrupt(start, "a flag that is neither 0 nor 1: " + b);
      }
      return b == 1;
    }

    private Optional<AuthorAssociation> association() {
      int start = in.position();
      int i = in.varInt();
      if (i > ASSOCIATIONS.length) {
        throw new Corrupt(start, "no author association number " + (i - 1));
      }
      return i == 0 ? Optional.empty() : Optional.of(ASSOCIATIONS[i - 1]);
    }

    private OptionalLong optLong() {
      return bool() ? OptionalLong.of(in.zigzag()) : OptionalLong.empty();
    }

    private OptionalInt optInt() {
      if (!bool()) {
        return OptionalInt.empty();
      }
      int start = in.position();
      long v = in.zigzag();
      if (v != (int) v) {
        throw new Corrupt(start, "a line count out of range: " + v);
      }
      return OptionalInt.of((int) v);
    }

    private List<String> strings() {
      int n = in.varInt();
      List<String> out = new ArrayList<>(Math.min(n, 1024));
      for (int i = 0; i < n; i++) {
        out.add(string());
      }
      return out;
    }

    private String string() {
      return ref(in.varInt(), 0);
    }

    private Optional<String> optString() {
      int i = in.varInt();
      return i == 0 ? Optional.empty() : Optional.of(ref(i, 1));
    }

    private String ref(int i, int base) {
      int index = i - base;
      if (index < strings.size()) {
        return strings.get(index);
      }
      if (index > strings.size()) {
        throw new Corrupt(in.position(), "string " + index + " of a table of " + strings.size());
      }
      String s = in.utf8();
      strings.add(s);
      return s;
    }

    private Optional<Actor> optActor() {
      return bool() ? Optional.of(actor()) : Optional.empty();
    }

    private Actor actor() {
      int i = index(actors.size(), "actor");
      if (i < actors.size()) {
        return actors.get(i);
      }
      Forge forge = Forge.of(string());
      Actor a = new Actor(forge, optString(), optLong(), optString(), strings(), in.pick(KINDS, "actor kind"));
      actors.add(a);
      return a;
    }

    /** A table index: an entry's, or the table's size for a new entry that follows. */
    private int index(int size, String what) {
      int start = in.position();
      int i = in.varInt();
      if (i > size) {
        throw new Corrupt(start, what + " " + i + " of a table of " + size);
      }
      return i;
    }

    private Repository repository() {
      int i = index(repositories.size(), "repository");
      if (i < repositories.size()) {
        return repositories.get(i);
      }
      Repository r = new Repository(Forge.of(string()), string(), optLong());
      repositories.add(r);
      return r;
    }
  }
}
