package io.github.communitymetrics.core.identity;

/**
 * What {@link Affiliations} does with an e-mail domain that no rule maps and that is not a public
 * webmail or noreply domain.
 */
public enum UnmappedDomainPolicy {
  /** The domain itself is the organisation: {@code jane@acme.io} works for {@code acme.io}. */
  DOMAIN_AS_ORGANIZATION,
  /** The address says nothing about an organisation. */
  UNAFFILIATED
}
