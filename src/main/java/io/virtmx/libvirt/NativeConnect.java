/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Pointer;
import io.virtmx.model.DomainState;
import org.libvirt.Connect;
import org.libvirt.ConnectAuth;
import org.libvirt.LibvirtException;

/**
 * A libvirt-java {@link Connect} that also hands out its raw {@code virConnectPtr} for {@link
 * LibvirtNative}.
 */
public class NativeConnect extends Connect {

  public NativeConnect(String uri, ConnectAuth auth, int flags) throws LibvirtException {
    super(uri, auth, flags);
  }

  public NativeConnect(String uri, boolean readOnly) throws LibvirtException {
    super(uri, readOnly);
  }

  /**
   * The raw {@code virConnectPtr}, valid until {@link #close()}.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public Pointer nativeHandle() {
    if (vcp == null || vcp.getPointer() == null) {
      throw new IllegalStateException("connection is closed");
    }
    return vcp.getPointer();
  }

  /**
   * The current state of domain {@code name} as libvirt has it now ({@code virDomainGetState}).
   *
   * @throws LibvirtCallException when there is no such domain ({@code isNoDomain()}) or the call
   *     fails
   */
  public DomainState domainState(String name) {
    Pointer dom =
        LibvirtErrors.check(
            LibvirtNative.INSTANCE.virDomainLookupByName(nativeHandle(), name),
            "virDomainLookupByName");
    try {
      return PerDomainStats.state(dom).state();
    } finally {
      LibvirtNative.INSTANCE.virDomainFree(dom);
    }
  }
}
