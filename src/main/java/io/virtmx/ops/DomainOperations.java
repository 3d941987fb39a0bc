package io.virtmx.ops;

import io.virtmx.model.ObjectEvent;
import java.util.List;
import org.libvirt.Domain;
import org.libvirt.DomainSnapshot;
import org.libvirt.LibvirtException;

/**
 * Everything that can be done to a domain, whichever view asks: lifecycle, memory and vCPUs,
 * snapshots, migration, definition. Each method returns when libvirt has answered.
 */
public final class DomainOperations {
  private static final int SNAPSHOT_DELETE_CHILDREN = 0;
  private static final int MIGRATE_LIVE = 1;
  private static final int MIGRATE_PEER2PEER = 2;
  private static final int MIGRATE_PERSIST_DEST = 8;
  private static final int MIGRATE_UNDEFINE_SOURCE = 16;

  private final OperationRunner runner;

  DomainOperations(OperationRunner runner) {
    this.runner = runner;
  }

  /** The libvirt work done on one looked-up domain. */
  @FunctionalInterface
  private interface DomainWork<T> {
    T run(Domain domain) throws LibvirtException;
  }

  private <T> T on(
      Caller caller, String host, String domain, String operation, DomainWork<T> work) {
    return runner.run(
        caller,
        host,
        ObjectEvent.Kind.DOMAIN,
        domain,
        operation,
        conn -> {
          Domain d = conn.domainLookupByName(domain);
          try {
            return work.run(d);
          } finally {
            d.free();
          }
        });
  }

  /** libvirt work on a domain that returns nothing worth returning. */
  @FunctionalInterface
  private interface DomainAction {
    void run(Domain domain) throws LibvirtException;
  }

  private void act(
      Caller caller, String host, String domain, String operation, DomainAction action) {
    on(
        caller,
        host,
        domain,
        operation,
        d -> {
          action.run(d);
          return null;
        });
  }

  public void start(Caller c, String host, String domain) {
    act(c, host, domain, "start", Domain::create);
  }

  public void shutdown(Caller c, String host, String domain) {
    act(c, host, domain, "shutdown", Domain::shutdown);
  }

  public void reboot(Caller c, String host, String domain) {
    act(c, host, domain, "reboot", d -> d.reboot(0));
  }

  public void reset(Caller c, String host, String domain) {
    act(c, host, domain, "reset", Domain::reset);
  }

  public void destroy(Caller c, String host, String domain) {
    act(c, host, domain, "destroy", Domain::destroy);
  }

  public void suspend(Caller c, String host, String domain) {
    act(c, host, domain, "suspend", Domain::suspend);
  }

  public void resume(Caller c, String host, String domain) {
    act(c, host, domain, "resume", Domain::resume);
  }

  public void managedSave(Caller c, String host, String domain) {
    act(c, host, domain, "managedSave", Domain::managedSave);
  }

  public void managedSaveRemove(Caller c, String host, String domain) {
    act(c, host, domain, "managedSaveRemove", Domain::managedSaveRemove);
  }

  public void setMemory(Caller c, String host, String domain, long kib) {
    positive("memory", kib);
    act(c, host, domain, "setMemory", d -> d.setMemory(kib));
  }

  public void setMaxMemory(Caller c, String host, String domain, long kib) {
    positive("maximum memory", kib);
    act(c, host, domain, "setMaxMemory", d -> d.setMaxMemory(kib));
  }

  public void setVcpus(Caller c, String host, String domain, int count) {
    positive("vCPU count", count);
    act(c, host, domain, "setVcpus", d -> d.setVcpus(count));
  }

  public void setAutostart(Caller c, String host, String domain, boolean autostart) {
    act(c, host, domain, "setAutostart", d -> d.setAutostart(autostart));
  }

  public void createSnapshot(
      Caller c, String host, String domain, String name, String description) {
    String xml =
        "<domainsnapshot><name>"
            + Xml.escape(name)
            + "</name><description>"
            + Xml.escape(description == null ? "" : description)
            + "</description></domainsnapshot>";
    act(c, host, domain, "createSnapshot", d -> d.snapshotCreateXML(xml).free());
  }

  public void revertToSnapshot(Caller c, String host, String domain, String name) {
    on(
        c,
        host,
        domain,
        "revertToSnapshot",
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
        c,
        host,
        domain,
        "deleteSnapshot",
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
    return on(c, host, domain, "listSnapshots", d -> List.of(d.snapshotListNames()));
  }

  public String xmlDescription(Caller c, String host, String domain) {
    return on(c, host, domain, "getXmlDescription", d -> d.getXMLDesc(0));
  }

  /**
   * Migrates to another libvirt host (peer-to-peer: the source libvirtd connects to {@code
   * destinationUri}), keeping the definition there and removing it here; {@code bandwidthMiBps} 0
   * means unlimited.
   */
  public void migrate(
      Caller c,
      String host,
      String domain,
      String destinationUri,
      boolean live,
      long bandwidthMiBps) {
    if (destinationUri == null || destinationUri.isBlank()) {
      throw new OperationException(
          OperationException.Reason.INVALID_ARGUMENT, "destination URI is empty");
    }
    if (bandwidthMiBps < 0) {
      throw new OperationException(
          OperationException.Reason.INVALID_ARGUMENT, "bandwidth must not be negative");
    }
    long flags =
        MIGRATE_PEER2PEER
            | MIGRATE_PERSIST_DEST
            | MIGRATE_UNDEFINE_SOURCE
            | (live ? MIGRATE_LIVE : 0);
    act(
        c,
        host,
        domain,
        "migrate",
        d -> d.migrateToURI(destinationUri, flags, null, bandwidthMiBps));
  }

  public void undefine(Caller c, String host, String domain) {
    act(c, host, domain, "undefine", Domain::undefine);
  }

  /** Defines a persistent domain from XML; returns its name. */
  public String define(Caller c, String host, String xml) {
    String name = runner.run(c, host, "defineDomain", conn -> named(conn.domainDefineXML(xml)));
    runner.changed(host, ObjectEvent.Kind.DOMAIN, name);
    return name;
  }

  /** Creates and starts a transient domain from XML; returns its name. */
  public String create(Caller c, String host, String xml) {
    String name = runner.run(c, host, "createDomain", conn -> named(conn.domainCreateXML(xml, 0)));
    runner.changed(host, ObjectEvent.Kind.DOMAIN, name);
    return name;
  }

  private static String named(Domain d) throws LibvirtException {
    try {
      return d.getName();
    } finally {
      d.free();
    }
  }

  static void positive(String what, long value) {
    if (value <= 0) {
      throw new OperationException(
          OperationException.Reason.INVALID_ARGUMENT, what + " must be positive, got " + value);
    }
  }
}
