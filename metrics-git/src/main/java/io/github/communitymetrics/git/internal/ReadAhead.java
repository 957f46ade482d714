package io.github.communitymetrics.git.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a slow source (a gzip decoder) on a background daemon thread, a few chunks ahead, so that
 * decompressing and parsing use two cores. Memory: at most {@code depth + 2} chunks. A failure of
 * the source is rethrown by {@link #read(byte[], int, int)} in the reading thread, with its type
 * ({@link java.io.EOFException} for a truncated gzip stream; an error, such as running out of
 * memory, as it is).
 */
public final class ReadAhead extends InputStream {
  private static final byte[] END = new byte[0];

  private final InputStream source;
  private final BlockingQueue<Object> queue;
  // Chunks the reader has consumed, handed back for reuse: a 30 MB log would otherwise leave 30 MB
  // of garbage chunks behind, which is what the JVM's young generation grows on.
  private final BlockingQueue<byte[]> free;
  private final int chunkSize;
  private final Thread thread;
  private byte[] chunk = new byte[0];
  private int chunkLength;
  private int pos;
  private boolean ended;

  /**
   * Starts reading {@code source} ahead.
   *
   * @param chunkSize bytes per chunk
   * @param depth chunks buffered ahead
   */
  public ReadAhead(InputStream source, int chunkSize, int depth) {
    this.source = source;
    this.queue = new ArrayBlockingQueue<>(depth);
    this.free = new ArrayBlockingQueue<>(depth + 2);
    this.chunkSize = chunkSize;
    this.thread = new Thread(() -> pump(chunkSize), "commit-log-read-ahead");
    thread.setDaemon(true);
    thread.start();
  }

  private void pump(int chunkSize) {
    try {
      while (true) {
        byte[] b = free.poll();
        int n = 0;
        Throwable failure = null;
        try {
          if (b == null) {
            b = new byte[chunkSize];
          }
          while (n < chunkSize) {
            int r = source.read(b, n, chunkSize - n);
            if (r < 0) {
              break;
            }
            n += r;
          }
        } catch (IOException | RuntimeException | Error e) {
          // An error too (out of memory): a thread that died of it would leave the reader
          // waiting for a chunk forever.
          failure = e;
        }
        // Bytes decoded before a failure are delivered first, so the reader's line numbers
        // point at where the input really breaks off.
        if (n > 0) {
          queue.put(n == chunkSize ? b : Arrays.copyOf(b, n));
        }
        if (failure != null) {
          queue.put(failure);
          return;
        }
        if (n < chunkSize) {
          queue.put(END);
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closed by the reader
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pos == chunkLength) {
      if (ended) {
        return -1;
      }
      Object next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading the commit log");
      }
      if (next instanceof IOException) {
        ended = true;
        throw rethrown((IOException) next);
      }
      if (next instanceof RuntimeException) {
        ended = true;
        throw (RuntimeException) next;
      }
      if (next instanceof Error) {
        ended = true;
        throw (Error) next;
      }
      if (chunk.length == chunkSize) {
        free.offer(chunk); // consumed whole: its bytes were copied out
      }
      chunk = (byte[]) next;
      if (chunk == END) {
        ended = true;
        return -1;
      }
      chunkLength = chunk.length;
      pos = 0;
    }
    int n = Math.min(len, chunkLength - pos);
    System.arraycopy(chunk, pos, b, off, n);
    pos += n;
    return n;
  }

  /** The same type as the source's failure, so callers can tell a truncated stream apart. */
  private static IOException rethrown(IOException e) {
    if (e instanceof java.io.EOFException) {
      java.io.EOFException copy = new java.io.EOFException(e.getMessage());
      copy.initCause(e);
      return copy;
    }
    return new IOException(e.getMessage(), e);
  }

  @Override
  public void close() throws IOException {
    thread.interrupt();
    source.close();
  }
}
