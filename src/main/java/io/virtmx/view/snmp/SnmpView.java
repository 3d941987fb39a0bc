/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.model.SnapshotSource;
import io.virtmx.ops.Operations;
import io.virtmx.view.View;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.snmp4j.agent.request.SnmpRequest;
import org.snmp4j.cfg.EngineBootsCounterFile;
import org.snmp4j.mp.MPv3;
import org.snmp4j.smi.OctetString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SNMP view: an SNMP4J agent on UDP serving LIBVIRT-MIB and VM-MIB from the latest snapshots,
 * acting through the operations service, and sending notifications on lifecycle events. Nothing of
 * SNMP4J (no thread, no socket) exists before {@link #start()}.
 */
public final class SnmpView implements View {
  private static final Logger log = LoggerFactory.getLogger(SnmpView.class);
  private static final String ENGINE_FILE = "snmp-engine";

  private final SnapshotSource source;
  private final Operations operations;
  private final SnmpSettings settings;
  private AgentEngine engine;
  private LibvirtMib libvirt;
  private VmMib vm;
  private SnmpNotifier notifier;
  private BoundedCommandProcessor processor;
  private Path temporaryEngineFile;

  public SnmpView(SnapshotSource source, Operations operations, SnmpSettings settings) {
    this.source = source;
    this.operations = operations;
    this.settings = settings;
  }

  @Override
  public String describe() {
    return "snmp on udp " + settings.bind().getHostAddress() + ":" + settings.port();
  }

  @Override
  public void start() throws IOException {
    SnmpRequest.setMaxRepetitionsLimit(SnmpSettings.MAX_REPETITIONS);
    File engineFile = engineFile();
    OctetString engineId =
        new EngineBootsCounterFile(engineFile).getEngineId(new OctetString(newEngineId()));
    processor = new BoundedCommandProcessor(engineId);
    SnmpIdentities identities = new SnmpIdentities(settings);
    VmIndexes indexes = new VmIndexes();
    indexes.update(source.hosts());
    libvirt = new LibvirtMib(source, identities, operations.domains());
    vm = new VmMib(source, identities, operations.domains(), indexes);
    engine = new AgentEngine(settings, engineFile, processor, libvirt, vm);
    engine.build();
    AuthFailureCounter.attach(engine, engine.transport());
    engine.run();
    notifier = new SnmpNotifier(source, indexes, engine.getNotificationOriginator());
    source.addListener(notifier);
    log.info(
        "SNMP engine ID {}, {} USM user(s), {} communit(y/ies), {} notification target(s)",
        engineId.toHexString(),
        settings.users().size(),
        settings.communities().size(),
        settings.targets().size());
  }

  private File engineFile() throws IOException {
    if (settings.stateDirectory() != null) {
      Files.createDirectories(settings.stateDirectory());
      return settings.stateDirectory().resolve(ENGINE_FILE).toFile();
    }
    temporaryEngineFile = Files.createTempFile("virtmx-snmp-engine", "");
    Files.delete(temporaryEngineFile);
    return temporaryEngineFile.toFile();
  }

  private static byte[] newEngineId() {
    byte[] random = new byte[8];
    new SecureRandom().nextBytes(random);
    return MPv3.createLocalEngineID(new OctetString("virtmx" + HexFormat.of().formatHex(random)));
  }

  @Override
  public void close() {
    if (notifier != null) {
      source.removeListener(notifier);
      notifier.close();
    }
    if (engine != null) {
      engine.stop();
    }
    if (libvirt != null) {
      libvirt.close();
      vm.close();
    }
    if (processor != null) {
      processor.close();
    }
    if (temporaryEngineFile != null) {
      try {
        Files.deleteIfExists(temporaryEngineFile);
      } catch (IOException e) {
        log.debug("cannot delete {}: {}", temporaryEngineFile, e.toString());
      }
    }
  }
}
