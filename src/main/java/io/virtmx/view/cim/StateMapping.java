/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.model.DomainState;

/**
 * libvirt domain states in CIM terms, as libvirt-cim maps them: EnabledState (2 enabled, 3
 * disabled, 4 shutting down, 6 suspended, 9 quiesce/paused), HealthState, OperationalStatus and
 * OperatingStatus.
 */
public final class StateMapping {
  public static final int ENABLED = 2;
  public static final int DISABLED = 3;
  public static final int SHUT_DOWN = 4;
  public static final int SUSPENDED = 6;
  public static final int PAUSED = 9;
  public static final int REBOOT = 10;
  public static final int RESET = 11;
  public static final int NOT_APPLICABLE = 12;

  private StateMapping() {}

  public static int enabledState(DomainState s) {
    return switch (s) {
      case RUNNING, BLOCKED -> ENABLED;
      case PAUSED -> PAUSED;
      case SHUTDOWN -> SHUT_DOWN;
      case SHUTOFF, CRASHED -> DISABLED;
      case PMSUSPENDED -> SUSPENDED;
      case NOSTATE -> 0;
    };
  }

  /** 5 OK, 20 major failure, 0 unknown. */
  public static int healthState(DomainState s) {
    return switch (s) {
      case RUNNING, BLOCKED, PAUSED -> 5;
      case CRASHED -> 20;
      default -> 0;
    };
  }

  /** OperationalStatus: 2 OK, 6 Error, 15 Dormant. */
  public static long operationalStatus(DomainState s) {
    return switch (s) {
      case RUNNING, BLOCKED, PAUSED -> 2;
      case CRASHED -> 6;
      default -> 15;
    };
  }

  /**
   * OperatingStatus: 5 stopped, 6 aborted, 7 dormant, 32768 started (libvirt-cim's vendor value).
   */
  public static int operatingStatus(DomainState s) {
    return switch (s) {
      case RUNNING -> 32768;
      case BLOCKED, PAUSED -> 7;
      case CRASHED -> 6;
      default -> 5;
    };
  }

  /**
   * The class prefix for a hypervisor type as libvirt names it: QEMU/KVM, LXC, Xen, else Libvirt.
   */
  public static String prefix(String hypervisorType) {
    return switch (hypervisorType.toUpperCase(java.util.Locale.ROOT)) {
      case "QEMU", "KVM" -> "KVM";
      case "LXC" -> "LXC";
      case "XEN", "LIBXL" -> "Xen";
      default -> "Libvirt";
    };
  }
}
