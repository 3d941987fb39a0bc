/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.libvirt.DomainChangeCalls;
import io.virtmx.libvirt.SaveImageCalls;
import io.virtmx.model.ObjectEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.libvirt.Domain;

/**
 * Saving a domain's memory to a file and restoring it ({@code virDomainSaveFlags}, {@code
 * virDomainRestoreFlags}), next to managed save: the file must lie inside a {@code --save-dir}
 * ({@link ConfinedPaths}), checked before libvirt is called, so an operator cannot make libvirt,
 * running as root, write or read any other path.
 */
public final class SaveOperations {
  private final OperationRunner runner;
  private final ConfinedPaths saveDirs;
  private final DefinitionCheck definitions;

  SaveOperations(OperationRunner runner, ConfinedPaths saveDirs, DefinitionCheck definitions) {
    this.runner = runner;
    this.saveDirs = saveDirs;
    this.definitions = definitions;
  }

  /**
   * Saves the running or paused domain to {@code path} (a new or existing file inside a save dir)
   * and stops it; its state is checked first, as for managed save.
   */
  public void save(Caller c, String host, String domain, String path) {
    Attempt a =
        Attempt.on(c, host, ObjectEvent.Kind.DOMAIN, domain, Lifecycle.SAVE.operation())
            .arg("path", path);
    String file = confined(a, path, false);
    runner.run(
        a,
        conn -> {
          Lifecycle.SAVE.check(domain, conn.domainState(domain));
          DomainChangeCalls.save(conn, domain, file, 0);
          return null;
        });
  }

  /**
   * Restores the domain saved in {@code path} (inside a save dir) in the state it was saved in or,
   * with {@code paused}, paused; the image must hold {@code domain}, and the definition it holds
   * must pass the checks of define ({@link DefinitionCheck}). libvirt is given that checked XML, so
   * it starts what was checked even if the image were replaced in between.
   */
  public void restore(Caller c, String host, String domain, String path, boolean paused) {
    Attempt a =
        Attempt.on(c, host, ObjectEvent.Kind.DOMAIN, domain, "restore")
            .arg("path", path)
            .arg("paused", paused);
    String file = confined(a, path, true);
    runner.run(
        a,
        conn -> {
          String xml = SaveImageCalls.xml(conn, file);
          String saved = SaveImageCalls.domainName(xml);
          if (!saved.equals(domain)) {
            throw OperationException.refused(
                "'" + path + "' holds domain '" + saved + "', not '" + domain + "'");
          }
          String refusal = definitions.refusal(xml);
          if (refusal != null) {
            throw OperationException.refused("'" + path + "': " + refusal);
          }
          definitions.checkSavedOnHost(conn, DefinitionElements.of(xml));
          SaveImageCalls.restore(conn, file, xml, paused ? DomainChangeCalls.SAVE_PAUSED : 0);
          return null;
        });
  }

  /**
   * Starts a shut-off domain from its managed save image ({@code virDomainCreate} restores it);
   * refused when it has none, so a domain is never booted afresh in place of a restore.
   */
  public void restoreManagedSave(Caller c, String host, String domain) {
    runner.run(
        Attempt.on(c, host, ObjectEvent.Kind.DOMAIN, domain, "restoreManagedSave"),
        conn -> {
          Domain d = conn.domainLookupByName(domain);
          try {
            if (d.hasManagedSaveImage() != 1) {
              throw new OperationException(
                  OperationException.Reason.INVALID_STATE,
                  "domain '" + domain + "' has no managed save image to restore");
            }
            d.create();
            return null;
          } finally {
            d.free();
          }
        });
  }

  /** The regular files directly inside the save dirs, by path: the images one may restore. */
  public List<String> savedImages(Caller c, String host) {
    return runner.audited(
        Attempt.onHost(c, host, "listSavedImages"),
        () -> {
          List<String> files = new ArrayList<>();
          for (Path dir : saveDirs.directories()) {
            try (Stream<Path> list = Files.list(dir)) {
              list.filter(Files::isRegularFile).map(Path::toString).sorted().forEach(files::add);
            } catch (IOException e) {
              throw new OperationException(
                  OperationException.Reason.FAILED, "cannot list " + dir + ": " + e.getMessage());
            }
          }
          return files;
        });
  }

  private String confined(Attempt a, String path, boolean mustExist) {
    ConfinedPaths.Check check = saveDirs.check(path, mustExist);
    a.require(check.allowed(), check.refusal());
    return check.allowed() ? check.path().toString() : null;
  }
}
