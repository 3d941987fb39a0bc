/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import io.virtmx.view.http.StreamedBody;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A plain scrape's body: the cached deflate blocks inflated {@link ByteChunks#MAX_CHUNK} bytes at a
 * time into one reused array as the endpoint writes them, then the registry's tail. Its inflater
 * (native memory) exists from the first part to {@link #close}.
 */
final class InflatingBody implements StreamedBody {
  private final List<byte[]> deflated;
  private final long length;
  private final byte[] tail;
  private final byte[] out = new byte[ByteChunks.MAX_CHUNK];
  private Inflater inflater;
  private int nextInput;
  private boolean inflated;
  private boolean tailGiven;

  InflatingBody(List<byte[]> deflated, long plainLength, byte[] tail) {
    this.deflated = deflated;
    this.length = plainLength + tail.length;
    this.tail = tail;
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public byte[] next() throws IOException {
    if (!inflated) {
      int n = inflate();
      if (n > 0) {
        return n == out.length ? out : Arrays.copyOf(out, n);
      }
      inflated = true;
      close();
    }
    if (!tailGiven) {
      tailGiven = true;
      return tail;
    }
    return null;
  }

  /** Fills {@link #out} as far as the input goes; the number of bytes, 0 at the end. */
  private int inflate() throws IOException {
    if (inflater == null) {
      inflater = new Inflater(true);
    }
    int n = 0;
    try {
      while (n < out.length) {
        int k = inflater.inflate(out, n, out.length - n);
        n += k;
        if (k == 0 && inflater.needsInput()) {
          if (nextInput == deflated.size()) {
            break;
          }
          inflater.setInput(deflated.get(nextInput++));
        } else if (k == 0) {
          throw new IOException("the cached exposition does not inflate");
        }
      }
    } catch (DataFormatException e) {
      throw new IOException("the cached exposition does not inflate", e);
    }
    return n;
  }

  @Override
  public void close() {
    if (inflater != null) {
      inflater.end();
      inflater = null;
    }
  }
}
