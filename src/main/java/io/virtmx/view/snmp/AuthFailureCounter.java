/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import java.util.List;
import org.snmp4j.event.CounterEvent;
import org.snmp4j.event.CounterListener;
import org.snmp4j.smi.OID;

/**
 * Tells the transport of each failed authentication (unknown user, wrong digest, failed
 * decryption, unconfigured community) so it can throttle the sender; the counters themselves stay
 * SNMP4J's ({@code usmStats…}, {@code snmpInBadCommunityNames}).
 */
final class AuthFailureCounter implements CounterListener {
  private static final List<OID> FAILURES =
      List.of(
          new OID("1.3.6.1.6.3.15.1.1.1"), // usmStatsUnsupportedSecLevels
          new OID("1.3.6.1.6.3.15.1.1.3"), // usmStatsUnknownUserNames
          new OID("1.3.6.1.6.3.15.1.1.5"), // usmStatsWrongDigests
          new OID("1.3.6.1.6.3.15.1.1.6"), // usmStatsDecryptionErrors
          new OID("1.3.6.1.2.1.11.4")); // snmpInBadCommunityNames

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
    if (oid != null && FAILURES.stream().anyMatch(oid::startsWith)) {
      transport.authenticationFailed();
    }
  }
}
