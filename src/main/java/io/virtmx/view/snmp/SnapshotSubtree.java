/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.model.HostSnapshot;
import io.virtmx.model.SnapshotListener;
import io.virtmx.model.SnapshotSource;
import io.virtmx.ops.Caller;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
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
 * One MIB subtree rendered from the latest snapshots into a sorted array of instances (rendered
 * once per set of snapshots), answering GET and GETNEXT from it by binary search and handing each
 * SET varbind to {@link #write}, which acts through the operations service.
 */
abstract class SnapshotSubtree implements GenericManagedObject {
  private static final Logger log = LoggerFactory.getLogger(SnapshotSubtree.class);
  private final SnapshotSource source;
  private final SnmpIdentities identities;
  private final DefaultMOScope scope;
  private volatile Rendering rendering;
  private final AtomicLong generation = new AtomicLong();

  /** Counts the snapshots published and hosts removed, which the rendering must follow. */
  private final SnapshotListener changes =
      new SnapshotListener() {
        @Override
        public void updated(HostSnapshot previous, HostSnapshot current) {
          generation.incrementAndGet();
        }

        @Override
        public void removed(String host) {
          generation.incrementAndGet();
        }
      };

  /**
   * Instances rendered from these snapshots, sorted by OID. A walk asks for the instance after the
   * one it was last given, so the position of the last answer is tried before a binary search.
   */
  private static final class Rendering {
    final long generation;
    final OID[] oids;
    final Variable[] values;
    private int last; // racy by design: any value is checked before it is used

    Rendering(long generation, Map<OID, Variable> sorted) {
      this.generation = generation;
      this.oids = sorted.keySet().toArray(new OID[0]);
      this.values = sorted.values().toArray(new Variable[0]);
    }

    /** Position of the first instance at or after {@code lower} (after it when not included). */
    int position(OID lower, boolean included) {
      if (lower == null) {
        return 0;
      }
      int at = at(last, lower);
      if (at == -1) {
        at = Arrays.binarySearch(oids, lower);
      }
      if (at < 0) {
        return -at - 1;
      }
      return included ? at : at + 1;
    }

    /**
     * {@code lower}'s position if it is the last answer (the next repetition of a walk) or the
     * instance before it (the answer was found, now it is fetched), else -1.
     */
    private int at(int last, OID lower) {
      if (last < oids.length && oids[last].equals(lower)) {
        return last;
      }
      if (last > 0 && last <= oids.length && oids[last - 1].equals(lower)) {
        return last - 1;
      }
      return -1;
    }

    /** Notes the position given to a walk. */
    void answered(int position) {
      last = position;
    }
  }

  SnapshotSubtree(SnapshotSource source, SnmpIdentities identities, OID root) {
    this.source = source;
    this.identities = identities;
    this.scope = new DefaultMOScope(root, true, root.nextPeer(), false);
    source.addListener(changes);
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

  /** Stops following the snapshots. */
  final void close() {
    source.removeListener(changes);
  }

  /** The instances of the latest snapshots, rendered again when a snapshot came or went. */
  private Rendering rendering() {
    long now = generation.get(); // before the snapshots: a change while rendering renders again
    Rendering r = rendering;
    if (r == null || r.generation != now) {
      TreeMap<OID, Variable> values = new TreeMap<>();
      render(source.hosts(), values);
      r = new Rendering(now, values);
      rendering = r;
    }
    return r;
  }

  @Override
  public MOScope getScope() {
    return scope;
  }

  @Override
  public OID find(MOScope range) {
    Rendering r = rendering();
    int at = r.position(range.getLowerBound(), range.isLowerIncluded());
    if (at >= r.oids.length || !range.covers(r.oids[at])) {
      return null;
    }
    r.answered(at);
    return r.oids[at];
  }

  @Override
  public void get(SubRequest<?> request) {
    VariableBinding vb = request.getVariableBinding();
    Rendering r = rendering();
    int at = Arrays.binarySearch(r.oids, vb.getOid());
    vb.setVariable(at < 0 ? Null.noSuchInstance : r.values[at]);
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
    Rendering r = rendering();
    MOScope range = request.getScope();
    int at = r.position(range.getLowerBound(), range.isLowerIncluded());
    while (at < r.oids.length
        && range.covers(r.oids[at])
        && !Boolean.TRUE.equals(filter.apply(r.oids[at]))) {
      at++;
    }
    if (at >= r.oids.length || !range.covers(r.oids[at])) {
      return false;
    }
    r.answered(at);
    request.getVariableBinding().setOid(r.oids[at]);
    request.getVariableBinding().setVariable(r.values[at]);
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
