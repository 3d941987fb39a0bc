/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's one rule for who may talk to a view, shared by JMX, Jolokia, metrics and CIM: with a
 * users file every remote client authenticates against it; without one, views may only listen on
 * loopback and anonymous clients there are viewers. A view refuses to start on a non-loopback
 * address without a users file. Every view's login goes through {@link #login}: a remembered
 * password is accepted at once, any other is admitted by the {@link LoginGuard} before its hash is
 * checked, and failures, lock-outs and throttled attempts are written to the {@link AuditLog}.
 */
public final class Authenticator {
  private static final Logger log = LoggerFactory.getLogger(Authenticator.class);

  private volatile UsersFile users;
  private final UsersSource source;
  private final LoginGuard guard;
  private final RememberedLogins remembered;
  private final LoginAudit audit;

  private Authenticator(
      UsersFile users,
      UsersSource source,
      LoginSettings settings,
      LongSupplier nanos,
      Clock wall) {
    this.users = users;
    this.source = source;
    this.guard = new LoginGuard(settings, nanos);
    this.remembered = new RememberedLogins(nanos);
    this.audit = new LoginAudit(nanos, wall, settings.maxTracked());
  }

  /**
   * The users file named by {@code --users}, or the default {@code /etc/virtmx/users} when it
   * exists; without either, no authentication (loopback only). Failed logins are throttled with the
   * default {@link LoginSettings}.
   */
  public static Authenticator fromOption(Path usersOption) throws IOException {
    return fromOption(usersOption, LoginSettings.DEFAULTS);
  }

  /** As {@link #fromOption(Path)}, failed logins throttled as {@code login} says. */
  public static Authenticator fromOption(Path usersOption, LoginSettings login) throws IOException {
    if (usersOption != null) {
      if (!Files.isReadable(usersOption)) {
        throw new IllegalArgumentException(
            "users file "
                + usersOption
                + " does not exist or is not readable "
                + "(create it with 'virtmx user add NAME --role operator --users "
                + usersOption
                + "')");
      }
      return fromFile(usersOption, login);
    }
    if (Files.isReadable(UsersFile.DEFAULT)) {
      return fromFile(UsersFile.DEFAULT, login);
    }
    return none();
  }

  public static Authenticator of(UsersFile users) {
    return of(users, LoginSettings.DEFAULTS);
  }

  public static Authenticator of(UsersFile users, LoginSettings login) {
    return new Authenticator(users, null, login, System::nanoTime, Clock.systemUTC());
  }

  /** Users from {@code file}, which {@link #reloadIfChanged} and {@link #reload} read again. */
  static Authenticator fromFile(Path file, LoginSettings login) throws IOException {
    UsersSource source = new UsersSource(file);
    return new Authenticator(source.load(), source, login, System::nanoTime, Clock.systemUTC());
  }

  /** For tests: time from {@code nanos} (a monotonic nanosecond count). */
  static Authenticator of(UsersFile users, LoginSettings login, LongSupplier nanos) {
    return new Authenticator(users, null, login, nanos, Clock.systemUTC());
  }

  public static Authenticator none() {
    return new Authenticator(
        null, null, LoginSettings.DEFAULTS, System::nanoTime, Clock.systemUTC());
  }

  /**
   * Reads the users file again if it changed since it was last read (its modification time, size
   * or file key); returns whether it did. A file that cannot be read or parsed leaves the users as
   * they were and is logged. Logins remembered from the old file are forgotten.
   */
  public boolean reloadIfChanged() {
    return source != null && source.changed() && reload();
  }

  /** Reads the users file again now (on SIGHUP); returns whether the new users took effect. */
  public boolean reload() {
    if (source == null) {
      return false;
    }
    try {
      UsersFile fresh = source.load();
      users = fresh;
      remembered.clear();
      log.info("users file {} read again: {} user(s)", source.file(), fresh.users().size());
      return true;
    } catch (IOException | RuntimeException e) {
      log.warn(
          "users file {} not read again, the previous users stay: {}",
          source.file(),
          e.getMessage());
      return false;
    }
  }

  /** Whether every client must authenticate (a users file is configured). */
  public boolean required() {
    return users != null;
  }

  /**
   * Logs a client of {@code view} in. Without a users file everyone is the anonymous viewer. With
   * one: no name or password is refused ("authentication required"); a name and password a previous
   * check found right are accepted without further ado; any other pair is checked only if the guard
   * admits it now (else "throttled"), and a wrong one is refused ("authentication failed"), counted
   * and audited. The password array is left as it is.
   *
   * @param view the view's name in the audit log ("jolokia", "jmx")
   * @param client the client's address; null if the view cannot tell
   */
  private static final long SAME_CHECK_WAIT_MILLIS = 2000;

  private final Map<String, CompletableFuture<LoginResult>> checking = new ConcurrentHashMap<>();

  public LoginResult login(String view, InetAddress client, String user, char[] password) {
    String address = LoginAudit.text(client);
    if (!required()) {
      return new LoginResult.Accepted(
          new RolePrincipal("anonymous", Role.VIEWER, view, true, address));
    }
    if (user == null || password == null) {
      return LoginResult.Refused.REQUIRED;
    }
    Optional<Role> known = remembered.role(user, password);
    if (known.isPresent()) {
      return accepted(user, known.get(), view, address);
    }
    // A client that opens several connections at once sends the same new credentials on each:
    // one check answers them all, and the others neither wait for a slot nor count as failures.
    String key = RememberedLogins.digest(user, password);
    CompletableFuture<LoginResult> mine = new CompletableFuture<>();
    CompletableFuture<LoginResult> running = checking.putIfAbsent(key, mine);
    if (running != null) {
      return sameAs(running, user, view, address);
    }
    try {
      LoginResult result = check(view, client, address, user, password);
      mine.complete(result);
      return result;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      checking.remove(key, mine);
    }
  }

  /** The answer of a check of the same credentials already running, as this view's. */
  private LoginResult sameAs(
      CompletableFuture<LoginResult> running, String user, String view, String address) {
    try {
      LoginResult r = running.get(SAME_CHECK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      return r instanceof LoginResult.Accepted a
          ? accepted(user, a.principal().role(), view, address)
          : r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new LoginResult.Throttled("interrupted", 1);
    } catch (ExecutionException | TimeoutException e) {
      return new LoginResult.Throttled(
          "a login with the same credentials is being checked; try again in 1 s", 1);
    }
  }

  private LoginResult check(
      String view, InetAddress client, String address, String user, char[] password) {
    LoginGuard.Admission admission = guard.admit(client, user);
    if (admission instanceof LoginGuard.Refusal r) {
      audit.throttled(view, client, user, r);
      return new LoginResult.Throttled(message(r, address), r.retryAfterSeconds());
    }
    LoginGuard.Permit permit = (LoginGuard.Permit) admission;
    Optional<Role> role;
    try {
      role = users.authenticate(user, password);
    } catch (RuntimeException e) {
      guard.abandoned(permit);
      throw e;
    }
    if (role.isEmpty()) {
      audit.failed(view, client, user, guard.failed(permit));
      return LoginResult.Refused.FAILED;
    }
    guard.succeeded(permit);
    remembered.remember(user, password, role.get());
    audit.accepted(view, client, user, role.get());
    return accepted(user, role.get(), view, address);
  }

  /**
   * The role of a user whose password is right; empty otherwise (or when no users file is
   * configured, or when throttled). Prefer {@link #login}, which knows the view and the client.
   */
  public Optional<Role> authenticate(String name, char[] password) {
    if (!required()) {
      return Optional.empty();
    }
    return login("unknown", null, name, password).accepted().map(RolePrincipal::role);
  }

  /**
   * Checks that a view may listen on {@code bind}: a non-loopback address needs authentication.
   *
   * @param view the view's option prefix for the message, e.g. "--jmx-bind"
   */
  public void checkBind(String view, InetAddress bind) {
    if (!required() && !bind.isLoopbackAddress()) {
      throw new IllegalArgumentException(
          view
              + " "
              + bind.getHostAddress()
              + " is not a loopback address: "
              + "listening there requires authentication (--users FILE)");
    }
  }

  int tracked() {
    return guard.tracked();
  }

  private static LoginResult accepted(String user, Role role, String view, String address) {
    return new LoginResult.Accepted(new RolePrincipal(user, role, view, false, address));
  }

  private static String message(LoginGuard.Refusal r, String address) {
    String again = "; try again in " + r.retryAfterSeconds() + " s";
    return switch (r.scope()) {
      case CLIENT ->
          r.cause() == LoginGuard.Cause.BUSY
              ? "a login from " + address + " is being checked" + again
              : "too many failed logins from " + address + again;
      case USER -> "too many failed logins for this user" + again;
      case AGENT -> "too many logins being checked" + again;
    };
  }
}
