/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.Descriptions;

/** A libvirt virtual network. */
@Doc(
    "A libvirt virtual network: bridge, forward mode, DHCP leases and its operations. Emits "
        + "libvirt.network.lifecycle.* notifications and an attribute change notification when Active changes")
public interface NetworkMXBean {
  @Doc("Network name")
  String getName();

  @Doc("Network UUID")
  String getUuid();

  @Doc("Whether the network is running")
  boolean isActive();

  @Doc("Whether the network has a persistent definition")
  boolean isPersistent();

  @Doc("Whether the network starts with the host; change with setAutostart")
  boolean isAutostart();

  @Doc("Host bridge device, e.g. virbr0")
  String getBridge();

  @Doc("Forward mode: nat, route, bridge, open… or isolated")
  String getForwardMode();

  @Doc(Descriptions.NETWORK_DHCP_LEASES + " (0 when inactive)")
  int getDhcpLeases();

  @Doc("Starts the network")
  void start();

  @Doc("Stops the network")
  void stop();

  @Doc(value = "Sets whether the network starts with the host", operation = true)
  void setAutostart(
      @Param(name = "autostart", value = "true to start with the host") boolean autostart);
}
