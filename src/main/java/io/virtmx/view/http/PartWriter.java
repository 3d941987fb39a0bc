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
 * parallel would exhaust direct memory. A streamed body's next part is asked for only when the
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
    while (part == null || offset >= part.length) {
      if (part == null && lastWritten) {
        return Action.SUCCEEDED;
      }
      part = parts.next();
      offset = 0;
      if (part == null) {
        lastWritten = true;
        response.write(true, null, this);
        return Action.SCHEDULED;
      }
    }
    int length = Math.min(SLICE, part.length - offset);
    ByteBuffer slice = ByteBuffer.wrap(part, offset, length);
    offset += length;
    response.write(false, slice, this);
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
