/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import org.snmp4j.CommandResponderEvent;
import org.snmp4j.PDU;
import org.snmp4j.agent.CommandProcessor;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OctetString;
import org.snmp4j.util.ThreadPool;

/**
 * SNMP4J-Agent's command processor with no amplification: a GETBULK gets at most {@link
 * SnmpSettings#MAX_REPETITIONS} repetitions whatever it asks, and a request with more than {@link
 * SnmpSettings#MAX_VARBINDS} bindings is dropped; requests run on a bounded pool.
 */
final class BoundedCommandProcessor extends CommandProcessor {
  private final ThreadPool workers = ThreadPool.create("virtmx-snmp", SnmpSettings.WORKERS);

  BoundedCommandProcessor(OctetString engineId) {
    super(engineId);
    setWorkerPool(workers);
  }

  /** Stops the request threads. */
  void close() {
    workers.cancel();
  }

  @Override
  public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
    PDU pdu = event.getPDU();
    if (pdu != null) {
      if (pdu.size() > SnmpSettings.MAX_VARBINDS) {
        event.setProcessed(true);
        return;
      }
      if (pdu.getType() == PDU.GETBULK && pdu.getMaxRepetitions() > SnmpSettings.MAX_REPETITIONS) {
        pdu.setMaxRepetitions(SnmpSettings.MAX_REPETITIONS);
      }
    }
    super.processPdu(event);
  }
}
