package io.github.communitymetrics.gitlab;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What to fetch: one project, by numeric id or full path ({@code group/subgroup/project}), or every
 * project of a group and its subgroups. A path alone cannot say which it names (a subgroup and a
 * project look alike), hence two factories.
 *
 * @param path the project's numeric id or full path, or the group's full path
 * @param group whether this names a group
 */
public record GitLabTarget(String path, boolean group) {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  /** Checks that the path is a numeric id or slash-separated GitLab path segments. */
  public GitLabTarget {
    if (path == null) {
      throw new NullPointerException("path must not be null");
    }
    boolean numeric = path.matches("[1-9][0-9]{0,18}");
    if (!numeric) {
      String[] segments = path.split("/", -1);
      for (String s : segments) {
        if (!SEGMENT.matcher(s).matches() || s.endsWith(".git") || s.endsWith(".atom")) {
          throw new IllegalArgumentException(
              "not a GitLab path (segments of letters, digits, '_', '-', '.'): '" + path + "'");
        }
      }
    }
  }

  /**
   * One project.
   *
   * @param idOrPath a numeric id such as {@code 278964} or a path such as {@code gitlab-org/gitlab}
   * @return the target
   */
  public static GitLabTarget project(String idOrPath) {
    return new GitLabTarget(idOrPath, false);
  }

  /**
   * Every project of a group, subgroups included.
   *
   * @param idOrPath a numeric id or a path such as {@code gitlab-org}
   * @return the target
   */
  public static GitLabTarget group(String idOrPath) {
    return new GitLabTarget(idOrPath, true);
  }

  /**
   * The path as one URL path segment, as the API wants it ({@code gitlab-org%2Fgitlab}).
   *
   * @return the encoded id or path
   */
  public String encoded() {
    return URLEncoder.encode(path, StandardCharsets.UTF_8);
  }

  /** {@code project PATH} or {@code group PATH}. */
  @Override
  public String toString() {
    return (group ? "group " : "project ") + path;
  }
}
