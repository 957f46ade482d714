package io.github.communitymetrics.core.identity;

/**
 * A kind of evidence that two actors are one person. {@link IdentityResolver} applies the enabled
 * rules and records, for each merge, which rule and which key joined the two actors.
 */
public enum MergeRule {
  /** Same forge and same numeric account id. Key: {@code forge#id}, e.g. {@code github#583231}. */
  SAME_FORGE_ID,
  /**
   * Same forge and same login ignoring case. Key: {@code forge:login}, lower-case. A login can be
   * released and taken by someone else later; the id rule is the safer one when ids are known.
   */
  SAME_FORGE_LOGIN,
  /**
   * A shared e-mail address, trimmed and ignoring case, on any forges. Key: the lower-cased
   * address.
   */
  SAME_EMAIL,
  /**
   * A GitHub noreply address {@code ID+login@users.noreply.github.com} or {@code
   * login@users.noreply.github.com} names the GitHub account with that login and, in the first
   * form, that account id. Key: {@code github:login} or {@code github#id}.
   */
  GITHUB_NOREPLY,
  /**
   * The {@link Mailmap} maps both actors' name and e-mail to the same canonical e-mail address.
   * Key: the canonical address, lower-cased.
   */
  MAILMAP,
  /**
   * An {@link AliasList} entry names a login, name or e-mail of each actor. Key: the entry's
   * strings, lower-cased and sorted, as {@code [a, b]}.
   */
  ALIAS,
  /**
   * Same display name, ignoring case and surrounding spaces. Off by default: a display name alone
   * is weak evidence (two people called "Wei Zhang" or "Alex", placeholders such as "root" or
   * "unknown"), and merging on it is a documented source of wrong merges in tools that do it, such
   * as Augur and SortingHat. Key: the lower-cased name.
   */
  SAME_NAME
}
