/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * OpenStack Nova's {@code <nova:instance>} metadata (namespace {@code
 * http://openstack.org/xmlns/libvirt/nova/1.x}) as labels: {@code instance} (the instance's
 * name), {@code flavor}, {@code project}, {@code project_uuid}, {@code user}, {@code user_uuid}.
 */
final class NovaMetadata {
  static final String NAMESPACE_PREFIX = "http://openstack.org/xmlns/libvirt/nova/";
  static final Set<String> LABELS =
      Set.of("instance", "flavor", "project", "project_uuid", "user", "user_uuid");

  private NovaMetadata() {}

  /** The Nova labels of this {@code <metadata>}, empty when it has no Nova instance. */
  static Map<String, String> read(Element metadata) {
    Map<String, String> out = new LinkedHashMap<>();
    Element instance = child(metadata, "instance");
    if (instance == null) {
      return out;
    }
    put(out, "instance", text(child(instance, "name")));
    put(out, "flavor", attribute(child(instance, "flavor"), "name"));
    Element owner = child(instance, "owner");
    Element project = child(owner, "project");
    Element user = child(owner, "user");
    put(out, "project", text(project));
    put(out, "project_uuid", attribute(project, "uuid"));
    put(out, "user", text(user));
    put(out, "user_uuid", attribute(user, "uuid"));
    return out;
  }

  private static void put(Map<String, String> out, String name, String value) {
    if (!value.isEmpty()) {
      out.put(name, MetadataLabels.bounded(value));
    }
  }

  /** The first child element of that local name in a Nova namespace. */
  private static Element child(Element parent, String localName) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && localName.equals(e.getLocalName())
          && e.getNamespaceURI() != null
          && e.getNamespaceURI().startsWith(NAMESPACE_PREFIX)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element e) {
    return e == null ? "" : e.getTextContent().strip();
  }

  private static String attribute(Element e, String name) {
    return e == null ? "" : e.getAttribute(name).strip();
  }
}
