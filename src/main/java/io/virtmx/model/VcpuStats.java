package io.virtmx.model;

/**
 * One virtual CPU: state (0 offline, 1 running, 2 blocked), cumulative run time, and where the
 * driver reports them the time spent waiting on I/O ({@code waitNs}) and waiting for a host CPU
 * ({@code delayNs}, the guest's steal).
 */
public record VcpuStats(
    int number, int state, long timeNs, long waitNs, long delayNs, int hostCpu) {}
