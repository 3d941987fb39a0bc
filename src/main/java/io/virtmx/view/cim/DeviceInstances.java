/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.model.DeviceInfo;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.view.cim.schema.ClassRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The RASDs and logical devices of a domain's graphics, input, controller and console devices, with
 * libvirt-cim's InstanceIDs: {@code vm1/vnc} (other graphics {@code vm1/spice:5901}), {@code
 * vm1/tablet:usb}, {@code vm1/controller:pci:0}, {@code vm1/charconsole:0}. A DisplayController per
 * graphics device and a PointingDevice per mouse or tablet carry the DeviceID of their RASD. Video
 * devices have no RASD (as in libvirt-cim); their model is named in the DisplayController's
 * Description.
 */
final class DeviceInstances {
  static final String GRAPHICS_POOL = "GraphicsPool/0";
  static final String INPUT_POOL = "InputPool/0";
  static final String CONTROLLER_POOL = "ControllerPool/0";

  private final ClassRepository repo;
  private final String p;

  DeviceInstances(ClassRepository repo, String p) {
    this.repo = repo;
    this.p = p;
  }

  /**
   * The part of the InstanceID after {@code <domain>/}, as libvirt-cim forms it; null for video.
   */
  static String id(DeviceInfo dev) {
    return switch (dev.kind()) {
      case "graphics" -> "vnc".equals(dev.type()) ? "vnc" : dev.type() + ":" + dev.port();
      case "input" -> dev.type() + ":" + dev.bus();
      case "controller" -> "controller:" + dev.type() + ":" + dev.index();
      case "console" -> "charconsole:" + dev.index();
      default -> null;
    };
  }

  /**
   * One RASD per graphics, input, controller and console device; a repeated InstanceID keeps the
   * first.
   */
  List<CimInstance> resourceSettings(DomainSnapshot d) {
    Map<String, CimInstance> out = new LinkedHashMap<>();
    for (DeviceInfo dev : d.devices()) {
      String id = id(dev);
      if (id != null && !out.containsKey(id)) {
        out.put(id, rasd(d.name() + "/" + id, dev));
      }
    }
    return new ArrayList<>(out.values());
  }

  private CimInstance rasd(String instanceId, DeviceInfo dev) {
    InstanceBuilder b =
        switch (dev.kind()) {
          case "graphics" ->
              of("GraphicsResourceAllocationSettingData")
                  .set("Caption", "Graphics")
                  .set("ResourceType", 24L)
                  .set("PoolID", GRAPHICS_POOL)
                  .set("Address", graphicsAddress(dev));
          case "input" ->
              of("InputResourceAllocationSettingData")
                  .set("Caption", inputCaption(dev))
                  .set("ResourceType", 13L)
                  .set("PoolID", INPUT_POOL)
                  .set("BusType", DomainInstances.blankToNull(dev.bus()));
          case "controller" ->
              of("ControllerResourceAllocationSettingData")
                  .set("Caption", "Controller")
                  .set("ResourceType", 1L)
                  .set("OtherResourceType", "controller")
                  .set("PoolID", CONTROLLER_POOL)
                  .set("Index", dev.index() >= 0 ? (long) dev.index() : null)
                  .set("Model", DomainInstances.blankToNull(dev.model()));
          default ->
              of("ConsoleResourceAllocationSettingData")
                  .set("Caption", "Console")
                  .set("ResourceType", 1L)
                  .set("OtherResourceType", "console")
                  .set("SourceType", DomainInstances.blankToNull(dev.type()))
                  .set("TargetType", DomainInstances.blankToNull(dev.bus()));
        };
    String subType = dev.kind().equals("console") ? null : DomainInstances.blankToNull(dev.type());
    return b.set("InstanceID", instanceId)
        .set("ElementName", instanceId.substring(instanceId.indexOf('/') + 1))
        .set("ResourceSubType", subType)
        .build();
  }

  /** A DisplayController per graphics device and a PointingDevice per mouse or tablet. */
  List<CimInstance> devices(DomainSnapshot d, long enabledState) {
    Map<String, CimInstance> out = new LinkedHashMap<>();
    String video =
        d.devices().stream()
            .filter(v -> v.kind().equals("video") && !v.model().isBlank())
            .map(DeviceInfo::model)
            .findFirst()
            .orElse(null);
    for (DeviceInfo dev : d.devices()) {
      String id = id(dev);
      if (id == null || out.containsKey(id)) {
        continue;
      }
      if (dev.kind().equals("graphics")) {
        out.put(
            id,
            device("DisplayController", d, id)
                .set("EnabledState", enabledState)
                .set("VideoProcessor", videoProcessor(dev))
                .set("Description", video == null ? null : "Video: " + video)
                .build());
      } else if (dev.kind().equals("input")
          && (dev.type().equals("mouse") || dev.type().equals("tablet"))) {
        out.put(
            id,
            device("PointingDevice", d, id)
                .set("EnabledState", enabledState)
                .set("PointingType", 3L)
                .set("Caption", inputCaption(dev))
                .build());
      }
    }
    return new ArrayList<>(out.values());
  }

  private InstanceBuilder of(String suffix) {
    return InstanceBuilder.of(repo, p + suffix);
  }

  /**
   * A logical device of the domain: its system's keys, CreationClassName, DeviceID {@code
   * <domain>/<id>}.
   */
  InstanceBuilder device(String suffix, DomainSnapshot d, String id) {
    return of(suffix)
        .set("SystemCreationClassName", p + "ComputerSystem")
        .set("SystemName", d.name())
        .set("CreationClassName", p + suffix)
        .set("DeviceID", d.name() + "/" + id)
        .set("ElementName", id);
  }

  /**
   * {@code 127.0.0.1:5900}; the port is -1 until libvirt assigns one; null without a listen
   * address.
   */
  private static String graphicsAddress(DeviceInfo dev) {
    return dev.listen().isBlank() ? null : dev.listen() + ":" + dev.port();
  }

  /**
   * libvirt-cim's form: {@code vnc/127.0.0.1:5900}, or just the type when there is no listen
   * address.
   */
  private static String videoProcessor(DeviceInfo dev) {
    return dev.listen().isBlank() ? dev.type() : dev.type() + "/" + dev.listen() + ":" + dev.port();
  }

  /** {@code USB Tablet}, {@code PS2 Mouse}, as libvirt-cim captions input devices. */
  static String inputCaption(DeviceInfo dev) {
    String bus =
        switch (dev.bus()) {
          case "usb", "ps2" -> dev.bus().toUpperCase(Locale.ROOT);
          case "" -> "Unknown bus";
          default -> Character.toUpperCase(dev.bus().charAt(0)) + dev.bus().substring(1);
        };
    String type =
        dev.type().isEmpty()
            ? "Unknown device type"
            : Character.toUpperCase(dev.type().charAt(0)) + dev.type().substring(1);
    return bus + " " + type;
  }
}
