/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestBed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.listener.IndicationListener;
import org.metricshub.wbem.javax.wbem.listener.WBEMListener;
import org.metricshub.wbem.javax.wbem.listener.WBEMListenerFactory;

/**
 * CIM indications end to end: an OS-less QEMU domain of our own on qemu:///system, the agent jar
 * serving CIM, the SBLIM Java client's real indication listener subscribed through CreateInstance in
 * root/interop, and a dead listener (a socket that closes every connection) that is retried and
 * then unsubscribed; the subscriptions survive a restart of the agent.
 */
class CimIndicationIT {
  private static final String INTEROP = "root/interop";
  private static final int RETRIES = 2;

  /** One indication the listener got, and when. */
  record Received(long nanos, CIMInstance indication) {}

  private static final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private static final List<Received> all = new ArrayList<>();
  private static final String vm = "vmx-cim-" + UUID.randomUUID().toString().substring(0, 8);
  private static Path dir;
  private static Path domainXml;
  private static WBEMListener listener;
  private static int listenerPort;
  private static ServerSocket dead;
  private static final AtomicInteger deadAttempts = new AtomicInteger();

  @BeforeAll
  static void domainAndListeners() throws Exception {
    TestBed.ensureLibvirtd();
    dir = Files.createTempDirectory("vmx-cim-ind");
    domainXml = dir.resolve(vm + ".xml");
    Files.writeString(
        domainXml,
        """
        <domain type='qemu'>
          <name>%s</name>
          <memory unit='MiB'>32</memory>
          <vcpu>1</vcpu>
          <os><type arch='x86_64' machine='pc'>hvm</type></os>
          <devices><serial type='pty'/></devices>
        </domain>
        """
            .formatted(vm));
    TestBed.virsh("define", domainXml.toString());
    TestBed.virsh("start", vm);
    listener = WBEMListenerFactory.getListener("CIM-XML");
    IndicationListener got = (url, ind) -> received.add(new Received(System.nanoTime(), ind));
    listenerPort = listener.addListener(got, 0, "http");
    dead = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!dead.isClosed()) {
                try {
                  Socket s = dead.accept();
                  deadAttempts.incrementAndGet();
                  s.close();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "dead-listener");
    t.setDaemon(true);
    t.start();
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (listener != null) {
      listener.removeListener(listenerPort);
    }
    if (dead != null) {
      dead.close();
    }
    TestBed.tryVirsh("destroy", vm);
    TestBed.tryVirsh("undefine", vm);
    CimClients.deleteTree(dir);
  }

  private static CimClients agent() {
    return CimClients.start(
        dir,
        "--connect",
        TestBed.QEMU_URI,
        "--interval",
        "60s",
        "--cim-subscriptions-file",
        dir.resolve("subscriptions").toString(),
        "--cim-delivery-retry-attempts",
        String.valueOf(RETRIES),
        "--cim-delivery-retry-interval",
        "1s",
        "--cim-subscription-removal-interval",
        "2s");
  }

  @Test
  void suspendIsIndicatedDeadListenerUnsubscribedAndSubscriptionsSurviveRestart() throws Exception {
    try (CimClients cim = agent()) {
      WBEMClient alice = cim.client(CimClients.ALICE);
      subscribe(cim, alice, "all-modified", "SELECT * FROM KVM_ComputerSystemModifiedIndication",
              "live", "http://127.0.0.1:" + listenerPort);
      subscribe(cim, alice, "ours",
          "SELECT * FROM CIM_InstModification WHERE SourceInstance.Name = '" + vm + "'",
          "dead", "http://127.0.0.1:" + dead.getLocalPort());
      viewerCannotSubscribe(cim);

      Received suspended = afterVirsh("suspend", 9);
      assertThat(state(suspended.indication(), "PreviousInstance")).isEqualTo(2);
      Received resumed = afterVirsh("resume", 2);
      assertThat(state(resumed.indication(), "PreviousInstance")).isEqualTo(9);
      assertThat(sequence(resumed)).isGreaterThan(sequence(suspended));

      Await.until(
          "the dead listener's subscription is removed",
          () -> subscriptions(alice, cim).size() == 1,
          Duration.ofSeconds(20));
      assertThat(deadAttempts.get()).isEqualTo(RETRIES + 1);
      assertThat(subscriptions(alice, cim).get(0).getPropertyValue("Handler").toString())
          .contains("live");
      Received again = afterVirsh("suspend", 9);
      assertThat(sequence(again)).isGreaterThan(sequence(resumed));
      afterVirsh("resume", 2);
      assertThat(deadAttempts.get()).as("no attempts once unsubscribed").isEqualTo(RETRIES + 1);
    }
    Path file = dir.resolve("subscriptions");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (CimClients cim = agent()) {
      assertThat(subscriptions(cim.client(CimClients.ALICE), cim)).hasSize(1);
      assertThat(
              cim.wbemcli(CimClients.ALICE, "ein", "root/interop:CIM_IndicationSubscription")
                  .stdout())
          .contains("live")
          .doesNotContain("dead");
      assertThat(cim.wbemcli(CimClients.ALICE, "ei", "root/interop:CIM_IndicationService").stdout())
          .contains("DeliveryRetryAttempts=" + RETRIES, "DeliveryRetryInterval=1");
      afterVirsh("suspend", 9);
      afterVirsh("resume", 2);
    }
    assertConsecutiveWithinEachContext();
  }

  private static CIMObjectPath subscribe(
      CimClients cim, WBEMClient c, String filter, String query, String dest, String url)
      throws WBEMException {
    CIMObjectPath f =
        c.createInstance(
            new CIMInstance(
                cim.path(INTEROP, "CIM_IndicationFilter"),
                new CIMProperty<?>[] {
                  new CIMProperty<>("Name", CIMDataType.STRING_T, filter),
                  new CIMProperty<>("Query", CIMDataType.STRING_T, query),
                  new CIMProperty<>("QueryLanguage", CIMDataType.STRING_T, "WQL"),
                  new CIMProperty<>("SourceNamespace", CIMDataType.STRING_T, "root/virt")
                }));
    CIMObjectPath d =
        c.createInstance(
            new CIMInstance(
                cim.path(INTEROP, "CIM_ListenerDestinationCIMXML"),
                new CIMProperty<?>[] {
                  new CIMProperty<>("Name", CIMDataType.STRING_T, dest),
                  new CIMProperty<>("Destination", CIMDataType.STRING_T, url)
                }));
    return c.createInstance(
        new CIMInstance(
            cim.path(INTEROP, "CIM_IndicationSubscription"),
            new CIMProperty<?>[] {
              new CIMProperty<>("Filter", new CIMDataType("CIM_IndicationFilter"), f),
              new CIMProperty<>("Handler", new CIMDataType("CIM_ListenerDestinationCIMXML"), d)
            }));
  }

  private static void viewerCannotSubscribe(CimClients cim) throws Exception {
    WBEMClient bob = cim.client(CimClients.BOB);
    assertThatThrownBy(
            () ->
                bob.createInstance(
                    new CIMInstance(
                        cim.path(INTEROP, "CIM_ListenerDestinationCIMXML"),
                        new CIMProperty<?>[] {
                          new CIMProperty<>("Name", CIMDataType.STRING_T, "bobs"),
                          new CIMProperty<>(
                              "Destination", CIMDataType.STRING_T, "http://127.0.0.1:9")
                        })))
        .isInstanceOfSatisfying(
            WBEMException.class,
            e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_ACCESS_DENIED));
    assertThat(subscriptions(bob, cim)).isEmpty();
  }

  private static List<CIMInstance> subscriptions(WBEMClient c, CimClients cim)
      throws WBEMException {
    return CimClients.all(
        c.enumerateInstances(
            cim.path(INTEROP, "CIM_IndicationSubscription"), true, false, false, null));
  }

  /**
   * Runs virsh on our domain and returns the listener's indication about it, which must arrive
   * within 1 s with SourceInstance in {@code enabledState}.
   */
  private static Received afterVirsh(String command, int enabledState) throws Exception {
    TestBed.virsh(command, vm);
    long done = System.nanoTime();
    while (true) {
      Received r = received.poll(done + TimeUnit.SECONDS.toNanos(1) - System.nanoTime(),
          TimeUnit.NANOSECONDS);
      assertThat(r).as("an indication within 1 s of virsh " + command).isNotNull();
      all.add(r);
      CIMInstance source = embedded(r.indication(), "SourceInstance");
      if (vm.equals(source.getPropertyValue("Name"))) {
        System.out.printf(
            "virsh %s returned; indication %d arrived %+d ms after%n",
            command, sequence(r), TimeUnit.NANOSECONDS.toMillis(r.nanos() - done));
        assertThat(r.indication().getClassName()).isEqualTo("KVM_ComputerSystemModifiedIndication");
        assertThat(state(r.indication(), "SourceInstance")).isEqualTo(enabledState);
        return r;
      }
    }
  }

  private static CIMInstance embedded(CIMInstance ind, String property) {
    Object v = ind.getPropertyValue(property);
    assertThat(v).as(property + " as an embedded instance").isInstanceOf(CIMInstance.class);
    return (CIMInstance) v;
  }

  private static int state(CIMInstance ind, String property) {
    return ((Number) embedded(ind, property).getPropertyValue("EnabledState")).intValue();
  }

  private static long sequence(Received r) {
    return ((Number) r.indication().getPropertyValue("SequenceNumber")).longValue();
  }

  /** Every indication the live listener got, in order: 0, 1, 2… within each SequenceContext. */
  private static void assertConsecutiveWithinEachContext() {
    List<Received> got = new ArrayList<>(all);
    received.drainTo(got);
    String context = null;
    long expected = 0;
    for (Received r : got) {
      String c = (String) r.indication().getPropertyValue("SequenceContext");
      if (!c.equals(context)) {
        context = c;
        expected = 0;
      }
      assertThat(sequence(r)).as("sequence number in " + c).isEqualTo(expected++);
    }
  }
}
