/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

/**
 * A libvirt call that failed, with libvirt's error code, error domain and message as read from its
 * thread-local last error.
 *
 * <p>Unchecked on purpose: every native call can fail, the collector handles failures once per
 * domain or per group rather than per call, and most calls run inside lambdas where checked
 * exceptions only add wrapping. Callers that care test {@link #isNoDomain()} (domain vanished
 * mid-collection) or {@link #isNoSupport()} (driver lacks the call, so fall back or report
 * "unknown").
 */
public class LibvirtCallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** virErrorNumber VIR_ERR_NO_SUPPORT: the driver does not implement the call. */
  public static final int VIR_ERR_NO_SUPPORT = 3;

  /** virErrorNumber VIR_ERR_INVALID_ARG. */
  public static final int VIR_ERR_INVALID_ARG = 8;

  /** virErrorNumber VIR_ERR_NO_DOMAIN: the domain does not exist (any more). */
  public static final int VIR_ERR_NO_DOMAIN = 42;

  /** virErrorNumber VIR_ERR_OPERATION_INVALID, e.g. asking a shut-off domain for runtime data. */
  public static final int VIR_ERR_OPERATION_INVALID = 55;

  private final String function;
  private final int code;
  private final int errorDomain;
  private final String libvirtMessage;

  public LibvirtCallException(String function, int code, int errorDomain, String libvirtMessage) {
    super(
        function
            + " failed: "
            + libvirtMessage
            + " (code "
            + code
            + ", domain "
            + errorDomain
            + ")");
    this.function = function;
    this.code = code;
    this.errorDomain = errorDomain;
    this.libvirtMessage = libvirtMessage;
  }

  /** Name of the libvirt function that failed. */
  public String function() {
    return function;
  }

  /** libvirt's virErrorNumber (0 if libvirt recorded no error). */
  public int code() {
    return code;
  }

  /** libvirt's virErrorDomain, the subsystem that raised the error. */
  public int errorDomain() {
    return errorDomain;
  }

  /** libvirt's own message text. */
  public String libvirtMessage() {
    return libvirtMessage;
  }

  public boolean isNoDomain() {
    return code == VIR_ERR_NO_DOMAIN;
  }

  public boolean isNoSupport() {
    return code == VIR_ERR_NO_SUPPORT;
  }
}
