/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where operations may reach on the host and beyond: {@code --save-dir} for domain save images,
 * {@code --disk-dir} for disk images, media and every path a domain definition names, {@code
 * --migrate-allow} for migration destinations (empty: the watched hosts only).
 */
public record FileDirectories(List<Path> saveDirs, List<Path> diskDirs, List<String> migrateAllow) {
  /** No directory: saving to a file and attaching a disk by path are refused. */
  public static final FileDirectories NONE = new FileDirectories(List.of(), List.of());

  public FileDirectories {
    saveDirs = List.copyOf(saveDirs);
    diskDirs = List.copyOf(diskDirs);
    migrateAllow = List.copyOf(migrateAllow);
  }

  /** Directories only; migration to the watched hosts only. */
  public FileDirectories(List<Path> saveDirs, List<Path> diskDirs) {
    this(saveDirs, diskDirs, List.of());
  }
}
