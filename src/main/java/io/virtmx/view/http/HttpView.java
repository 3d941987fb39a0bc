/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import java.time.Duration;
import java.util.List;

/**
 * What a view adds to the shared {@link HttpEndpoint}: its limits, where its clients put their
 * credentials, how it says no in its own protocol, and how it answers a request that has passed
 * every check. The endpoint authenticates, bounds and reads the body before {@link #serve} is
 * called.
 */
public interface HttpView {

  /**
   * A view's own limits.
   *
   * @param maxBody the largest request body it accepts (0: none); larger gets 413 before it is read
   * @param concurrency requests it serves at once, when not costly
   * @param queueWait how long a request waits for its turn; then 503
   * @param costly whether its requests compute their answer: costly views share the endpoint's work
   *     budget (and its queue) instead of having {@code concurrency} permits of their own
   */
  record Limits(long maxBody, int concurrency, Duration queueWait, boolean costly) {
    public Limits {
      if (maxBody < 0 || maxBody > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("body limit out of range: " + maxBody);
      }
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1");
      }
      if (queueWait == null || queueWait.isNegative()) {
        throw new IllegalArgumentException("queue wait must not be negative");
      }
    }
  }

  /** The view's name in logs and the audit: "metrics", "jolokia", "cim". */
  String name();

  Limits limits();

  /** Request headers that may carry basic credentials, in order of preference. */
  default List<String> credentialHeaders() {
    return List.of("Authorization");
  }

  /** The realm named in a 401's {@code WWW-Authenticate}. */
  default String realm() {
    return "virtmx";
  }

  /**
   * A refusal in the view's own error form: 400, 401, 403, 405, 408, 413, 429, 431, 500 or 503 with
   * a one-line reason for a human (never an exception class or a stack trace).
   */
  Answer refuse(int status, String reason);

  /** Answers a request that passed authentication and every limit. */
  Answer serve(Exchange exchange) throws Exception;
}
