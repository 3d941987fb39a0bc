/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;

/** The man page of virtmx, written from the picocli command so it always matches {@code --help}. */
final class ManPage {
  private ManPage() {}

  /** The man page of the command and its subcommands, in man(7) macros. */
  static String of(CommandSpec spec, BuildInfo build) {
    StringWriter text = new StringWriter();
    PrintWriter m = new PrintWriter(text);
    m.println(".\\\" Generated from the picocli command by io.virtmx.cli.PackageDocs; do not edit.");
    m.printf(
        ".TH VIRTMX 1 \"%s\" \"virtmx %s\" \"User Commands\"%n",
        date(build),
        escape(build.version()));
    m.println(".SH NAME");
    m.println("virtmx \\- management agent for libvirt hosts (JMX, Jolokia, Prometheus, CIM)");
    m.println(".SH SYNOPSIS");
    m.println(".B virtmx");
    m.println("[\\fIOPTION\\fR]...");
    for (CommandSpec sub : leaves(spec)) {
      m.println(".br");
      m.println(".B " + escape(sub.qualifiedName()));
      StringBuilder params = new StringBuilder();
      for (PositionalParamSpec p : sub.positionalParameters()) {
        if (!p.hidden()) {
          params.append("\\fI").append(escape(p.paramLabel())).append("\\fR ");
        }
      }
      params.append("[\\fIOPTION\\fR]...");
      m.println(params);
    }
    m.println(".SH DESCRIPTION");
    paragraphs(m, spec.usageMessage().description());
    m.println(".PP");
    m.println(
        "The agent keeps one snapshot per host, collected every \\fB\\-\\-interval\\fR and refreshed on"
            + " libvirt events, and serves it as Prometheus metrics, JMX MBeans, Jolokia JSON and CIM"
            + " instances; \\fB\\-\\-once\\fR prints it and exits. Every port binds to 127.0.0.1 unless"
            + " told otherwise.");
    m.println(".SH OPTIONS");
    options(m, spec);
    for (CommandSpec sub : leaves(spec)) {
      m.println(".SH \"" + escape(sub.qualifiedName().toUpperCase(Locale.ROOT)) + "\"");
      paragraphs(m, sub.usageMessage().description());
      for (PositionalParamSpec p : sub.positionalParameters()) {
        if (!p.hidden()) {
          m.println(".TP");
          m.println("\\fI" + escape(p.paramLabel()) + "\\fR");
          lines(m, p.description());
        }
      }
      options(m, sub);
    }
    m.println(".SH \"EXIT STATUS\"");
    m.println(
        "0 success; 1 a host could not be reached or collected (\\fB\\-\\-once\\fR), or a view"
            + " could not start; 2 invalid options.");
    m.println(".SH FILES");
    m.println(".TP");
    m.println(".I /etc/virtmx/virtmx.conf");
    m.println(
        "Options of the packaged service, one \\fIoption\\fR = \\fIvalue\\fR line per long option"
            + " (read with \\fB\\-\\-config\\fR).");
    m.println(".TP");
    m.println(".I /etc/virtmx/users");
    m.println(
        "Users every view authenticates against, managed with \\fBvirtmx user add\\fR and"
            + " \\fBvirtmx user remove\\fR.");
    m.println(".TP");
    m.println(".I /lib/systemd/system/virtmx.service");
    m.println(
        "The service: runs \\fBvirtmx \\-\\-config /etc/virtmx/virtmx.conf\\fR as the system user"
            + " \\fIvirtmx\\fR.");
    m.println(".SH ENVIRONMENT");
    m.println(".TP");
    m.println(".B JAVA_OPTS");
    m.println("JVM options added to (and overriding) the launcher's own.");
    m.println(".TP");
    m.println(".B JAVA");
    m.println("The java command to run (default: java on the PATH; Java 17 or later).");
    m.println(".SH \"SEE ALSO\"");
    m.println(".BR virsh (1),");
    m.println(".BR prometheus (1),");
    m.println(
        "/usr/share/doc/virtmx/ (the licences of the bundled libraries in THIRD\\-PARTY.txt).");
    m.flush();
    return text.toString();
  }

  /** Subcommands that run something ({@code user add}, {@code user remove}), depth first. */
  private static List<CommandSpec> leaves(CommandSpec spec) {
    return spec.subcommands().values().stream()
        .map(CommandLine::getCommandSpec)
        .distinct()
        .flatMap(s -> s.subcommands().isEmpty() ? Stream.of(s) : leaves(s).stream())
        .toList();
  }

  private static void options(PrintWriter m, CommandSpec spec) {
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      m.println(".TP");
      m.println(optionHeading(o, spec));
      lines(m, o.description());
    }
  }

  private static String optionHeading(OptionSpec o, CommandSpec spec) {
    StringBuilder b = new StringBuilder();
    String[] names = o.names();
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      if (o.negatable()) {
        name = spec.negatableOptionTransformer().makeSynopsis(name, spec);
      }
      if (i > 0) {
        b.append(", ");
      }
      b.append("\\fB").append(escape(name)).append("\\fR");
    }
    if (o.arity().max() > 0 && !o.typeInfo().isBoolean()) {
      b.append("=\\fI").append(escape(o.paramLabel())).append("\\fR");
    } else if (o.arity().max() > 0) {
      b.append("[=\\fI").append(escape(o.paramLabel())).append("\\fR]");
    }
    return b.toString();
  }

  private static void paragraphs(PrintWriter m, String[] text) {
    boolean first = true;
    for (String line : text) {
      if (line.isBlank()) {
        continue;
      }
      if (!first) {
        m.println(".PP");
      }
      m.println(escapeLine(line));
      first = false;
    }
  }

  private static void lines(PrintWriter m, String[] text) {
    boolean first = true;
    for (String line : text) {
      if (line.isBlank()) {
        continue;
      }
      if (!first) {
        m.println(".br");
      }
      m.println(escapeLine(line));
      first = false;
    }
  }

  /** Text for troff: backslashes and minus signs escaped. */
  static String escape(String s) {
    return s.replace("\\", "\\e").replace("-", "\\-");
  }

  /** A text line for troff: escaped, and never starting a request. */
  static String escapeLine(String s) {
    String e = escape(s.strip());
    return e.startsWith(".") || e.startsWith("'") ? "\\&" + e : e;
  }

  private static String date(BuildInfo build) {
    try {
      return OffsetDateTime.parse(build.commitTime())
          .withOffsetSameInstant(ZoneOffset.UTC)
          .toLocalDate()
          .toString();
    } catch (DateTimeParseException e) {
      return LocalDate.now(ZoneOffset.UTC).toString();
    }
  }
}
