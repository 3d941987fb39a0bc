/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.model.ObjectEvent;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.libvirt.Domain;
import org.libvirt.TypedParameter;
import org.libvirt.TypedStringParameter;
import org.libvirt.TypedUlongParameter;

/**
 * Live migration of a domain to another libvirt host and the abort of a domain's running job.
 * Migration is always peer-to-peer ({@code virDomainMigrateToURI3}: the source libvirtd connects
 * to the destination URI itself), keeps the definition on the destination and removes it from the
 * source; it may copy non-shared disks, full or incrementally. Listeners hear when a migration
 * starts, completes or fails.
 */
public final class MigrationOperations {
  static final int LIVE = 1;
  static final int PEER2PEER = 2;
  static final int PERSIST_DEST = 8;
  static final int UNDEFINE_SOURCE = 16;
  static final int NON_SHARED_DISK = 64;
  static final int NON_SHARED_INC = 128;
  static final int OFFLINE = 1024;
  private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]]{1,255}");

  /** Which disks a migration copies to the destination. */
  public enum StorageCopy {
    /** Disks are shared storage: nothing is copied. */
    NONE(0),
    /** Every writable non-shared disk is copied in full ({@code VIR_MIGRATE_NON_SHARED_DISK}). */
    ALL(NON_SHARED_DISK),
    /** Only what the destination's image lacks over a shared backing file ({@code _INC}). */
    INCREMENTAL(NON_SHARED_INC);

    final int flag;

    StorageCopy(int flag) {
      this.flag = flag;
    }

    /** The copy named none, all or incremental (any case); null for anything else. */
    public static StorageCopy named(String name) {
      for (StorageCopy s : values()) {
        if (name != null && s.name().equalsIgnoreCase(name.strip())) {
          return s;
        }
      }
      return null;
    }
  }

  private final OperationRunner runner;
  private final MigrationDestinations destinations;
  private final List<MigrationListener> listeners = new CopyOnWriteArrayList<>();

  MigrationOperations(OperationRunner runner, MigrationDestinations destinations) {
    this.runner = runner;
    this.destinations = destinations;
  }

  /** Adds a listener told of every migration this service runs. */
  public void listen(MigrationListener listener) {
    listeners.add(listener);
  }

  /**
   * Migrates {@code domain} to {@code destinationUri} and returns once libvirt says it is there.
   * The migration data goes to {@code dataAddress} (the destination listens there, and the disks
   * are copied over NBD there); empty means the host of the destination URI, or libvirt's choice
   * (the destination's host name) when the URI names none. {@code bandwidthMiBps} 0 is unlimited.
   * Both the destination URI and the data address must be allowed ({@link MigrationDestinations}),
   * checked before libvirt is called.
   */
  public void migrate(
      Caller c,
      String host,
      String domain,
      String destinationUri,
      String dataAddress,
      boolean live,
      String storage,
      long bandwidthMiBps) {
    StorageCopy copy = StorageCopy.named(storage);
    String target =
        dataAddress == null || dataAddress.isBlank()
            ? hostOf(destinationUri)
            : dataAddress.strip();
    Attempt a =
        Attempt.on(c, host, ObjectEvent.Kind.DOMAIN, domain, "migrate")
            .uriArg("destination", destinationUri)
            .arg("address", target)
            .arg("live", live)
            .arg("storage", storage)
            .arg("bandwidth-mibps", bandwidthMiBps)
            .require(
                destinationUri != null && !destinationUri.isBlank(), "destination URI is empty")
            .require(
                target.isEmpty() || ADDRESS.matcher(target).matches(),
                "data address must be a host name or IP address, got '" + target + "'")
            .require(copy != null, "storage must be none, all or incremental, got '" + storage + "'")
            .require(bandwidthMiBps >= 0, "bandwidth must not be negative");
    String refusal = destinations.refusal(destinationUri, target);
    a.require(refusal == null, refusal);
    int flags =
        PEER2PEER
            | PERSIST_DEST
            | UNDEFINE_SOURCE
            | (live ? LIVE : 0)
            | (copy == null ? 0 : copy.flag);
    TypedParameter[] params = parameters(target, bandwidthMiBps);
    String shown = Attempt.withoutPassword(destinationUri);
    boolean[] started = {false};
    try {
      runner.run(
          a,
          conn -> {
            Domain d = conn.domainLookupByName(domain);
            try {
              started[0] = true;
              tell(host, domain, shown, MigrationEvent.Phase.STARTED, "");
              followJob(host, domain);
              return params.length == 0
                  ? d.migrateToURI(destinationUri, flags, null, 0)
                  : d.migrateToURI(destinationUri, params, flags);
            } finally {
              d.free();
            }
          });
    } catch (OperationException e) {
      if (started[0]) {
        tell(host, domain, shown, MigrationEvent.Phase.FAILED, e.getMessage());
      }
      throw e;
    }
    tell(host, domain, shown, MigrationEvent.Phase.COMPLETED, "");
  }

  /**
   * Moves the definition of the shut-off, persistent {@code domain} to {@code destinationUri}
   * ({@code VIR_MIGRATE_OFFLINE}, peer-to-peer): it is defined there and undefined here; its disks
   * are not copied. Refused unless the domain is shut off.
   */
  public void migrateOffline(Caller c, String host, String domain, String destinationUri) {
    Attempt a =
        Attempt.on(c, host, ObjectEvent.Kind.DOMAIN, domain, "migrateOffline")
            .uriArg("destination", destinationUri)
            .require(
                destinationUri != null && !destinationUri.isBlank(), "destination URI is empty");
    if (destinationUri != null && !destinationUri.isBlank()) {
      String refusal = destinations.refusal(destinationUri, hostOf(destinationUri));
      a.require(refusal == null, refusal);
    }
    String shown = Attempt.withoutPassword(destinationUri);
    boolean[] started = {false};
    try {
      runner.run(
          a,
          conn -> {
            if (conn.domainState(domain) != io.virtmx.model.DomainState.SHUTOFF) {
              throw new OperationException(
                  OperationException.Reason.INVALID_STATE,
                  "domain '" + domain + "' must be shut off for offline migration");
            }
            Domain d = conn.domainLookupByName(domain);
            try {
              started[0] = true;
              tell(host, domain, shown, MigrationEvent.Phase.STARTED, "");
              return d.migrateToURI(
                  destinationUri, PEER2PEER | PERSIST_DEST | UNDEFINE_SOURCE | OFFLINE, null, 0);
            } finally {
              d.free();
            }
          });
    } catch (OperationException e) {
      if (started[0]) {
        tell(host, domain, shown, MigrationEvent.Phase.FAILED, e.getMessage());
      }
      throw e;
    }
    tell(host, domain, shown, MigrationEvent.Phase.COMPLETED, "");
  }

  /**
   * Aborts the domain's running background job ({@code virDomainAbortJob}): a migration stops and
   * the domain keeps running where it was.
   */
  public void abortJob(Caller c, String host, String domain) {
    runner.run(
        Attempt.on(c, host, ObjectEvent.Kind.DOMAIN, domain, "abortJob"),
        conn -> {
          Domain d = conn.domainLookupByName(domain);
          try {
            return d.abortJob();
          } finally {
            d.free();
          }
        });
  }

  /**
   * Tells the collector a job is starting on the domain, so that it samples the job every second
   * until it ends, whatever the collection interval.
   */
  private void followJob(String host, String domain) {
    runner.jobStarting(host, domain);
  }

  private static TypedParameter[] parameters(String address, long bandwidthMiBps) {
    List<TypedParameter> params = new ArrayList<>();
    if (!address.isEmpty()) {
      String bracketed =
          address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
      params.add(new TypedStringParameter("migrate_uri", "tcp://" + bracketed));
      params.add(new TypedStringParameter("listen_address", address));
    }
    if (bandwidthMiBps > 0) {
      params.add(new TypedUlongParameter("bandwidth", bandwidthMiBps));
    }
    return params.toArray(TypedParameter[]::new);
  }

  /** The host part of a libvirt URI ({@code qemu+tls://198.18.0.2/system}), "" when none. */
  static String hostOf(String uri) {
    if (uri == null) {
      return "";
    }
    try {
      String h = new URI(uri.strip()).getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      return "";
    }
  }

  private void tell(String host, String domain, String uri, MigrationEvent.Phase p, String why) {
    MigrationEvent e = new MigrationEvent(host, domain, uri, p, why, Instant.now());
    for (MigrationListener l : listeners) {
      l.migration(e);
    }
  }
}
