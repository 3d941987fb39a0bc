/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * Writes an answer's parts in slices of at most {@link #SLICE} bytes, each a view of the part (no
 * copy). Slices keep the JDK's temporary direct buffer for a socket write small: writing a 9 MB
 * heap buffer at once would take a 9 MB direct buffer per writing thread, and a few such scrapes in
 * parallel would exhaust direct memory. Small parts are copied together into one slice (see {@link
 * #gather}). A streamed body's next part is asked for only when the
 * previous one is written, and the body is closed at the end, written or failed.
 */
final class PartWriter extends IteratingCallback {
  static final int SLICE = 128 << 10;

  private final Response response;
  private final Parts parts;
  private final Callback done;
  private byte[] part;
  private int offset;
  private boolean lastWritten;
  private ByteBuffer gathered;

  /** Where the parts come from: a list, or a streamed body. */
  interface Parts extends AutoCloseable {
    /** The next part, null after the last. */
    byte[] next() throws IOException;

    @Override
    void close();
  }

  static Parts parts(List<byte[]> list) {
    Iterator<byte[]> i = list.iterator();
    return new Parts() {
      @Override
      public byte[] next() {
        return i.hasNext() ? i.next() : null;
      }

      @Override
      public void close() {}
    };
  }

  static Parts parts(StreamedBody body) {
    return new Parts() {
      @Override
      public byte[] next() throws IOException {
        return body.next();
      }

      @Override
      public void close() {
        body.close();
      }
    };
  }

  PartWriter(Response response, Parts parts, Callback done) {
    this.response = response;
    this.parts = parts;
    this.done = done;
  }

  @Override
  protected Action process() throws IOException {
    if (lastWritten) {
      return Action.SUCCEEDED;
    }
    if (part == null || offset >= part.length) {
      part = parts.next();
      offset = 0;
    }
    if (part == null) {
      return last(null);
    }
    if (part.length - offset >= SLICE / 2) {
      int length = Math.min(SLICE, part.length - offset);
      ByteBuffer slice = ByteBuffer.wrap(part, offset, length);
      offset += length;
      response.write(false, slice, this);
      return Action.SCHEDULED;
    }
    return gather();
  }

  /**
   * Small parts (the exposition's deflated pieces are one per family, ~700 bytes on average)
   * copied together into one buffer of up to {@link #SLICE} bytes: one socket write for many,
   * where a write per part cost a gzip scrape of 1000 domains 2 000 system calls. A lone small
   * last part is written as it is.
   */
  private Action gather() throws IOException {
    byte[] first = part;
    int from = offset;
    part = parts.next();
    offset = 0;
    if (part == null) {
      return last(ByteBuffer.wrap(first, from, first.length - from));
    }
    if (gathered == null) {
      gathered = ByteBuffer.allocate(SLICE);
    }
    gathered.clear();
    gathered.put(first, from, first.length - from);
    while (part != null && part.length <= gathered.remaining()) {
      gathered.put(part);
      part = parts.next();
    }
    gathered.flip();
    if (part == null) {
      return last(gathered);
    }
    response.write(false, gathered, this);
    return Action.SCHEDULED;
  }

  private Action last(ByteBuffer content) {
    lastWritten = true;
    response.write(true, content, this);
    return Action.SCHEDULED;
  }

  @Override
  protected void onCompleteSuccess() {
    parts.close();
    done.succeeded();
  }

  @Override
  protected void onCompleteFailure(Throwable cause) {
    parts.close();
    done.failed(cause);
  }

  @Override
  public InvocationType getInvocationType() {
    return InvocationType.NON_BLOCKING;
  }
}
