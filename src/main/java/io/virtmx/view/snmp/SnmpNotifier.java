/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.ObjectEvent;
import io.virtmx.model.SnapshotListener;
import io.virtmx.model.SnapshotSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.snmp4j.agent.NotificationOriginator;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends LIBVIRT-MIB's {@code libvirtGuestNotif} and the matching VM-MIB notification for every
 * domain lifecycle event, from one thread with a bounded queue so a slow or dead receiver never
 * holds up the agent (notifications beyond the queue are dropped and logged); keeps the VM indexes
 * current with each snapshot.
 */
final class SnmpNotifier implements SnapshotListener {
  private static final Logger log = LoggerFactory.getLogger(SnmpNotifier.class);
  private static final int QUEUE = 256;

  private final SnapshotSource source;
  private final VmIndexes indexes;
  private final NotificationOriginator originator;
  private final ThreadPoolExecutor sender =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(QUEUE),
          r -> {
            Thread t = new Thread(r, "virtmx-snmp-notify");
            t.setDaemon(true);
            return t;
          },
          (r, e) -> log.warn("SNMP notification queue full: notification dropped"));

  SnmpNotifier(SnapshotSource source, VmIndexes indexes, NotificationOriginator originator) {
    this.source = source;
    this.indexes = indexes;
    this.originator = originator;
  }

  @Override
  public void updated(HostSnapshot previous, HostSnapshot current) {
    indexes.update(source.hosts());
  }

  @Override
  public void event(ObjectEvent event) {
    if (!notifies(event.kind(), event.event())) {
      return;
    }
    Optional<DomainSnapshot> domain =
        source.host(event.host()).flatMap(h -> h.domain(event.name()));
    indexes.update(source.hosts());
    byte[] uuid = Guest.uuidBytes(event.uuid());
    int state =
        "defined".equals(event.event())
            ? domain.map(LibvirtMib::state).orElse(5)
            : NotificationContent.stateAfter(event);
    List<Runnable> sends = new ArrayList<>();
    VariableBinding[] guest = NotificationContent.libvirtGuest(event.name(), uuid, state);
    sends.add(() -> originator.notify(new OctetString(), LibvirtMib.NOTIFICATION, guest));
    int vm = NotificationContent.vmNotification(event);
    int index = indexes.indexOrLast(event.uuid());
    if (vm > 0 && index > 0) {
      VariableBinding[] vbs = NotificationContent.vm(event, domain, uuid, index, state);
      OID oid = new OID(VmMib.NOTIFICATIONS).append(vm);
      sends.add(() -> originator.notify(new OctetString(), oid, vbs));
    }
    for (Runnable send : sends) {
      sender.execute(
          () -> {
            try {
              send.run();
            } catch (RuntimeException e) {
              log.warn("SNMP notification not sent: {}", e.toString());
            }
          });
    }
  }

  /**
   * Whether an event is a domain lifecycle event, the only kind both MIBs notify; balloon, tuning
   * and device changes and an operation's refresh are not (they would read as a shut-off guest).
   */
  static boolean notifies(ObjectEvent.Kind kind, String event) {
    return kind == ObjectEvent.Kind.DOMAIN && kind.lifecycleEvents().contains(event);
  }

  void close() {
    sender.shutdownNow();
  }
}
