/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

/**
 * A CIM error as DSP0201 codes it, answered in the body as {@code <ERROR CODE="6"
 * DESCRIPTION="…"/>}.
 */
public final class CimException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final int FAILED = 1;
  public static final int ACCESS_DENIED = 2;
  public static final int INVALID_NAMESPACE = 3;
  public static final int INVALID_PARAMETER = 4;
  public static final int INVALID_CLASS = 5;
  public static final int NOT_FOUND = 6;
  public static final int NOT_SUPPORTED = 7;
  public static final int ALREADY_EXISTS = 11;
  public static final int NO_SUCH_PROPERTY = 12;
  public static final int QUERY_LANGUAGE_NOT_SUPPORTED = 14;
  public static final int INVALID_QUERY = 15;
  public static final int METHOD_NOT_AVAILABLE = 16;
  public static final int METHOD_NOT_FOUND = 17;
  public static final int INVALID_ENUMERATION_CONTEXT = 21;
  public static final int INVALID_OPERATION_TIMEOUT = 22;
  public static final int FILTERED_ENUMERATION_NOT_SUPPORTED = 25;
  public static final int CONTINUATION_ON_ERROR_NOT_SUPPORTED = 26;
  public static final int SERVER_LIMITS_EXCEEDED = 27;

  private final int code;

  public CimException(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** DSP0201's name of the code, e.g. CIM_ERR_NOT_FOUND. */
  public static String codeName(int code) {
    return "CIM_ERR_"
        + switch (code) {
          case FAILED -> "FAILED";
          case ACCESS_DENIED -> "ACCESS_DENIED";
          case INVALID_NAMESPACE -> "INVALID_NAMESPACE";
          case INVALID_PARAMETER -> "INVALID_PARAMETER";
          case INVALID_CLASS -> "INVALID_CLASS";
          case NOT_FOUND -> "NOT_FOUND";
          case NOT_SUPPORTED -> "NOT_SUPPORTED";
          case NO_SUCH_PROPERTY -> "NO_SUCH_PROPERTY";
          case QUERY_LANGUAGE_NOT_SUPPORTED -> "QUERY_LANGUAGE_NOT_SUPPORTED";
          case INVALID_QUERY -> "INVALID_QUERY";
          case METHOD_NOT_AVAILABLE -> "METHOD_NOT_AVAILABLE";
          case METHOD_NOT_FOUND -> "METHOD_NOT_FOUND";
          case INVALID_ENUMERATION_CONTEXT -> "INVALID_ENUMERATION_CONTEXT";
          case INVALID_OPERATION_TIMEOUT -> "INVALID_OPERATION_TIMEOUT";
          case FILTERED_ENUMERATION_NOT_SUPPORTED -> "FILTERED_ENUMERATION_NOT_SUPPORTED";
          case CONTINUATION_ON_ERROR_NOT_SUPPORTED -> "CONTINUATION_ON_ERROR_NOT_SUPPORTED";
          case SERVER_LIMITS_EXCEEDED -> "SERVER_LIMITS_EXCEEDED";
          default -> String.valueOf(code);
        };
  }
}
