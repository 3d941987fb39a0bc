/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The directories operations may name files in: {@code --save-dir} for domain save images, {@code
 * --disk-dir} for disk images and CD-ROM media attached by path.
 */
public record FileDirectories(List<Path> saveDirs, List<Path> diskDirs) {
  /** No directory: saving to a file and attaching a disk by path are refused. */
  public static final FileDirectories NONE = new FileDirectories(List.of(), List.of());

  public FileDirectories {
    saveDirs = List.copyOf(saveDirs);
    diskDirs = List.copyOf(diskDirs);
  }
}
