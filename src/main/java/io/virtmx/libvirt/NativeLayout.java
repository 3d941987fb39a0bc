/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

/**
 * Byte offsets and sizes of the libvirt structs we read by hand, for LP64 (x86_64, aarch64) where
 * {@code unsigned long} and pointers are 8 bytes and {@code long long} is 8-byte aligned.
 *
 * <pre>
 * virDomainInfo (40):            unsigned char state @0; unsigned long maxMem @8 (KiB); unsigned long memory @16;
 *                                unsigned short nrVirtCpu @24; unsigned long long cpuTime @32 (ns)
 * virDomainBlockInfo (24):       unsigned long long capacity @0, allocation @8, physical @16
 * virDomainBlockStatsStruct (40): long long rd_req @0, rd_bytes @8, wr_req @16, wr_bytes @24, errs @32
 * virDomainInterfaceStatsStruct (64): long long rx_bytes @0, rx_packets @8, rx_errs @16, rx_drop @24,
 *                                tx_bytes @32, tx_packets @40, tx_errs @48, tx_drop @56
 * virDomainMemoryStatStruct (16): int tag @0; unsigned long long val @8
 * virVcpuInfo (24):              unsigned int number @0; int state @4; unsigned long long cpuTime @8; int cpu @16
 * virDomainJobInfo (96):         int type @0; unsigned long long timeElapsed @8, timeRemaining @16, dataTotal @24,
 *                                dataProcessed @32, dataRemaining @40, memTotal @48 … fileRemaining @88
 * virTypedParameter (96):        char field[80] @0; int type @80; union value @88 (int, uint, llong, ullong,
 *                                double, char boolean, char *string)
 * virNodeCPUStats (88):          char field[80] @0; unsigned long long value @80
 * virDomainStatsRecord (24):     virDomainPtr dom @0; virTypedParameterPtr params @8; int nparams @16
 * </pre>
 *
 * <p>{@code TestDriverTest} checks them against the real library: the values read through these
 * offsets equal what virsh prints for the test driver (virDomainJobInfo is the exception, the test
 * driver lacks the call).
 */
final class NativeLayout {

  static final int DOMAIN_INFO_SIZE = 40;
  static final int DOMAIN_INFO_STATE = 0;
  static final int DOMAIN_INFO_MAX_MEM = 8;
  static final int DOMAIN_INFO_MEMORY = 16;
  static final int DOMAIN_INFO_NR_VIRT_CPU = 24;
  static final int DOMAIN_INFO_CPU_TIME = 32;

  static final int BLOCK_INFO_SIZE = 24;
  static final int BLOCK_STATS_SIZE = 40;
  static final int INTERFACE_STATS_SIZE = 64;

  static final int MEMORY_STAT_SIZE = 16;
  static final int MEMORY_STAT_VAL = 8;

  static final int VCPU_INFO_SIZE = 24;
  static final int VCPU_INFO_STATE = 4;
  static final int VCPU_INFO_CPU_TIME = 8;
  static final int VCPU_INFO_CPU = 16;

  static final int JOB_INFO_SIZE = 96;

  static final int FIELD_LENGTH = 80;
  static final int TYPED_PARAM_SIZE = 96;
  static final int TYPED_PARAM_TYPE = 80;
  static final int TYPED_PARAM_VALUE = 88;

  static final int NODE_CPU_STATS_SIZE = 88;
  static final int NODE_CPU_STATS_VALUE = 80;

  static final int STATS_RECORD_DOM = 0;
  static final int STATS_RECORD_PARAMS = 8;
  static final int STATS_RECORD_NPARAMS = 16;

  static final int UUID_STRING_BUFLEN = 37;

  private NativeLayout() {}
}
