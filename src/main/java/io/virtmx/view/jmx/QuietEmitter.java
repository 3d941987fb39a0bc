/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import javax.management.ListenerNotFoundException;
import javax.management.MBeanNotificationInfo;
import javax.management.NotificationBroadcasterSupport;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;

/**
 * The emitter of an MBean that sends no notifications (a disk, an interface, a volume): it accepts
 * and removes listeners like any emitter, but holds no listener list until a client adds one, so
 * thousands of such MBeans cost a few bytes each.
 */
final class QuietEmitter implements NotificationEmitter {
  private static final MBeanNotificationInfo[] NONE = new MBeanNotificationInfo[0];

  private NotificationBroadcasterSupport listeners;

  @Override
  public synchronized void addNotificationListener(
      NotificationListener listener, NotificationFilter filter, Object handback) {
    if (listeners == null) {
      listeners = new NotificationBroadcasterSupport();
    }
    listeners.addNotificationListener(listener, filter, handback);
  }

  @Override
  public synchronized void removeNotificationListener(NotificationListener listener)
      throws ListenerNotFoundException {
    if (listeners == null) {
      throw new ListenerNotFoundException("Listener not registered");
    }
    listeners.removeNotificationListener(listener);
  }

  @Override
  public synchronized void removeNotificationListener(
      NotificationListener listener, NotificationFilter filter, Object handback)
      throws ListenerNotFoundException {
    if (listeners == null) {
      throw new ListenerNotFoundException("Listener not registered");
    }
    listeners.removeNotificationListener(listener, filter, handback);
  }

  @Override
  public MBeanNotificationInfo[] getNotificationInfo() {
    return NONE;
  }
}
