/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.virtmx.Agent;
import io.virtmx.config.AgentConfig;
import io.virtmx.config.CredentialsFile;
import io.virtmx.config.Durations;
import io.virtmx.config.HostSpec;
import io.virtmx.model.HostSnapshot;
import io.virtmx.security.Authenticator;
import io.virtmx.view.http.HttpEndpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** The {@code virtmx} command: runs the agent, or collects once and prints the snapshot. */
@Command(
    name = "virtmx",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    subcommands = UserCommand.class,
    description = {
      "Management agent for libvirt hosts: watches every node, domain, storage pool and virtual network of one or "
          + "more libvirt connections and keeps an up-to-date snapshot of their state and statistics.",
      ""
    },
    footer = {
      "",
      "Exit status: 0 success, 1 a host could not be reached or collected, 2 invalid options.",
      "Config file: one 'option = value' per line with the long option names above, e.g. 'connect = qemu:///system'."
    })
public final class Main implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--connect",
      paramLabel = "[NAME=]URI",
      description = {
        "libvirt URI to watch; repeat for several hosts (default: test:///default, libvirt's "
            + "built-in test driver).",
        "NAME is the host name to publish it under (default: the hostname libvirt reports)."
      })
  List<String> connect = new ArrayList<>();

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description =
          "Time between two full collections, e.g. 10s, 500ms, 1m (default: ${DEFAULT-VALUE}).")
  String interval;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description =
          "Longest a collection may take before the host's snapshot is marked stale (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(
      names = "--read-only",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "BOOL",
      description = "Open read-only libvirt connections and refuse every operation, on every view.")
  boolean readOnly;

  @Option(
      names = "--workers",
      paramLabel = "N",
      defaultValue = "5",
      description = {
        "libvirt calls one host's collection may have in flight at once (default: ${DEFAULT-VALUE}, "
            + "libvirtd's default max_client_requests); a host that hangs holds no more.",
        "More helps only if libvirtd allows more per client."
      })
  int workers;

  @Option(
      names = "--max-collections",
      paramLabel = "N",
      description = {
        "Full collections the agent runs at once across all its hosts (default: the number of "
            + "CPUs); the others wait their turn, first come first served, their --timeout counted "
            + "from when their turn begins.",
        "A collection still running after --timeout gives its turn back, so a hung host holds up "
            + "no other for longer."
      })
  Integer maxCollections;

  @Option(
      names = "--credentials",
      paramLabel = "FILE",
      description =
          "File of 'URI USERNAME PASSWORD' lines answering libvirt's authentication (SASL, SSH password).")
  Path credentials;

  @Option(
      names = "--users",
      paramLabel = "FILE",
      description = {
        "Users file every view authenticates against (default: /etc/virtmx/users if it exists).",
        "Without one, views listen on loopback only and anonymous clients there are viewers."
      })
  Path users;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Read options from FILE ('option = value' lines); options on the command line win.")
  Path config;

  @Option(names = "--once", description = "Collect once, print the snapshot and exit.")
  boolean once;

  @Option(
      names = "--format",
      paramLabel = "table|json",
      defaultValue = "table",
      description =
          "Output of --once: a readable table or the full snapshot as JSON (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--sample",
      paramLabel = "DURATION",
      defaultValue = "1s",
      description =
          "With --once: time between the two samples the rates are computed from (default: ${DEFAULT-VALUE}).")
  String sample;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      description = "error, warn, info, debug or trace (default: info; warn with --once).")
  String logLevel;

  @CommandLine.Mixin CollectorOptions collectors = new CollectorOptions();

  @CommandLine.Mixin JmxOptions jmx = new JmxOptions();

  @CommandLine.Mixin CimOptions cim = new CimOptions();

  @CommandLine.Mixin MetricsOptions metrics = new MetricsOptions();

  @CommandLine.Mixin JolokiaOptions jolokia = new JolokiaOptions();

  @CommandLine.Mixin SnmpOptions snmp = new SnmpOptions();

  @CommandLine.Mixin HttpOptions http = new HttpOptions();

  @CommandLine.Mixin AuditOptions audit = new AuditOptions();

  @CommandLine.Mixin FileDirectoryOptions files = new FileDirectoryOptions();

  /** Output formats of {@code --once}. */
  enum Format {
    table,
    json
  }

  public static void main(String[] args) {
    if (List.of(args).contains("--once")) {
      LibvirtPreload.start();
    }
    int status = run(args);
    if (LibvirtPreload.wasStarted()) {
      Agent.endEventLoopForExit(); // also when the options were refused before any agent existed
    }
    System.exit(status);
  }

  /** Runs the command and returns its exit status. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOverwrittenOptionsAllowed(true);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          e.getCommandLine()
              .getErr()
              .println("virtmx: " + e.getMessage() + " (see 'virtmx --help')");
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (e, c, p) -> {
          c.getErr().println("virtmx: " + e.getMessage());
          return e instanceof IllegalArgumentException ? 2 : 1;
        });
    try {
      return cli.execute(ConfigArguments.merge(args));
    } catch (IllegalArgumentException | IOException e) {
      cli.getErr().println("virtmx: " + e.getMessage());
      return 2;
    }
  }

  @Override
  public Integer call() throws Exception {
    // first: the preparation may be setting logging up, and until it is done slf4j answers another
    // thread with a stand-in factory, on which the log level and the audit log would be lost
    LibvirtPreload.await();
    setLogLevel(logLevel != null ? logLevel : once ? "warn" : "info");
    audit.apply();
    AgentConfig cfg = toConfig();
    try (Agent agent = new Agent(cfg)) {
      return once ? once(agent) : serve(agent);
    } finally {
      if (once) {
        Agent.endEventLoopForExit();
      }
    }
  }

  private AgentConfig toConfig() throws IOException {
    List<String> uris = connect.isEmpty() ? List.of(AgentConfig.DEFAULT_URI) : connect;
    List<HostSpec> hosts = uris.stream().map(HostSpec::parse).toList();
    return new AgentConfig(
        hosts,
        Durations.parse(interval),
        Durations.parse(timeout),
        readOnly,
        workers,
        credentials == null ? Map.of() : CredentialsFile.read(credentials),
            collectors.switches())
        .withFiles(files.directories())
        .withDomainOptions(collectors.domainOptions())
        .withMaxCollections(
            maxCollections != null ? maxCollections : AgentConfig.defaultMaxCollections());
  }

  private int once(Agent agent) throws InterruptedException {
    List<String> failures = agent.open(false);
    if (!failures.isEmpty()) {
      failures.forEach(f -> System.err.println("virtmx: cannot connect to " + f));
      return 1;
    }
    List<HostSnapshot> snapshots;
    try {
      // the first samples are rendered to nowhere while the sample interval runs, so that the
      // output's classes are loaded (and its formatting warmed) before the second samples arrive
      snapshots =
          agent.collectOnce(
              Durations.parse(sample), first -> write(first, new PrintWriter(Writer.nullWriter())));
    } catch (TimeoutException e) {
      System.err.println("virtmx: collection did not finish within --timeout " + timeout);
      return 1;
    }
    PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    write(snapshots, out);
    out.flush();
    return 0;
  }

  private void write(List<HostSnapshot> snapshots, PrintWriter out) {
    if (format == Format.json) {
      JsonOutput.write(snapshots, out);
    } else {
      TableOutput.write(snapshots, out);
    }
  }

  private int serve(Agent agent) throws Exception {
    Authenticator auth = Authenticator.fromOption(users, audit.loginSettings());
    HttpEndpoint endpoint = new HttpEndpoint(http.settings(), auth);
    return new Serving(agent, views(agent, auth, endpoint), endpoint, auth).run(interval);
  }

  /** The views the options ask for; each view's options live in its own mixin class. */
  private List<Planned> views(Agent agent, Authenticator auth, HttpEndpoint endpoint) {
    ParseResult given = spec.commandLine().getParseResult();
    List<Planned> views = new ArrayList<>();
    metrics.view(agent.snapshots(), endpoint, given).ifPresent(views::add);
    views.add(jmx.view(agent, auth, given));
    cim.view(agent, endpoint, given).ifPresent(views::add);
    jolokia.view(endpoint, given).ifPresent(views::add);
    snmp.view(agent, given).ifPresent(views::add);
    return views;
  }

  static void setLogLevel(String level) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
      ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level, Level.INFO));
    }
  }

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return lines(BuildInfo.load());
    }

    static String[] lines(BuildInfo build) {
      return new String[] {
        "virtmx " + build.version() + " (commit " + build.commit() + ")",
        "Java "
            + System.getProperty("java.runtime.version", "unknown")
            + " ("
            + System.getProperty("java.vendor", "unknown")
            + "), "
            + System.getProperty("os.name", "")
            + " "
            + System.getProperty("os.arch", "")
      };
    }
  }
}
