package io.virtmx.view.cim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.virtmx.ops.Caller;
import io.virtmx.security.BasicCredentials;
import io.virtmx.view.cim.xml.CimRequest;
import io.virtmx.view.cim.xml.RequestParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of CIM-XML (DSP0200): POST on any path, basic authentication, the CIMOperation,
 * CIMMethod and CIMObject headers checked against the body; a bad header or body gets 400 with a
 * CIMError header, and every answer carries {@code CIMOperation: MethodResponse}.
 */
final class CimHandler implements HttpHandler {
  static final int MAX_BODY = 4 << 20;
  private static final Logger log = LoggerFactory.getLogger(CimHandler.class);

  private final CimOperations operations;
  private final BasicCredentials auth;
  private final String host;

  CimHandler(CimOperations operations, BasicCredentials auth, String host) {
    this.operations = operations;
    this.auth = auth;
    this.host = host;
  }

  @Override
  public void handle(HttpExchange x) throws IOException {
    try (x) {
      if (!x.getRequestMethod().equals("POST")) {
        x.getResponseHeaders().add("Allow", "POST");
        send(x, 405, null, null);
        return;
      }
      Optional<Caller> caller =
          auth.principal(x.getRequestHeaders().getFirst("Authorization"))
              .map(
                  p ->
                      p.anonymous()
                          ? Caller.anonymousViewer("cim")
                          : new Caller(p.name(), p.role(), "cim"));
      if (caller.isEmpty()) {
        x.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"virtmx CIM\"");
        send(x, 401, null, null);
        return;
      }
      serve(x, caller.get());
    } catch (RuntimeException e) {
      log.warn("CIM request failed", e);
    }
  }

  private void serve(HttpExchange x, Caller caller) throws IOException {
    String operation = header(x, "CIMOperation");
    if (operation == null || !operation.equalsIgnoreCase("MethodCall")) {
      send(x, 400, "unsupported-operation", null);
      return;
    }
    String method = header(x, "CIMMethod");
    String object = header(x, "CIMObject");
    if (method == null || object == null) {
      send(x, 400, "header-mismatch", null);
      return;
    }
    byte[] body = readBody(x.getRequestBody());
    if (body == null) {
      send(x, 413, "request-not-valid", null);
      return;
    }
    CimRequest request;
    try {
      request = RequestParser.parse(body);
    } catch (CimException e) {
      x.getResponseHeaders().add("CIMErrorDetails", e.getMessage());
      send(
          x,
          400,
          e.code() == CimException.NOT_SUPPORTED
              ? "multiple-requests-unsupported"
              : "request-not-well-formed",
          null);
      return;
    }
    if (!method.equals(request.method()) || !objectMatches(object, request)) {
      send(x, 400, "header-mismatch", null);
      return;
    }
    String xml = operations.answer(request, caller, host, 8192);
    send(x, 200, null, xml.getBytes(StandardCharsets.UTF_8));
  }

  /** CIMObject is the namespace of an intrinsic call and starts with it for an extrinsic one. */
  private static boolean objectMatches(String object, CimRequest r) {
    String ns = r.namespace() == null ? "" : r.namespace();
    String o = object.strip();
    return r.intrinsic()
        ? o.equalsIgnoreCase(ns)
        : o.regionMatches(true, 0, ns + ":", 0, ns.length() + 1);
  }

  private static String header(HttpExchange x, String name) {
    String v = x.getRequestHeaders().getFirst(name);
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

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    return body.length > MAX_BODY ? null : body;
  }

  private static void send(HttpExchange x, int status, String cimError, byte[] body)
      throws IOException {
    if (cimError != null) {
      x.getResponseHeaders().add("CIMError", cimError);
    }
    if (status == 200) {
      x.getResponseHeaders().add("Content-Type", "application/xml; charset=utf-8");
      x.getResponseHeaders().add("CIMOperation", "MethodResponse");
    }
    x.sendResponseHeaders(status, body == null ? -1 : body.length);
    if (body != null) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
