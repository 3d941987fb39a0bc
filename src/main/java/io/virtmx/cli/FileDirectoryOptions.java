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
            + "refused before libvirt is called. Without one, saving to a file is refused."
      })
  List<Path> saveDirs = new ArrayList<>();

  @Option(
      names = "--disk-dir",
      paramLabel = "DIR",
      description = {
        "Directory whose files hot-plug may attach as disks or CD-ROM media (and any device XML "
            + "may name); repeat for several. Pool volumes (POOL/VOLUME) need none; any other path "
            + "is refused before libvirt is called."
      })
  List<Path> diskDirs = new ArrayList<>();

  FileDirectories directories() {
    return new FileDirectories(saveDirs, diskDirs);
  }
}
