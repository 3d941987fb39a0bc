/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import java.util.Objects;
import javax.management.DynamicMBean;
import javax.management.ObjectName;

/**
 * One MBean the registry registered: its name, the bean and its dynamic wrapper, the notifier that
 * announces changes of its watched attribute, and since when its object has been missing.
 */
final class MBeanEntry {
  final ObjectName name;
  final Object bean;
  final DynamicMBean mbean;
  final Notifier notifier;
  long missingSince;

  /**
   * Which object an entry stands for: a kind letter ({@code D} domain, {@code d} disk, {@code i}
   * interface, {@code P} pool, {@code v} volume, {@code N} network, {@code H} the host), its
   * parent's name ("" if none) and its name, all strings the snapshot already holds.
   */
  record Key(char kind, String parent, String name) {
    static final Key HOST = new Key('H', "", "");
  }
  private Object watched;

  MBeanEntry(ObjectName name, Object bean, DynamicMBean mbean, Notifier notifier) {
    this.name = name;
    this.bean = bean;
    this.mbean = mbean;
    this.notifier = notifier;
  }

  /** Records the watched attribute's value and, when it changed, sends a change notification. */
  void watch(String attribute, String type, Object value) {
    Object before = watched;
    watched = value;
    if (before != null && !Objects.equals(before, value) && notifier != null) {
      notifier.changed(attribute, type, before, value);
    }
  }
}
