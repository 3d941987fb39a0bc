/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import io.virtmx.view.cim.schema.CimClass;
import io.virtmx.view.cim.schema.ClassRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Every instance the server serves for one host snapshot, by namespace and class, built lazily
 * class by class and kept for as long as the snapshot is current. Nothing here calls libvirt: it
 * all renders from the snapshot.
 */
public final class HostModel {
  public static final String VIRT = "root/virt";
  public static final String INTEROP = "root/interop";

  private final ClassRepository repo;
  private final String ns;
  private final List<String> served;
  private final String prefix;
  private final String p;
  private final HostSnapshot host;
  private final ToIntFunction<String> requestedState;
  private final DomainInstances domains;
  private final HostInstances hosts;
  private final InteropInstances interop;
  private final AllocationTemplates templates;
  private final ConsoleInstances consoles;
  private final Map<String, List<CimInstance>> cache = new HashMap<>();
  private final Map<String, Map<CimObjectPath, CimInstance>> byPath = new HashMap<>();
  private final Map<String, Map<CimObjectPath, List<CimInstance>>> byEndpoint = new HashMap<>();
  private LiveInstances live;

  /** Instances read on every request, not kept with the snapshot (jobs, services): null if not ours. */
  @FunctionalInterface
  interface LiveInstances {
    List<CimInstance> instances(HostModel model, String className);
  }

  /** {@code requestedState} gives the RequestedState kept for a domain name. */
  public HostModel(ClassRepository repo, HostSnapshot host, ToIntFunction<String> requestedState) {
    this(repo, VIRT, host, requestedState, List.of(VIRT));
  }

  /**
   * The model of a host served in namespace {@code ns} (root/virt or root/virt/HOST) by a server
   * whose virtualization namespaces are {@code served}.
   */
  public HostModel(
      ClassRepository repo,
      String ns,
      HostSnapshot host,
      ToIntFunction<String> requestedState,
      List<String> served) {
    this.repo = repo;
    this.ns = ns;
    this.served = List.copyOf(served);
    this.prefix = StateMapping.prefix(host.node().hypervisorType());
    this.p = prefix + "_";
    this.host = host;
    this.requestedState = requestedState;
    this.domains = new DomainInstances(repo, prefix, host);
    this.hosts = new HostInstances(repo, prefix, host);
    this.interop = new InteropInstances(repo, prefix, hosts.fqdn());
    this.templates = new AllocationTemplates(repo, prefix, host);
    this.consoles = new ConsoleInstances(repo, prefix);
    this.live = new ServiceInstances(repo, null);
  }

  /** Asks {@code live} first for every class (the CIM view's jobs and their services). */
  HostModel withLive(LiveInstances live) {
    this.live = live;
    return this;
  }

  public String prefix() {
    return prefix;
  }

  public HostSnapshot host() {
    return host;
  }

  /** The namespace of the host's virtualization instances: root/virt or root/virt/HOST. */
  public String namespace() {
    return ns;
  }

  /** The virtualization namespaces the server had when this model was built. */
  List<String> virtNamespaces() {
    return served;
  }

  /**
   * The canonical spelling of a namespace we may serve (root/virt, root/virt/HOST, root/interop),
   * or null; whether HOST is watched is for the view to say.
   */
  public static String namespace(String ns) {
    String n = ns == null ? "" : ns.replaceAll("^/+|/+$", "");
    if (n.regionMatches(true, 0, VIRT + "/", 0, VIRT.length() + 1)
        && n.length() > VIRT.length() + 1
        && n.indexOf('/', VIRT.length() + 1) < 0) {
      return VIRT + n.substring(VIRT.length());
    }
    return n.equalsIgnoreCase(VIRT) ? VIRT : n.equalsIgnoreCase(INTEROP) ? INTEROP : null;
  }

  /** The instances of exactly this class (not its subclasses) in the namespace. */
  public synchronized List<CimInstance> instances(String ns, String className) {
    List<CimInstance> now = ns.equals(INTEROP) ? null : live.instances(this, className);
    if (now != null) {
      return now;
    }
    String key = ns + "|" + className.toLowerCase(Locale.ROOT);
    List<CimInstance> list = cache.get(key);
    if (list == null) {
      list = compute(ns, className);
      cache.put(key, list);
    }
    return list;
  }

  /** The instances of the class and of all its subclasses. */
  public List<CimInstance> enumerate(String ns, String className) {
    List<CimInstance> out = new ArrayList<>(instances(ns, className));
    for (CimClass sub : repo.subclasses(className, true)) {
      out.addAll(instances(ns, sub.name()));
    }
    return out;
  }

  /**
   * The instance of that path in the namespace (the path's own namespace when it has one), or null.
   * The allocation templates are found here although no enumeration lists them.
   */
  public synchronized CimInstance get(String ns, CimObjectPath path) {
    String n = path.namespace() != null ? namespace(path.namespace()) : ns;
    if (n == null || repo.get(path.className()) == null) {
      return null;
    }
    List<CimInstance> now = n.equals(INTEROP) ? null : live.instances(this, path.className());
    if (now != null) {
      return now.stream().filter(i -> i.path().equals(path)).findFirst().orElse(null);
    }
    String key = n + "|" + path.className().toLowerCase(Locale.ROOT);
    Map<CimObjectPath, CimInstance> index = byPath.get(key);
    if (index == null) {
      index = new HashMap<>();
      for (CimInstance i : instances(n, path.className())) {
        index.put(i.path(), i);
      }
      if (!n.equals(INTEROP)) {
        for (CimInstance t : group("template")) {
          if (t.className().equalsIgnoreCase(path.className())) {
            index.putIfAbsent(t.path(), t);
          }
        }
      }
      byPath.put(key, index);
    }
    return index.get(path);
  }

  /**
   * Association instances in the namespace that reference {@code path} in one of their references.
   */
  public synchronized List<CimInstance> associationsOf(String ns, CimObjectPath path) {
    Map<CimObjectPath, List<CimInstance>> index = byEndpoint.get(ns);
    if (index == null) {
      index = new HashMap<>();
      for (CimClass c : repo.all()) {
        if (c.isAssociation()) {
          for (CimInstance a : instances(ns, c.name())) {
            for (Object v : a.values().values()) {
              if (v instanceof CimObjectPath ref) {
                index.computeIfAbsent(ref, k -> new ArrayList<>()).add(a);
              }
            }
          }
        }
      }
      byEndpoint.put(ns, index);
    }
    return index.getOrDefault(path, List.of());
  }

  private List<CimInstance> compute(String ns, String className) {
    CimClass cls = repo.get(className);
    if (cls == null) {
      return List.of();
    }
    String name = cls.name();
    if (ns.equals(INTEROP)) {
      return switch (name) {
        case "CIM_Namespace" -> interop.namespaces(served);
        case "CIM_ObjectManager" -> List.of(interop.objectManager());
        default ->
            name.equals(p + "RegisteredProfile")
                ? interop.profiles()
                : name.equals(p + "ElementConformsToProfile")
                    ? interop.conformance(this)
                    : List.of();
      };
    }
    if (!name.startsWith(p) || name.equals(p + "RegisteredProfile")) {
      return List.of();
    }
    String suffix = name.substring(p.length());
    return switch (suffix) {
      case "HostSystem" -> List.of(hosts.hostSystem());
      case "ComputerSystem" ->
          eachDomain(d -> domains.computerSystem(d, requestedState.applyAsInt(d.name())));
      case "VirtualSystemSettingData" -> eachDomain(domains::settings);
      case "EnabledLogicalElementCapabilities" -> eachDomain(domains::capabilities);
      case "VirtualSystemManagementService" -> List.of(hosts.managementService());
      case "ResourcePoolConfigurationService" -> List.of(hosts.poolService());
      case "VirtualSystemManagementCapabilities" -> List.of(hosts.managementCapabilities());
      case "ConsoleRedirectionService" -> List.of(consoles.service(hosts.fqdn()));
      case "ConsoleRedirectionServiceCapabilities" -> List.of(consoles.capabilities());
      case "KVMRedirectionSAP" -> eachDomainAll(consoles::accessPoints);
      case "AllocationCapabilities" ->
          group("pool").stream().map(hosts::allocationCapabilities).toList();
      case "ElementConformsToProfile" -> interop.conformance(this);
      default ->
          cls.isAssociation()
              ? new VirtAssociations(repo, this, p).build(suffix)
              : repo.isA(name, "CIM_ResourceAllocationSettingData")
                  ? ofClass(group("rasd"), name)
                  : repo.isA(name, "CIM_ResourcePool")
                      ? ofClass(group("pool"), name)
                      : repo.isA(name, "CIM_LogicalDevice")
                          ? ofClass(group("device"), name)
                          : List.of();
    };
  }

  /**
   * All RASDs, devices, allocation templates or pools of the host, computed once and split by
   * class.
   */
  List<CimInstance> group(String group) {
    String key = "group|" + group;
    List<CimInstance> list = cache.get(key);
    if (list == null) {
      list =
          switch (group) {
            case "rasd" -> eachDomainAll(domains::resourceSettings);
            case "device" -> eachDomainAll(domains::devices);
            case "template" -> templates.all();
            default -> hosts.pools();
          };
      cache.put(key, list);
    }
    return list;
  }

  private static List<CimInstance> ofClass(List<CimInstance> all, String className) {
    return all.stream().filter(i -> i.className().equals(className)).toList();
  }

  private List<CimInstance> eachDomain(java.util.function.Function<DomainSnapshot, CimInstance> f) {
    List<CimInstance> out = new ArrayList<>(host.domains().size());
    for (DomainSnapshot d : host.domains()) {
      out.add(f.apply(d));
    }
    return out;
  }

  private List<CimInstance> eachDomainAll(
      java.util.function.Function<DomainSnapshot, List<CimInstance>> f) {
    List<CimInstance> out = new ArrayList<>();
    for (DomainSnapshot d : host.domains()) {
      out.addAll(f.apply(d));
    }
    return out;
  }
}
