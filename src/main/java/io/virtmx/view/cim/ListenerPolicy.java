/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which listener URLs an operator may make the agent (often root) post indications to: http or
 * https only, no user information, and a host whose every address lies in an allowed CIDR block
 * (loopback only unless {@code --cim-listener-allow} says more), e.g. {@code http://127.0.0.1:5990}.
 */
final class ListenerPolicy {
  record Block(byte[] network, int bits) {}

  private final List<Block> blocks;
  private final List<String> text;

  ListenerPolicy(List<String> cidrs) {
    this.text = List.copyOf(cidrs);
    this.blocks = cidrs.stream().map(ListenerPolicy::parse).toList();
  }

  /** The URL as given when it may be used; else INVALID_PARAMETER saying why. */
  URI check(String url) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.strip());
    } catch (URISyntaxException e) {
      throw refuse("Destination '" + url + "' is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw refuse("Destination must be an http:// or https:// URL, not '" + url + "'");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw refuse("Destination '" + url + "' must name a host and no user");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw refuse("Destination host '" + uri.getHost() + "' is unknown");
    }
    for (InetAddress a : addresses) {
      if (!allowed(a)) {
        throw refuse(
            "Destination "
                + a.getHostAddress()
                + " is not in the allowed listener networks "
                + text
                + " (--cim-listener-allow)");
      }
    }
    return uri;
  }

  boolean allowed(InetAddress a) {
    byte[] bytes = a.getAddress();
    for (Block b : blocks) {
      if (b.network.length == bytes.length && prefixMatches(b.network, bytes, b.bits)) {
        return true;
      }
    }
    return false;
  }

  private static boolean prefixMatches(byte[] net, byte[] addr, int bits) {
    int total = net.length * 8;
    BigInteger mask =
        bits == 0
            ? BigInteger.ZERO
            : BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE).shiftRight(total - bits)
                .shiftLeft(total - bits);
    return new BigInteger(1, net).and(mask).equals(new BigInteger(1, addr).and(mask));
  }

  /** "198.18.0.0/15" or "::1/128" (a bare address is one host). */
  static Block parse(String cidr) {
    String[] parts = cidr.strip().split("/", 2);
    try {
      if (!parts[0].matches("[0-9A-Fa-f:.]+")) {
        throw new IllegalArgumentException("not a numeric address");
      }
      byte[] net = InetAddress.getByName(parts[0]).getAddress();
      int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
      if (bits < 0 || bits > net.length * 8) {
        throw new IllegalArgumentException("prefix length out of range");
      }
      return new Block(net, bits);
    } catch (UnknownHostException | RuntimeException e) {
      throw new IllegalArgumentException(
          "listener network '" + cidr + "' is not a CIDR block (e.g. 198.18.0.0/15): " + e.getMessage());
    }
  }

  private static CimException refuse(String why) {
    return new CimException(CimException.INVALID_PARAMETER, why);
  }
}
