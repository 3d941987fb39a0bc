/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.config.FileDirectories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options naming the directories operations may put libvirt's files in: {@code --save-dir} and
 * {@code --disk-dir}, each repeatable, in a config file too ({@code save-dir = /var/lib/virtmx/save}
 * lines add to the command line's).
 */
public final class FileDirectoryOptions {
  @Option(
      names = "--save-dir",
      paramLabel = "DIR",
      description = {
        "Directory the save and restore operations may write and read domain images in; repeat "
            + "for several. A path outside every one (after resolving '..' and symbolic links) is "
            + "refused before libvirt is called. Without one, saving to a file is refused. Must be "
            + "owned by root (or the agent's user) and not writable by group or others, as must "
            + "its parents."
      })
  List<Path> saveDirs = new ArrayList<>();

  @Option(
      names = "--disk-dir",
      paramLabel = "DIR",
      description = {
        "Directory whose files hot-plug may attach as disks or CD-ROM media, and the only place "
            + "the host paths of device XML and of define, create and restore (disks, loader, "
            + "nvram, kernel, logs, sockets...) may lie; repeat for several. Pool volumes "
            + "(POOL/VOLUME) need none; any other path is refused before libvirt is called, and "
            + "without a --disk-dir every path-bearing element is. Must be owned by root (or the "
            + "agent's user) and not writable by group or others, as must its parents."
      })
  List<Path> diskDirs = new ArrayList<>();

  @Option(
      names = "--migrate-allow",
      paramLabel = "URI-PREFIX|HOST",
      description = {
        "Where migrate may send a domain; repeat for several. A libvirt URI prefix "
            + "(qemu+tls://198.18.0.2/system, matched up to a '/' or the end; query parameters "
            + "only if the prefix has them) or a host name or address (any URI to that host "
            + "without query parameters). The migration data address must be the destination's "
            + "host or an allowed one. Default: only the --connect URIs this agent watches."
      })
  List<String> migrateAllow = new ArrayList<>();

  FileDirectories directories() {
    return new FileDirectories(saveDirs, diskDirs, migrateAllow);
  }
}
