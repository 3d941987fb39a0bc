/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.virtmx.model.DomainMetadata;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataXmlTest {
  private static final Map<String, String> APP = Map.of("app", "http://example.com/xmlns/app/1");

  @Test
  void novaLabelsTitleAndDescriptionAreReadWithoutConfiguration() {
    DomainMetadata m = DomainXml.parse(Fixtures.xml("domain-nova.xml")).metadata();

    assertThat(m.title()).isEqualTo("web frontend");
    assertThat(m.description()).isEqualTo("Serves the shop; owner: web team");
    assertThat(m.labels())
        .containsExactly(
            Map.entry("flavor", "m1.small"),
            Map.entry("instance", "web-1"),
            Map.entry("project", "shop"),
            Map.entry("project_uuid", "0a1b2c3d4e5f40718293a4b5c6d7e8f9"),
            Map.entry("user", "alice"),
            Map.entry("user_uuid", "5d5c0a8e4f2b4f7e9a3c1b2d3e4f5a6b"));
  }

  @Test
  void aConfiguredLabelMapsAnElementOfACustomNamespace() {
    MetadataLabels labels =
        MetadataLabels.of(Map.of("team", "app:app/app:team", "tier", "app:app/app:tier"), APP);

    DomainMetadata m = DomainXml.parse(Fixtures.xml("domain-nova.xml"), labels).metadata();

    assertThat(m.labels()).containsEntry("team", "payments").containsEntry("tier", "gold");
    assertThat(m.labels()).containsEntry("flavor", "m1.small");
  }

  @Test
  void aLabelWhoseElementIsMissingIsAbsentAndADomainWithoutMetadataHasNone() {
    MetadataLabels labels = MetadataLabels.of(Map.of("team", "app:app/app:nothing"), APP);

    assertThat(DomainXml.parse(Fixtures.xml("domain-nova.xml"), labels).metadata().labels())
        .doesNotContainKey("team");
    assertThat(DomainXml.parse("<domain><name>bare</name></domain>", labels).metadata())
        .isEqualTo(DomainMetadata.NONE);
    assertThat(DomainXml.parse(Fixtures.xml("domain-qemu.xml"), labels).metadata())
        .isEqualTo(new DomainMetadata("Web front end", "Serves the shop & its API", Map.of()));
  }

  @Test
  void longValuesAreCut() {
    String xml =
        "<domain><metadata><a:x xmlns:a='urn:a'>"
            + "y".repeat(1000)
            + "</a:x></metadata></domain>";
    MetadataLabels labels = MetadataLabels.of(Map.of("x", "a:x"), Map.of("a", "urn:a"));

    assertThat(DomainXml.parse(xml, labels).metadata().labels().get("x"))
        .hasSize(MetadataLabels.MAX_VALUE);
  }

  @Test
  void badMappingsAreRefusedWithTheOptionInTheMessage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MetadataLabels.of(Map.of("bad-name", "a"), Map.of()))
        .withMessageContaining("--label bad-name=a");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MetadataLabels.of(Map.of("flavor", "a"), Map.of()))
        .withMessageContaining("taken");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MetadataLabels.of(Map.of("x", "a:b[["), APP))
        .withMessageContaining("not an XPath");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MetadataLabels.of(Map.of("x", "string(.)"), Map.of("p", " ")))
        .withMessageContaining("--label-namespace");
  }

  @Test
  void extensionFunctionsAreNotCallable() {
    Throwable t =
        catchThrowable(
            () ->
                MetadataLabels.of(
                    Map.of("x", "java:java.lang.System.exit(1)"),
                    Map.of("java", "http://xml.apache.org/xalan/java")));
    String xml = "<domain><metadata><a/></metadata></domain>";
    if (t == null) {
      MetadataLabels labels =
          MetadataLabels.of(
              Map.of("x", "java:java.lang.System.exit(1)"),
              Map.of("java", "http://xml.apache.org/xalan/java"));
      assertThat(DomainXml.parse(xml, labels).metadata().labels()).isEmpty();
    } else {
      assertThat(t).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aDoctypeInsideTheDomainIsRefused() {
    String xml =
        "<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
            + "<domain><metadata><a:x xmlns:a='urn:a'>&x;</a:x></metadata></domain>";

    assertThatIllegalArgumentException().isThrownBy(() -> DomainXml.parse(xml));
  }
}
