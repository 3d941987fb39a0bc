/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.NodeCalls;
import io.virtmx.libvirt.NodeDeviceXml;
import io.virtmx.model.NodeDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * Every node device ({@code virConnectListAllNodeDevices}) with what its XML says; collected again
 * on each node-device event, so devices appear and go at once.
 */
final class NodeDeviceCollector implements Collector<List<NodeDevice>> {
  @Override
  public List<NodeDevice> collect(CollectionContext context) {
    List<NodeDevice> out = new ArrayList<>();
    for (String xml : NodeCalls.nodeDeviceXmls(context.connection().nativeHandle())) {
      if (xml.isEmpty()) {
        continue; // gone between listing and reading
      }
      try {
        out.add(NodeDeviceXml.parse(xml));
      } catch (IllegalArgumentException e) {
        context.error("nodedevice");
      }
    }
    return out;
  }
}
