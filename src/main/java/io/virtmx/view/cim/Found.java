/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

/**
 * An instance with the namespace it lives in (associators may cross from root/interop to
 * root/virt).
 */
record Found(CimInstance instance, String namespace) {
  CimObjectPath path() {
    return instance.path().withNamespace(namespace);
  }
}
