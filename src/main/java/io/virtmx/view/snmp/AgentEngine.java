/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.security.Role;
import java.io.File;
import java.io.IOException;
import org.snmp4j.TransportMapping;
import org.snmp4j.agent.BaseAgent;
import org.snmp4j.agent.CommandProcessor;
import org.snmp4j.agent.DuplicateRegistrationException;
import org.snmp4j.agent.ManagedObject;
import org.snmp4j.agent.mo.snmp.SnmpCommunityMIB;
import org.snmp4j.agent.mo.snmp.SnmpNotificationMIB;
import org.snmp4j.agent.mo.snmp.SnmpTargetMIB;
import org.snmp4j.agent.mo.snmp.StorageType;
import org.snmp4j.agent.mo.snmp.TransportDomains;
import org.snmp4j.agent.mo.snmp.VacmMIB;
import org.snmp4j.mp.MessageProcessingModel;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;

/**
 * SNMP4J-Agent's engine set up for virtmx: one guarded UDP transport, USM users and communities
 * from the settings, VACM groups per role (read views of the served subtrees, write views of the
 * writable columns only), notification targets, and the subtrees it serves.
 */
@SuppressWarnings("deprecation") // BaseAgent: SNMP4J-Agent's AgentConfigManager would bring its config files
final class AgentEngine extends BaseAgent {
  private static final OctetString READ_VIEW = new OctetString("virtmx-read");
  private static final OctetString WRITE_VIEW = new OctetString("virtmx-write");
  private static final OctetString NOTIFY_VIEW = new OctetString("virtmx-notify");
  private static final OctetString NOTIFY_TAG = new OctetString("virtmx-notify");
  private static final OctetString NOTIFY_PARAMS = new OctetString("virtmx-v2c");
  private static final OctetString NOTIFY_NAME = new OctetString("virtmx-notifier");

  private final SnmpSettings settings;
  private final ManagedObject<?>[] subtrees;
  private GuardedUdpTransport transport;

  AgentEngine(
      SnmpSettings settings, File bootCounter, CommandProcessor processor, ManagedObject<?>... subtrees) {
    super(bootCounter, null, processor);
    this.settings = settings;
    this.subtrees = subtrees.clone();
    setSysDescr(new OctetString("virtmx libvirt management agent"));
  }

  /** Builds the engine; the socket opens in {@link #run()}. */
  void build() throws IOException {
    init();
    getServer().addContext(new OctetString());
    finishInit();
    getAgent()
        .setVacm(
            new RoleAccessControl(
                vacmMIB, VacmViews.subtrees(READ_VIEW, WRITE_VIEW, NOTIFY_VIEW)));
  }

  GuardedUdpTransport transport() {
    return transport;
  }

  USM usm() {
    return usm;
  }

  org.snmp4j.mp.MPv3 mpv3() {
    return mpv3;
  }

  org.snmp4j.MessageDispatcherImpl dispatcher() {
    return dispatcher;
  }

  @Override
  protected void initTransportMappings() throws IOException {
    UdpAddress address = new UdpAddress(settings.bind(), settings.port());
    transport = new GuardedUdpTransport(address);
    transportMappings = new TransportMapping<?>[] {transport};
  }

  @Override
  protected void registerManagedObjects() {
    for (ManagedObject<?> subtree : subtrees) {
      try {
        server.register(subtree, new OctetString());
      } catch (DuplicateRegistrationException e) {
        throw new IllegalStateException("SNMP subtree registered twice: " + subtree.getScope(), e);
      }
    }
  }

  @Override
  protected void unregisterManagedObjects() {
    for (ManagedObject<?> subtree : subtrees) {
      server.unregister(subtree, new OctetString());
    }
  }

  @Override
  protected void addUsmUser(USM usm) {
    for (SnmpUser u : settings.users()) {
      usm.addUser(
          new UsmUser(
              new OctetString(u.name()),
              AuthHMAC192SHA256.ID,
              new OctetString(u.authPassphrase()),
              PrivAES128.ID,
              new OctetString(u.privPassphrase())));
    }
  }

  @Override
  protected void addNotificationTargets(SnmpTargetMIB targets, SnmpNotificationMIB notifications) {
    targets.addDefaultTDomains();
    int n = 0;
    for (NotifyTarget t : settings.targets()) {
      targets.addTargetAddress(
          new OctetString("virtmx-target-" + n++),
          TransportDomains.transportDomainUdpIpv4,
          new OctetString(new UdpAddress(t.address(), t.port()).getValue()),
          200,
          1,
          NOTIFY_TAG,
          NOTIFY_PARAMS,
          StorageType.readOnly);
    }
    if (settings.notifyUser() == null) {
      targets.addTargetParams(
          NOTIFY_PARAMS,
          MessageProcessingModel.MPv2c,
          SecurityModel.SECURITY_MODEL_SNMPv2c,
          new OctetString(settings.notifyCommunity()),
          SecurityLevel.NOAUTH_NOPRIV,
          StorageType.readOnly);
    } else {
      targets.addTargetParams(
          NOTIFY_PARAMS,
          MessageProcessingModel.MPv3,
          SecurityModel.SECURITY_MODEL_USM,
          new OctetString(settings.notifyUser()),
          SecurityLevel.AUTH_PRIV,
          StorageType.readOnly);
    }
    boolean informs = settings.targets().stream().anyMatch(NotifyTarget::inform);
    notifications.addNotifyEntry(
        NOTIFY_NAME,
        NOTIFY_TAG,
        informs
            ? SnmpNotificationMIB.SnmpNotifyTypeEnum.inform
            : SnmpNotificationMIB.SnmpNotifyTypeEnum.trap,
        StorageType.readOnly);
  }

  @Override
  protected void addViews(VacmMIB vacm) {
    for (SnmpUser u : settings.users()) {
      vacm.addGroup(
          SecurityModel.SECURITY_MODEL_USM,
          new OctetString(u.name()),
          group(u.role()),
          StorageType.readOnly);
    }
    for (Community c : settings.communities()) {
      for (int model :
          new int[] {SecurityModel.SECURITY_MODEL_SNMPv1, SecurityModel.SECURITY_MODEL_SNMPv2c}) {
        vacm.addGroup(model, new OctetString(c.name()), group(c.role()), StorageType.readOnly);
      }
    }
    vacm.addGroup(
        SecurityModel.SECURITY_MODEL_SNMPv2c,
        new OctetString(settings.notifyCommunity()),
        new OctetString("virtmx-notify"),
        StorageType.readOnly);
    for (Role role : Role.values()) {
      access(vacm, group(role), SecurityModel.SECURITY_MODEL_USM, SecurityLevel.AUTH_PRIV);
      access(vacm, group(role), SecurityModel.SECURITY_MODEL_SNMPv1, SecurityLevel.NOAUTH_NOPRIV);
      access(vacm, group(role), SecurityModel.SECURITY_MODEL_SNMPv2c, SecurityLevel.NOAUTH_NOPRIV);
    }
    vacm.addAccess(
        new OctetString("virtmx-notify"),
        new OctetString(),
        SecurityModel.SECURITY_MODEL_SNMPv2c,
        SecurityLevel.NOAUTH_NOPRIV,
        VacmMIB.vacmExactMatch,
        new OctetString(),
        new OctetString(),
        NOTIFY_VIEW,
        StorageType.readOnly);
    VacmViews.add(vacm, READ_VIEW, WRITE_VIEW, NOTIFY_VIEW);
  }

  /**
   * Both roles get the write view of the writable columns: the operations service refuses a
   * viewer's write itself, so the refusal is audited like in every other view.
   */
  private static void access(VacmMIB vacm, OctetString group, int model, int level) {
    vacm.addAccess(
        group,
        new OctetString(),
        model,
        level,
        VacmMIB.vacmExactMatch,
        READ_VIEW,
        WRITE_VIEW,
        NOTIFY_VIEW,
        StorageType.readOnly);
  }

  private static OctetString group(Role role) {
    return new OctetString("virtmx-" + role.label());
  }

  @Override
  protected void addCommunities(SnmpCommunityMIB communities) {
    for (Community c : settings.communities()) {
      addCommunity(communities, c.name());
    }
    if (!settings.targets().isEmpty()) {
      addCommunity(communities, settings.notifyCommunity());
    }
  }

  private void addCommunity(SnmpCommunityMIB communities, String name) {
    communities.addSnmpCommunityEntry(
        new OctetString(name),
        new OctetString(name),
        new OctetString(name),
        getAgent().getContextEngineID(),
        new OctetString(),
        new OctetString(),
        StorageType.readOnly);
  }
}
