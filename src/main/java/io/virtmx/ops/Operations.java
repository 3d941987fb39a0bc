package io.virtmx.ops;

/**
 * The one operations service every view forwards to, one part per object kind. Built once by the
 * agent with the host connections and the read-only switch; views get it and never reach libvirt
 * any other way.
 */
public final class Operations {
  private final OperationRunner runner;
  private final DomainOperations domains;
  private final PoolOperations pools;
  private final NetworkOperations networks;
  private final HostConnections hosts;

  public Operations(HostConnections hosts, boolean readOnly) {
    this.hosts = hosts;
    this.runner = new OperationRunner(hosts, readOnly);
    this.domains = new DomainOperations(runner);
    this.pools = new PoolOperations(runner);
    this.networks = new NetworkOperations(runner);
  }

  public DomainOperations domains() {
    return domains;
  }

  public PoolOperations pools() {
    return pools;
  }

  public NetworkOperations networks() {
    return networks;
  }

  /** Collects the host again now (an operation too: refused in read-only mode and for viewers). */
  public void refresh(Caller caller, String host) {
    runner.check(caller, "refresh");
    if (!hosts.knows(host)) {
      throw new OperationException(
          OperationException.Reason.NOT_FOUND, "no host named '" + host + "'");
    }
    hosts.refreshSoon(host);
  }

  /**
   * Throws the same refusal an operation would get, without doing anything: for views that
   * pre-check.
   */
  public void checkAllowed(Caller caller, String operation) {
    runner.check(caller, operation);
  }
}
