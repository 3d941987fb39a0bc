/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.ops.Caller;
import io.virtmx.view.cim.xml.CimRequest;
import io.virtmx.view.cim.xml.RequestParser;
import io.virtmx.view.http.Answer;
import io.virtmx.view.http.Exchange;
import io.virtmx.view.http.HttpView;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The HTTP side of CIM-XML (DSP0200) on the agent's HTTP endpoint: POST on any path, the
 * CIMOperation, CIMMethod and CIMObject headers checked against the body; a bad header or body gets
 * 400 with a CIMError header, and every answer carries {@code CIMOperation: MethodResponse}. The
 * endpoint has authenticated the client and read at most {@link #MAX_BODY} bytes of body.
 */
final class CimHandler implements HttpView {
  static final int MAX_BODY = 4 << 20;
  private static final Limits LIMITS = new Limits(MAX_BODY, 2, Duration.ofSeconds(1), true);

  private final CimOperations operations;
  private final String host;

  CimHandler(CimOperations operations, String host) {
    this.operations = operations;
    this.host = host;
  }

  @Override
  public String name() {
    return "cim";
  }

  @Override
  public Limits limits() {
    return LIMITS;
  }

  @Override
  public String realm() {
    return "virtmx CIM";
  }

  /** DSP0200's refusals: the status alone, with a CIMError header for a request it cannot take. */
  @Override
  public Answer refuse(int status, String reason) {
    Answer a = Answer.status(status);
    return switch (status) {
      case 400 -> a.with("CIMError", "request-not-well-formed").with("CIMErrorDetails", reason);
      case 413 -> a.with("CIMError", "request-not-valid").with("CIMErrorDetails", reason);
      default -> a;
    };
  }

  @Override
  public Answer serve(Exchange x) {
    if (!x.method().equals("POST")) {
      return Answer.status(405).with("Allow", "POST");
    }
    return serve(x, Caller.of(x.principal()));
  }

  private Answer serve(Exchange x, Caller caller) {
    String operation = header(x, "CIMOperation");
    if (operation == null || !operation.equalsIgnoreCase("MethodCall")) {
      return cimError(400, "unsupported-operation");
    }
    String method = header(x, "CIMMethod");
    String object = header(x, "CIMObject");
    if (method == null || object == null) {
      return cimError(400, "header-mismatch");
    }
    CimRequest request;
    try {
      request = RequestParser.parse(x.body());
    } catch (CimException e) {
      return cimError(
              400,
              e.code() == CimException.NOT_SUPPORTED
                  ? "multiple-requests-unsupported"
                  : "request-not-well-formed")
          .with("CIMErrorDetails", e.getMessage());
    }
    if (!method.equals(request.method()) || !objectMatches(object, request)) {
      return cimError(400, "header-mismatch");
    }
    List<byte[]> xml = operations.answer(request, caller, host, 8192);
    return Answer.of(200, "application/xml; charset=utf-8", xml)
        .with("CIMOperation", "MethodResponse");
  }

  private static Answer cimError(int status, String cimError) {
    return Answer.status(status).with("CIMError", cimError);
  }

  /** CIMObject is the namespace of an intrinsic call and starts with it for an extrinsic one. */
  private static boolean objectMatches(String object, CimRequest r) {
    String ns = r.namespace() == null ? "" : r.namespace();
    String o = object.strip();
    return r.intrinsic()
        ? o.equalsIgnoreCase(ns)
        : o.regionMatches(true, 0, ns + ":", 0, ns.length() + 1);
  }

  private static String header(Exchange x, String name) {
    String v = x.header(name);
    return v == null ? null : percentDecode(v.strip());
  }

  /** DSP0200 headers are URI-encoded (%XX, UTF-8); a plus is a plus. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      out.write(bytes, 0, bytes.length);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
