/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.model.HostSnapshot;
import io.virtmx.model.SnapshotSource;
import io.virtmx.ops.Caller;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.snmp4j.agent.DefaultMOScope;
import org.snmp4j.agent.MOScope;
import org.snmp4j.agent.mo.GenericManagedObject;
import org.snmp4j.agent.request.SubRequest;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MIB subtree rendered from the latest snapshots into a sorted map of instances (rendered once
 * per set of snapshots), answering GET and GETNEXT from it and handing each SET varbind to {@link
 * #write}, which acts through the operations service.
 */
abstract class SnapshotSubtree implements GenericManagedObject {
  private static final Logger log = LoggerFactory.getLogger(SnapshotSubtree.class);
  private final SnapshotSource source;
  private final SnmpIdentities identities;
  private final DefaultMOScope scope;
  private volatile Rendering rendering;

  /** Instances rendered from these snapshots. */
  private record Rendering(List<HostSnapshot> from, NavigableMap<OID, Variable> values) {}

  SnapshotSubtree(SnapshotSource source, SnmpIdentities identities, OID root) {
    this.source = source;
    this.identities = identities;
    this.scope = new DefaultMOScope(root, true, root.nextPeer(), false);
  }

  /** Renders every instance of the subtree from these snapshots. */
  abstract void render(List<HostSnapshot> hosts, Map<OID, Variable> out);

  /**
   * Carries out a SET of {@code oid} to {@code value} by the caller the request stands for; returns
   * SNMP's error status (0 when done).
   */
  abstract int write(OID oid, Variable value, Caller caller);

  /** The latest snapshots. */
  final List<HostSnapshot> hosts() {
    return source.hosts();
  }

  /** The instances of the latest snapshots. */
  final NavigableMap<OID, Variable> values() {
    List<HostSnapshot> hosts = source.hosts();
    Rendering r = rendering;
    if (r == null || !same(r.from(), hosts)) {
      TreeMap<OID, Variable> values = new TreeMap<>();
      render(hosts, values);
      r = new Rendering(hosts, values);
      rendering = r;
    }
    return r.values();
  }

  private static boolean same(List<HostSnapshot> a, List<HostSnapshot> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public MOScope getScope() {
    return scope;
  }

  @Override
  public OID find(MOScope range) {
    NavigableMap<OID, Variable> values = values();
    OID lower = range.getLowerBound();
    Map.Entry<OID, Variable> e =
        lower == null
            ? values.firstEntry()
            : range.isLowerIncluded() ? values.ceilingEntry(lower) : values.higherEntry(lower);
    if (e == null || !range.covers(e.getKey())) {
      return null;
    }
    return e.getKey();
  }

  @Override
  public void get(SubRequest<?> request) {
    VariableBinding vb = request.getVariableBinding();
    Variable value = values().get(vb.getOid());
    vb.setVariable(value == null ? Null.noSuchInstance : value);
    request.completed();
  }

  /** GETNEXT without a view filter; SNMP4J-Agent calls the filtered one. */
  @Deprecated
  @Override
  public boolean next(SubRequest<?> request) {
    return next(request, oid -> Boolean.TRUE);
  }

  /** GETNEXT: the first instance after the request's lower bound that {@code filter} accepts. */
  @Override
  public boolean next(SubRequest<?> request, Function<OID, Boolean> filter) {
    NavigableMap<OID, Variable> values = values();
    MOScope range = request.getScope();
    OID lower = range.getLowerBound();
    Map.Entry<OID, Variable> e =
        lower == null
            ? values.firstEntry()
            : range.isLowerIncluded() ? values.ceilingEntry(lower) : values.higherEntry(lower);
    while (e != null && range.covers(e.getKey()) && !Boolean.TRUE.equals(filter.apply(e.getKey()))) {
      e = values.higherEntry(e.getKey());
    }
    if (e == null || !range.covers(e.getKey())) {
      return false;
    }
    request.getVariableBinding().setOid(e.getKey());
    request.getVariableBinding().setVariable(e.getValue());
    request.completed();
    return true;
  }


  /** Acts at once: libvirt's changes cannot be prepared and undone, so prepare is the change. */
  @Override
  public void prepare(SubRequest<?> request) {
    VariableBinding vb = request.getVariableBinding();
    int status;
    try {
      status = write(vb.getOid(), vb.getVariable(), identities.caller(request.getRequest()));
    } catch (RuntimeException e) {
      log.warn("SNMP set of {} failed: {}", vb.getOid(), e.toString());
      status = SnmpConstants.SNMP_ERROR_GENERAL_ERROR;
    }
    if (status != SnmpConstants.SNMP_ERROR_SUCCESS) {
      request.getStatus().setErrorStatus(status);
    }
    request.getStatus().setPhaseComplete(true);
  }

  @Override
  public void commit(SubRequest<?> request) {
    request.getStatus().setPhaseComplete(true);
  }

  @Override
  public void undo(SubRequest<?> request) {
    request.getStatus().setPhaseComplete(true);
  }

  @Override
  public void cleanup(SubRequest<?> request) {
    request.getStatus().setPhaseComplete(true);
  }
}
