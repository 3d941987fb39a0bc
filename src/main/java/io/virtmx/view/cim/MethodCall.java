/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.ops.Caller;

/** One extrinsic CIM method: reads its parameters from the request and writes its return value. */
@FunctionalInterface
interface MethodCall {
  void invoke(RequestContext c, Caller caller);
}
