/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every view's options are checked one way, before anything listens. */
class ViewOptionsTest {
  /** Standard error of the refused options, given after {@code --connect test:///default}. */
  private static String runErr(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--connect";
    all[1] = "test:///default";
    System.arraycopy(args, 0, all, 2, args.length);
    return Refused.stderr(all);
  }

  @Test
  void anOptionOfAViewThatIsOffNamesTheSwitch() {
    assertThat(runErr("--cim-port", "15988"))
        .contains("--cim-port is given but the cim view is off (turn it on with --cim)");
    assertThat(runErr("--no-jolokia", "--jolokia-port", "18779"))
        .contains("--jolokia-port is given but the jolokia view is off");
    assertThat(runErr("--no-metrics", "--metrics-bind", "127.0.0.1"))
        .contains("--metrics-bind is given but the metrics view is off");
    assertThat(runErr("--no-jmx", "--jmx-port", "19999"))
        .contains("--jmx-port is given but remote JMX is off");
  }

  @Test
  void portsAreCheckedOnEveryView() {
    assertThat(runErr("--metrics-port", "70000"))
        .contains("--metrics-port 70000 is not a port number");
    assertThat(runErr("--jolokia-port", "-1")).contains("--jolokia-port -1 is not a port number");
    assertThat(runErr("--cim", "--cim-port", "65536"))
        .contains("--cim-port 65536 is not a port number");
  }

  @Test
  void tlsOptionsAreCheckedTheSameWayOnEveryView(@TempDir Path dir) throws Exception {
    Path pw = Files.writeString(dir.resolve("pw"), "secret\n");
    for (String view : new String[] {"metrics", "jolokia", "cim"}) {
      String[] on = view.equals("cim") ? new String[] {"--cim"} : new String[0];
      assertThat(runErr(concat(on, "--" + view + "-tls-cert", dir.resolve("c.pem").toString())))
          .contains("--" + view + "-tls-cert and --" + view + "-tls-key go together");
      assertThat(
              runErr(
                  concat(
                      on,
                      "--" + view + "-tls-keystore",
                      dir.resolve("missing.p12").toString(),
                      "--" + view + "-tls-password-file",
                      pw.toString())))
          .as("an unusable key store is reported as such, not as a busy port")
          .contains("--" + view + "-tls-keystore " + dir.resolve("missing.p12"))
          .doesNotContain("in use");
      assertThat(runErr(concat(on, "--" + view + "-tls-password-file", pw.toString())))
          .contains("--" + view + "-tls-password-file goes with --" + view + "-tls-keystore");
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
