/**
 * Reading git histories. {@link io.github.communitymetrics.git.CommitLogReader} streams a commit
 * log (plain or gzip) in constant memory per commit, either to a low-allocation {@link
 * io.github.communitymetrics.git.CommitLogVisitor} or as core {@link
 * io.github.communitymetrics.core.event.Commit} events; {@link
 * io.github.communitymetrics.git.CommitLogAuthorship} feeds it into the truck-factor model.
 */
package io.github.communitymetrics.git;
