/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jolokia;

import java.util.Set;
import org.jolokia.server.core.request.JolokiaRequest;
import org.jolokia.server.core.service.request.AbstractRequestHandler;
import org.jolokia.server.core.util.RequestType;

/**
 * Refuses, with 403, what Jolokia would otherwise run without asking the restrictor: proxy requests
 * (a {@code target} naming another JMX service URL — virtmx ships without the JSR-160 proxy, and
 * Jolokia would quietly run such a request against the local MBean server instead), and the {@code
 * notification} and {@code config} commands, whose handlers skip the policy check (registering
 * notification clients grows a map nothing cleans up). Ordered before every other request handler,
 * it sees each request as Jolokia parsed it, whichever form it came in (path, {@code p=} parameter,
 * POST body, one element of a bulk request).
 */
final class RequestRefusal extends AbstractRequestHandler {
  private static final Set<RequestType> REFUSED =
      Set.of(RequestType.NOTIFICATION, RequestType.CONFIG);

  RequestRefusal() {
    super("virtmx-request-refusal", 1);
  }

  @Override
  public boolean canHandle(JolokiaRequest request) {
    return request.getOption("target") != null || REFUSED.contains(request.getType());
  }

  @Override
  public <R extends JolokiaRequest> Object handleRequest(R request, Object previous) {
    throw new SecurityException(
        request.getOption("target") != null
            ? "proxy requests (JSR-160 target) are disabled in virtmx"
            : "request type '" + request.getType().getName() + "' is not allowed in virtmx");
  }
}
