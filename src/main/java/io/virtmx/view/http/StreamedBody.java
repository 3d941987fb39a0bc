/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import java.io.IOException;

/**
 * A body made while it is written, part after part, so that a large answer (the metrics exposition
 * of thousands of domains) is never whole in memory: its length is known up front, its parts are
 * asked for one at a time, each only once the previous one is written.
 */
public interface StreamedBody extends AutoCloseable {
  /** The number of bytes all parts together will have. */
  long length();

  /**
   * The next part, or null after the last; the array may be reused by the following call, as the
   * endpoint is done with a part when it asks for the next.
   */
  byte[] next() throws IOException;

  /** Frees what the body holds; called once, when it is written, failed or not written at all. */
  @Override
  void close();
}
