/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Whether a caller's {@code <disk>} leaves its backing chain to libvirt, as a pure function: an image
 * format other than raw may name a backing file in its own header (a guest can write one into any
 * file it owns), and libvirt (root) follows that chain, labels each file and hands it to QEMU, so a
 * non-raw disk must state its chain itself, ending in an empty {@code <backingStore/>}, e.g. {@code
 * the qcow2 disk vdb has no explicit backing chain: add <backingStore/> (no backing file) …}.
 */
public final class BackingChains {
  private static final Set<String> CHECKED_DISK_TYPES = Set.of("file", "block", "volume");
  private static final Set<String> CHAIN_TYPES = Set.of("file", "block");

  private BackingChains() {}

  /**
   * Why {@code disk} (a {@code <disk>} element) is refused, or empty when its format is raw, it is
   * not a file, block or volume disk, or it states its whole chain: {@code <backingStore/>}, or
   * {@code <backingStore type='file'|'block'>} elements each with a {@code <source>}, the last one
   * holding an empty {@code <backingStore/>}. A file or block disk without {@code <driver type>} is
   * raw (libvirt's QEMU driver assumes so); a volume disk without one has its volume's format.
   */
  public static Optional<String> refusal(Element disk) {
    String diskType = disk.getAttribute("type");
    if (!CHECKED_DISK_TYPES.contains(diskType)) {
      return Optional.empty();
    }
    List<Element> drivers = children(disk, "driver");
    String format = drivers.isEmpty() ? "" : drivers.get(0).getAttribute("type");
    if (format.equals("raw") || (format.isEmpty() && !diskType.equals("volume"))) {
      return Optional.empty();
    }
    String what = (format.isEmpty() ? "volume" : "'" + format + "'") + " disk " + target(disk);
    Element level = disk;
    for (int depth = 0; depth < 64; depth++) {
      List<Element> backing = children(level, "backingStore");
      if (backing.size() != 1) {
        return Optional.of(refusal(what, backing.isEmpty() ? "has no explicit backing chain" : "has"
            + " more than one <backingStore> at one level (libvirt reads the first only)"));
      }
      Element store = backing.get(0);
      if (terminator(store)) {
        return Optional.empty();
      }
      if (!CHAIN_TYPES.contains(store.getAttribute("type")) || children(store, "source").isEmpty()) {
        return Optional.of(refusal(what, "has a <backingStore> that is not a file or block image"
            + " with a <source>"));
      }
      level = store;
    }
    return Optional.of(refusal(what, "has a backing chain deeper than 64 images"));
  }

  private static String refusal(String what, String problem) {
    return "the "
        + what
        + " "
        + problem
        + ": add <backingStore/> (no backing file) or the whole chain of <backingStore> images"
        + " ending in <backingStore/>, or libvirt would open the backing file its image names";
  }

  /** libvirt's chain terminator: a {@code <backingStore>} without a type; strictly empty here. */
  private static boolean terminator(Element store) {
    return store.getAttributes().getLength() == 0 && blank(store);
  }

  /** Whether {@code e} holds nothing but white space. */
  private static boolean blank(Element e) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof org.w3c.dom.Text t) || !t.getData().isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static String target(Element disk) {
    List<Element> targets = children(disk, "target");
    String dev = targets.isEmpty() ? "" : targets.get(0).getAttribute("dev");
    return dev.isEmpty() ? "(without a target)" : dev;
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && tag.equals(e.getTagName())) {
        found.add(e);
      }
    }
    return found;
  }
}
