/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The name of an instance: class and key bindings, with a namespace when it points into another
 * namespace ({@code
 * root/virt:KVM_ComputerSystem.CreationClassName="KVM_ComputerSystem",Name="vm1"}). Key values are
 * String, Boolean, Long or another CimObjectPath. Equality ignores case in class and key names, as
 * CIM does.
 */
public final class CimObjectPath {
  /** One key binding. */
  public record Key(String name, Object value) {}

  private final String namespace;
  private final String className;
  private final List<Key> keys;
  private final String identity;

  public CimObjectPath(String namespace, String className, List<Key> keys) {
    this.namespace = namespace;
    this.className = className;
    this.keys = List.copyOf(keys);
    this.identity = identity(className, this.keys);
  }

  private static String identity(String className, List<Key> keys) {
    List<Key> sorted = new ArrayList<>(keys);
    sorted.sort(Comparator.comparing(k -> k.name().toLowerCase(Locale.ROOT)));
    StringBuilder b = new StringBuilder(className.toLowerCase(Locale.ROOT));
    for (Key k : sorted) {
      b.append('\u0001').append(k.name().toLowerCase(Locale.ROOT)).append('=');
      b.append(
          k.value() instanceof CimObjectPath p
              ? "{" + p.identity + "}"
              : String.valueOf(k.value()));
    }
    return b.toString();
  }

  /** The namespace, or null for a path local to the namespace of the request. */
  public String namespace() {
    return namespace;
  }

  public String className() {
    return className;
  }

  public List<Key> keys() {
    return keys;
  }

  /** The value of a key (case-insensitive name), or null. */
  public Object key(String name) {
    for (Key k : keys) {
      if (k.name().equalsIgnoreCase(name)) {
        return k.value();
      }
    }
    return null;
  }

  public CimObjectPath withNamespace(String ns) {
    return new CimObjectPath(ns, className, keys);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CimObjectPath p && p.identity.equals(identity);
  }

  @Override
  public int hashCode() {
    return identity.hashCode();
  }

  /** The WBEM URI form, as wbemcli prints it. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    if (namespace != null) {
      b.append(namespace).append(':');
    }
    b.append(className);
    String sep = ".";
    for (Key k : keys) {
      b.append(sep).append(k.name()).append('=');
      if (k.value() instanceof String s) {
        b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      } else {
        b.append(
            k.value() instanceof CimObjectPath p
                ? "\"" + p.toString().replace("\"", "\\\"") + "\""
                : k.value());
      }
      sep = ",";
    }
    return b.toString();
  }
}
