/** Implementation of the GitLab adapter: mapping of GitLab REST objects and pagination. Not exported. */
package io.github.communitymetrics.gitlab.internal;
