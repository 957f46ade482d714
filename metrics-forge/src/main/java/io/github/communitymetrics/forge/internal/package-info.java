/**
 * What only the forge adapters need: {@link io.github.communitymetrics.forge.internal.ForgeHttpClient}
 * (retries, rate limits, redirects, credential origins, redaction of what servers say), the
 * authenticators, the JSON helpers and the ETag cache's store. Exported to the adapter modules
 * only; not an API.
 */
package io.github.communitymetrics.forge.internal;
