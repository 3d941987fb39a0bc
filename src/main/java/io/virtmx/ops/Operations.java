/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.model.ObjectEvent;
import java.util.List;

/**
 * The one operations service every view forwards to, one part per object kind. Built once by the
 * agent with the host connections and the read-only switch; views get it and never reach libvirt
 * any other way.
 */
public final class Operations {
  private final OperationRunner runner;
  private final DomainOperations domains;
  private final PoolOperations pools;
  private final NetworkOperations networks;
  private final DeviceOperations devices;
  private final SaveOperations saves;
  private final NodeOperations node;
  private final MigrationOperations migrations;
  private final Definitions definitions;

  /** Without save or disk directories: saving to a file and attaching file disks are refused. */
  public Operations(HostConnections hosts, boolean readOnly) {
    this(hosts, readOnly, ConfinedPaths.none("--save-dir"), ConfinedPaths.none("--disk-dir"));
  }

  /** Migration allowed only to the hosts {@code hosts} knows by URI: none (see the next one). */
  public Operations(
      HostConnections hosts, boolean readOnly, ConfinedPaths saveDirs, ConfinedPaths diskDirs) {
    this(hosts, readOnly, saveDirs, diskDirs, MigrationDestinations.of(List.of(), List.of()));
  }

  /**
   * Files confined to {@code saveDirs} (save images) and {@code diskDirs} (every path a device or
   * a domain definition names), migration to {@code destinations}.
   */
  public Operations(
      HostConnections hosts,
      boolean readOnly,
      ConfinedPaths saveDirs,
      ConfinedPaths diskDirs,
      MigrationDestinations destinations) {
    DefinitionCheck check = new DefinitionCheck(diskDirs);
    this.runner = new OperationRunner(hosts, readOnly);
    this.domains = new DomainOperations(runner, check);
    this.pools = new PoolOperations(runner, diskDirs);
    this.networks = new NetworkOperations(runner);
    this.devices = new DeviceOperations(runner, diskDirs);
    this.saves = new SaveOperations(runner, saveDirs, check);
    this.node = new NodeOperations(runner);
    this.migrations = new MigrationOperations(runner, destinations);
    this.definitions = new Definitions(runner, diskDirs);
  }

  public DomainOperations domains() {
    return domains;
  }

  public PoolOperations pools() {
    return pools;
  }

  public NetworkOperations networks() {
    return networks;
  }

  /** Hot-plug: disks, interfaces, any device, media, vCPUs and memory. */
  public DeviceOperations devices() {
    return devices;
  }

  /** Saving domains to files in the save dirs and restoring them. */
  public SaveOperations saves() {
    return saves;
  }

  /** Node devices and host interfaces. */
  public NodeOperations node() {
    return node;
  }

  /** Migration to another host and aborting a domain's running job. */
  public MigrationOperations migrations() {
    return migrations;
  }

  /** Creating and deleting storage pools (in the disk dirs) and virtual networks. */
  public Definitions definitions() {
    return definitions;
  }

  /** Collects the host again now (an operation too: refused in read-only mode and for viewers). */
  public void refresh(Caller caller, String host) {
    runner.audited(
        Attempt.onHost(caller, host, "refresh"),
        () -> {
          if (!runner.knows(host)) {
            throw new OperationException(
                OperationException.Reason.NOT_FOUND, "no host named '" + host + "'");
          }
          runner.refreshSoon(host);
          return null;
        });
  }

  /**
   * Throws the same refusal an operation would get, without doing anything: for views that
   * pre-check. A refusal is audited (without host and object: prefer the overload that names them).
   */
  public void checkAllowed(Caller caller, String operation) {
    runner.precheck(Attempt.precheck(caller, operation));
  }

  /** As {@link #checkAllowed(Caller, String)}, the refusal audited with the host and object. */
  public void checkAllowed(
      Caller caller, String operation, String host, ObjectEvent.Kind kind, String name) {
    runner.precheck(Attempt.on(caller, host, kind, name, operation));
  }

  /**
   * A change the agent keeps itself, not libvirt (a view's own state, e.g. a CIM indication
   * subscription): access check, read-only refusal and audit line like any operation; {@code
   * detail} is what the line should say of the change (e.g. the URL a listener destination names).
   */
  public <T> T agentChange(
      Caller caller,
      String operation,
      String object,
      String detail,
      java.util.function.Supplier<T> work) {
    return runner.audited(
        Attempt.precheck(caller, operation).arg("object", object).arg("detail", detail),
        work::get);
  }
}
