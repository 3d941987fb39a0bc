/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jolokia;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Checks a Jolokia request before Jolokia parses or runs it: well-formed JSON no deeper than {@link
 * #MAX_DEPTH}, no command the policy never allows ({@code notification}, {@code write}…), at most
 * {@code maxBulk} requests in one POST, and at most {@code maxValues} values touched by all of them
 * together once wildcard names are expanded (an attribute read is one value per MBean and
 * attribute, a read without attributes counts every attribute of each MBean; other commands count
 * one per MBean) — so that a single HTTP request cannot make the agent read the whole MBean server
 * many times over.
 */
final class RequestLimits {
  static final int MAX_DEPTH = 32;

  /** A read without attributes: every attribute of the MBean. */
  private static final int ALL = -1;

  private static final Set<String> COMMANDS = Set.of("read", "list", "search", "version", "exec");
  /**
   * The JSON reader, made on the first POST rather than when the view starts: Jackson is 370 classes
   * (2 MiB of metaspace) that an agent nobody asks through Jolokia never needs.
   */
  private static final class Json {
    static final ObjectMapper READER =
        new ObjectMapper(
            JsonFactory.builder()
                .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build());
  }

  /** A request that breaks a limit: the HTTP-like status and a sentence for the client. */
  static final class Refused extends Exception {
    final int status;

    Refused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  private final MBeanServer server;
  private final int maxBulk;
  private final int maxValues;

  RequestLimits(MBeanServer server, int maxBulk, int maxValues) {
    this.server = server;
    this.maxBulk = maxBulk;
    this.maxValues = maxValues;
  }

  /** Checks a POST body: one request object or an array of them. */
  void checkPost(byte[] body) throws Refused {
    JsonNode root;
    try {
      root = Json.READER.readTree(body);
    } catch (StreamConstraintsException e) {
      throw new Refused(400, "JSON request nested deeper than " + MAX_DEPTH + " levels");
    } catch (JsonProcessingException e) {
      throw new Refused(400, "malformed JSON request: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new Refused(400, "unreadable JSON request");
    }
    if (root == null || !(root.isObject() || root.isArray())) {
      throw new Refused(400, "a Jolokia request is a JSON object or an array of them");
    }
    List<JsonNode> requests = new ArrayList<>();
    if (root.isArray()) {
      if (root.size() > maxBulk) {
        throw new Refused(
            413, "bulk request of " + root.size() + " requests: at most " + maxBulk + " at once");
      }
      root.forEach(requests::add);
    } else {
      requests.add(root);
    }
    long touched = 0;
    for (JsonNode r : requests) {
      if (!r.isObject()) {
        throw new Refused(400, "each request of a bulk request is a JSON object");
      }
      String type = r.path("type").asText("");
      checkType(type);
      JsonNode attribute = r.path("attribute");
      int attributes =
          !type.equalsIgnoreCase("read")
              ? 1
              : attribute.isArray() ? attribute.size() : attribute.isTextual() ? 1 : ALL;
      touched += values(r.path("mbean").asText(null), attributes, maxValues - touched);
      if (touched > maxValues) {
        throw tooMany(touched);
      }
    }
  }

  /** Checks a GET request from its path after {@code /jolokia/}: {@code read/NAME/ATTR}… */
  void checkGet(String pathInfo) throws Refused {
    String path = pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
    if (path.isEmpty()) {
      return; // Jolokia answers the version
    }
    int slash = path.indexOf('/');
    String type = slash < 0 ? path : path.substring(0, slash);
    checkType(type);
    if (slash >= 0 && (type.equals("read") || type.equals("search"))) {
      String rest = path.substring(slash + 1);
      String name = firstSegment(rest);
      boolean allAttributes = type.equals("read") && rest.length() <= name.length() + 1;
      long touched = values(name, allAttributes ? ALL : 1, maxValues);
      if (touched > maxValues) {
        throw tooMany(touched);
      }
    }
  }

  private static void checkType(String type) throws Refused {
    String t = type.toLowerCase(Locale.ROOT);
    if (!COMMANDS.contains(t)) {
      throw new Refused(
          t.isEmpty() ? 400 : 403,
          t.isEmpty() ? "request without a type" : "request type '" + type + "' is not allowed");
    }
  }

  /**
   * How many values a request on a name touches: per MBean it stands for (one, or every match of a
   * pattern), {@code attributes} values, or with {@link #ALL} as many as the MBean has attributes.
   * Stops counting once past {@code budget}.
   */
  private long values(String name, int attributes, long budget) {
    if (name == null || name.isEmpty()) {
      return 1;
    }
    Set<ObjectName> names;
    try {
      ObjectName on = new ObjectName(name);
      names = on.isPattern() ? server.queryNames(on, null) : Set.of(on);
    } catch (MalformedObjectNameException e) {
      return 1; // Jolokia reports the bad name itself
    }
    if (attributes != ALL) {
      return (long) names.size() * attributes;
    }
    long n = 0;
    for (ObjectName on : names) {
      n += attributeCount(on);
      if (n > budget) {
        break;
      }
    }
    return n;
  }

  private int attributeCount(ObjectName name) {
    try {
      return Math.max(1, server.getMBeanInfo(name).getAttributes().length);
    } catch (JMException e) {
      return 1; // gone meanwhile, or Jolokia will say what is wrong with it
    }
  }

  private Refused tooMany(long touched) {
    return new Refused(
        413,
        "request reads more than "
            + maxValues
            + " values (MBeans × attributes; "
            + touched
            + " counted so far): name the attributes, narrow the pattern or split the request");
  }

  /** The path up to the first unescaped '/' (Jolokia escapes a slash in a name as "!/"). */
  private static String firstSegment(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '!' && i + 1 < s.length()) {
        b.append(s.charAt(++i));
      } else if (c == '/') {
        break;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
