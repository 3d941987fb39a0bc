/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import io.virtmx.security.RolePrincipal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * One authenticated request as a view sees it, its body already read within the view's limit. Views
 * never see the HTTP server's own types.
 *
 * @param uri the request target as sent (path and query, not decoded)
 * @param headers the first value of a request header by name, or null
 * @param body the request body, empty when there was none
 * @param principal who sent it (the anonymous viewer when no users file is configured)
 * @param client the client's address and port
 * @param origin this server's origin as the client addressed it ({@code http://127.0.0.1:8778}), or
 *     null without a Host header
 */
public record Exchange(
    String method,
    URI uri,
    UnaryOperator<String> headers,
    byte[] body,
    RolePrincipal principal,
    InetSocketAddress client,
    String origin) {

  public String header(String name) {
    return headers.apply(name);
  }

  public String path() {
    return uri.getPath() == null ? "" : uri.getPath();
  }

  public boolean isHead() {
    return method.equals("HEAD");
  }
}
