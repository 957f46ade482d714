package io.github.communitymetrics.core.io;

/** The keys of the format, shared by the writer and the reader so that they cannot drift apart. */
final class Fields {
  private Fields() {}

  static final String V = "v";
  static final String TYPE = "type";
  static final String AT = "at";
  static final String REPO = "repo";
  static final String REPO_ID = "repo_id";
  static final String FORGE = "forge";
  static final String ACTOR = "actor";
  static final String LOGIN = "login";
  static final String ID = "id";
  static final String NAME = "name";
  static final String EMAIL = "email";
  static final String EMAILS = "emails";
  static final String BOT = "bot";
  static final String KIND = "kind";
  static final String FORK = "fork";
  static final String NUMBER = "number";
  static final String ASSOCIATION = "association";
  static final String PULL_REQUEST = "pull_request";
  static final String COMMENT_ID = "comment_id";
  static final String REVIEW_ID = "review_id";
  static final String DRAFT = "draft";
  static final String BASE = "base";
  static final String AUTHOR = "author";
  static final String MERGE_SHA = "merge_sha";
  static final String STATE = "state";
  static final String PULL_REQUEST_AUTHOR = "pull_request_author";
  static final String SHA = "sha";
  static final String PARENTS = "parents";
  static final String COMMITTER = "committer";
  static final String CO_AUTHORS = "co_authors";
  static final String FILES = "files";
  static final String STATUS = "status";
  static final String PATH = "path";
  static final String OLD_PATH = "old_path";
  static final String ADDED = "added";
  static final String REMOVED = "removed";
  static final String REF = "ref";
  static final String HEAD = "head";
  static final String COMMITS = "commits";
  static final String TAG = "tag";
  static final String PRERELEASE = "prerelease";
  static final String MEMBER = "member";
  static final String PERMISSION = "permission";
  static final String LABELS = "labels";
  static final String LABEL = "label";
  static final String HEAD_REPO = "head_repo";
  static final String CLOSES = "closes";
  static final String ASSIGNEE = "assignee";

  /** The {@code kind} value of an organisation account. */
  static final String ORGANIZATION = "organization";
}
