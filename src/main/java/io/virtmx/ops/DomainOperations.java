/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.model.DomainState;
import io.virtmx.model.ObjectEvent;
import java.util.List;
import org.libvirt.Domain;
import org.libvirt.DomainSnapshot;
import org.libvirt.LibvirtException;

/**
 * Everything that can be done to a domain, whichever view asks: lifecycle, memory and vCPUs,
 * snapshots, definition (migration is {@link MigrationOperations}). Each method returns when libvirt has answered. Lifecycle
 * changes are first checked against the domain's current state by {@link Lifecycle}.
 */
public final class DomainOperations {
  private static final int SNAPSHOT_DELETE_CHILDREN = 0;

  private final OperationRunner runner;
  private final DefinitionCheck definitions;

  DomainOperations(OperationRunner runner, DefinitionCheck definitions) {
    this.runner = runner;
    this.definitions = definitions;
  }

  /** The libvirt work done on one looked-up domain. */
  @FunctionalInterface
  private interface DomainWork<T> {
    T run(Domain domain) throws LibvirtException;
  }

  /** libvirt work on a domain that returns nothing worth returning. */
  @FunctionalInterface
  private interface DomainAction {
    void run(Domain domain) throws LibvirtException;
  }

  /** A lifecycle change, given the current state the policy found it valid from. */
  @FunctionalInterface
  private interface LifecycleAction {
    void run(Domain domain, DomainState state) throws LibvirtException;
  }

  private static Attempt attempt(Caller caller, String host, String domain, String operation) {
    return Attempt.on(caller, host, ObjectEvent.Kind.DOMAIN, domain, operation);
  }

  /**
   * Runs a lifecycle change once {@link Lifecycle} finds it valid from the domain's state as
   * libvirt reports it now (not the snapshot's, which may be an interval old); a change the state
   * does not allow is refused with the policy's text, whichever view asked.
   */
  private void change(
      Caller c, String host, String domain, Lifecycle change, LifecycleAction action) {
    runner.run(
        attempt(c, host, domain, change.operation()),
        conn -> {
          Domain d = conn.domainLookupByName(domain);
          try {
            DomainState state = conn.domainState(domain);
            change.check(domain, state);
            action.run(d, state);
            return null;
          } finally {
            d.free();
          }
        });
  }

  private <T> T on(Attempt attempt, String domain, DomainWork<T> work) {
    return runner.run(
        attempt,
        conn -> {
          Domain d = conn.domainLookupByName(domain);
          try {
            return work.run(d);
          } finally {
            d.free();
          }
        });
  }

  private void act(Attempt attempt, String domain, DomainAction action) {
    on(
        attempt,
        domain,
        d -> {
          action.run(d);
          return null;
        });
  }

  private void act(
      Caller caller, String host, String domain, String operation, DomainAction action) {
    act(attempt(caller, host, domain, operation), domain, action);
  }

  public void start(Caller c, String host, String domain) {
    change(c, host, domain, Lifecycle.START, (d, s) -> d.create());
  }

  public void shutdown(Caller c, String host, String domain) {
    change(c, host, domain, Lifecycle.SHUT_DOWN, (d, s) -> d.shutdown());
  }

  public void reboot(Caller c, String host, String domain) {
    change(c, host, domain, Lifecycle.REBOOT, (d, s) -> d.reboot(0));
  }

  public void reset(Caller c, String host, String domain) {
    change(c, host, domain, Lifecycle.RESET, (d, s) -> d.reset());
  }

  public void destroy(Caller c, String host, String domain) {
    change(c, host, domain, Lifecycle.DESTROY, (d, s) -> d.destroy());
  }

  public void suspend(Caller c, String host, String domain) {
    change(c, host, domain, Lifecycle.SUSPEND, (d, s) -> d.suspend());
  }

  public void resume(Caller c, String host, String domain) {
    change(c, host, domain, Lifecycle.RESUME, (d, s) -> d.resume());
  }

  /** Starts a shut-off domain or resumes a paused one (CIM's Enabled), audited as "enable". */
  public void enable(Caller c, String host, String domain) {
    change(
        c,
        host,
        domain,
        Lifecycle.ENABLE,
        (d, s) -> {
          if (s == DomainState.PAUSED) {
            d.resume();
          } else {
            d.create();
          }
        });
  }

  public void managedSave(Caller c, String host, String domain) {
    change(c, host, domain, Lifecycle.MANAGED_SAVE, (d, s) -> d.managedSave());
  }

  public void managedSaveRemove(Caller c, String host, String domain) {
    act(c, host, domain, "managedSaveRemove", Domain::managedSaveRemove);
  }

  public void setMemory(Caller c, String host, String domain, long kib) {
    act(
        positive(attempt(c, host, domain, "setMemory").arg("memory-kib", kib), "memory", kib),
        domain,
        d -> d.setMemory(kib));
  }

  public void setMaxMemory(Caller c, String host, String domain, long kib) {
    act(
        positive(
            attempt(c, host, domain, "setMaxMemory").arg("memory-kib", kib), "maximum memory", kib),
        domain,
        d -> d.setMaxMemory(kib));
  }

  public void setVcpus(Caller c, String host, String domain, int count) {
    act(
        positive(attempt(c, host, domain, "setVcpus").arg("vcpus", count), "vCPU count", count),
        domain,
        d -> d.setVcpus(count));
  }

  public void setAutostart(Caller c, String host, String domain, boolean autostart) {
    act(
        attempt(c, host, domain, "setAutostart").arg("autostart", autostart),
        domain,
        d -> d.setAutostart(autostart));
  }

  public void createSnapshot(
      Caller c, String host, String domain, String name, String description) {
    Attempt a =
        attempt(c, host, domain, "createSnapshot")
            .arg("snapshot", name)
            .require(name != null, "snapshot name is missing");
    act(
        a,
        domain,
        d ->
            d.snapshotCreateXML(
                    "<domainsnapshot><name>"
                        + Xml.escape(name)
                        + "</name><description>"
                        + Xml.escape(description == null ? "" : description)
                        + "</description></domainsnapshot>")
                .free());
  }

  public void revertToSnapshot(Caller c, String host, String domain, String name) {
    on(
        attempt(c, host, domain, "revertToSnapshot").arg("snapshot", name),
        domain,
        d -> {
          DomainSnapshot s = d.snapshotLookupByName(name);
          try {
            return d.revertToSnapshot(s);
          } finally {
            s.free();
          }
        });
  }

  public void deleteSnapshot(Caller c, String host, String domain, String name) {
    on(
        attempt(c, host, domain, "deleteSnapshot").arg("snapshot", name),
        domain,
        d -> {
          DomainSnapshot s = d.snapshotLookupByName(name);
          try {
            return s.delete(SNAPSHOT_DELETE_CHILDREN);
          } finally {
            s.free();
          }
        });
  }

  public List<String> listSnapshots(Caller c, String host, String domain) {
    return on(
        attempt(c, host, domain, "listSnapshots"), domain, d -> List.of(d.snapshotListNames()));
  }

  public String xmlDescription(Caller c, String host, String domain) {
    return on(attempt(c, host, domain, "getXmlDescription"), domain, d -> d.getXMLDesc(0));
  }

  public void undefine(Caller c, String host, String domain) {
    act(c, host, domain, "undefine", Domain::undefine);
  }

  /**
   * Defines a persistent domain from XML; returns its name. The XML is confined first ({@link
   * DefinitionCheck}): host paths only inside a {@code --disk-dir}, volumes only of pools inside one,
   * no host devices or network sources, the host's own emulators.
   */
  public String define(Caller c, String host, String xml) {
    Attempt a = Attempt.creating(c, host, ObjectEvent.Kind.DOMAIN, "defineDomain");
    DefinitionElements.Findings found = definitions.check(a, xml);
    return runner.run(
        a,
        conn -> {
          definitions.checkOnHost(conn, found);
          return named(a, conn.domainDefineXML(xml));
        });
  }

  /** Creates and starts a transient domain from XML, confined as for define; returns its name. */
  public String create(Caller c, String host, String xml) {
    Attempt a = Attempt.creating(c, host, ObjectEvent.Kind.DOMAIN, "createDomain");
    DefinitionElements.Findings found = definitions.check(a, xml);
    return runner.run(
        a,
        conn -> {
          definitions.checkOnHost(conn, found);
          return named(a, conn.domainCreateXML(xml, 0));
        });
  }

  private static String named(Attempt attempt, Domain d) throws LibvirtException {
    try {
      String name = d.getName();
      attempt.named(name);
      return name;
    } finally {
      d.free();
    }
  }

  /** Adds the check that {@code value} is positive to the attempt. */
  static Attempt positive(Attempt attempt, String what, long value) {
    return attempt.require(value > 0, what + " must be positive, got " + value);
  }
}
