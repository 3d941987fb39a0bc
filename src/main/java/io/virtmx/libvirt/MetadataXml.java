/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import io.virtmx.model.DomainMetadata;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A domain description's {@code <metadata>} as labels: Nova's, then the operator's ({@link
 * MetadataLabels}); parsed namespace-aware with DOCTYPEs refused, so no entity is expanded and
 * nothing external is read. Pure; {@link DomainXml} calls it only when the domain has metadata.
 */
final class MetadataXml {
  private static final DocumentBuilderFactory FACTORY = HardenedXml.factory(true);

  private MetadataXml() {}

  /** The labels of the domain's {@code <metadata>}; title and description as given. */
  static DomainMetadata read(String xml, String title, String description, MetadataLabels labels) {
    Element metadata = metadataElement(xml);
    Map<String, String> out = new LinkedHashMap<>();
    if (metadata != null) {
      out.putAll(NovaMetadata.read(metadata));
      out.putAll(labels.read(metadata));
    }
    return new DomainMetadata(title, description, out);
  }

  private static Element metadataElement(String xml) {
    Document doc;
    try {
      DocumentBuilder builder;
      synchronized (FACTORY) {
        builder = FACTORY.newDocumentBuilder();
      }
      builder.setErrorHandler(null);
      doc = builder.parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException("invalid domain XML: " + e.getMessage(), e);
    }
    for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && "metadata".equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }
}
