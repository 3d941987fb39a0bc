/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jolokia;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A plain HTTP client for the ITs: GET and POST to a Jolokia URL, optionally with basic auth; no
 * virtmx class.
 */
final class JolokiaClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String url;
  private final String authorization;

  JolokiaClient(String url, String user, String password) {
    this.url = url;
    this.authorization =
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** An HTTP response: status code and body parsed as JSON. */
  record Reply(int http, JsonNode json) {
    int status() {
      return json.path("status").asInt();
    }

    JsonNode value() {
      return json.path("value");
    }
  }

  Reply get(String path) throws IOException, InterruptedException {
    return send(builder(url + path).GET().build());
  }

  Reply post(String body) throws IOException, InterruptedException {
    return send(
        builder(url)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private HttpRequest.Builder builder(String uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60));
    return authorization == null ? b : b.header("Authorization", authorization);
  }

  private Reply send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), JSON.readTree(r.body()));
  }
}
