/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.ops.Caller;
import io.virtmx.security.OperatorOnlyAttributes;
import java.util.Set;
import javax.management.MBeanServerDelegate;
import javax.management.ObjectName;

/**
 * What a remote JMX client may do, as small yes/no questions by role; {@link RemoteAccessGuard}
 * asks them before every call. Nobody writes an attribute (no virtmx MBean has a writable one), and
 * nobody invokes an operation outside {@code libvirt:*} (operators' {@code libvirt:*} operations go
 * to the operations service, which also answers viewers' attempts). Operators see and read every
 * MBean; viewers see only {@code libvirt:*}, {@code java.lang:*} and the MBean server delegate
 * (JConsole listens to it for MBeans coming and going), and never read {@link
 * OperatorOnlyAttributes}.
 */
final class RemoteAccessPolicy {
  private static final Set<String> VIEWER_DOMAINS = Set.of(ObjectNames.DOMAIN, "java.lang");

  private RemoteAccessPolicy() {}

  /** Whether the caller sees every MBean, so queries need no filtering. */
  static boolean seesAll(Caller caller) {
    return caller.role().mayOperate();
  }

  /** Whether the caller may know of the MBean: find it in queries and read its MBeanInfo. */
  static boolean sees(Caller caller, ObjectName name) {
    return seesAll(caller)
        || VIEWER_DOMAINS.contains(name.getDomain())
        || MBeanServerDelegate.DELEGATE_NAME.equals(name);
  }

  /** Whether the caller may read the attribute. */
  static boolean mayRead(Caller caller, ObjectName name, String attribute) {
    return sees(caller, name)
        && (caller.role().mayOperate() || !OperatorOnlyAttributes.contains(name, attribute));
  }

  /**
   * Whether an invocation may reach the MBean: only a {@code libvirt:*} operation, for any role
   * (the operations service refuses viewers with its own message and audit line).
   */
  static boolean mayInvoke(ObjectName name) {
    return name != null && ObjectNames.DOMAIN.equals(name.getDomain()) && !name.isPattern();
  }
}
