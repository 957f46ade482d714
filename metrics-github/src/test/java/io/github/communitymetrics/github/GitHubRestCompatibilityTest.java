package io.github.communitymetrics.github;

/** {@link GitHubCompatibilityTest} with the reviews read through REST (one request per pull request). */
class GitHubRestCompatibilityTest extends GitHubCompatibilityTest {
  @Override
  ReviewsApi reviewsApi() {
    return ReviewsApi.REST;
  }
}
