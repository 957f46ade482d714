/**
 * Governance: approval rules on merged pull requests ({@link
 * io.github.communitymetrics.core.metrics.governance.ApprovalRule}), decision processes ({@link
 * io.github.communitymetrics.core.metrics.governance.Decisions}) and who governs ({@link
 * io.github.communitymetrics.core.metrics.governance.Maintainers}), over one mergeable state.
 */
package io.github.communitymetrics.core.metrics.governance;
