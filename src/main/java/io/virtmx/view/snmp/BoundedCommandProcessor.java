/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import java.util.Set;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.PDU;
import org.snmp4j.agent.CommandProcessor;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OctetString;
import org.snmp4j.util.ThreadPool;
import org.snmp4j.util.WorkerPool;
import org.snmp4j.util.WorkerTask;

/**
 * SNMP4J-Agent's command processor with no amplification: a GETBULK gets at most {@link
 * SnmpSettings#MAX_REPETITIONS} repetitions whatever it asks, and a request with more than {@link
 * SnmpSettings#MAX_VARBINDS} bindings is dropped. Reads (GET, GETNEXT, GETBULK: answered from the
 * rendered snapshot, never waiting on libvirt) are answered on the thread that received them,
 * sparing a hand-over per request; writes and notifications run on a bounded pool.
 */
final class BoundedCommandProcessor extends CommandProcessor {
  private final ThreadPool workers = ThreadPool.create("virtmx-snmp", SnmpSettings.WORKERS);
  private final ThreadLocal<Boolean> answeringRead = ThreadLocal.withInitial(() -> Boolean.FALSE);

  BoundedCommandProcessor(OctetString engineId) {
    super(engineId);
    setWorkerPool(new ReadsInline());
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
    boolean read = pdu != null && READS.contains(pdu.getType());
    answeringRead.set(read);
    try {
      super.processPdu(event);
    } finally {
      answeringRead.set(Boolean.FALSE);
    }
  }

  private static final Set<Integer> READS = Set.of(PDU.GET, PDU.GETNEXT, PDU.GETBULK);

  /** The pool SNMP4J-Agent hands its tasks to: a read's runs at once, the others on the workers. */
  private final class ReadsInline implements WorkerPool {
    @Override
    public void execute(WorkerTask task) {
      if (answeringRead.get()) {
        answeringRead.set(Boolean.FALSE); // anything the read hands on goes to the workers
        task.run();
      } else {
        workers.execute(task);
      }
    }

    @Override
    public boolean tryToExecute(WorkerTask task) {
      if (answeringRead.get()) {
        answeringRead.set(Boolean.FALSE);
        task.run();
        return true;
      }
      return workers.tryToExecute(task);
    }

    @Override
    public void stop() {
      workers.stop();
    }

    @Override
    public void cancel() {
      workers.cancel();
    }

    @Override
    public boolean isIdle() {
      return workers.isIdle();
    }
  }
}
