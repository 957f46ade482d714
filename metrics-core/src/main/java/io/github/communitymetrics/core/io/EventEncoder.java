package io.github.communitymetrics.core.io;

import static io.github.communitymetrics.core.io.Fields.*;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.CoAuthor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.FileChange;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.Signature;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.core.JsonGenerator;

/**
 * Writes one event as one JSON object, keys in the documented order. Stateless; the order of the
 * calls below is the format, so change it only together with {@code docs/events.md}.
 */
final class EventEncoder {
  private EventEncoder() {}

  static void write(JsonGenerator g, Event e) {
    Repository repo = e.repo();
    Forge forge = repo.forge();
    g.writeStartObject();
    g.writeStringProperty(TYPE, e.type().wireName());
    g.writeStringProperty(AT, e.at().toString());
    g.writeStringProperty(REPO, repo.fullName());
    if (repo.id().isPresent()) {
      g.writeNumberProperty(REPO_ID, repo.id().getAsLong());
    }
    if (!forge.equals(Forge.GITHUB)) {
      g.writeStringProperty(FORGE, forge.name());
    }
    g.writeName(ACTOR);
    writeActor(g, e.actor(), forge);
    // Each line declares the oldest version that can read it, so that lines of the types
    // version 1 had stay byte for byte what version 1 wrote.
    if (e.type().sinceVersion() > 1) {
      g.writeNumberProperty(V, e.type().sinceVersion());
    }
    switch (e.type()) {
      case STAR:
        break;
      case FORK:
        optionalString(g, FORK, ((Fork) e).forkFullName());
        break;
      case ISSUE_OPENED:
        writeNumber(g, (NumberedEvent) e);
        IssueOpened issue = (IssueOpened) e;
        association(g, issue.association());
        labels(g, issue.labels());
        break;
      case ISSUE_CLOSED:
      case ISSUE_REOPENED:
      case PULL_REQUEST_REOPENED:
        writeNumber(g, (NumberedEvent) e);
        break;
      case ISSUE_COMMENT:
        IssueComment comment = (IssueComment) e;
        writeNumber(g, comment);
        g.writeBooleanProperty(PULL_REQUEST, comment.onPullRequest());
        association(g, comment.association());
        optionalId(g, COMMENT_ID, comment.commentId());
        break;
      case PULL_REQUEST_OPENED:
        PullRequestOpened opened = (PullRequestOpened) e;
        writeNumber(g, opened);
        g.writeBooleanProperty(DRAFT, opened.draft());
        optionalString(g, BASE, opened.baseBranch());
        association(g, opened.association());
        labels(g, opened.labels());
        // Written after the labels and only when known, so that lines without them are
        // written as before (additive: these lines stay version 1).
        optionalString(g, HEAD_REPO, opened.headRepository());
        if (!opened.closes().isEmpty()) {
          g.writeName(CLOSES);
          g.writeStartArray();
          for (int n : opened.closes()) {
            g.writeNumber(n);
          }
          g.writeEndArray();
        }
        break;
      case PULL_REQUEST_CLOSED:
        PullRequestClosed closed = (PullRequestClosed) e;
        writeNumber(g, closed);
        optionalActor(g, AUTHOR, closed.author(), forge);
        break;
      case PULL_REQUEST_MERGED:
        PullRequestMerged merged = (PullRequestMerged) e;
        writeNumber(g, merged);
        optionalActor(g, AUTHOR, merged.author(), forge);
        optionalString(g, BASE, merged.baseBranch());
        optionalString(g, MERGE_SHA, merged.mergeCommitSha());
        break;
      case REVIEW:
        Review review = (Review) e;
        writeNumber(g, review);
        g.writeStringProperty(STATE, review.state().wireName());
        optionalActor(g, PULL_REQUEST_AUTHOR, review.pullRequestAuthor(), forge);
        association(g, review.association());
        optionalId(g, REVIEW_ID, review.reviewId());
        break;
      case REVIEW_COMMENT:
        ReviewComment reviewComment = (ReviewComment) e;
        writeNumber(g, reviewComment);
        association(g, reviewComment.association());
        optionalId(g, COMMENT_ID, reviewComment.commentId());
        break;
      case COMMIT:
        writeCommitFields(g, (Commit) e);
        break;
      case PUSH:
        Push push = (Push) e;
        g.writeStringProperty(REF, push.ref());
        g.writeStringProperty(HEAD, push.headSha());
        g.writeNumberProperty(COMMITS, push.commitCount());
        break;
      case RELEASE:
        Release release = (Release) e;
        g.writeStringProperty(TAG, release.tag());
        optionalString(g, NAME, release.name());
        g.writeBooleanProperty(PRERELEASE, release.prerelease());
        break;
      case MEMBER_ADDED:
        MemberAdded added = (MemberAdded) e;
        g.writeName(MEMBER);
        writeActor(g, added.member(), forge);
        g.writeStringProperty(PERMISSION, added.permission().wireName());
        break;
      case ISSUE_LABELED:
      case ISSUE_UNLABELED:
      case PULL_REQUEST_LABELED:
      case PULL_REQUEST_UNLABELED:
        // The type says issue or pull request, added or removed.
        writeNumber(g, (NumberedEvent) e);
        g.writeStringProperty(LABEL, ((LabelChanged) e).label());
        break;
      case ISSUE_ASSIGNED:
        IssueAssigned assigned = (IssueAssigned) e;
        writeNumber(g, assigned);
        g.writeBooleanProperty(PULL_REQUEST, assigned.onPullRequest());
        g.writeName(ASSIGNEE);
        writeActor(g, assigned.assignee(), forge);
        break;
      default:
        // Unreachable while every type has a case; fail loudly if a new type is added.
        throw new IllegalStateException("no JSON Lines encoding for event type " + e.type());
    }
    g.writeEndObject();
  }

  /**
   * An actor's {@code forge} is written only when it differs from the repository's, which is the
   * common case only for bare git identities; that keeps typical lines short.
   */
  private static void writeActor(JsonGenerator g, Actor a, Forge lineForge) {
    g.writeStartObject();
    if (a.login().isPresent()) {
      g.writeStringProperty(LOGIN, a.login().get());
    }
    if (a.id().isPresent()) {
      g.writeNumberProperty(ID, a.id().getAsLong());
    }
    optionalString(g, NAME, a.name());
    List<String> emails = a.emails();
    if (emails.size() == 1) {
      g.writeStringProperty(EMAIL, emails.get(0));
    } else if (emails.size() > 1) {
      g.writeName(EMAILS);
      writeStrings(g, emails);
    }
    g.writeBooleanProperty(BOT, a.kind() == ActorKind.BOT);
    if (a.kind() == ActorKind.ORGANIZATION) {
      g.writeStringProperty(KIND, ORGANIZATION);
    }
    if (!a.forge().equals(lineForge)) {
      g.writeStringProperty(FORGE, a.forge().name());
    }
    g.writeEndObject();
  }

  private static void writeCommitFields(JsonGenerator g, Commit c) {
    g.writeStringProperty(SHA, c.sha());
    g.writeName(PARENTS);
    writeStrings(g, c.parents());
    // The author time is the event's "at"; only the committer carries its own time.
    g.writeName(AUTHOR);
    startNameEmail(g, c.author().name(), c.author().email());
    g.writeEndObject();
    Signature committer = c.committer();
    g.writeName(COMMITTER);
    startNameEmail(g, committer.name(), committer.email());
    g.writeStringProperty(AT, committer.time().toString());
    g.writeEndObject();
    if (!c.coAuthors().isEmpty()) {
      g.writeName(CO_AUTHORS);
      g.writeStartArray();
      for (CoAuthor co : c.coAuthors()) {
        startNameEmail(g, co.name(), co.email());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!c.files().isEmpty()) {
      g.writeName(FILES);
      g.writeStartArray();
      for (FileChange f : c.files()) {
        g.writeStartObject();
        g.writeStringProperty(STATUS, f.status().wireName());
        g.writeStringProperty(PATH, f.path());
        optionalString(g, OLD_PATH, f.oldPath());
        if (f.linesAdded().isPresent()) {
          g.writeNumberProperty(ADDED, f.linesAdded().getAsInt());
        }
        if (f.linesRemoved().isPresent()) {
          g.writeNumberProperty(REMOVED, f.linesRemoved().getAsInt());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }

  /**
   * Opens a git identity object. Both keys are always written, even when empty, because git
   * allows empty names and addresses and they must survive a round trip. The caller closes it.
   */
  private static void startNameEmail(JsonGenerator g, String name, String email) {
    g.writeStartObject();
    g.writeStringProperty(NAME, name);
    g.writeStringProperty(EMAIL, email);
  }

  private static void writeNumber(JsonGenerator g, NumberedEvent e) {
    g.writeNumberProperty(NUMBER, e.number());
  }

  private static void association(JsonGenerator g, Optional<AuthorAssociation> association) {
    if (association.isPresent()) {
      g.writeStringProperty(ASSOCIATION, association.get().wireName());
    }
  }

  /** Absent when empty, so that lines written before labels existed are written unchanged. */
  private static void labels(JsonGenerator g, List<String> labels) {
    if (!labels.isEmpty()) {
      g.writeName(LABELS);
      writeStrings(g, labels);
    }
  }

  private static void optionalString(JsonGenerator g, String key, Optional<String> value) {
    if (value.isPresent()) {
      g.writeStringProperty(key, value.get());
    }
  }

  private static void optionalId(JsonGenerator g, String key, OptionalLong id) {
    if (id.isPresent()) {
      g.writeNumberProperty(key, id.getAsLong());
    }
  }

  private static void optionalActor(
      JsonGenerator g, String key, Optional<Actor> actor, Forge lineForge) {
    if (actor.isPresent()) {
      g.writeName(key);
      writeActor(g, actor.get(), lineForge);
    }
  }

  private static void writeStrings(JsonGenerator g, List<String> values) {
    g.writeStartArray();
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
