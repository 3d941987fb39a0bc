/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Pure functions on device elements of a domain's XML, for hot-plug: find the {@code <disk>} with
 * a target or the {@code <interface>} with a MAC address (what libvirt needs to detach it), swap a
 * disk's medium, and list every file path a device's XML names, e.g. {@code /srv/a.img} in {@code
 * <disk type='file'><source file='/srv/a.img'/></disk>}. Documents are parsed without DTDs or
 * external entities; malformed XML is an {@link IllegalArgumentException}.
 */
public final class DeviceElements {
  /** The attributes of a {@code <source>} element that name a host file, device or directory. */
  private static final List<String> PATH_ATTRIBUTES = List.of("file", "dev", "dir", "path");

  private DeviceElements() {}

  /** The {@code <disk>} whose {@code <target dev>} is {@code target}, as XML. */
  public static Optional<String> disk(String domainXml, String target) {
    return device(domainXml, "disk", e -> target.equals(attribute(e, "target", "dev")));
  }

  /** The {@code <interface>} whose {@code <mac address>} is {@code mac} (any case), as XML. */
  public static Optional<String> interfaceWithMac(String domainXml, String mac) {
    return device(
        domainXml, "interface", e -> mac.equalsIgnoreCase(attribute(e, "mac", "address")));
  }

  /**
   * {@code diskXml} with its medium replaced by the file {@code file} and an empty {@code
   * <backingStore/>} (libvirt opens no backing file the new image's header may name), or ejected
   * (no {@code <source>}, no {@code <backingStore>}) when {@code file} is null.
   */
  public static String withMedium(String diskXml, String file) {
    Element disk = parse(diskXml).getDocumentElement();
    for (Element old : children(disk, "source")) {
      disk.removeChild(old);
    }
    for (Element old : children(disk, "backingStore")) {
      disk.removeChild(old);
    }
    if (file != null) {
      disk.setAttribute("type", "file");
      Element source = disk.getOwnerDocument().createElement("source");
      source.setAttribute("file", file);
      disk.insertBefore(source, disk.getFirstChild());
      disk.insertBefore(disk.getOwnerDocument().createElement("backingStore"), source.getNextSibling());
    }
    return serialize(disk);
  }

  /**
   * Every host path a device's XML names in a {@code <source>} element (its {@code file}, {@code
   * dev}, {@code dir} or {@code path}), at any depth: a backing store's too.
   */
  public static List<String> sourcePaths(String deviceXml) {
    NodeList sources = parse(deviceXml).getElementsByTagName("source");
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < sources.getLength(); i++) {
      Element s = (Element) sources.item(i);
      for (String a : PATH_ATTRIBUTES) {
        if (s.hasAttribute(a)) {
          paths.add(s.getAttribute(a));
        }
      }
    }
    return paths;
  }

  /** The storage pools a device's XML names ({@code <source pool='p' volume='v'/>}), at any depth. */
  public static List<String> sourcePools(String deviceXml) {
    NodeList sources = parse(deviceXml).getElementsByTagName("source");
    List<String> pools = new ArrayList<>();
    for (int i = 0; i < sources.getLength(); i++) {
      Element s = (Element) sources.item(i);
      if (s.hasAttribute("pool")) {
        pools.add(s.getAttribute("pool"));
      }
    }
    return pools;
  }

  /** The devices hot-plug takes from XML, with the types each may have. */
  private static final java.util.Map<String, List<String>> ALLOWED =
      java.util.Map.of(
          "disk", List.of("file", "block", "volume"),
          "interface", List.of("network", "bridge"),
          "controller", List.of());

  /**
   * Why hot-plug refuses this device XML, or empty when it is one it takes: a disk backed by a
   * file, a block device or a pool volume (a non-raw one with its backing chain stated, see {@link
   * BackingChains}), an interface on a network or bridge, or a controller; nothing that makes
   * libvirt (root) reach a network address or hand a host device over, and no {@code <seclabel>}
   * choosing a label ({@link SecurityLabels}). Any
   * other device (a {@code <hostdev>}, a serial port with a {@code <log file>}, an nvdimm…) names
   * host resources no disk dir can confine.
   */
  public static Optional<String> refusal(String deviceXml) {
    Element root = parse(deviceXml).getDocumentElement();
    String kind = root.getTagName();
    List<String> types = ALLOWED.get(kind);
    if (types == null) {
      return Optional.of(
          "a <" + kind + "> cannot be hot-plugged from XML: only <disk>, <interface> and <controller>");
    }
    if (!types.isEmpty() && !types.contains(root.getAttribute("type"))) {
      return Optional.of("a <" + kind + "> from XML must have type " + String.join(", ", types));
    }
    Optional<String> prefixed = prefixed(root);
    if (prefixed.isPresent()) {
      return prefixed;
    }
    if (kind.equals("disk") && BackingChains.refusal(root).isPresent()) {
      return BackingChains.refusal(root);
    }
    NodeList all = root.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.getTagName().equals("host") || e.getAttribute("type").equals("network")) {
        return Optional.of("a device from XML may not name a network source");
      }
      if (e.getTagName().equals("seclabel") && SecurityLabels.refusal(e).isPresent()) {
        return SecurityLabels.refusal(e);
      }
    }
    return Optional.empty();
  }

  /**
   * A refusal when an element or attribute of {@code root} (at any depth) has a namespace prefix:
   * libvirt matches attributes by local name ({@code x:file} is read as {@code file}), so a prefixed
   * one would pass the path checks unseen.
   */
  private static Optional<String> prefixed(Element root) {
    NodeList all = root.getElementsByTagName("*");
    for (int i = -1; i < all.getLength(); i++) {
      Element e = i < 0 ? root : (Element) all.item(i);
      if (e.getTagName().contains(":")) {
        return Optional.of("<" + e.getTagName() + "> is of another namespace: not allowed");
      }
      org.w3c.dom.NamedNodeMap attributes = e.getAttributes();
      for (int j = 0; j < attributes.getLength(); j++) {
        String name = attributes.item(j).getNodeName();
        if (name.contains(":") && !name.startsWith("xmlns:")) {
          return Optional.of(
              "<" + e.getTagName() + " " + name + "=...> is an attribute of another namespace: not allowed");
        }
      }
    }
    return Optional.empty();
  }

  /** The root element's name of a device's XML, lower case ("disk", "interface"). */
  public static String kind(String deviceXml) {
    return parse(deviceXml).getDocumentElement().getTagName().toLowerCase(Locale.ROOT);
  }

  private static Optional<String> device(String domainXml, String tag, Predicate<Element> match) {
    Element root = parse(domainXml).getDocumentElement();
    for (Element devices : children(root, "devices")) {
      for (Element e : children(devices, tag)) {
        if (match.test(e)) {
          return Optional.of(serialize(e));
        }
      }
    }
    return Optional.empty();
  }

  private static String attribute(Element parent, String child, String attribute) {
    List<Element> c = children(parent, child);
    return c.isEmpty() ? null : c.get(0).getAttribute(attribute);
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        found.add(e);
      }
    }
    return found;
  }

  private static Document parse(String xml) {
    if (xml == null || xml.isBlank()) {
      throw new IllegalArgumentException("the device XML is empty");
    }
    try {
      DocumentBuilder builder = HardenedXml.factory(false).newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("invalid device XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String serialize(Element e) {
    try {
      TransformerFactory tf = TransformerFactory.newDefaultInstance();
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer t = tf.newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      t.transform(new DOMSource(e), new StreamResult(out));
      return out.toString();
    } catch (TransformerException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
