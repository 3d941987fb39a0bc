/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * HTTP/1.1 written and read by hand on a socket, for tests that must send what no well-behaved
 * client would: half a request, a huge declared body, a body that never comes.
 */
public final class RawHttp {
  private RawHttp() {}

  public static void send(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /**
   * Reads one answer within 10 s: its head, and up to 64 KiB of the body its Content-Length
   * announces; "&lt;timeout&gt;" is appended when it stops coming.
   */
  public static String readAnswer(Socket s) throws IOException {
    s.setSoTimeout(10_000);
    InputStream in = s.getInputStream();
    StringBuilder b = new StringBuilder();
    try {
      while (!b.toString().contains("\r\n\r\n")) {
        int c = in.read();
        if (c < 0) {
          return b.toString();
        }
        b.append((char) c);
      }
      String head = b.toString().toLowerCase(Locale.ROOT);
      int at = head.indexOf("content-length: ");
      int length = at < 0 ? 0 : Integer.parseInt(head.substring(at + 16, head.indexOf('\r', at)));
      b.append(new String(in.readNBytes(Math.min(length, 1 << 16)), StandardCharsets.UTF_8));
    } catch (SocketTimeoutException e) {
      b.append("<timeout>");
    }
    return b.toString();
  }

  /** The value of a basic {@code Authorization} header. */
  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A request line and headers, not ended, with basic auth when {@code authorization} is given. */
  public static String head(String method, String path, String authorization) {
    return method
        + " "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\n"
        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n");
  }

  /** A whole request with its body and {@code Connection: close}. */
  public static String request(String method, String path, String authorization, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return head(method, path, authorization)
        + "Content-Type: application/json\r\nContent-Length: "
        + bytes.length
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }
}
