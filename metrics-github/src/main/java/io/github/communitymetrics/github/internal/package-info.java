/** Implementation of the GitHub adapter; not exported, may change without notice. */
package io.github.communitymetrics.github.internal;
