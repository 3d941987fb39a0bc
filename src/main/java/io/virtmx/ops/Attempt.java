/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.model.ObjectEvent;
import io.virtmx.security.AuditLog;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One operation attempt as the audit log names it — who, on which host and object, which operation
 * with the arguments that matter — and the argument checks it must pass before libvirt is called:
 *
 * <pre>
 * Attempt.on(caller, "vm", Kind.DOMAIN, "vm1", "setMemory")
 *     .arg("memory-kib", kib)
 *     .require(kib > 0, "memory must be positive, got " + kib)
 * </pre>
 *
 * Never give a password or secret as an argument.
 */
final class Attempt {
  private static final Pattern URI_PASSWORD = Pattern.compile("(//[^/@:]*):[^/@]*@");

  private final Caller caller;
  private final String host;
  private final ObjectEvent.Kind kind;
  private String name;
  private String object;
  private final String operation;
  private final StringBuilder args = new StringBuilder();
  private String invalid;

  private Attempt(
      Caller caller, String host, ObjectEvent.Kind kind, String name, String object, String op) {
    this.caller = caller;
    this.host = host;
    this.kind = kind;
    this.name = name;
    this.object = object;
    this.operation = op;
  }

  /** An operation on one object, which the collector refreshes afterwards. */
  static Attempt on(
      Caller caller, String host, ObjectEvent.Kind kind, String name, String operation) {
    return new Attempt(caller, host, kind, name, label(kind) + "/" + name, operation);
  }

  /**
   * An operation on a volume: audited as {@code volume/POOL/VOLUME}, the pool refreshed afterwards.
   */
  static Attempt onVolume(Caller caller, String host, String pool, String volume, String op) {
    return new Attempt(
        caller, host, ObjectEvent.Kind.POOL, pool, "volume/" + pool + "/" + volume, op);
  }

  /**
   * An operation creating an object of {@code kind} whose name libvirt tells: see {@link #named}.
   */
  static Attempt creating(Caller caller, String host, ObjectEvent.Kind kind, String operation) {
    return new Attempt(caller, host, kind, null, label(kind), operation);
  }

  /** A view's pre-check of an operation, before it names the host and object. */
  static Attempt precheck(Caller caller, String operation) {
    return new Attempt(caller, "", null, null, "", operation);
  }

  /** An operation on the host itself (no object to refresh). */
  static Attempt onHost(Caller caller, String host, String operation) {
    return new Attempt(caller, host, null, null, "host/" + host, operation);
  }

  /**
   * An operation on a host object with no event kind of its own (a host interface): audited as
   * {@code object}, nothing refreshed by kind afterwards.
   */
  static Attempt onHostObject(Caller caller, String host, String object, String operation) {
    return new Attempt(caller, host, null, null, object, operation);
  }

  /** Adds an argument for the audit line. */
  Attempt arg(String key, Object value) {
    if (args.length() > 0) {
      args.append(' ');
    }
    args.append(key).append('=').append(AuditLog.value(String.valueOf(value)));
    return this;
  }

  /** Adds a libvirt URI argument, any password in it hidden. */
  Attempt uriArg(String key, String uri) {
    return arg(key, withoutPassword(uri));
  }

  /** {@code uri} with any password in it replaced by {@code ***}; "" for null. */
  static String withoutPassword(String uri) {
    return uri == null ? "" : URI_PASSWORD.matcher(uri).replaceAll("$1:***@");
  }

  /** An argument check: when {@code ok} is false the attempt is refused with {@code message}. */
  Attempt require(boolean ok, String message) {
    if (!ok && invalid == null) {
      invalid = message;
    }
    return this;
  }

  /** The name libvirt gave the object this attempt created. */
  void named(String created) {
    this.name = created;
    this.object = label(kind) + "/" + created;
  }

  /** Throws the first failed argument check, if any. */
  void validate() {
    if (invalid != null) {
      throw new OperationException(OperationException.Reason.INVALID_ARGUMENT, invalid);
    }
  }

  Caller caller() {
    return caller;
  }

  String host() {
    return host;
  }

  String operation() {
    return operation;
  }

  /** The object the collector should refresh afterwards; null for none. */
  ObjectEvent.Kind kind() {
    return name == null ? null : kind;
  }

  String name() {
    return name;
  }

  /** The audit line of this attempt: {@code result} is ok, refused or failed. */
  AuditLog.Line line(String result, String reason) {
    AuditLog.Line line = AuditLog.op(operation).with("result", result);
    if (reason != null) {
      line.with("reason", reason);
    }
    return line.with("host", host)
        .with("object", object)
        .with("args", args)
        .with("user", caller.name())
        .with("role", caller.role().label())
        .with("view", caller.via())
        .with("client", caller.client());
  }

  private static String label(ObjectEvent.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
