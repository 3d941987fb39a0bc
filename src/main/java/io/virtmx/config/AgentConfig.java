/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the agent is told to do, in one typed place with its defaults; built by the command
 * line from options and the config file, checked by {@link #validate()} before anything starts.
 * {@code collectors} switches collectors on or off by name ({@code --collector}, {@code
 * --no-collector}); the agent checks the names against its collectors. {@code maxCollections}
 * bounds the full collections running at once across all hosts ({@code --max-collections}).
 */
public record AgentConfig(
    List<HostSpec> hosts,
    Duration interval,
    Duration timeout,
    boolean readOnly,
    int workers,
    Map<String, Credential> credentials,
    Map<String, Boolean> collectors,
    FileDirectories files,
    DomainOptions domainOptions,
    int maxCollections) {

  public static final String DEFAULT_URI = "test:///default";
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_WORKERS = 5;

  /** Full collections at once across all hosts by default: one per CPU the JVM may use. */
  public static int defaultMaxCollections() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** User name and password for the libvirt URIs that ask for them (SASL, password-based SSH). */
  public record Credential(String username, String password) {}

  public AgentConfig {
    hosts = List.copyOf(hosts);
    credentials = Map.copyOf(credentials);
    collectors = Map.copyOf(collectors);
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(domainOptions, "domainOptions");
  }

  /** A configuration without save or disk directories, with the default guest and label options. */
  public AgentConfig(
      List<HostSpec> hosts,
      Duration interval,
      Duration timeout,
      boolean readOnly,
      int workers,
      Map<String, Credential> credentials,
      Map<String, Boolean> collectors) {
    this(
        hosts,
        interval,
        timeout,
        readOnly,
        workers,
        credentials,
        collectors,
        FileDirectories.NONE,
        DomainOptions.DEFAULT,
        defaultMaxCollections());
  }

  /** Copy with these save and disk directories. */
  public AgentConfig withFiles(FileDirectories value) {
    return new AgentConfig(
        hosts,
        interval,
        timeout,
        readOnly,
        workers,
        credentials,
        collectors,
        value,
        domainOptions,
        maxCollections);
  }

  /** Copy with these guest-agent and metadata-label options. */
  public AgentConfig withDomainOptions(DomainOptions value) {
    return new AgentConfig(
        hosts,
        interval,
        timeout,
        readOnly,
        workers,
        credentials,
        collectors,
        files,
        value,
        maxCollections);
  }

  /** Copy with this limit on full collections running at once across all hosts. */
  public AgentConfig withMaxCollections(int value) {
    return new AgentConfig(
        hosts,
        interval,
        timeout,
        readOnly,
        workers,
        credentials,
        collectors,
        files,
        domainOptions,
        value);
  }

  /** A configuration with the default collectors. */
  public AgentConfig(
      List<HostSpec> hosts,
      Duration interval,
      Duration timeout,
      boolean readOnly,
      int workers,
      Map<String, Credential> credentials) {
    this(hosts, interval, timeout, readOnly, workers, credentials, Map.of());
  }

  /**
   * Throws {@link IllegalArgumentException} with a message fit for the user when a value cannot
   * work.
   */
  public AgentConfig validate() {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("no host to watch: give at least one --connect URI");
    }
    if (interval.compareTo(Duration.ofMillis(100)) < 0) {
      throw new IllegalArgumentException(
          "--interval must be at least 100ms, got " + interval.toMillis() + "ms");
    }
    if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("--timeout must be at least 1s");
    }
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("--workers must be between 1 and 64, got " + workers);
    }
    if (maxCollections < 1 || maxCollections > 1024) {
      throw new IllegalArgumentException(
          "--max-collections must be between 1 and 1024, got " + maxCollections);
    }
    long distinctNames =
        hosts.stream().map(HostSpec::name).filter(n -> n != null).distinct().count();
    long named = hosts.stream().map(HostSpec::name).filter(n -> n != null).count();
    if (distinctNames != named) {
      throw new IllegalArgumentException("two --connect options have the same host name");
    }
    domainOptions.validate();
    return this;
  }

  public Credential credentialFor(String uri) {
    return credentials.get(uri);
  }
}
