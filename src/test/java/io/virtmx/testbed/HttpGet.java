/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Plain GETs of a page that must answer 200 (metrics, Prometheus' API), once or until ready. */
public final class HttpGet {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpGet() {}

  /** The body of {@code url}; an IOException naming the status and body unless it is 200. */
  public static String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(url + ": HTTP " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /** GETs {@code url} until the body satisfies {@code ready}; the failure shows the last answer. */
  public static String await(String url, Predicate<String> ready, Duration timeout) {
    return await(url, ready, timeout, () -> {});
  }

  /** As {@link #await(String, Predicate, Duration)}, failing at once when {@code alive} throws. */
  static String await(String url, Predicate<String> ready, Duration timeout, Runnable alive) {
    return Await.untilAnswers(
        url + " ready",
        () -> {
          alive.run();
          return get(url);
        },
        ready,
        timeout);
  }
}
