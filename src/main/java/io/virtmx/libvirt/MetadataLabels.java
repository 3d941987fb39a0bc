/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import org.w3c.dom.Element;

/**
 * The labels an operator maps from a domain's {@code <metadata>} ({@code --label NAME=XPATH}, with
 * the prefixes of {@code --label-namespace PREFIX=URI}), checked once when configured: a name fit
 * for Prometheus and not one of Nova's, an XPath that compiles, at most {@value #MAX_LABELS}. Each
 * XPath is evaluated with the {@code <metadata>} element as its context node, under the JDK's
 * secure processing (no extension functions, no external resources); a value is trimmed and cut at
 * {@value #MAX_VALUE} characters.
 */
public final class MetadataLabels {
  public static final int MAX_LABELS = 32;
  public static final int MAX_EXPRESSION = 512;
  public static final int MAX_VALUE = 128;

  /** No labels but Nova's. */
  public static final MetadataLabels NOVA_ONLY = new MetadataLabels(Map.of(), Map.of());

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,63}");
  private static final Set<String> RESERVED = Set.of("host", "domain", "uuid");

  private final Map<String, String> expressions;
  private final Map<String, String> namespaces;

  private MetadataLabels(Map<String, String> expressions, Map<String, String> namespaces) {
    this.expressions = Map.copyOf(expressions);
    this.namespaces = Map.copyOf(namespaces);
  }

  /**
   * Checks and keeps these label mappings.
   *
   * @throws IllegalArgumentException naming the option and what is wrong with it
   */
  public static MetadataLabels of(Map<String, String> labels, Map<String, String> namespaces) {
    if (labels.size() > MAX_LABELS) {
      throw new IllegalArgumentException("--label: at most " + MAX_LABELS + " labels");
    }
    namespaces.forEach(
        (prefix, uri) -> {
          if (!NAME.matcher(prefix).matches() || prefix.startsWith("xml") || uri.isBlank()) {
            throw new IllegalArgumentException(
                "--label-namespace " + prefix + "=" + uri + ": want PREFIX=URI");
          }
        });
    MetadataLabels out = new MetadataLabels(labels, namespaces);
    labels.forEach(out::check);
    return out;
  }

  private void check(String name, String expression) {
    String option = "--label " + name + "=" + expression + ": ";
    if (!NAME.matcher(name).matches() || name.startsWith("__")) {
      throw new IllegalArgumentException(option + "a label name is [a-zA-Z_][a-zA-Z0-9_]*");
    }
    if (RESERVED.contains(name) || NovaMetadata.LABELS.contains(name)) {
      throw new IllegalArgumentException(option + "the label name " + name + " is taken");
    }
    if (expression.isBlank() || expression.length() > MAX_EXPRESSION) {
      throw new IllegalArgumentException(
          option + "the XPath must have 1 to " + MAX_EXPRESSION + " characters");
    }
    try {
      xpath().compile(expression);
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(option + "not an XPath: " + rootMessage(e), e);
    }
  }

  /** The configured label names, sorted. */
  public Set<String> names() {
    return new TreeMap<>(expressions).keySet();
  }

  /** Each configured label whose XPath gives a non-empty string on this {@code <metadata>}. */
  Map<String, String> read(Element metadata) {
    Map<String, String> out = new LinkedHashMap<>();
    XPath xpath = xpath();
    for (Map.Entry<String, String> e : new TreeMap<>(expressions).entrySet()) {
      try {
        String value = (String) xpath.evaluate(e.getValue(), metadata, XPathConstants.STRING);
        String trimmed = value == null ? "" : value.strip();
        if (!trimmed.isEmpty()) {
          out.put(e.getKey(), bounded(trimmed));
        }
      } catch (XPathExpressionException failed) {
        // An expression that compiled but cannot be evaluated on this document gives no label.
      }
    }
    return out;
  }

  static String bounded(String value) {
    return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE);
  }

  private XPath xpath() {
    XPathFactory factory = XPathFactory.newDefaultInstance();
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (XPathFactoryConfigurationException e) {
      throw new IllegalStateException("the JDK's XPath lacks secure processing", e);
    }
    factory.setXPathFunctionResolver((name, arity) -> null);
    XPath xpath = factory.newXPath();
    xpath.setNamespaceContext(new Prefixes(namespaces));
    return xpath;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /** The configured prefixes, for XPath. */
  private record Prefixes(Map<String, String> byPrefix) implements NamespaceContext {
    @Override
    public String getNamespaceURI(String prefix) {
      return byPrefix.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
    }

    @Override
    public String getPrefix(String uri) {
      return byPrefix.entrySet().stream()
          .filter(e -> e.getValue().equals(uri))
          .map(Map.Entry::getKey)
          .findFirst()
          .orElse(null);
    }

    @Override
    public Iterator<String> getPrefixes(String uri) {
      return byPrefix.entrySet().stream()
          .filter(e -> e.getValue().equals(uri))
          .map(Map.Entry::getKey)
          .iterator();
    }
  }
}
