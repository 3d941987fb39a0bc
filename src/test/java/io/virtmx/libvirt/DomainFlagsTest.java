/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * The two listing calls say for every domain what the per-domain calls say, on libvirt's in-process
 * test driver with a transient, a persistent and an autostarting domain.
 */
class DomainFlagsTest {
  private NativeConnect conn;

  @BeforeEach
  void open() throws LibvirtException {
    conn = new NativeConnect("test:///default", null, 0);
  }

  @AfterEach
  void close() throws LibvirtException {
    conn.close();
  }

  @Test
  void persistenceAndAutostartMatchThePerDomainCalls() throws LibvirtException {
    Domain transientOne = conn.domainCreateXML(xml("vmx-hosts-transient"), 0);
    Domain defined = conn.domainDefineXML(xml("vmx-hosts-defined"));
    Domain autostarting = conn.domainDefineXML(xml("vmx-hosts-autostart"));
    autostarting.setAutostart(true);

    DomainFlags flags = DomainFlags.list(conn.nativeHandle());

    String transientUuid = transientOne.getUUIDString();
    assertThat(flags.persistent(transientUuid)).isFalse();
    assertThat(flags.autostart(transientUuid)).isFalse();
    assertThat(flags.persistent(defined.getUUIDString())).isTrue();
    assertThat(flags.autostart(defined.getUUIDString())).isFalse();
    assertThat(flags.persistent(autostarting.getUUIDString())).isTrue();
    assertThat(flags.autostart(autostarting.getUUIDString())).isTrue();
    for (String name : conn.listDefinedDomains()) {
      Domain d = conn.domainLookupByName(name);
      assertThat(flags.persistent(d.getUUIDString())).as(name).isEqualTo(d.isPersistent() == 1);
      assertThat(flags.autostart(d.getUUIDString())).as(name).isEqualTo(d.getAutostart());
      d.free();
    }
    for (int id : conn.listDomains()) {
      Domain d = conn.domainLookupByID(id);
      assertThat(flags.persistent(d.getUUIDString()))
          .as(d.getName())
          .isEqualTo(d.isPersistent() == 1);
      assertThat(flags.autostart(d.getUUIDString())).as(d.getName()).isEqualTo(d.getAutostart());
      d.free();
    }
    for (Domain d : new Domain[] {transientOne, defined, autostarting}) {
      d.free();
    }
  }

  private static String xml(String name) {
    return "<domain type='test'><name>"
        + name
        + "</name><memory>65536</memory><os><type>hvm</type></os></domain>";
  }
}
