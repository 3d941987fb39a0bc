/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import java.util.Set;
import org.snmp4j.event.CounterEvent;
import org.snmp4j.event.CounterListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;

/**
 * Tells the transport of each failed authentication (unknown user, wrong digest, failed
 * decryption, unconfigured community) so it can throttle the sender; the counters themselves stay
 * SNMP4J's ({@code usmStats…}, {@code snmpInBadCommunityNames}).
 */
final class AuthFailureCounter implements CounterListener {
  private static final Set<OID> FAILURES =
      Set.of(
          SnmpConstants.usmStatsUnknownUserNames,
          SnmpConstants.usmStatsWrongDigests,
          SnmpConstants.usmStatsDecryptionErrors,
          SnmpConstants.usmStatsUnsupportedSecLevels,
          SnmpConstants.snmpInBadCommunityNames);

  private final GuardedUdpTransport transport;

  private AuthFailureCounter(GuardedUdpTransport transport) {
    this.transport = transport;
  }

  static void attach(AgentEngine engine, GuardedUdpTransport transport) {
    AuthFailureCounter counter = new AuthFailureCounter(transport);
    engine.dispatcher().addCounterListener(counter);
    engine.mpv3().getCounterSupport().addCounterListener(counter);
    engine.usm().getCounterSupport().addCounterListener(counter);
    engine.getAgent().addCounterListener(counter);
  }

  @Override
  public void incrementCounter(CounterEvent event) {
    OID oid = event.getOid();
    if (oid != null && FAILURES.contains(oid)) {
      transport.authenticationFailed();
    }
  }
}
