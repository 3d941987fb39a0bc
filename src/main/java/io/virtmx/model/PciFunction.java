/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;
import java.util.Objects;

/**
 * The PCI side of a node device: its address, class, IOMMU group (-1 if none), its SR-IOV physical
 * function ("" if it is none's virtual function), its virtual functions, and the mediated-device
 * types it offers, and the domain whose definition passes it through ({@code <hostdev type='pci'>},
 * "" if none does).
 */
public record PciFunction(
    String address,
    String pciClass,
    int iommuGroup,
    String physicalFunction,
    List<String> virtualFunctions,
    List<MdevType> mdevTypes,
    String usedBy) {

  public static final PciFunction NONE = new PciFunction("", "", -1, "", List.of(), List.of());

  /** A function no domain is known to use. */
  public PciFunction(
      String address,
      String pciClass,
      int iommuGroup,
      String physicalFunction,
      List<String> virtualFunctions,
      List<MdevType> mdevTypes) {
    this(address, pciClass, iommuGroup, physicalFunction, virtualFunctions, mdevTypes, "");
  }

  public PciFunction {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(pciClass, "pciClass");
    Objects.requireNonNull(physicalFunction, "physicalFunction");
    virtualFunctions = List.copyOf(virtualFunctions);
    mdevTypes = List.copyOf(mdevTypes);
    Objects.requireNonNull(usedBy, "usedBy");
  }

  /** The same function used by domain {@code domain} ("" for none). */
  public PciFunction withUsedBy(String domain) {
    return new PciFunction(
        address, pciClass, iommuGroup, physicalFunction, virtualFunctions, mdevTypes, domain);
  }
}
