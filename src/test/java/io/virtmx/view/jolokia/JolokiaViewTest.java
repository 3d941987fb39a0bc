package io.virtmx.view.jolokia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.security.Authenticator;
import io.virtmx.view.http.HttpEndpoint;
import io.virtmx.view.http.HttpSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JolokiaViewTest {
  @Test
  void unusableKeystoreIsNotReportedAsABusyPort(@TempDir Path dir) throws IOException {
    HttpEndpoint endpoint = new HttpEndpoint(HttpSettings.DEFAULTS, Authenticator.none());
    Path keystore = dir.resolve("missing.p12");
    JolokiaView view =
        new JolokiaView(
            new JolokiaView.Settings(
                InetAddress.getLoopbackAddress(),
                18779,
                false,
                keystore,
                "pw".toCharArray(),
                null,
                null,
                List.of(),
                JolokiaView.Limits.DEFAULTS),
            endpoint);

    assertThatThrownBy(view::start).isInstanceOf(IOException.class);

    assertThat(view.describe()).isEqualTo("jolokia on port 18779").doesNotContain("in use");
    endpoint.close();
  }
}
