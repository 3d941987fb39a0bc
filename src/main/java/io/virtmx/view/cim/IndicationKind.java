/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

/**
 * The indications the server sends, by libvirt-cim's class name after the host's prefix ({@code
 * KVM_ComputerSystemModifiedIndication}) and the DMTF class it derives from. The RASD and job
 * indications of the management services join here, produced by whatever publishes them to {@link
 * IndicationSink}.
 */
enum IndicationKind {
  COMPUTER_SYSTEM_CREATED("ComputerSystemCreatedIndication", "CIM_InstCreation"),
  COMPUTER_SYSTEM_DELETED("ComputerSystemDeletedIndication", "CIM_InstDeletion"),
  COMPUTER_SYSTEM_MODIFIED("ComputerSystemModifiedIndication", "CIM_InstModification"),
  RASD_CREATED("ResourceAllocationSettingDataCreatedIndication", "CIM_InstCreation"),
  RASD_DELETED("ResourceAllocationSettingDataDeletedIndication", "CIM_InstDeletion"),
  RASD_MODIFIED("ResourceAllocationSettingDataModifiedIndication", "CIM_InstModification"),
  MIGRATION_JOB_CREATED("ComputerSystemMigrationJobCreatedIndication", "CIM_InstCreation"),
  MIGRATION_JOB_MODIFIED("ComputerSystemMigrationJobModifiedIndication", "CIM_InstModification"),
  MIGRATION_JOB_DELETED("ComputerSystemMigrationJobDeletedIndication", "CIM_InstDeletion");

  final String suffix;
  final String dmtfClass;

  IndicationKind(String suffix, String dmtfClass) {
    this.suffix = suffix;
    this.dmtfClass = dmtfClass;
  }

  /** The class name on a host of this prefix, e.g. KVM_ComputerSystemModifiedIndication. */
  String className(String prefix) {
    return prefix + "_" + suffix;
  }
}
