/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The stable names of virtmx MBeans, e.g. {@code libvirt:type=Domain,host=hv1,name=web01}. A value
 * with a character an ObjectName value cannot hold ({@code , = : " * ?} or a newline) is quoted,
 * never altered: {@code libvirt:type=Domain,host=hv1,name="db:primary"}.
 */
public final class ObjectNames {
  public static final String DOMAIN = "libvirt";

  private ObjectNames() {}

  public static ObjectName host(String host) {
    return name("Host", "host", host);
  }

  public static ObjectName domain(String host, String domain) {
    return name("Domain", "host", host, "name", domain);
  }

  public static ObjectName disk(String host, String domain, String target) {
    return name("DomainDisk", "host", host, "domain", domain, "name", target);
  }

  public static ObjectName networkInterface(String host, String domain, String target) {
    return name("DomainInterface", "host", host, "domain", domain, "name", target);
  }

  public static ObjectName pool(String host, String pool) {
    return name("StoragePool", "host", host, "name", pool);
  }

  public static ObjectName volume(String host, String pool, String volume) {
    return name("StorageVolume", "host", host, "pool", pool, "name", volume);
  }

  public static ObjectName network(String host, String network) {
    return name("Network", "host", host, "name", network);
  }

  /** Every virtmx MBean of one host. */
  public static ObjectName ofHost(String host) {
    try {
      return new ObjectName(DOMAIN + ":host=" + value(host) + ",*");
    } catch (MalformedObjectNameException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The value as it may stand in an ObjectName: itself when legal, else quoted. */
  public static String value(String value) {
    if (value.isEmpty() || value.startsWith("\"")) {
      return ObjectName.quote(value);
    }
    for (int i = 0; i < value.length(); i++) {
      switch (value.charAt(i)) {
        case ',', '=', ':', '"', '*', '?', '\n' -> {
          return ObjectName.quote(value);
        }
        default -> {}
      }
    }
    return value;
  }

  private static ObjectName name(String type, String... keysAndValues) {
    StringBuilder b = new StringBuilder(64).append(DOMAIN).append(":type=").append(type);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      b.append(',').append(keysAndValues[i]).append('=').append(value(keysAndValues[i + 1]));
    }
    try {
      return new ObjectName(b.toString());
    } catch (MalformedObjectNameException e) {
      throw new IllegalArgumentException("cannot name MBean " + b + ": " + e.getMessage(), e);
    }
  }
}
