/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Whether a caller's {@code <seclabel>} (of a domain or of a device's source) would choose the
 * security label libvirt gives QEMU or its files, as a pure function: only libvirt's own dynamic
 * labelling is allowed, e.g. {@code <seclabel type='dynamic' model='apparmor' relabel='yes'/>}; a
 * type {@code none} or {@code static}, {@code relabel='no'}, a {@code <baselabel>}, or a {@code
 * <label>}/{@code <imagelabel>} outside a {@code type='dynamic'} one (libvirt ignores those of a
 * dynamic label when it defines, creates or restores a domain) is refused with the reason.
 */
public final class SecurityLabels {
  private static final Set<String> WEAK_TYPES = Set.of("none", "static");
  private static final Set<String> CHOSEN_LABELS = Set.of("label", "imagelabel");

  private SecurityLabels() {}

  /** Why {@code seclabel} (a {@code <seclabel>} element) is refused, or empty. */
  public static Optional<String> refusal(Element seclabel) {
    String type = seclabel.getAttribute("type");
    if (WEAK_TYPES.contains(type)) {
      return Optional.of("<seclabel type='" + type + "'> would weaken the guest's confinement");
    }
    if (seclabel.getAttribute("model").equals("none")) {
      return Optional.of("<seclabel model='none'> would weaken the guest's confinement");
    }
    if (seclabel.getAttribute("relabel").equals("no")) {
      return Optional.of(
          "<seclabel relabel='no'> keeps libvirt from labelling what QEMU may use: not allowed");
    }
    for (Node n = seclabel.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element child)) {
        continue;
      }
      String tag = child.getTagName();
      if (tag.equals("baselabel")) {
        return Optional.of(
            "<seclabel> with a <baselabel> chooses the label libvirt gives QEMU: not allowed"
                + " (leave it to libvirt's dynamic labelling)");
      }
      if (CHOSEN_LABELS.contains(tag) && !type.equals("dynamic")) {
        return Optional.of(
            "<seclabel> with a <" + tag + "> chooses a static security label: not allowed"
                + " (leave it to libvirt's dynamic labelling)");
      }
    }
    return Optional.empty();
  }
}
