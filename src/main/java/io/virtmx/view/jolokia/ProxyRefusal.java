package io.virtmx.view.jolokia;

import org.jolokia.server.core.request.JolokiaRequest;
import org.jolokia.server.core.service.request.AbstractRequestHandler;

/**
 * Refuses Jolokia proxy requests (a {@code target} naming another JMX service URL) with 403. virtmx
 * ships without Jolokia's JSR-160 proxy handler; without this, Jolokia would quietly run such a
 * request against the local MBean server instead. Ordered before every other request handler.
 */
final class ProxyRefusal extends AbstractRequestHandler {
  ProxyRefusal() {
    super("virtmx-proxy-refusal", 1);
  }

  @Override
  public boolean canHandle(JolokiaRequest request) {
    return request.getOption("target") != null;
  }

  @Override
  public <R extends JolokiaRequest> Object handleRequest(R request, Object previous) {
    throw new SecurityException("proxy requests (JSR-160 target) are disabled in virtmx");
  }
}
