/**
 * Governance: approval rules on merged pull requests ({@link
 * io.github.communitymetrics.core.metrics.governance.ApprovalRule}), decision processes ({@link
 * io.github.communitymetrics.core.metrics.governance.Decisions}) and who governs ({@link
 * io.github.communitymetrics.core.metrics.governance.Maintainers}), over one mergeable state; the
 * share of work from consumer projects ({@link
 * io.github.communitymetrics.core.metrics.governance.Consumers}); and a maturity profile of
 * criteria with thresholds ({@link io.github.communitymetrics.core.metrics.governance.MaturityProfile}).
 * Maintainers named by a MAINTAINERS or CODEOWNERS file ({@link
 * io.github.communitymetrics.core.metrics.governance.CodeOwners#logins()}) join those the events
 * show through the parameter {@code maintainers}.
 */
package io.github.communitymetrics.core.metrics.governance;
