/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snmp4j.TransportStateReference;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * The agent's UDP socket with its guards: datagrams longer than {@link
 * SnmpSettings#MAX_REQUEST_BYTES} are cut and so fail to parse, and an address whose requests
 * failed authentication {@value #FAILURES} times within {@value #WINDOW_SECONDS} s is ignored for
 * the next {@value #WINDOW_SECONDS} s (failures are noted while its datagram is processed on this listen thread).
 */
final class GuardedUdpTransport extends DefaultUdpTransportMapping {
  static final int FAILURES = 10;
  static final int WINDOW_SECONDS = 10;
  private static final long WINDOW_NANOS = WINDOW_SECONDS * 1_000_000_000L;
  private static final int TRACKED_ADDRESSES = 1024;

  private final Map<InetAddress, Deque<Long>> failures =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, Deque<Long>> eldest) {
          return size() > TRACKED_ADDRESSES;
        }
      };
  // bounded like failures: source addresses can be spoofed, so neither map may grow with them
  private final Map<InetAddress, Long> blockedUntil =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, Long> eldest) {
          return size() > TRACKED_ADDRESSES;
        }
      };
  private volatile InetAddress current;

  GuardedUdpTransport(UdpAddress address) throws IOException {
    super(address);
    setMaxInboundMessageSize(SnmpSettings.MAX_REQUEST_BYTES);
  }

  @Override
  protected void fireProcessMessage(
      DatagramPacket packet, ByteBuffer buf, TransportStateReference tmStateReference) {
    InetAddress peer = packet.getAddress();
    if (blocked(peer)) {
      return;
    }
    current = peer;
    try {
      super.fireProcessMessage(packet, buf, tmStateReference);
    } finally {
      current = null;
    }
  }

  /** Notes an authentication failure of the datagram being processed, if any. */
  synchronized void authenticationFailed() {
    InetAddress peer = current;
    if (peer != null) {
      long now = System.nanoTime();
      Deque<Long> times = failures.computeIfAbsent(peer, p -> new ArrayDeque<>());
      times.addLast(now);
      while (now - times.peekFirst() > WINDOW_NANOS) {
        times.removeFirst();
      }
      if (times.size() >= FAILURES) {
        times.clear();
        blockedUntil.put(peer, now + WINDOW_NANOS);
      }
    }
  }

  private synchronized boolean blocked(InetAddress peer) {
    Long until = blockedUntil.get(peer);
    if (until == null) {
      return false;
    }
    if (System.nanoTime() - until < 0) {
      return true;
    }
    blockedUntil.remove(peer);
    return false;
  }

}
