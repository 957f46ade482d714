package io.github.communitymetrics.git.internal;

import io.github.communitymetrics.core.event.ChangeStatus;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.io.ReadReport;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A pull parser over the bytes of a commit log: {@link #next()} reads one commit (header and path
 * lines) into reusable fields. No regular expressions, no per-line strings: fields are found by
 * scanning for tabs, and paths and names go through a {@link ByteInterner}.
 */
public final class LogScanner {

  /** Thrown for a malformed line in strict mode; the public reader wraps it. */
  public static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The 1-based line number. */
    public final long line;

    Malformed(long line, String reason) {
      super(reason, null, false, false);
      this.line = line;
    }
  }

  private static final byte[] COMMIT = "commit\t".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_REASON_INPUT = 80;

  private final InputStream in;
  private final ReadOptions options;
  private final ByteInterner interner = new ByteInterner();
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private int ls; // current line [ls, le)
  private int le;
  private boolean pending; // the current line is a header not yet consumed
  private long lineNo;
  private long blankLines;
  private long commitsRead;
  private long skippedCount;
  private final List<ReadReport.SkippedLine> skipped = new ArrayList<>();
  private final int[] tabs = new int[16];

  // The current commit. The ids are kept as bytes and made strings only when asked for: a reader
  // that needs only names, times and paths (the truck factor) then allocates nothing per commit.
  private byte[] shaBytes = new byte[64];
  private int shaLength;
  private byte[] parentBytes = new byte[128]; // the ids separated by single spaces
  private int parentLength;
  private int parentCount;
  public long authorTime;
  public String authorName;
  public String authorEmail;
  public long committerTime;
  public String committerName;
  public String committerEmail;
  public final List<String> coAuthorNames = new ArrayList<>(0);
  public final List<String> coAuthorEmails = new ArrayList<>(0);
  public long headerLine;
  public int changeCount;
  public ChangeStatus[] status = new ChangeStatus[64];
  public String[] path = new String[64];
  public String[] oldPath = new String[64];

  /** A scanner over {@code in}, already decompressed. */
  public LogScanner(InputStream in, ReadOptions options) {
    this.in = in;
    this.options = options;
  }

  /** The current commit's id. */
  public String sha() {
    return new String(shaBytes, 0, shaLength, StandardCharsets.US_ASCII);
  }

  /** How many parents the current commit has (more than one: a merge). */
  public int parentCount() {
    return parentCount;
  }

  /** The current commit's parent ids, first parent first. */
  public List<String> parents() {
    List<String> out = new ArrayList<>(parentCount);
    int p = 0;
    while (p < parentLength) {
      int q = p;
      while (q < parentLength && parentBytes[q] != ' ') {
        q++;
      }
      out.add(new String(parentBytes, p, q - p, StandardCharsets.US_ASCII));
      p = q + 1;
    }
    return out;
  }

  /** Reads the next commit; false at the end of the input. */
  public boolean next() {
    while (true) {
      if (!pending && !readLine()) {
        return false;
      }
      pending = false;
      if (le == ls || (le - ls == 1 && buf[ls] == '\r')) {
        blankLines++;
        continue;
      }
      if (startsWithCommit()) {
        String problem = parseHeader();
        if (problem == null) {
          headerLine = lineNo;
          readChanges();
          commitsRead++;
          return true;
        }
        malformed(problem);
        skipUntilHeader();
      } else {
        malformed("expected a commit header line but found " + excerpt());
      }
    }
  }

  /** What was read so far. */
  public ReadReport report() {
    return new ReadReport(lineNo, blankLines, commitsRead, skippedCount, skipped);
  }

  private void readChanges() {
    changeCount = 0;
    while (readLine()) {
      if (le == ls || (le - ls == 1 && buf[ls] == '\r')) {
        blankLines++;
        continue;
      }
      if (startsWithCommit()) {
        pending = true;
        return;
      }
      String problem = parseChange();
      if (problem != null) {
        malformed(problem);
      }
    }
  }

  private void skipUntilHeader() {
    while (readLine()) {
      if (startsWithCommit()) {
        pending = true;
        return;
      }
      if (le == ls) {
        blankLines++;
      } else {
        malformed("path line of a skipped commit");
      }
    }
  }

  /**
   * A commit the scanner read whole but the core model refuses (a value no check here foresaw):
   * skipped and counted like a malformed header when skipping, else thrown.
   *
   * @param line the commit's header line
   * @param reason why it was refused
   */
  public void rejected(long line, String reason) {
    if (!options.skipsMalformed()) {
      throw new Malformed(line, reason);
    }
    commitsRead--;
    skippedCount++;
    if (skipped.size() < options.maxReported()) {
      skipped.add(new ReadReport.SkippedLine(line, reason));
    }
  }

  private void malformed(String reason) {
    if (!options.skipsMalformed()) {
      throw new Malformed(lineNo, reason);
    }
    skippedCount++;
    if (skipped.size() < options.maxReported()) {
      skipped.add(new ReadReport.SkippedLine(lineNo, reason));
    }
  }

  private boolean startsWithCommit() {
    if (le - ls < COMMIT.length) {
      return false;
    }
    for (int i = 0; i < COMMIT.length; i++) {
      if (buf[ls + i] != COMMIT[i]) {
        return false;
      }
    }
    return true;
  }

  private int splitTabs(int from) {
    int n = 0;
    for (int i = from; i < le; i++) {
      if (buf[i] == '\t') {
        if (n == tabs.length) {
          return n + 1; // too many; the caller reports it
        }
        tabs[n++] = i;
      }
    }
    return n;
  }

  private String parseHeader() {
    int n = splitTabs(ls);
    if (n != 9) {
      return "a commit header needs 10 tab-separated fields but has " + (n + 1);
    }
    int shaFrom = tabs[0] + 1;
    int shaTo = tabs[1];
    if (!hex(shaFrom, shaTo)) {
      return "malformed commit id " + excerpt(shaFrom, shaTo);
    }
    int p = tabs[1] + 1;
    int pEnd = tabs[2];
    int count = 0;
    while (p < pEnd) {
      int q = p;
      while (q < pEnd && buf[q] != ' ') {
        q++;
      }
      if (!hex(p, q)) {
        return "malformed parent id " + excerpt(p, q);
      }
      count++;
      p = q + 1;
    }
    long at = number(tabs[2] + 1, tabs[3]);
    long ct = number(tabs[5] + 1, tabs[6]);
    if (at == Long.MIN_VALUE || ct == Long.MIN_VALUE) {
      return "malformed author or committer time";
    }
    long max = io.github.communitymetrics.core.event.EventTimes.MAX.getEpochSecond();
    if (at < 0 || ct < 0 || at > max || ct > max) {
      return "author or committer time " + (at < 0 || at > max ? at : ct) + " s is outside the supported range "
          + io.github.communitymetrics.core.event.EventTimes.MIN + " to " + io.github.communitymetrics.core.event.EventTimes.MAX;
    }
    for (int i = ls; i < le; i++) {
      if (buf[i] == 0) {
        // A NUL cuts a name in tools that end strings there: two people would become one.
        return "a NUL byte in the commit header at byte " + (i - ls + 1);
      }
    }
    shaLength = shaTo - shaFrom;
    System.arraycopy(buf, shaFrom, shaBytes, 0, shaLength); // hex() allows at most 64
    parentCount = count;
    parentLength = tabs[2] - (tabs[1] + 1);
    if (parentLength > parentBytes.length) {
      parentBytes = new byte[Math.max(parentLength, parentBytes.length * 2)];
    }
    System.arraycopy(buf, tabs[1] + 1, parentBytes, 0, parentLength);
    authorTime = at;
    authorName = interner.intern(buf, tabs[3] + 1, tabs[4]);
    authorEmail = interner.intern(buf, tabs[4] + 1, tabs[5]);
    committerTime = ct;
    committerName = interner.intern(buf, tabs[6] + 1, tabs[7]);
    committerEmail = interner.intern(buf, tabs[7] + 1, tabs[8]);
    if (authorName.isBlank() && authorEmail.isBlank()) {
      // The commit's author is its actor: with neither a name nor an address there is nobody.
      return "a commit header with neither an author name nor an e-mail address";
    }
    coAuthorNames.clear();
    coAuthorEmails.clear();
    int end = le > ls && buf[le - 1] == '\r' ? le - 1 : le;
    int c = tabs[8] + 1;
    while (c < end) {
      int q = c;
      while (q < end && buf[q] != 0x1f) {
        q++;
      }
      coAuthor(c, q);
      c = q + 1;
    }
    return null;
  }

  /** {@code Name <email>}; a value without angle brackets is all name. */
  private void coAuthor(int from, int to) {
    while (from < to && buf[from] == ' ') {
      from++;
    }
    while (to > from && buf[to - 1] == ' ') {
      to--;
    }
    if (from == to) {
      return;
    }
    int lt = -1;
    if (buf[to - 1] == '>') {
      for (int i = to - 2; i >= from; i--) {
        if (buf[i] == '<') {
          lt = i;
          break;
        }
      }
    }
    String name;
    String email;
    if (lt < 0) {
      name = interner.intern(buf, from, to);
      email = "";
    } else {
      int nameTo = lt;
      while (nameTo > from && buf[nameTo - 1] == ' ') {
        nameTo--;
      }
      name = interner.intern(buf, from, nameTo);
      email = interner.intern(buf, lt + 1, to - 1);
    }
    if (name.isBlank() && email.isBlank()) {
      return; // "<>" or white space: a trailer that names nobody
    }
    coAuthorNames.add(name);
    coAuthorEmails.add(email);
  }

  private String parseChange() {
    ChangeStatus s;
    switch (buf[ls]) {
      case 'A': s = ChangeStatus.ADDED; break;
      case 'M': s = ChangeStatus.MODIFIED; break;
      case 'D': s = ChangeStatus.DELETED; break;
      case 'T': s = ChangeStatus.TYPE_CHANGED; break;
      case 'R': s = ChangeStatus.RENAMED; break;
      case 'C': s = ChangeStatus.COPIED; break;
      default: return "unknown path status in " + excerpt();
    }
    int i = ls + 1;
    while (i < le && buf[i] >= '0' && buf[i] <= '9') {
      i++;
    }
    if (i >= le || buf[i] != '\t') {
      return "a path line needs a tab after the status: " + excerpt();
    }
    int end = le > ls && buf[le - 1] == '\r' ? le - 1 : le;
    int first = i + 1;
    int tab = -1;
    for (int k = first; k < end; k++) {
      if (buf[k] == '\t') {
        tab = k;
        break;
      }
    }
    String a;
    String b = null;
    if (s.hasOldPath()) {
      if (tab < 0) {
        return "a rename or copy needs two paths: " + excerpt();
      }
      a = path(first, tab);
      b = path(tab + 1, end);
      if (a == null || b == null || a.isBlank() || b.isBlank()) {
        return "malformed or blank path in " + excerpt();
      }
    } else {
      if (tab >= 0) {
        return "unexpected second path in " + excerpt();
      }
      a = path(first, end);
      if (a == null || a.isBlank()) {
        return "malformed or blank path in " + excerpt();
      }
    }
    if (changeCount == path.length) {
      int cap = changeCount * 2;
      status = Arrays.copyOf(status, cap);
      path = Arrays.copyOf(path, cap);
      oldPath = Arrays.copyOf(oldPath, cap);
    }
    status[changeCount] = s;
    if (b == null) {
      path[changeCount] = a;
      oldPath[changeCount] = null;
    } else {
      oldPath[changeCount] = a;
      path[changeCount] = b;
    }
    changeCount++;
    return null;
  }

  private String path(int from, int to) {
    if (from >= to) {
      return null;
    }
    if (buf[from] == '"') {
      Optional<String> u = GitQuoting.unquote(buf, from, to);
      return u.isPresent() && !u.get().isEmpty() ? interner.intern(u.get()) : null;
    }
    return interner.intern(buf, from, to);
  }

  private boolean hex(int from, int to) {
    int len = to - from;
    if (len < 7 || len > 64) {
      return false;
    }
    for (int i = from; i < to; i++) {
      byte c = buf[i];
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private long number(int from, int to) {
    boolean neg = from < to && buf[from] == '-';
    int i = neg ? from + 1 : from;
    if (i >= to || to - i > 18) {
      return Long.MIN_VALUE;
    }
    long v = 0;
    for (; i < to; i++) {
      byte c = buf[i];
      if (c < '0' || c > '9') {
        return Long.MIN_VALUE;
      }
      v = v * 10 + (c - '0');
    }
    return neg ? -v : v;
  }

  private String excerpt() {
    return excerpt(ls, le);
  }

  private String excerpt(int from, int to) {
    int n = Math.min(to - from, MAX_REASON_INPUT);
    String s = new String(buf, from, n, StandardCharsets.UTF_8);
    return "'" + s + (to - from > n ? "...'" : "'");
  }

  /** Finds the next line in the buffer, refilling it; false at the end of the input. */
  private boolean readLine() {
    int scan = pos;
    while (true) {
      for (int i = scan; i < limit; i++) {
        if (buf[i] == '\n') {
          ls = pos;
          le = i;
          pos = i + 1;
          lineNo++;
          return true;
        }
      }
      if (eof) {
        if (pos < limit) {
          ls = pos;
          le = limit;
          pos = limit;
          lineNo++;
          throwOrSkipTruncated("the input ends in the middle of a line (truncated?)");
          return readLine();
        }
        return false;
      }
      scan = limit - pos;
      fill();
      scan += pos; // fill() moved the unread bytes to the front
    }
  }

  private void throwOrSkipTruncated(String reason) {
    malformed(reason);
  }

  private void fill() {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    try {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    } catch (EOFException e) {
      // GZIPInputStream: the compressed stream stops early.
      throw new Malformed(lineNo + 1, "the compressed input ends early (truncated file)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
