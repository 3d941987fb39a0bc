/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlHardeningTest {

  private static final String XXE =
      """
      <?xml version="1.0"?>
      <!DOCTYPE domain [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <domain><name>&x;</name></domain>""";

  @Test
  void neverResolvesAnExternalEntity() throws IOException {
    Throwable thrown = catchThrowable(() -> DomainXml.parse(XXE));

    assertThat(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid domain XML: ");
    Path passwd = Path.of("/etc/passwd");
    if (Files.isReadable(passwd)) {
      String firstLine = Files.readAllLines(passwd).get(0);
      assertThat(fullText(thrown)).doesNotContain(firstLine);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<!DOCTYPE domain SYSTEM \"file:///etc/passwd\"><domain/>",
        "<!DOCTYPE domain SYSTEM \"http://127.0.0.1:9/x.dtd\"><domain/>",
        "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + "<domain><name>&b;</name></domain>",
        "<!DOCTYPE d [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><domain/>",
      })
  void rejectsAnyDoctype(String xml) {
    Throwable thrown = catchThrowable(() -> DomainXml.parse(xml));

    assertThat(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid domain XML: ");
  }

  @Test
  void otherParsersRejectItToo() {
    String network = XXE.replace("domain", "network");

    assertThat(catchThrowable(() -> NetworkXml.parse(network)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid network XML: ");
  }

  private static String fullText(Throwable thrown) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }
}
