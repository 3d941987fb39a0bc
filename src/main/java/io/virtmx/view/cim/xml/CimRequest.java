/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.xml;

import io.virtmx.view.cim.CimException;
import io.virtmx.view.cim.CimObjectPath;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One simple CIM-XML request: an intrinsic method on a namespace ({@code EnumerateInstances} on
 * root/virt) or an extrinsic method on an object ({@code RequestStateChange} on a ComputerSystem).
 * Parameter values are String (VALUE), List of String (VALUE.ARRAY), {@link ClassName}, {@link
 * CimObjectPath}, or null.
 */
public record CimRequest(
    String messageId,
    String method,
    boolean intrinsic,
    String namespace,
    CimObjectPath target,
    Map<String, Object> params) {

  /** A CLASSNAME parameter value. */
  public record ClassName(String name) {}

  public boolean has(String param) {
    return params.containsKey(param.toLowerCase(Locale.ROOT));
  }

  public Object param(String name) {
    return params.get(name.toLowerCase(Locale.ROOT));
  }

  /** A string parameter, or {@code otherwise} when absent. */
  public String string(String name, String otherwise) {
    Object v = param(name);
    if (v == null) {
      return otherwise;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof ClassName c) {
      return c.name();
    }
    throw new CimException(
        CimException.INVALID_PARAMETER, "parameter " + name + " must be a single value");
  }

  /** A boolean parameter (TRUE/FALSE, any case), or {@code otherwise} when absent. */
  public boolean flag(String name, boolean otherwise) {
    String s = string(name, null);
    if (s == null) {
      return otherwise;
    }
    if (s.strip().equalsIgnoreCase("true")) {
      return true;
    }
    if (s.strip().equalsIgnoreCase("false")) {
      return false;
    }
    throw new CimException(
        CimException.INVALID_PARAMETER,
        "parameter " + name + " must be TRUE or FALSE, not '" + s + "'");
  }

  /** A class-name parameter (CLASSNAME element), or null when absent. */
  public String className(String name) {
    Object v = param(name);
    if (v == null) {
      return null;
    }
    if (v instanceof ClassName c) {
      return c.name();
    }
    if (v instanceof String s) {
      return s;
    }
    throw new CimException(
        CimException.INVALID_PARAMETER, "parameter " + name + " must be a class name");
  }

  /** PropertyList: null for all properties, else the names. */
  @SuppressWarnings("unchecked")
  public List<String> propertyList() {
    Object v = param("PropertyList");
    if (v == null) {
      return null;
    }
    if (v instanceof List<?> l) {
      return (List<String>) l;
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    throw new CimException(
        CimException.INVALID_PARAMETER, "PropertyList must be an array of property names");
  }

  /** An unsigned integer parameter, or {@code otherwise}. */
  public long number(String name, long otherwise) {
    String s = string(name, null);
    if (s == null || s.isBlank()) {
      return otherwise;
    }
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      throw new CimException(
          CimException.INVALID_PARAMETER,
          "parameter " + name + " must be a number, not '" + s + "'");
    }
  }
}
