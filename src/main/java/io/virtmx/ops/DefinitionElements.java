/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.libvirt.HardenedXml;
import io.virtmx.libvirt.BackingChains;
import io.virtmx.libvirt.SecurityLabels;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads a whole domain XML for what it makes libvirt (root) touch on the host, as a pure function:
 * the host paths it names, each with the element naming it ({@code <log file='/x'>} → {@code
 * /x}), its {@code <emulator>}, and the first element no directory can confine ({@code <hostdev>},
 * {@code <filesystem>}, {@code <qemu:commandline>}, a network disk source…), e.g. {@code a
 * <hostdev> hands a host device to the guest and is not allowed}, or a non-raw disk without an
 * explicit backing chain ({@link BackingChains}) or a {@code <seclabel>} choosing QEMU's label
 * ({@link SecurityLabels}); also the storage pools its volume disks name and the host bridges its
 * interfaces plug into. {@code <metadata>} is
 * skipped: libvirt only stores it.
 */
final class DefinitionElements {
  /** One host path and where it was named, e.g. {@code <source file='/srv/a.img'>}. */
  record NamedPath(String path, String element) {}

  /**
   * What a domain XML names: its paths, the storage pools of its volumes ({@code <source
   * pool='p'>}), the host bridges its interfaces plug into ({@link InterfaceBridges}), its emulator
   * (null if none) and the first refusal.
   */
  record Findings(
      List<NamedPath> paths,
      List<String> pools,
      List<String> bridges,
      String emulator,
      String refusal) {}

  private static final Set<String> REFUSED =
      Set.of("hostdev", "filesystem", "redirdev", "smartcard", "shmem", "script", "downscript");
  private static final Set<String> DISK_TYPES = Set.of("file", "block", "volume");
  private static final Set<String> INTERFACE_TYPES = Set.of("network", "bridge");
  private static final Set<String> NETWORK_CHARACTER_TYPES = Set.of("tcp", "udp", "nmdm");
  private static final Set<String> PATH_ATTRIBUTES =
      Set.of("file", "path", "dir", "socket", "template");
  /** Attributes that name a host path in some elements and a plain name in others. */
  private static final Set<String> PATH_WHEN_SLASHED = Set.of("dev", "evdev", "tap", "vhost", "rendernode");
  private static final Set<String> PATH_TEXT =
      Set.of("loader", "nvram", "kernel", "initrd", "dtb", "table", "path", "init", "backend");
  private static final Set<String> FREE_TEXT = Set.of("description", "title", "partition");
  private static final Set<String> RANDOM_SOURCES = Set.of("/dev/urandom", "/dev/random");
  private static final int MAX_XML = 1024 * 1024;

  private final List<NamedPath> paths = new ArrayList<>();
  private final List<String> pools = new ArrayList<>();
  private final List<String> bridges = new ArrayList<>();
  private String emulator;
  private String refusal;

  private DefinitionElements() {}

  /** The {@code <emulator>} paths of a host's capabilities XML: the emulators libvirt offers. */
  static Set<String> emulators(String capabilitiesXml) {
    org.w3c.dom.NodeList list = parse(capabilitiesXml).getElementsByTagName("emulator");
    Set<String> found = new java.util.HashSet<>();
    for (int i = 0; i < list.getLength(); i++) {
      found.add(list.item(i).getTextContent().strip());
    }
    return found;
  }

  /** What {@code xml} names; malformed XML is an {@link IllegalArgumentException}. */
  static Findings of(String xml) {
    Element root = parse(xml);
    DefinitionElements d = new DefinitionElements();
    if (!"domain".equals(root.getLocalName()) || root.getNamespaceURI() != null) {
      d.refuse("the XML is not a <domain> definition (root <" + root.getTagName() + ">)");
    } else {
      d.walk(root);
    }
    return new Findings(
        List.copyOf(d.paths), List.copyOf(d.pools), List.copyOf(d.bridges), d.emulator, d.refusal);
  }

  private void walk(Element e) {
    for (Node n = e.getFirstChild(); n != null && refusal == null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        if (child.getNamespaceURI() != null || child.getTagName().contains(":")) {
          refuse(
              "<"
                  + child.getTagName()
                  + "> is an element of another namespace: only <metadata> may hold those");
        } else if (!(e.getParentNode() instanceof org.w3c.dom.Document
            && child.getTagName().equals("metadata"))) {
          element(child);
          walk(child);
        }
      }
    }
  }

  private void element(Element e) {
    String tag = e.getTagName();
    String type = e.getAttribute("type");
    if (REFUSED.contains(tag)) {
      refuse("<" + tag + "> names host resources no --disk-dir can confine and is not allowed");
    } else if (tag.equals("disk") && !DISK_TYPES.contains(type)) {
      refuse("<disk type='" + type + "'> is not allowed: only " + String.join(", ", DISK_TYPES));
    } else if (tag.equals("disk") && BackingChains.refusal(e).isPresent()) {
      refuse(BackingChains.refusal(e).get());
    } else if (tag.equals("interface") && !INTERFACE_TYPES.contains(type)) {
      refuse("<interface type='" + type + "'> is not allowed: only network, bridge");
    } else if (NETWORK_CHARACTER_TYPES.contains(type)) {
      refuse("<" + tag + " type='" + type + "'> would make libvirt reach a network address");
    } else if (e.hasAttribute("protocol") || tag.equals("host")) {
      refuse("<" + tag + "> names a network source, which is not allowed");
    } else if (tag.equals("seclabel") && SecurityLabels.refusal(e).isPresent()) {
      refuse(SecurityLabels.refusal(e).get());
    } else if (tag.equals("graphics") && GraphicsListens.refusal(e) != null) {
      refuse(GraphicsListens.refusal(e));
    } else {
      if (InterfaceBridges.isBridgeInterface(e)) {
        bridges.add(InterfaceBridges.bridge(e));
      }
      attributes(e);
      text(e);
    }
  }

  private void attributes(Element e) {
    NamedNodeMap attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      String name = a.getName();
      if (name.equals("xmlns") || name.startsWith("xmlns:")) {
        continue;
      }
      if (name.contains(":")) {
        refuse(
            "<" + e.getTagName() + " " + name + "=...> is an attribute of another namespace, which"
                + " libvirt reads as '" + a.getLocalName() + "': not allowed");
        return;
      }
      if (ptyPath(e, name)) {
        continue;
      }
      if (name.equals("pool")) {
        pools.add(a.getValue());
      }
      boolean sourceDevice = name.equals("dev") && e.getTagName().equals("source");
      boolean slashed = PATH_WHEN_SLASHED.contains(name) && a.getValue().contains("/");
      if (PATH_ATTRIBUTES.contains(name) || sourceDevice || slashed || a.getValue().startsWith("/")) {
        paths.add(
            new NamedPath(a.getValue(), "<" + e.getTagName() + " " + name + "='" + a.getValue() + "'>"));
      }
    }
  }

  /**
   * The pty a running domain's character device got ({@code <serial type='pty'><source
   * path='/dev/pts/3'/>}, {@code <console type='pty' tty='/dev/pts/3'>}): what libvirt reports, not
   * a path it opens (QEMU allocates a new pty), as XML copied from a live domain carries it.
   */
  private static boolean ptyPath(Element e, String attribute) {
    boolean ptySource =
        e.getTagName().equals("source")
            && e.getParentNode() instanceof Element device
            && "pty".equals(device.getAttribute("type"));
    boolean ptyTty = attribute.equals("tty") && "pty".equals(e.getAttribute("type"));
    return (ptySource && attribute.equals("path")) || ptyTty;
  }

  private void text(Element e) {
    String tag = e.getTagName();
    if (hasElementChildren(e) && hasText(e)) {
      refuse("<" + tag + "> mixes text with elements, which libvirt reads as one text: not allowed");
      return;
    }
    if (hasElementChildren(e) || FREE_TEXT.contains(tag)) {
      return;
    }
    String text = e.getTextContent().strip();
    if (tag.equals("emulator") && emulator != null) {
      refuse("more than one <emulator>: libvirt runs the first, only one is checked");
    } else if (tag.equals("emulator")) {
      emulator = text;
    } else if (tag.equals("backend") && RANDOM_SOURCES.contains(text)) {
      return;
    } else if (!text.isEmpty() && (PATH_TEXT.contains(tag) || text.startsWith("/"))) {
      paths.add(new NamedPath(text, "<" + tag + ">" + text + "</" + tag + ">"));
    }
  }

  /** Whether a text or CDATA child of {@code e} holds more than white space. */
  private static boolean hasText(Element e) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof org.w3c.dom.Text t && !t.getData().isBlank()) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasElementChildren(Element e) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        return true;
      }
    }
    return false;
  }

  private void refuse(String why) {
    if (refusal == null) {
      refusal = why;
    }
  }

  private static Element parse(String xml) {
    if (xml == null || xml.isBlank()) {
      throw new IllegalArgumentException("the domain XML is empty");
    }
    if (xml.length() > MAX_XML) {
      throw new IllegalArgumentException("the domain XML is longer than " + MAX_XML);
    }
    try {
      DocumentBuilder builder = HardenedXml.factory(true).newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("invalid domain XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
