/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jolokia;

import io.virtmx.security.RolePrincipal;
import io.virtmx.view.http.Answer;
import io.virtmx.view.http.Exchange;
import io.virtmx.view.http.HttpView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.RuntimeMBeanException;
import javax.security.auth.Subject;
import org.jolokia.json.JSONArray;
import org.jolokia.json.JSONObject;
import org.jolokia.json.JSONStructure;
import org.jolokia.jvmagent.ParsedUri;
import org.jolokia.server.core.http.HttpRequestHandler;

/**
 * Jolokia on the agent's HTTP endpoint: the endpoint has authenticated the client (basic auth, or
 * Jolokia's {@code X-Jolokia-Authorization} that browser consoles send) and read the body within
 * its limit; this runs Jolokia's request handling as that user — under a JAAS Subject holding its
 * {@link RolePrincipal} (the MBeans' operations take their caller from it) and with the {@link
 * Client} set for the {@link RoleRestrictor} — after {@link RequestLimits} has checked the request.
 * Errors keep Jolokia's form (HTTP 200 with the request's {@code status} and {@code error}) but
 * never carry exception class names or stack traces; an answer larger than the response limit is
 * replaced by an error. Refusals before Jolokia (401, 413…) are answered in the same JSON form:
 *
 * <pre>
 * {"status":401,"error":"authentication required"}
 * </pre>
 */
final class JolokiaHandler implements HttpView {
  private static final Pattern CHARSET = Pattern.compile(".*;\\s*charset=([^;,]+)\\s*.*");
  private static final Set<String> ERROR_DETAILS =
      Set.of("error_type", "stacktrace", "error_value");
  private static final String JSON = "application/json; charset=utf-8";

  private final HttpRequestHandler jolokia;
  private final RequestLimits requestLimits;
  private final Limits limits;
  private final long maxResponseBytes;

  JolokiaHandler(
      HttpRequestHandler jolokia,
      RequestLimits requestLimits,
      Limits limits,
      long maxResponseBytes) {
    this.jolokia = jolokia;
    this.requestLimits = requestLimits;
    this.limits = limits;
    this.maxResponseBytes = maxResponseBytes;
  }

  static RolePrincipal anonymous() {
    return new RolePrincipal("anonymous", io.virtmx.security.Role.VIEWER, "jolokia", true);
  }

  @Override
  public String name() {
    return "jolokia";
  }

  @Override
  public Limits limits() {
    return limits;
  }

  @Override
  public List<String> credentialHeaders() {
    return List.of("Authorization", "X-Jolokia-Authorization");
  }

  @Override
  public Answer refuse(int status, String reason) {
    return Answer.of(status, JSON, error(status, reason));
  }

  @Override
  public Answer serve(Exchange x) throws Exception {
    if (!x.path().equals(JolokiaView.CONTEXT) && !x.path().startsWith(JolokiaView.CONTEXT + "/")) {
      return refuse(404, "Jolokia is at " + JolokiaView.CONTEXT);
    }
    RolePrincipal principal = x.principal();
    Subject subject = new Subject(true, Set.of(principal), Set.of(), Set.of());
    Client.set(new Client(principal, x.origin()));
    try {
      return Subject.doAs(
          subject, (java.security.PrivilegedExceptionAction<Answer>) () -> handle(x));
    } catch (java.security.PrivilegedActionException e) {
      throw e.getException();
    } finally {
      Client.clear();
    }
  }

  private Answer handle(Exchange x) throws IOException {
    ParsedUri uri = new ParsedUri(x.uri(), JolokiaView.CONTEXT);
    JSONStructure json;
    try {
      jolokia.checkAccess(
          x.origin() != null && x.origin().startsWith("https") ? "https" : "http",
          null,
          x.client().getAddress().getHostAddress(),
          originOrReferer(x));
      if (uri.getParameter("callback") != null) {
        return refuse(400, "JSONP callbacks are not supported");
      }
      switch (x.method()) {
        case "GET" -> {
          String p = uri.getParameter("p");
          requestLimits.checkGet(p != null ? p : uri.getPathInfo());
          json =
              call(
                  () ->
                      jolokia.handleGetRequest(
                          uri.getUri().toString(), uri.getPathInfo(), uri.getParameterMap()));
        }
        case "POST" -> {
          requestLimits.checkPost(x.body());
          json =
              call(
                  () ->
                      jolokia.handlePostRequest(
                          uri.toString(),
                          new ByteArrayInputStream(x.body()),
                          charset(x.header("Content-Type")),
                          uri.getParameterMap()));
        }
        case "OPTIONS" -> {
          return preflight(x);
        }
        default -> {
          return refuse(405, "method " + x.method() + " is not supported: use GET or POST")
              .with("Allow", "GET, POST, OPTIONS");
        }
      }
    } catch (RequestLimits.Refused e) {
      return refuse(e.status, e.getMessage());
    } catch (SecurityException e) {
      return refuse(403, e.getMessage());
    }
    return answer(x, scrub(json));
  }

  /** Runs Jolokia, turning anything it throws into its own error JSON. */
  private JSONStructure call(Callable<JSONStructure> work) {
    try {
      return work.call();
    } catch (Exception | StackOverflowError e) {
      Throwable t = e instanceof RuntimeMBeanException r ? r.getTargetException() : e;
      return jolokia.handleThrowable(t);
    }
  }

  private Answer answer(Exchange x, JSONStructure json) throws IOException {
    Bounded out = new Bounded(maxResponseBytes);
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      json.writeJSONString(w);
    } catch (Bounded.Exceeded e) {
      return Answer.of(
          200,
          JSON,
          error(
              413,
              "answer larger than "
                  + maxResponseBytes
                  + " bytes: read fewer MBeans or attributes per request"));
    }
    Answer a = Answer.of(200, JSON, out.toByteArray());
    String origin = jolokia.extractCorsOrigin(x.header("Origin"));
    if (origin != null) {
      a =
          a.with("Access-Control-Allow-Origin", origin)
              .with("Access-Control-Allow-Credentials", "true");
    }
    return a.with("Cache-Control", "no-cache").with("Pragma", "no-cache");
  }

  private Answer preflight(Exchange x) {
    Answer a = Answer.status(200);
    for (Map.Entry<String, String> h :
        jolokia
            .handleCorsPreflightRequest(
                originOrReferer(x), x.header("Access-Control-Request-Headers"))
            .entrySet()) {
      a = a.with(h.getKey(), h.getValue());
    }
    return a;
  }

  /** Leaves exception class names, values and stack traces out of every error of the answer. */
  @SuppressWarnings("unchecked")
  static JSONStructure scrub(JSONStructure json) {
    if (json instanceof JSONArray array) {
      array.forEach(o -> scrub((JSONStructure) o));
    } else if (json instanceof JSONObject object) {
      Object status = object.get("status");
      if (status instanceof Number n && n.intValue() != 200) {
        ERROR_DETAILS.forEach(object::remove);
      }
    }
    return json;
  }

  private static String originOrReferer(Exchange x) {
    String o = x.header("Origin");
    if (o == null) {
      o = x.header("Referer");
    }
    return o == null ? null : o.replaceAll("[\\n\\r]*", "");
  }

  private static String charset(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET.matcher(contentType);
    return m.matches() ? m.group(1) : null;
  }

  static byte[] error(int status, String message) {
    JSONObject o = new JSONObject();
    o.put("status", status);
    o.put("error", message);
    return o.toJSONString().getBytes(StandardCharsets.UTF_8);
  }

  /** A byte buffer that refuses to grow past its limit. */
  private static final class Bounded extends ByteArrayOutputStream {
    static final class Exceeded extends RuntimeException {
      Exceeded() {
        super("response limit exceeded", null, false, false);
      }
    }

    private final long max;

    Bounded(long max) {
      super(8192);
      this.max = max;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      if (count + (long) len > max) {
        throw new Exceeded();
      }
      super.write(b, off, len);
    }

    @Override
    public synchronized void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }
}
