package io.github.communitymetrics.github;

/** How {@link GitHubSource} reads pull requests' reviews ({@link GitHubResource#REVIEWS}). */
public enum ReviewsApi {
  /** {@link #GRAPHQL} when the source has a token (GitHub's GraphQL API requires one), else {@link #REST}. */
  AUTO,
  /**
   * One GraphQL query per page of pull requests (ordered by last update) with their first 100
   * reviews nested, plus one query per further 100 reviews of a pull request; an incremental fetch
   * reads only the pull requests updated since, so it sees new reviews of old pull requests.
   */
  GRAPHQL,
  /**
   * The REST pulls list and one request per pull request (per 100 of its reviews); an incremental
   * fetch reads only the pull requests opened since, so new reviews of older ones are missed.
   */
  REST
}
