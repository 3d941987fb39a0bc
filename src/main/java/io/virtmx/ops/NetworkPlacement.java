/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.libvirt.HardenedXml;
import io.virtmx.libvirt.NativeConnect;
import java.io.IOException;
import java.io.StringReader;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Where a network the agent creates may sit: its forward device (a host bridge, or the interface
 * NAT or routing leaves by) must be the bridge of a libvirt network of that host, never another
 * host interface, and its IPv4 subnet must overlap neither an address of the agent's host
 * interfaces ({@link NetworkInterface}) nor the {@code <ip>} of a libvirt network defined there,
 * e.g. {@code network 198.18.1.254/24 overlaps 198.18.0.1/23 of host interface vmxtb0}.
 */
final class NetworkPlacement {
  /** An IPv4 subnet and who has it ("host interface eth0", "libvirt network default"). */
  record Subnet(String owner, int address, int prefix) {
    Subnet {
      if (prefix < 0 || prefix > 32) {
        throw new IllegalArgumentException("prefix " + prefix);
      }
    }

    boolean overlaps(Subnet other) {
      int mask = mask(Math.min(prefix, other.prefix));
      return (address & mask) == (other.address & mask);
    }

    String text() {
      return (address >>> 24) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255)
          + "." + (address & 255) + "/" + prefix;
    }
  }

  /** Forward modes of networks whose bridge libvirt makes ("" is no mode: NAT, or no forward). */
  private static final Set<String> MADE_BRIDGE_MODES = Set.of("", "nat", "route", "open");

  private static final java.util.regex.Pattern DOTTED_QUAD =
      java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private NetworkPlacement() {}

  /**
   * Refuses (as an argument check) {@code device} when no libvirt network of the host has it as
   * its bridge, and the subnet {@code address}/{@code netmask} (when given) when it overlaps one
   * of the host's or of a libvirt network.
   */
  static void check(NativeConnect conn, String device, String address, String netmask)
      throws LibvirtException {
    List<String> xmls = networkXmls(conn);
    Set<String> bridges = new TreeSet<>();
    List<Subnet> taken = new ArrayList<>(hostSubnets());
    for (String xml : xmls) {
      Element root = parse(xml);
      String bridge = madeBridge(root);
      if (bridge != null) {
        bridges.add(bridge);
      }
      taken.addAll(networkSubnets(root));
    }
    String refusal = device.isEmpty() ? null : deviceRefusal(device, bridges);
    if (refusal == null && address != null) {
      refusal = overlap(subnet("the new network", address, netmask), taken);
    }
    if (refusal != null) {
      throw OperationException.refused(refusal);
    }
  }

  /**
   * Refuses (as an argument check) a guest interface on a host bridge ({@code <interface
   * type='bridge'>}) unless the bridge is one a libvirt network of the host made, as for a
   * network's forward device; e.g. {@code interface bridge 'vmxtb0' is not the bridge of a libvirt
   * network of this host (virbr0): only bridges libvirt networks made may be used}.
   */
  static void checkInterfaceBridges(NativeConnect conn, java.util.Collection<String> bridges)
      throws LibvirtException {
    if (bridges.isEmpty()) {
      return;
    }
    Set<String> made = new TreeSet<>();
    for (String xml : networkXmls(conn)) {
      String bridge = madeBridge(parse(xml));
      if (bridge != null) {
        made.add(bridge);
      }
    }
    for (String bridge : new TreeSet<>(bridges)) {
      String refusal = refusal("interface bridge", bridge, made);
      if (refusal != null) {
        throw OperationException.refused(refusal);
      }
    }
  }

  /**
   * The bridge libvirt makes for {@code network} (one without {@code <forward>}, or NAT, routed or
   * open), null for one on a bridge libvirt did not make ({@code <forward mode='bridge'>}…).
   */
  static String madeBridge(Element network) {
    List<Element> forward = elements(network, "forward");
    String mode = forward.isEmpty() ? "" : forward.get(0).getAttribute("mode");
    List<Element> bridge = elements(network, "bridge");
    if (!MADE_BRIDGE_MODES.contains(mode) || bridge.isEmpty()) {
      return null;
    }
    String name = bridge.get(0).getAttribute("name");
    return name.isEmpty() ? null : name;
  }

  /** Why {@code device} may not carry a new network's traffic, or null. */
  static String deviceRefusal(String device, Set<String> libvirtBridges) {
    return refusal("forward device", device, libvirtBridges);
  }

  /** Why the {@code what} {@code device} is not a bridge a libvirt network made, or null. */
  private static String refusal(String what, String device, Set<String> libvirtBridges) {
    if (libvirtBridges.contains(device)) {
      return null;
    }
    return what + " '" + device + "' is not the bridge of a libvirt network of this host"
        + (libvirtBridges.isEmpty() ? " (it has none)" : " (" + String.join(", ", libvirtBridges) + ")")
        + ": only bridges libvirt networks made may be used";
  }

  /** Why {@code wanted} may not be used (the first subnet of {@code taken} it overlaps), or null. */
  static String overlap(Subnet wanted, List<Subnet> taken) {
    for (Subnet t : taken) {
      if (wanted.overlaps(t)) {
        return "network " + wanted.text() + " overlaps " + t.text() + " of " + t.owner()
            + ": choose a range no host interface or libvirt network uses";
      }
    }
    return null;
  }

  /** The subnet of a dotted address and netmask; a netmask whose ones are not contiguous is refused. */
  static Subnet subnet(String owner, String address, String netmask) {
    int mask = bits(netmask);
    int prefix = Integer.bitCount(mask);
    if (mask != mask(prefix)) {
      throw OperationException.refused("netmask " + netmask + " is not a contiguous netmask");
    }
    return new Subnet(owner, bits(address), prefix);
  }

  /** The IPv4 {@code <ip address netmask|prefix>} subnets of a libvirt network's XML. */
  static List<Subnet> networkSubnets(Element network) {
    List<Element> names = elements(network, "name");
    String owner =
        "libvirt network " + (names.isEmpty() ? "?" : names.get(0).getTextContent().strip());
    List<Subnet> found = new ArrayList<>();
    for (Element ip : elements(network, "ip")) {
      String address = ip.getAttribute("address");
      if (ip.getAttribute("family").equals("ipv6") || address.contains(":") || address.isEmpty()) {
        continue;
      }
      String prefix = ip.getAttribute("prefix");
      found.add(prefix.isEmpty()
          ? subnet(owner, address, ip.getAttribute("netmask"))
          : new Subnet(owner, bits(address), Integer.parseInt(prefix.strip())));
    }
    return found;
  }

  /** The IPv4 subnets of the agent's host interfaces. */
  static List<Subnet> hostSubnets() {
    List<Subnet> found = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InterfaceAddress a : nic.getInterfaceAddresses()) {
          if (a.getAddress() instanceof Inet4Address v4) {
            found.add(
                new Subnet("host interface " + nic.getName(), bits(v4.getHostAddress()),
                    a.getNetworkPrefixLength()));
          }
        }
      }
    } catch (SocketException e) {
      throw new OperationException(
          OperationException.Reason.UNAVAILABLE, "cannot read the host's interfaces: " + e.getMessage());
    }
    return found;
  }

  private static List<String> networkXmls(NativeConnect conn) throws LibvirtException {
    List<String> names = new ArrayList<>(List.of(conn.listNetworks()));
    names.addAll(List.of(conn.listDefinedNetworks()));
    List<String> xmls = new ArrayList<>();
    for (String name : names) {
      Network n;
      try {
        n = conn.networkLookupByName(name);
      } catch (LibvirtException gone) {
        continue;
      }
      try {
        xmls.add(n.getXMLDesc(0));
      } finally {
        n.free();
      }
    }
    return xmls;
  }

  private static List<Element> elements(Element root, String tag) {
    NodeList list = root.getElementsByTagName(tag);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      found.add((Element) list.item(i));
    }
    return found;
  }

  /** A network's XML as libvirt describes it, parsed without DTDs or external entities. */
  static Element parse(String xml) {
    try {
      DocumentBuilder builder = HardenedXml.factory(false).newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new IllegalStateException("unreadable network XML from libvirt: " + e.getMessage(), e);
    }
  }

  private static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }

  private static int bits(String dotted) {
    if (dotted == null || !DOTTED_QUAD.matcher(dotted.strip()).matches()) {
      throw OperationException.refused("'" + dotted + "' is not an IPv4 address");
    }
    int value = 0;
    for (String p : dotted.strip().split("\\.")) {
      int octet = Integer.parseInt(p);
      if (octet > 255) {
        throw OperationException.refused("'" + dotted + "' is not an IPv4 address");
      }
      value = (value << 8) | octet;
    }
    return value;
  }
}
