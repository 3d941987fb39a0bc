package io.virtmx.cli;

import io.virtmx.Agent;
import io.virtmx.view.View;
import io.virtmx.view.cim.CimView;
import io.virtmx.view.http.HttpEndpoint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Command-line options of the CIM/WBEM view. */
public final class CimOptions {
  @Option(
      names = "--cim",
      description = "Serve CIM-XML (WBEM) in the DMTF virtualization model, as libvirt-cim does.")
  boolean enabled;

  @Option(
      names = "--cim-port",
      paramLabel = "PORT",
      defaultValue = "5988",
      description = "HTTP port of the WBEM server; 0 for none (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--cim-https-port",
      paramLabel = "PORT",
      defaultValue = "5989",
      description =
          "HTTPS port of the WBEM server, used with --cim-keystore (default: ${DEFAULT-VALUE}).")
  int httpsPort;

  @Option(
      names = "--cim-bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "Address the WBEM server listens on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--cim-keystore",
      paramLabel = "FILE",
      description = "PKCS#12 keystore with the HTTPS certificate.")
  Path keystore;

  @Option(
      names = "--cim-tls-password-file",
      paramLabel = "FILE",
      description =
          "File whose first line is the password of --cim-keystore (never on the command line).")
  Path keystorePasswordFile;

  @Option(
      names = "--cim-host",
      paramLabel = "NAME",
      description = "Watched host the WBEM server serves (default: the first).")
  String host;

  /** The CIM view, when enabled. */
  List<View> views(Agent agent, HttpEndpoint endpoint) {
    if (!enabled) {
      return List.of();
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--cim-bind " + bind + ": unknown address");
    }
    char[] password;
    try {
      password = PasswordFiles.firstLine(keystorePasswordFile);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("--cim-tls-password-file: " + e.getMessage());
    }
    return List.of(
        new CimView(
            agent.snapshots(),
            agent.operations(),
            endpoint,
            new CimView.Settings(
                address, port, keystore == null ? 0 : httpsPort, keystore, password, host)));
  }
}
