/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Admits password checks (one PBKDF2 hash each, about 60 ms of a core) so that guessing costs the
 * guesser time and cannot take the CPU from everyone else. Failures are counted per client address
 * (an IPv6 client by its /64; clients whose address a view did not give count as one) and per user
 * name, in a {@link FailureCounts} each: after {@link LoginSettings#freeFailures()} free ones each
 * failure starts a delay (1 s, doubling, capped) during which that address or name is answered
 * "throttled" at once, without hashing; enough failures within the window lock it out for longer. A
 * right password resets both counts. At most one check per known address is in flight and at most
 * {@link LoginSettings#maxConcurrentChecks()} over all addresses; a check that cannot get a slot
 * within {@link LoginSettings#slotWait()} is throttled too, never queued. Both tables are capped at
 * {@link LoginSettings#maxTracked()} entries (expired entries go first, then the least recently
 * used), so a spray from many addresses or names cannot grow the heap.
 *
 * <p>The guard is consulted only for a password not already known to be right: {@link
 * Authenticator} accepts a name and password whose digest it remembers from a successful check
 * before asking here. That is what keeps a real user working while a guesser behind the same NAT
 * address, or guessing the same user name, is locked out: the user's client sends the exact
 * password that was verified, which costs no hashing and proves nothing new to the guesser, while
 * every other password for that name or from that address waits out the lock-out.
 */
final class LoginGuard {
  /** What a refusal or lock-out is about. */
  enum Scope {
    CLIENT,
    USER,
    /** Every password-check slot of the agent is busy. */
    AGENT;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Why a check was not admitted. */
  enum Cause {
    DELAYED,
    LOCKED_OUT,
    BUSY;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** The guard's answer to "may this password be checked now?". */
  sealed interface Admission permits Permit, Refusal {}

  /** Not now: {@code retryAfterSeconds} (at least 1) until the address or name may try again. */
  record Refusal(Scope scope, Cause cause, long retryAfterSeconds) implements Admission {}

  /** Yes: one slot held until {@link #succeeded}, {@link #failed} or {@link #abandoned}. */
  static final class Permit implements Admission {
    private final String client;
    private final String user;
    private final boolean inFlight;
    private final AtomicBoolean held = new AtomicBoolean(true);

    private Permit(String client, String user, boolean inFlight) {
      this.client = client;
      this.user = user;
      this.inFlight = inFlight;
    }
  }

  /** A lock-out that a failure started. */
  record Lockout(Scope scope, int failures, Duration length) {}

  /**
   * A recorded failure: the consecutive failures of the address and of the name, the delay it
   * started (0 if none) and any lock-outs.
   */
  record Failure(int clientFailures, int userFailures, long delaySeconds, List<Lockout> lockouts) {}

  private final LoginSettings settings;
  private final LongSupplier nanos;
  private final Semaphore slots;
  private final FailureCounts clients;
  private final FailureCounts users;
  private final Set<String> inFlight = new HashSet<>();

  LoginGuard(LoginSettings settings, LongSupplier nanos) {
    this.settings = settings;
    this.nanos = nanos;
    this.slots = new Semaphore(settings.maxConcurrentChecks());
    this.clients = new FailureCounts(settings, Scope.CLIENT);
    this.users = new FailureCounts(settings, Scope.USER);
  }

  /**
   * Whether the password of {@code user} from {@code client} may be checked now; a permit holds a
   * slot, waiting at most {@link LoginSettings#slotWait()} for one.
   */
  Admission admit(InetAddress client, String user) {
    String clientKey = clientKey(client);
    String userKey = userKey(user);
    boolean marked = client != null; // an unknown address is not one client: no in-flight bound
    synchronized (this) {
      long now = nanos.getAsLong();
      Refusal refusal = clients.blocked(clientKey, now);
      if (refusal == null) {
        refusal = users.blocked(userKey, now);
      }
      if (refusal != null) {
        return refusal;
      }
      if (marked && !inFlight.add(clientKey)) {
        return new Refusal(Scope.CLIENT, Cause.BUSY, 1);
      }
    }
    if (!acquireSlot()) {
      if (marked) {
        synchronized (this) {
          inFlight.remove(clientKey);
        }
      }
      return new Refusal(Scope.AGENT, Cause.BUSY, 1);
    }
    return new Permit(clientKey, userKey, marked);
  }

  /** A right password: the address's and the name's counts start over. */
  void succeeded(Permit permit) {
    if (release(permit)) {
      synchronized (this) {
        clients.forget(permit.client);
        users.forget(permit.user);
      }
    }
  }

  /** A wrong password (or an unknown name): counted against the address and the name. */
  Failure failed(Permit permit) {
    if (!release(permit)) {
      throw new IllegalStateException("permit already used");
    }
    synchronized (this) {
      long now = nanos.getAsLong();
      List<Lockout> lockouts = new ArrayList<>(2);
      FailureCounts.Counted client = clients.fail(permit.client, now, lockouts);
      FailureCounts.Counted user = users.fail(permit.user, now, lockouts);
      long delay = Math.max(client.delayNanos(), user.delayNanos());
      return new Failure(client.failures(), user.failures(), seconds(delay), List.copyOf(lockouts));
    }
  }

  /** The check did not complete (an error): the slot is freed and nothing is counted. */
  void abandoned(Permit permit) {
    release(permit);
  }

  /** Entries remembered: addresses and user names. */
  synchronized int tracked() {
    return clients.size() + users.size();
  }

  /**
   * The address failures are counted under: the address itself, or the /64 network of a global IPv6
   * address (one host commonly has a whole /64); "unknown" when the view could not tell.
   */
  static String clientKey(InetAddress client) {
    if (client == null) {
      return "unknown";
    }
    if (client instanceof Inet6Address && !client.isLoopbackAddress()) {
      byte[] prefix = java.util.Arrays.copyOf(client.getAddress(), 16);
      java.util.Arrays.fill(prefix, 8, 16, (byte) 0);
      try {
        return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e); // 16 bytes are always an address
      }
    }
    return client.getHostAddress();
  }

  private static String userKey(String user) {
    String u = user == null ? "" : user;
    return u.length() > 64 ? u.substring(0, 64) : u; // no real name is longer (see User)
  }

  /**
   * The delay (nanos) after the n-th consecutive failure: 0 while free, then doubling to the cap.
   */
  long delayAfter(int failures) {
    return FailureCounts.delayAfter(settings, failures);
  }

  private boolean acquireSlot() {
    try {
      return slots.tryAcquire(settings.slotWait().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean release(Permit permit) {
    if (!permit.held.compareAndSet(true, false)) {
      return false;
    }
    slots.release();
    if (permit.inFlight) {
      synchronized (this) {
        inFlight.remove(permit.client);
      }
    }
    return true;
  }

  /** Nanoseconds as whole seconds, rounded up: at least 1 unless none. */
  static long seconds(long nanos) {
    return nanos <= 0 ? 0 : Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}
