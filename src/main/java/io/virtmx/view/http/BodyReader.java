/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.io.Content;

/**
 * Reads a request body without holding a thread while the client is slow, and stops at the limit:
 * completes with the bytes, or with null as soon as the body is known to be larger than allowed
 * (the rest is never read into memory).
 */
final class BodyReader implements Runnable {
  private final Content.Source source;
  private final long max;
  private final ByteArrayOutputStream bytes;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();

  private BodyReader(Content.Source source, long max, long expected) {
    this.source = source;
    this.max = max;
    this.bytes = new ByteArrayOutputStream((int) Math.min(Math.max(expected, 256), max));
  }

  static CompletableFuture<byte[]> read(Content.Source source, long max, long expected) {
    BodyReader reader = new BodyReader(source, max, expected);
    reader.run();
    return reader.result;
  }

  @Override
  public void run() {
    while (!result.isDone()) {
      Content.Chunk chunk = source.read();
      if (chunk == null) {
        source.demand(this);
        return;
      }
      try {
        if (Content.Chunk.isFailure(chunk)) {
          result.completeExceptionally(chunk.getFailure());
          return;
        }
        ByteBuffer buffer = chunk.getByteBuffer();
        if (bytes.size() + (long) buffer.remaining() > max) {
          result.complete(null);
          return;
        }
        byte[] part = new byte[buffer.remaining()];
        buffer.get(part);
        bytes.write(part, 0, part.length);
        if (chunk.isLast()) {
          result.complete(bytes.toByteArray());
        }
      } finally {
        chunk.release();
      }
    }
  }
}
