/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.SnapshotSource;
import io.virtmx.ops.DeviceOperations;
import io.virtmx.ops.DomainOperations;
import io.virtmx.ops.MigrationOperations;
import io.virtmx.ops.Operations;
import io.virtmx.ops.SaveOperations;

/**
 * The Domain MBean: its attributes ({@link DomainAttributes}) and its operations, each forwarded to
 * the operations service as the calling JMX user.
 */
final class DomainBean extends DomainJobAttributes {
  private final DomainOperations ops;
  private final DeviceOperations devices;
  private final SaveOperations saves;
  private final MigrationOperations migrations;

  DomainBean(SnapshotSource source, Operations operations, String host, DomainSnapshot initial) {
    super(source, host, initial);
    this.ops = operations.domains();
    this.devices = operations.devices();
    this.saves = operations.saves();
    this.migrations = operations.migrations();
  }

  @Override
  public void start() {
    ops.start(JmxCallers.current(), host, name);
  }

  @Override
  public void shutdown() {
    ops.shutdown(JmxCallers.current(), host, name);
  }

  @Override
  public void reboot() {
    ops.reboot(JmxCallers.current(), host, name);
  }

  @Override
  public void reset() {
    ops.reset(JmxCallers.current(), host, name);
  }

  @Override
  public void destroy() {
    ops.destroy(JmxCallers.current(), host, name);
  }

  @Override
  public void suspend() {
    ops.suspend(JmxCallers.current(), host, name);
  }

  @Override
  public void resume() {
    ops.resume(JmxCallers.current(), host, name);
  }

  @Override
  public void managedSave() {
    ops.managedSave(JmxCallers.current(), host, name);
  }

  @Override
  public void managedSaveRemove() {
    ops.managedSaveRemove(JmxCallers.current(), host, name);
  }

  @Override
  public void setMemory(long kib) {
    ops.setMemory(JmxCallers.current(), host, name, kib);
  }

  @Override
  public void setMaxMemory(long kib) {
    ops.setMaxMemory(JmxCallers.current(), host, name, kib);
  }

  @Override
  public void setVcpus(int count) {
    ops.setVcpus(JmxCallers.current(), host, name, count);
  }

  @Override
  public void setAutostart(boolean on) {
    ops.setAutostart(JmxCallers.current(), host, name, on);
  }

  @Override
  public void createSnapshot(String snapshot, String description) {
    ops.createSnapshot(JmxCallers.current(), host, name, snapshot, description);
  }

  @Override
  public void revertToSnapshot(String snapshot) {
    ops.revertToSnapshot(JmxCallers.current(), host, name, snapshot);
  }

  @Override
  public void deleteSnapshot(String snapshot) {
    ops.deleteSnapshot(JmxCallers.current(), host, name, snapshot);
  }

  @Override
  public String[] listSnapshots() {
    return ops.listSnapshots(JmxCallers.current(), host, name).toArray(String[]::new);
  }

  @Override
  public void migrate(
      String destinationUri, String dataAddress, boolean live, String storage, long bandwidthMiBps) {
    migrations.migrate(
        JmxCallers.current(),
        host,
        name,
        destinationUri,
        dataAddress,
        live,
        storage,
        bandwidthMiBps);
  }

  @Override
  public void abortJob() {
    migrations.abortJob(JmxCallers.current(), host, name);
  }

  @Override
  public String getXmlDescription() {
    return ops.xmlDescription(JmxCallers.current(), host, name);
  }

  @Override
  public void undefine() {
    ops.undefine(JmxCallers.current(), host, name);
  }

  @Override
  public void attachDisk(
      String source, String target, String bus, String format, boolean readOnly, String affect) {
    devices.attachDisk(
        JmxCallers.current(), host, name, source, target, bus, format, readOnly, affect);
  }

  @Override
  public void detachDisk(String target, String affect) {
    devices.detachDisk(JmxCallers.current(), host, name, target, affect);
  }

  @Override
  public String attachInterface(
      String type, String source, String model, String mac, String affect) {
    return devices.attachInterface(
        JmxCallers.current(), host, name, type, source, model, mac, affect);
  }

  @Override
  public void detachInterface(String mac, String affect) {
    devices.detachInterface(JmxCallers.current(), host, name, mac, affect);
  }

  @Override
  public void attachDevice(String xml, String affect) {
    devices.attachDevice(JmxCallers.current(), host, name, xml, affect);
  }

  @Override
  public void detachDevice(String xml, String affect) {
    devices.detachDevice(JmxCallers.current(), host, name, xml, affect);
  }

  @Override
  public void updateDevice(String xml, String affect) {
    devices.updateDevice(JmxCallers.current(), host, name, xml, affect);
  }

  @Override
  public void changeMedia(String target, String source, String affect) {
    devices.changeMedia(JmxCallers.current(), host, name, target, source, affect);
  }

  @Override
  public void changeVcpus(int count, String affect) {
    devices.setVcpus(JmxCallers.current(), host, name, count, affect);
  }

  @Override
  public void changeMemory(long kib, String affect) {
    devices.setMemory(JmxCallers.current(), host, name, kib, affect);
  }

  @Override
  public void setBlockThreshold(String disk, long bytes) {
    devices.setBlockThreshold(JmxCallers.current(), host, name, disk, bytes);
  }

  @Override
  public void save(String path) {
    saves.save(JmxCallers.current(), host, name, path);
  }

  @Override
  public void restore(String path, boolean paused) {
    saves.restore(JmxCallers.current(), host, name, path, paused);
  }

  @Override
  public String[] listSavedImages() {
    return saves.savedImages(JmxCallers.current(), host).toArray(String[]::new);
  }
}
