/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import io.virtmx.security.BasicCredentials;
import io.virtmx.security.LoginResult;
import io.virtmx.security.RolePrincipal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks every request to one view passes, in this order, before the view sees it: header
 * count, authentication (from headers only, so nothing of a body is read for a stranger), body size
 * (a declared length over the limit is refused unread; a chunked body is read only up to the limit,
 * without holding a thread, within the body timeout), then the view's turn in its {@link Admission}
 * (a burst waits briefly, fairly between client addresses and without a thread, then gets 503). The
 * answer is written without holding a thread, so a client that does not read it costs no thread,
 * only its connection until the write timeout.
 */
final class Gate extends Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger(Gate.class);
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private final HttpView view;
  private final BasicCredentials credentials;
  private final ConnectionGuard guard;
  private final HttpSettings settings;
  private final Executor executor;
  private final Scheduler scheduler;
  private final Admission admission;

  /**
   * @param admission the view's own, or the one every costly view of the endpoint shares
   */
  Gate(
      HttpView view,
      BasicCredentials credentials,
      ConnectionGuard guard,
      HttpSettings settings,
      Executor executor,
      Scheduler scheduler,
      Admission admission) {
    this.view = view;
    this.credentials = credentials;
    this.guard = guard;
    this.settings = settings;
    this.executor = executor;
    this.scheduler = scheduler;
    this.admission = admission;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
    guard.requestStarted(remote);
    Callback done = ending(callback, remote);
    HttpFields headers = request.getHeaders();
    if (headers.size() > settings.maxHeaders()) {
      send(
          request, response, done, refusal(431, "more than " + settings.maxHeaders() + " headers"));
      return true;
    }
    InetSocketAddress client = (InetSocketAddress) remote;
    LoginResult login = credentials.principal(credentialsOf(headers), client.getAddress());
    if (login instanceof LoginResult.Throttled t) {
      send(
          request,
          response,
          done,
          unread(
              request,
              refusal(429, t.message()).with("Retry-After", Long.toString(t.retryAfterSeconds()))));
      return true;
    }
    Optional<RolePrincipal> principal = login.accepted();
    if (principal.isEmpty()) {
      send(
          request,
          response,
          done,
          unread(
              request,
              refusal(401, login.message())
                  .with("WWW-Authenticate", "Basic realm=\"" + view.realm() + "\"")));
      return true;
    }
    long declared = request.getLength();
    long max = view.limits().maxBody();
    if (declared > max) {
      send(request, response, done, tooLarge(max));
      return true;
    }
    if (declared == 0 || (declared < 0 && !headers.contains(HttpHeader.TRANSFER_ENCODING))) {
      serve(request, response, done, principal.get(), new byte[0]);
      return true;
    }
    BodyReader.read(request, max, declared)
        .orTimeout(settings.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (body, failure) -> {
              try {
                executor.execute(
                    () -> afterBody(request, response, done, principal.get(), body, failure));
              } catch (RejectedExecutionException e) {
                send(request, response, done, refusal(503, "server busy"));
              }
            });
    return true;
  }

  private void afterBody(
      Request request,
      Response response,
      Callback done,
      RolePrincipal principal,
      byte[] body,
      Throwable failure) {
    Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
    if (cause instanceof TimeoutException) {
      send(request, response, done, refusal(408, "request body not received in time"));
    } else if (cause != null) {
      done.failed(cause); // the client went away or sent a broken body
    } else if (body == null) {
      send(request, response, done, tooLarge(view.limits().maxBody()));
    } else {
      serve(request, response, done, principal, body);
    }
  }

  /** Waits (without a thread) for the view's turn, then lets it answer. */
  private void serve(
      Request request, Response response, Callback done, RolePrincipal principal, byte[] body) {
    InetSocketAddress client =
        (InetSocketAddress) request.getConnectionMetaData().getRemoteSocketAddress();
    admission.admit(
        client.getAddress(),
        body.length,
        view.limits().queueWait().toNanos(),
        () -> answer(request, response, done, principal, body),
        () ->
            send(
                request,
                response,
                done,
                refusal(503, view.name() + " is busy: try again").with("Retry-After", "1")));
  }

  private void answer(
      Request request, Response response, Callback done, RolePrincipal principal, byte[] body) {
    Answer answer;
    long cpu0 = CPU.getCurrentThreadCpuTime();
    try {
      answer = view.serve(exchange(request, principal, body));
    } catch (Exception | StackOverflowError e) {
      log.warn(
          "{} request {} failed: {}", view.name(), request.getHttpURI().getPath(), e.toString());
      answer = refusal(500, "internal error (logged by the agent)");
    } finally {
      admission.release(Math.max(0, CPU.getCurrentThreadCpuTime() - cpu0));
    }
    send(request, response, done, answer);
  }

  private Exchange exchange(Request request, RolePrincipal principal, byte[] body) {
    HttpFields headers = request.getHeaders();
    String host = headers.get(HttpHeader.HOST);
    boolean secure = request.isSecure();
    return new Exchange(
        request.getMethod(),
        URI.create(request.getHttpURI().getPathQuery()),
        headers::get,
        body,
        principal,
        (InetSocketAddress) request.getConnectionMetaData().getRemoteSocketAddress(),
        host == null
            ? null
            : (secure ? "https://" : "http://") + host.strip().toLowerCase(java.util.Locale.ROOT));
  }

  private String credentialsOf(HttpFields headers) {
    for (String name : view.credentialHeaders()) {
      String value = headers.get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private Answer refusal(int status, String reason) {
    return view.refuse(status, reason);
  }

  private Answer tooLarge(long max) {
    return refusal(413, "request body larger than " + max + " bytes").with("Connection", "close");
  }

  /** A refusal sent before a request's body was read: the connection closes after it. */
  private static Answer unread(Request request, Answer answer) {
    boolean body =
        request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    return body ? answer.with("Connection", "close") : answer;
  }

  /**
   * Writes the answer without blocking; the callback completes when it is written or fails. An
   * answer not written within the write timeout (a client that stopped reading) closes the
   * connection.
   */
  private void send(Request request, Response response, Callback callback, Answer answer) {
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    Scheduler.Task deadline =
        scheduler.schedule(
            () -> endPoint.close(new TimeoutException("answer not written in time")),
            settings.writeTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
    Callback written =
        Callback.from(
            () -> {
              deadline.cancel();
              callback.succeeded();
            },
            x -> {
              deadline.cancel();
              callback.failed(x);
            });
    response.setStatus(answer.status());
    HttpFields.Mutable headers = response.getHeaders();
    for (Map.Entry<String, String> h : answer.headers()) {
      headers.add(h.getKey(), headerValue(h.getValue()));
    }
    headers.put(HttpHeader.CONTENT_LENGTH, answer.length());
    if (request.getMethod().equals("HEAD")) {
      if (answer.stream() != null) {
        answer.stream().close();
      }
      new PartWriter(response, PartWriter.parts(List.of()), written).iterate();
    } else {
      PartWriter.Parts parts =
          answer.stream() != null
              ? PartWriter.parts(answer.stream())
              : PartWriter.parts(answer.body());
      new PartWriter(response, parts, written).iterate();
    }
  }

  /** A header value as HTTP allows it: printable ASCII, no line breaks, at most 1000 characters. */
  static String headerValue(String v) {
    StringBuilder b = new StringBuilder(Math.min(v.length(), 1000));
    for (int i = 0; i < v.length() && b.length() < 1000; i++) {
      char c = v.charAt(i);
      b.append(c >= 0x20 && c < 0x7f ? c : c == '\t' ? ' ' : '?');
    }
    return b.toString();
  }

  private Callback ending(Callback callback, SocketAddress remote) {
    return new Callback() {
      @Override
      public void succeeded() {
        guard.requestEnded(remote);
        callback.succeeded();
      }

      @Override
      public void failed(Throwable x) {
        guard.requestEnded(remote);
        callback.failed(x);
      }

      @Override
      public InvocationType getInvocationType() {
        return callback.getInvocationType();
      }
    };
  }
}
