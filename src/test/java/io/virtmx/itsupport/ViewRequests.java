/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.itsupport;

import io.virtmx.testbed.TestBed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * How the ITs address the agent's views from outside: the remote JMX service URL, HTTP basic
 * credentials, a Jolokia exec posted as a user, and a CIM state change through wbemcli.
 */
public final class ViewRequests {
  private ViewRequests() {}

  /** The JMX service URL of the agent's RMI connector on loopback. */
  public static String jmxUrl(int port) {
    return "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi";
  }

  /** The value of an {@code Authorization} header for basic credentials. */
  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A Jolokia request executing {@code operation} on {@code mbean}. */
  public static String jolokiaExec(String mbean, String operation) {
    return "{\"type\":\"exec\",\"mbean\":\"" + mbean + "\",\"operation\":\"" + operation + "\"}";
  }

  /** The body of the answer to {@code body} posted to {@code url} with basic credentials. */
  public static String postAs(String url, String user, String password, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", basic(user, password))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /**
   * The wbemcli URL of a computer system: {@code prefix} "KVM" or "Libvirt", on the agent's CIM
   * port, as that user.
   */
  public static String cimComputerSystem(
      String user, String password, int port, String prefix, String name) {
    return "http://"
        + user
        + ":"
        + password
        + "@127.0.0.1:"
        + port
        + "/root/virt:"
        + prefix
        + "_ComputerSystem.CreationClassName=\""
        + prefix
        + "_ComputerSystem\",Name=\""
        + name
        + "\"";
  }

  /** wbemcli asking the system at that URL for a state (RequestStateChange; 9 is pause). */
  public static TestBed.Result cimRequestState(String systemUrl, int state) {
    return TestBed.run(
        Duration.ofSeconds(30),
        List.of("wbemcli", "cm", systemUrl, "RequestStateChange.RequestedState=" + state));
  }
}
