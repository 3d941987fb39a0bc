/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jolokia;

import io.virtmx.security.OperatorOnlyAttributes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jolokia.server.core.restrictor.policy.PolicyRestrictor;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;

/**
 * Jolokia's access policy for virtmx: the shipped {@code jolokia-access.xml} (loaded explicitly)
 * and, since that format has no roles, a few yes/no rules of ours on top, by the role of the {@link
 * Client} of the request: reads only on {@code libvirt:*} and {@code java.lang:*} (everything else
 * hidden), and for viewers never the {@link OperatorOnlyAttributes} (command line, system
 * properties, paths); exec only for operators and only of the operations a {@code libvirt:*} MBean
 * exposes, no writes, origins same-origin or configured.
 *
 * <p>Jolokia 2.6 asks {@link #isTypeAllowed} only for {@code list} and {@code search} (read, write
 * and exec ask their own questions), and its notification handler asks nothing at all, so the
 * policy's refusal of {@code notification} cannot be enforced by a restrictor: such requests have
 * to be refused before Jolokia dispatches them, by the HTTP handler.
 */
final class RoleRestrictor implements Restrictor {
  static final String POLICY = "/io/virtmx/view/jolokia/jolokia-access.xml";
  private static final Set<String> READABLE_DOMAINS = Set.of("libvirt", "java.lang");

  private final PolicyRestrictor policy;
  private final MBeanServer server;
  private final List<String> origins;

  /**
   * @param origins origins allowed besides the server's own ({@code https://console.example.com}),
   *     lower case
   */
  RoleRestrictor(MBeanServer server, List<String> origins) {
    this.policy = loadPolicy();
    this.server = server;
    this.origins = origins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
  }

  private static PolicyRestrictor loadPolicy() {
    try (InputStream in = RoleRestrictor.class.getResourceAsStream(POLICY)) {
      if (in == null) {
        throw new IllegalStateException("Jolokia policy " + POLICY + " is missing from the jar");
      }
      return new PolicyRestrictor(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Jolokia policy " + POLICY, e);
    }
  }

  @Override
  public boolean isHttpMethodAllowed(HttpMethod method) {
    return policy.isHttpMethodAllowed(method);
  }

  @Override
  public boolean isTypeAllowed(RequestType type) {
    return policy.isTypeAllowed(type);
  }

  @Override
  public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
    return readable(name)
        && (Client.current().principal().role().mayOperate()
            || !OperatorOnlyAttributes.contains(name, attribute))
        && policy.isAttributeReadAllowed(name, attribute);
  }

  @Override
  public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
    return false;
  }

  @Override
  public boolean isOperationAllowed(ObjectName name, String operation) {
    return Client.current().principal().role().mayOperate()
        && "libvirt".equals(name.getDomain())
        && !name.isPattern()
        && exposes(name, operation)
        && policy.isOperationAllowed(name, operation);
  }

  /**
   * Whether the MBean's info lists the operation ({@code suspend}, or {@code setMemory(long)} with
   * signature).
   */
  private boolean exposes(ObjectName name, String operation) {
    int paren = operation.indexOf('(');
    String bare = paren < 0 ? operation : operation.substring(0, paren);
    try {
      return Arrays.stream(server.getMBeanInfo(name).getOperations())
          .anyMatch(o -> o.getName().equals(bare));
    } catch (JMException e) {
      return false;
    }
  }

  @Override
  public boolean isRemoteAccessAllowed(String... hostOrAddress) {
    return policy.isRemoteAccessAllowed(hostOrAddress);
  }

  /**
   * No Origin (curl, scripts): allowed; a browser's Origin must be this server's own or a
   * configured one.
   */
  @Override
  public boolean isOriginAllowed(String origin, boolean onlyWhenStrictCheckingIsEnabled) {
    if (origin == null) {
      return true;
    }
    String o = origin.strip().toLowerCase(Locale.ROOT);
    return o.equals(Client.current().origin()) || origins.contains(o);
  }

  @Override
  public boolean isObjectNameHidden(ObjectName name) {
    return !readable(name);
  }

  private static boolean readable(ObjectName name) {
    return READABLE_DOMAINS.contains(name.getDomain());
  }
}
