/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A view's answer: status, headers and a body in parts, or a {@link StreamedBody} made while it is
 * written. Parts are written as they are, so a view may answer with bytes it shares between
 * requests (the metrics exposition) without copying them; the endpoint writes without holding a
 * request thread.
 */
public record Answer(
    int status, List<Map.Entry<String, String>> headers, List<byte[]> body, StreamedBody stream) {

  public Answer {
    headers = List.copyOf(headers);
    body = List.copyOf(body);
    if (stream != null && !body.isEmpty()) {
      throw new IllegalArgumentException("a body in parts or a streamed one, not both");
    }
  }

  public Answer(int status, List<Map.Entry<String, String>> headers, List<byte[]> body) {
    this(status, headers, body, null);
  }

  /** An answer whose body is made while it is written. */
  public static Answer streamed(
      int status, List<Map.Entry<String, String>> headers, StreamedBody stream) {
    return new Answer(status, headers, List.of(), stream);
  }

  /** A status with no body. */
  public static Answer status(int status) {
    return new Answer(status, List.of(), List.of());
  }

  public static Answer of(int status, String contentType, byte[] body) {
    return of(status, contentType, List.of(body));
  }

  /** An answer whose body is these parts, written one after the other. */
  public static Answer of(int status, String contentType, List<byte[]> body) {
    return new Answer(status, List.of(Map.entry("Content-Type", contentType)), body);
  }

  public static Answer text(int status, String text) {
    return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /** This answer with one more header. */
  public Answer with(String name, String value) {
    List<Map.Entry<String, String>> h = new ArrayList<>(headers);
    h.add(Map.entry(name, value));
    return new Answer(status, h, body, stream);
  }

  public long length() {
    if (stream != null) {
      return stream.length();
    }
    long n = 0;
    for (byte[] part : body) {
      n += part.length;
    }
    return n;
  }
}
