package io.virtmx.view.jolokia;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import io.virtmx.security.BasicCredentials;
import io.virtmx.security.Role;
import io.virtmx.security.RolePrincipal;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import org.jolokia.jvmagent.handler.JolokiaHttpHandler;

/**
 * Authenticates every request against the users file (basic auth, or Jolokia's {@code
 * X-Jolokia-Authorization} header that browser consoles use) and runs Jolokia's handling as that
 * user: under a JAAS Subject holding a {@link RolePrincipal} (the MBeans' operations take their
 * caller from it) and with the {@link Client} set for the {@link RoleRestrictor}. No or bad
 * credentials get HTTP 401 with a body in Jolokia's error form:
 *
 * <pre>
 * {"status":401,"error_type":"java.lang.SecurityException","error":"authentication required",".error":true}
 * </pre>
 */
final class JolokiaHandler implements HttpHandler {
  private static final String REALM = "virtmx";

  private final JolokiaHttpHandler jolokia;
  private final BasicCredentials credentials;

  JolokiaHandler(JolokiaHttpHandler jolokia, BasicCredentials credentials) {
    this.jolokia = jolokia;
    this.credentials = credentials;
  }

  static RolePrincipal anonymous() {
    return new RolePrincipal("anonymous", Role.VIEWER, "jolokia", true);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String header = exchange.getRequestHeaders().getFirst("Authorization");
      if (header == null) {
        header = exchange.getRequestHeaders().getFirst("X-Jolokia-Authorization");
      }
      Optional<RolePrincipal> principal = credentials.principal(header);
      if (principal.isEmpty()) {
        unauthorized(
            exchange, header == null ? "authentication required" : "authentication failed");
        return;
      }
      Subject subject = new Subject(true, Set.of(principal.get()), Set.of(), Set.of());
      Client.set(new Client(principal.get(), origin(exchange)));
      try {
        runAs(
            subject,
            () -> {
              jolokia.doHandle(exchange);
              return null;
            });
      } finally {
        Client.clear();
      }
    }
  }

  private static void runAs(Subject subject, PrivilegedExceptionAction<Void> action)
      throws IOException {
    try {
      Subject.doAs(subject, action);
    } catch (java.security.PrivilegedActionException e) {
      if (e.getException() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getException());
    }
  }

  /**
   * This server's origin as the client addressed it, e.g. {@code http://127.0.0.1:8778}; null
   * without Host.
   */
  private static String origin(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    return host == null
        ? null
        : (exchange instanceof HttpsExchange ? "https://" : "http://")
            + host.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static void unauthorized(HttpExchange exchange, String message) throws IOException {
    byte[] body =
        ("{\"status\":401,\"error_type\":\"java.lang.SecurityException\",\"error\":\""
                + message
                + "\",\".error\":true}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(401, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
