/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

/** Reads the owning domain's name from a network-filter binding's XML. */
public final class FilterBindingXml {
  private FilterBindingXml() {}

  /** The {@code <owner><name>} of a {@code <filterbinding>}, "" if absent. */
  public static String owner(String xml) {
    if (xml.isEmpty()) {
      return "";
    }
    return XmlTree.text(
        XmlTree.child(XmlTree.parse(xml, "filter binding", "filterbinding"), "owner"), "name");
  }
}
