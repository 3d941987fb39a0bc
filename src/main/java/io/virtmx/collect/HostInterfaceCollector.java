/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.NodeCalls;
import io.virtmx.libvirt.NodeDeviceXml;
import io.virtmx.model.HostInterface;
import java.util.ArrayList;
import java.util.List;

/** The host's network interfaces as libvirt's interface driver lists them, active or not. */
final class HostInterfaceCollector implements Collector<List<HostInterface>> {
  @Override
  public List<HostInterface> collect(CollectionContext context) {
    List<HostInterface> out = new ArrayList<>();
    for (NodeCalls.RawInterface i : NodeCalls.interfaces(context.connection().nativeHandle())) {
      try {
        out.add(NodeDeviceXml.hostInterface(i.name(), i.mac(), i.active(), i.xml()));
      } catch (IllegalArgumentException e) {
        context.error("interface");
      }
    }
    return out;
  }
}
