/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.GuestFilesystem;
import io.virtmx.model.GuestInsight;
import io.virtmx.model.GuestInterface;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The Domain MBean's attributes of its metadata, of what its guest agent reported, and its perf and
 * IOThread statistics and its vCPU pinning, read from the domain's latest snapshot; {@link DomainAttributes} adds the rest.
 */
abstract class DomainInsightAttributes implements DomainMXBean {

  /** The latest snapshot of the domain. */
  abstract DomainSnapshot snap();

  private GuestInsight guest() {
    return snap().guest();
  }

  @Override
  public String getTitle() {
    return snap().metadata().title();
  }

  @Override
  public String getDescription() {
    return snap().metadata().description();
  }

  @Override
  public Map<String, String> getLabels() {
    return snap().metadata().labels();
  }

  @Override
  public String getGuestAgent() {
    return guest().agent().name().toLowerCase(Locale.ROOT);
  }

  @Override
  public long getGuestSampledMillis() {
    return guest().sampled().toEpochMilli();
  }

  @Override
  public String getGuestOsId() {
    return guest().os().id();
  }

  @Override
  public String getGuestOsName() {
    return guest().os().name();
  }

  @Override
  public String getGuestOsVersion() {
    return guest().os().version();
  }

  @Override
  public String getGuestKernel() {
    return guest().os().kernel();
  }

  @Override
  public String getGuestHostname() {
    return guest().hostname();
  }

  @Override
  public String getGuestTimezone() {
    return guest().timezone();
  }

  @Override
  public long getGuestUsers() {
    return guest().users();
  }

  @Override
  public Map<String, Long> getGuestFilesystemSizeBytes() {
    return byMountPoint(GuestFilesystem::totalBytes);
  }

  @Override
  public Map<String, Long> getGuestFilesystemUsedBytes() {
    return byMountPoint(GuestFilesystem::usedBytes);
  }

  @Override
  public Map<String, String> getGuestAddresses() {
    Map<String, String> out = new LinkedHashMap<>();
    for (GuestInterface i : guest().interfaces()) {
      out.putIfAbsent(
          i.name(),
          i.addresses().stream()
              .map(a -> a.address() + "/" + a.prefix())
              .collect(Collectors.joining(",")));
    }
    return out;
  }

  @Override
  public Map<String, String> getVcpuPinning() {
    Map<String, String> out = new LinkedHashMap<>();
    snap().vcpus().pinning().forEach(p -> out.put(Integer.toString(p.vcpu()), p.cpuList()));
    return out;
  }

  @Override
  public Map<String, Long> getPerfEvents() {
    return snap().perf();
  }

  @Override
  public Map<String, Long> getIoThreadPollMaxNs() {
    Map<String, Long> out = new LinkedHashMap<>();
    snap().iothreads().forEach(t -> out.put(Integer.toString(t.id()), t.pollMaxNs()));
    return out;
  }

  /** The first file system listed at each mount point. */
  private Map<String, Long> byMountPoint(ToLongFunction<GuestFilesystem> value) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (GuestFilesystem fs : guest().filesystems()) {
      out.putIfAbsent(fs.mountPoint(), value.applyAsLong(fs));
    }
    return out;
  }
}
