/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.model.ObjectEvent;
import io.virtmx.ops.Caller;
import io.virtmx.ops.Operations;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * VirtualSystemSnapshotService: CreateSnapshot with libvirt-cim's types 32768 (save the domain's
 * memory to its managed save image and restore it: the domain runs on) and 32769 (save and leave
 * it off), and 32770, ours, a libvirt snapshot named by SnapshotSettings' ElementName; ApplySnapshot
 * (restore the saved image, or revert to the libvirt snapshot) and DestroySnapshot (remove either).
 * Create and Apply run as a CIM_ConcreteJob named Snapshot and return 0 with the job, as libvirt-cim
 * does. A snapshot is a VirtualSystemSettingData reference: InstanceID {@code KVM:<domain>} for the
 * saved image, {@code KVM:<domain>/snapshot/<name>} for a libvirt snapshot.
 */
final class SnapshotService {
  static final int SAVE_AND_RESTORE = 32768;
  static final int SAVE_AND_LEAVE_OFF = 32769;
  static final int LIBVIRT_SNAPSHOT = 32770;
  static final String SUFFIX = "VirtualSystemSnapshotService";
  private static final String MARK = "/snapshot/";
  private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Operations ops;
  private final Jobs jobs;

  private SnapshotService(Operations ops, Jobs jobs) {
    this.ops = ops;
    this.jobs = jobs;
  }

  /** Registers CreateSnapshot, ApplySnapshot and DestroySnapshot. */
  static void register(Methods methods, Operations ops, Jobs jobs) {
    SnapshotService s = new SnapshotService(ops, jobs);
    methods.register(SUFFIX, "CreateSnapshot", s::create);
    methods.register(SUFFIX, "ApplySnapshot", s::apply);
    methods.register(SUFFIX, "DestroySnapshot", s::destroy);
  }

  /** The snapshot a VSSD InstanceID names: the domain and the libvirt snapshot's name or null. */
  record Named(String domain, String snapshot) {
    static Named of(CimObjectPath ref) {
      Object id = ref.key("InstanceID");
      int colon = id instanceof String s ? s.indexOf(':') : -1;
      if (colon < 0 || colon == ((String) id).length() - 1) {
        throw new CimException(CimException.FAILED, "Invalid InstanceID in Snapshot");
      }
      String rest = ((String) id).substring(colon + 1);
      int mark = rest.indexOf(MARK);
      return mark < 0
          ? new Named(rest, null)
          : new Named(rest.substring(0, mark), rest.substring(mark + MARK.length()));
    }

    String instanceId(String prefix) {
      return prefix + ":" + domain + (snapshot == null ? "" : MARK + snapshot);
    }
  }

  private void create(RequestContext c, Caller caller) {
    long type = c.request().number("SnapshotType", -1);
    if (type < 0) {
      throw new CimException(CimException.INVALID_PARAMETER, "Missing SnapshotType");
    }
    if (type != SAVE_AND_RESTORE && type != SAVE_AND_LEAVE_OFF && type != LIBVIRT_SNAPSHOT) {
      throw new CimException(
          CimException.NOT_SUPPORTED,
          "Only memory(32768,32769) and libvirt (32770) snapshots are supported");
    }
    String domain = ServiceCalls.domain(c, "AffectedSystem");
    EmbeddedSettings settings = EmbeddedSettings.of(c.request().param("SnapshotSettings"));
    String name = null;
    if (type == LIBVIRT_SNAPSHOT) {
      name = settings == null ? null : settings.text("ElementName");
      if (name == null || name.isBlank()) {
        name = "cim-" + NAME_TIME.format(LocalDateTime.now(ZoneOffset.UTC));
      }
    }
    String operation = type == LIBVIRT_SNAPSHOT ? "createSnapshot" : "managedSave";
    ServiceCalls.allowed(ops, caller, c, ObjectEvent.Kind.DOMAIN, domain, operation);
    String host = c.model().host().host();
    String snapshot = name;
    CimJob job =
        start(
            c,
            domain,
            "Snapshot of " + domain,
            j -> {
              if (type == LIBVIRT_SNAPSHOT) {
                ops.domains().createSnapshot(caller, host, domain, snapshot, "taken through CIM");
                return;
              }
              ops.domains().managedSave(caller, host, domain);
              if (type == SAVE_AND_RESTORE) {
                j.running("Save finished", java.time.Instant.now());
                ops.saves().restoreManagedSave(caller, host, domain);
              }
            });
    CimObjectPath vssd = vssd(c, new Named(domain, snapshot));
    ServiceCalls.answer(
        c,
        0,
        new ServiceCalls.Out("Job", ServiceCalls.jobPath(c, job)),
        new ServiceCalls.Out("ResultingSnapshot", vssd));
  }

  private void apply(RequestContext c, Caller caller) {
    Named s = Named.of(ServiceCalls.ref(c, "Snapshot", "Missing Snapshot"));
    String host = c.model().host().host();
    String operation = s.snapshot() == null ? "restoreManagedSave" : "revertToSnapshot";
    ServiceCalls.allowed(ops, caller, c, ObjectEvent.Kind.DOMAIN, s.domain(), operation);
    CimJob job =
        start(
            c,
            s.domain(),
            "Restore of " + s.domain(),
            j -> {
              if (s.snapshot() == null) {
                ops.saves().restoreManagedSave(caller, host, s.domain());
              } else {
                ops.domains().revertToSnapshot(caller, host, s.domain(), s.snapshot());
              }
            });
    ServiceCalls.answer(c, 0, new ServiceCalls.Out("Job", ServiceCalls.jobPath(c, job)));
  }

  private void destroy(RequestContext c, Caller caller) {
    Named s = Named.of(ServiceCalls.ref(c, "AffectedSnapshot", "Missing Snapshot"));
    String host = c.model().host().host();
    ServiceCalls.sync(
        () -> {
          if (s.snapshot() == null) {
            ops.domains().managedSaveRemove(caller, host, s.domain());
          } else {
            ops.domains().deleteSnapshot(caller, host, s.domain(), s.snapshot());
          }
        });
    ServiceCalls.answer(c, 0);
  }

  private CimJob start(RequestContext c, String domain, String description, Jobs.Work work) {
    return jobs.start(
        "CIM_ConcreteJob",
        "Snapshot",
        c.model().host().host(),
        domain,
        description,
        false,
        work);
  }

  private static CimObjectPath vssd(RequestContext c, Named s) {
    String p = c.model().prefix();
    return new CimObjectPath(
        c.ns(),
        p + "_VirtualSystemSettingData",
        List.of(new CimObjectPath.Key("InstanceID", s.instanceId(p))));
  }
}
