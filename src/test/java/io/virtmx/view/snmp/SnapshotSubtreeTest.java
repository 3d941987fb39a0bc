/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.FixedSource;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.Snapshots;
import io.virtmx.ops.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.snmp4j.agent.DefaultMOScope;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

class SnapshotSubtreeTest {
  private static final OID ROOT = new OID("1.3.6.1.4.1.99999.1");

  /** Instances 1.3.6.1.4.1.99999.1.C.R for columns 1..4 and rows 2, 4, 6, …, 40. */
  private static final class Cells extends SnapshotSubtree {
    final TreeMap<OID, Variable> rendered = new TreeMap<>();
    final FixedSource source;
    int renderings;

    Cells() {
      this(new FixedSource(Snapshots.host("h").build()));
    }

    private Cells(FixedSource source) {
      super(source, null, ROOT);
      this.source = source;
    }

    @Override
    void render(List<HostSnapshot> hosts, Map<OID, Variable> out) {
      renderings++;
      rendered.clear();
      int columns = hosts.get(0).domains().size() + 4;
      for (int column = 1; column <= columns; column++) {
        for (int row = 2; row <= 40; row += 2) {
          out.put(new OID(ROOT).append(column).append(row), new Integer32(column * 100 + row));
        }
      }
      rendered.putAll(out);
    }

    @Override
    int write(OID oid, Variable value, Caller caller) {
      return 0;
    }
  }

  @Test
  void aWalkMeetsEveryInstanceInOrder() {
    Cells cells = new Cells();
    List<OID> walked = new ArrayList<>();
    OID at = cells.find(new DefaultMOScope(ROOT, true, ROOT.nextPeer(), false));
    while (at != null) {
      walked.add(at);
      at = cells.find(new DefaultMOScope(at, false, ROOT.nextPeer(), false));
    }
    assertThat(walked).containsExactlyElementsOf(cells.rendered.keySet());
  }

  @Test
  void renderedOnceAndAgainWhenANewSnapshotComes() {
    Cells cells = new Cells();
    DefaultMOScope all = new DefaultMOScope(ROOT, true, ROOT.nextPeer(), false);
    cells.find(all);
    cells.find(all);
    assertThat(cells.renderings).isEqualTo(1);
    OID fifthColumn = new OID(ROOT).append(5);

    cells.source.publish(Snapshots.host("h").domain(Snapshots.domain("d").build()).build());

    assertThat(cells.find(new DefaultMOScope(fifthColumn, true, ROOT.nextPeer(), false)))
        .isEqualTo(new OID(fifthColumn).append(2));
    assertThat(cells.renderings).isEqualTo(2);
    cells.close();
  }

  @Test
  void anyLowerBoundFindsWhatASortedMapFinds() {
    Cells cells = new Cells();
    cells.find(new DefaultMOScope(ROOT, true, ROOT.nextPeer(), false));
    Random random = new Random(16);
    for (int i = 0; i < 2000; i++) {
      OID lower = new OID(ROOT).append(random.nextInt(6)).append(random.nextInt(44));
      if (random.nextBoolean()) {
        lower.append(random.nextInt(3));
      }
      boolean included = random.nextBoolean();
      OID upper = random.nextInt(4) == 0 ? new OID(ROOT).append(3) : ROOT.nextPeer();
      OID expected = included ? cells.rendered.ceilingKey(lower) : cells.rendered.higherKey(lower);
      if (expected != null && expected.compareTo(upper) >= 0) {
        expected = null;
      }
      assertThat(cells.find(new DefaultMOScope(lower, included, upper, false)))
          .as("after %s (included %s) below %s", lower, included, upper)
          .isEqualTo(expected);
    }
  }
}
