/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * Writes an answer's parts in slices of at most {@link #SLICE} bytes, each a view of the part (no
 * copy). Slices keep the JDK's temporary direct buffer for a socket write small: writing a 9 MB
 * heap buffer at once would take a 9 MB direct buffer per writing thread, and a few such scrapes in
 * parallel would exhaust direct memory.
 */
final class PartWriter extends IteratingCallback {
  static final int SLICE = 128 << 10;

  private final Response response;
  private final List<byte[]> parts;
  private final Callback done;
  private int part;
  private int offset;
  private boolean lastWritten;

  PartWriter(Response response, List<byte[]> parts, Callback done) {
    this.response = response;
    this.parts = parts;
    this.done = done;
  }

  @Override
  protected Action process() {
    while (part < parts.size() && offset >= parts.get(part).length) {
      part++;
      offset = 0;
    }
    if (part >= parts.size()) {
      if (lastWritten) {
        return Action.SUCCEEDED;
      }
      lastWritten = true;
      response.write(true, null, this);
      return Action.SCHEDULED;
    }
    byte[] p = parts.get(part);
    int length = Math.min(SLICE, p.length - offset);
    ByteBuffer slice = ByteBuffer.wrap(p, offset, length);
    offset += length;
    boolean last = offset == p.length && part == parts.size() - 1;
    lastWritten = last;
    response.write(last, slice, this);
    return Action.SCHEDULED;
  }

  @Override
  protected void onCompleteSuccess() {
    done.succeeded();
  }

  @Override
  protected void onCompleteFailure(Throwable cause) {
    done.failed(cause);
  }

  @Override
  public InvocationType getInvocationType() {
    return InvocationType.NON_BLOCKING;
  }
}
