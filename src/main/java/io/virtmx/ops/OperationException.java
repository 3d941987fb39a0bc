/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

/**
 * Why an operation did not happen, in words fit to show the user as they are: libvirt's own message
 * for a failed call ("internal error: unable to execute QEMU command"), or ours for a refusal
 * (access, arguments, or a state change the domain's current state does not allow). Each view maps
 * the reason to its protocol's error form (JMX exception, HTTP 403, CIM_ERR_…).
 */
public final class OperationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kind of failure, for the views' error mapping. */
  public enum Reason {
    /** The agent runs with --read-only. */
    READ_ONLY,
    /** The caller's role does not allow it. */
    DENIED,
    /** No such host, domain, pool, volume, network or snapshot. */
    NOT_FOUND,
    /** An argument is out of range or malformed. */
    INVALID_ARGUMENT,
    /**
     * The domain's current state does not allow the change ("domain 'web1' is shut off: cannot
     * suspend it"): refused by the lifecycle policy before libvirt is asked.
     */
    INVALID_STATE,
    /** The host is down. */
    UNAVAILABLE,
    /** libvirt refused or failed; the message is libvirt's. */
    FAILED
  }

  private final Reason reason;
  private final boolean refusal;

  public OperationException(Reason reason, String message) {
    this(reason, message, false);
  }

  private OperationException(Reason reason, String message, boolean refusal) {
    super(message, null, false, false);
    this.reason = reason;
    this.refusal = refusal;
  }

  /**
   * An invalid argument found only once libvirt was asked something (e.g. a save image's XML):
   * audited as refused, like the checks made before libvirt is called.
   */
  static OperationException refused(String message) {
    return new OperationException(Reason.INVALID_ARGUMENT, message, true);
  }

  /** Whether our checks refused the operation (rather than libvirt failing it). */
  boolean refusal() {
    return refusal;
  }

  public Reason reason() {
    return reason;
  }
}
