#!/usr/bin/env python3
"""Writes the virtmx Grafana dashboards (grafana/dashboards/*.json) from the panel lists below.

Run it after changing a panel: python3 grafana/generate.py. Every target's PromQL is checked against a real
Prometheus by MetricsPrometheusIT (variables filled in).
"""
import json
import pathlib

OUT = pathlib.Path(__file__).resolve().parent / "dashboards"
H = 'host=~"$host"'
D = 'host=~"$host",domain=~"$domain"'
RI = "$__rate_interval"


def var_datasource():
    return {"name": "datasource", "label": "Data source", "type": "datasource", "query": "prometheus",
            "current": {}, "hide": 0, "refresh": 1}


def var_query(name, label, query, multi=True):
    return {"name": name, "label": label, "type": "query", "datasource": {"type": "prometheus", "uid": "${datasource}"},
            "definition": query, "query": {"query": query, "refId": name}, "refresh": 2, "includeAll": multi,
            "multi": multi, "sort": 1, "current": {}, "hide": 0}


def panel(title, kind, targets, unit="short", w=12, h=8, desc=None, legend=None, options=None):
    p = {"title": title, "type": kind, "datasource": {"type": "prometheus", "uid": "${datasource}"},
         "gridPos": {"w": w, "h": h},
         "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
         "targets": [{"refId": chr(65 + i), "expr": e, "legendFormat": l,
                      "datasource": {"type": "prometheus", "uid": "${datasource}"},
                      **({"instant": True, "format": "table"} if kind == "table" else {})}
                     for i, (e, l) in enumerate(targets)]}
    if desc:
        p["description"] = desc
    if options:
        p["options"] = options
    return p


def layout(panels):
    x = y = row_h = 0
    for i, p in enumerate(panels, 1):
        p["id"] = i
        w, h = p["gridPos"]["w"], p["gridPos"]["h"]
        if x + w > 24:
            x, y, row_h = 0, y + row_h, 0
        p["gridPos"].update({"x": x, "y": y})
        x += w
        row_h = max(row_h, h)
    return panels


def dashboard(uid, title, variables, panels, tags):
    return {"uid": uid, "title": title, "tags": ["virtmx", "libvirt"] + tags, "timezone": "browser",
            "schemaVersion": 39, "version": 1, "editable": True, "refresh": "30s",
            "time": {"from": "now-1h", "to": "now"}, "templating": {"list": variables},
            "annotations": {"list": []}, "panels": layout(panels)}


def cpu_percent(sel):
    return (f"100 * rate(libvirt_domain_info_cpu_time_seconds_total{{{sel}}}[{RI}]) "
            f"/ on(host, domain, uuid) libvirt_domain_vcpus_current{{{sel}}}")


host_overview = dashboard("virtmx-host", "virtmx / Host overview", [
    var_datasource(), var_query("host", "Host", "label_values(libvirt_up, host)")], [
    panel("libvirt reachable", "stat", [(f"libvirt_up{{{H}}}", "{{host}}")], w=6, h=4),
    panel("Domains", "stat", [(f"libvirt_domains_number{{{H}}}", "{{host}}")], w=6, h=4),
    panel("Running domains", "stat", [(f"sum by (host) (libvirt_domain_state_code{{{H}}} == bool 1)", "{{host}}")],
          w=6, h=4),
    panel("Host memory used", "gauge", [(f"100 * (1 - libvirt_node_memory_free_bytes{{{H}}} "
                                         f"/ libvirt_node_memory_total_bytes{{{H}}})", "{{host}}")],
          unit="percent", w=6, h=4),
    panel("Domain states", "table", [(f"libvirt_domain_state_code{{{H}}}", "")], w=24, h=8,
          desc="0 no state, 1 running, 2 blocked, 3 paused, 4 shutdown, 5 shut off, 6 crashed, 7 pmsuspended"),
    panel("CPU per domain (% of its vCPUs)", "timeseries", [(cpu_percent(H), "{{host}} {{domain}}")], unit="percent"),
    panel("Top 10 domains by CPU", "bargauge", [(f"topk(10, {cpu_percent(H)})", "{{domain}}")], unit="percent"),
    panel("Memory per domain", "timeseries", [(f"libvirt_domain_info_memory_usage_bytes{{{H}}}", "{{domain}}")],
          unit="bytes"),
    panel("Host CPU", "timeseries", [(f"sum by (host, mode) (rate(libvirt_node_cpu_time_seconds_total{{{H}}}[{RI}]))",
                                      "{{host}} {{mode}}")], unit="s",
          desc="CPU seconds per second of the whole host, by mode"),
    panel("Disk throughput per domain", "timeseries", [
        (f"sum by (host, domain) (rate(libvirt_domain_block_stats_read_bytes_total{{{H}}}[{RI}]))", "{{domain}} read"),
        (f"sum by (host, domain) (rate(libvirt_domain_block_stats_write_bytes_total{{{H}}}[{RI}]))", "{{domain}} write")],
          unit="Bps"),
    panel("Network throughput per domain", "timeseries", [
        (f"sum by (host, domain) (rate(libvirt_domain_interface_stats_receive_bytes_total{{{H}}}[{RI}]))", "{{domain}} rx"),
        (f"sum by (host, domain) (rate(libvirt_domain_interface_stats_transmit_bytes_total{{{H}}}[{RI}]))", "{{domain}} tx")],
          unit="Bps"),
    panel("Top 10 domains by disk I/O", "bargauge", [
        (f"topk(10, sum by (host, domain) (rate(libvirt_domain_block_stats_read_requests_total{{{H}}}[{RI}]) "
         f"+ rate(libvirt_domain_block_stats_write_requests_total{{{H}}}[{RI}])))", "{{domain}}")], unit="iops"),
    panel("Top 10 domains by memory", "bargauge", [
        (f"topk(10, libvirt_domain_info_memory_usage_bytes{{{H}}})", "{{domain}}")], unit="bytes"),
], ["overview"])

domain_detail = dashboard("virtmx-domain", "virtmx / Domain detail", [
    var_datasource(), var_query("host", "Host", "label_values(libvirt_up, host)"),
    var_query("domain", "Domain", 'label_values(libvirt_domain_state_code{host=~"$host"}, domain)')], [
    panel("State", "stat", [(f"libvirt_domain_state_code{{{D}}}", "{{domain}}")], w=6, h=4),
    panel("vCPUs", "stat", [(f"libvirt_domain_vcpus_current{{{D}}}", "{{domain}}")], w=6, h=4),
    panel("Memory", "stat", [(f"libvirt_domain_info_memory_usage_bytes{{{D}}}", "{{domain}}")], unit="bytes", w=6, h=4),
    panel("Definition", "table", [(f"libvirt_domain_info{{{D}}}", "")], w=6, h=4),
    panel("CPU (% of its vCPUs)", "timeseries", [
        (cpu_percent(D), "{{domain}} total"),
        (f"100 * rate(libvirt_domain_vcpu_delay_seconds_total{{{D}}}[{RI}])", "{{domain}} vCPU {{vcpu}} steal")],
          unit="percent", desc="Steal: time a runnable vCPU waited for a host CPU"),
    panel("CPU time per vCPU", "timeseries", [
        (f"rate(libvirt_domain_vcpu_time_seconds_total{{{D}}}[{RI}])", "vCPU {{vcpu}}")], unit="s"),
    panel("Memory and balloon", "timeseries", [
        (f"libvirt_domain_info_maximum_memory_bytes{{{D}}}", "maximum"),
        (f"libvirt_domain_memory_stats_actual_balloon_bytes{{{D}}}", "balloon"),
        (f"libvirt_domain_memory_stats_rss_bytes{{{D}}}", "host RSS")], unit="bytes"),
    panel("Disk IOPS", "timeseries", [
        (f"rate(libvirt_domain_block_stats_read_requests_total{{{D}}}[{RI}])", "{{target_device}} read"),
        (f"rate(libvirt_domain_block_stats_write_requests_total{{{D}}}[{RI}])", "{{target_device}} write")],
          unit="iops"),
    panel("Disk throughput", "timeseries", [
        (f"rate(libvirt_domain_block_stats_read_bytes_total{{{D}}}[{RI}])", "{{target_device}} read"),
        (f"rate(libvirt_domain_block_stats_write_bytes_total{{{D}}}[{RI}])", "{{target_device}} write")], unit="Bps"),
    panel("Disk latency", "timeseries", [
        (f"rate(libvirt_domain_block_stats_read_seconds_total{{{D}}}[{RI}]) "
         f"/ rate(libvirt_domain_block_stats_read_requests_total{{{D}}}[{RI}])", "{{target_device}} read"),
        (f"rate(libvirt_domain_block_stats_write_seconds_total{{{D}}}[{RI}]) "
         f"/ rate(libvirt_domain_block_stats_write_requests_total{{{D}}}[{RI}])", "{{target_device}} write")],
          unit="s", desc="Mean time per request"),
    panel("Disk size", "table", [
        (f"libvirt_domain_block_capacity_bytes{{{D}}}", ""),
        (f"libvirt_domain_block_allocation_bytes{{{D}}}", "")], unit="bytes"),
    panel("Network throughput", "timeseries", [
        (f"rate(libvirt_domain_interface_stats_receive_bytes_total{{{D}}}[{RI}])", "{{target_device}} rx"),
        (f"rate(libvirt_domain_interface_stats_transmit_bytes_total{{{D}}}[{RI}])", "{{target_device}} tx")],
          unit="Bps"),
    panel("Network packets", "timeseries", [
        (f"rate(libvirt_domain_interface_stats_receive_packets_total{{{D}}}[{RI}])", "{{target_device}} rx"),
        (f"rate(libvirt_domain_interface_stats_transmit_packets_total{{{D}}}[{RI}])", "{{target_device}} tx")],
          unit="pps"),
    panel("Network errors and drops", "timeseries", [
        (f"rate(libvirt_domain_interface_stats_receive_errors_total{{{D}}}[{RI}])", "{{target_device}} rx errors"),
        (f"rate(libvirt_domain_interface_stats_transmit_errors_total{{{D}}}[{RI}])", "{{target_device}} tx errors"),
        (f"rate(libvirt_domain_interface_stats_receive_drops_total{{{D}}}[{RI}])", "{{target_device}} rx drops"),
        (f"rate(libvirt_domain_interface_stats_transmit_drops_total{{{D}}}[{RI}])", "{{target_device}} tx drops")],
          unit="pps"),
], ["domain"])

storage_network = dashboard("virtmx-storage-network", "virtmx / Storage pools and networks", [
    var_datasource(), var_query("host", "Host", "label_values(libvirt_up, host)")], [
    panel("Pool fill", "bargauge", [
        (f"100 * libvirt_storage_pool_allocation_bytes{{{H}}} / libvirt_storage_pool_capacity_bytes{{{H}}}",
         "{{host}} {{pool}}")], unit="percent"),
    panel("Pool state", "table", [(f"libvirt_storage_pool_state{{{H}}}", "")],
          desc="0 inactive, 1 building, 2 running, 3 degraded, 4 inaccessible"),
    panel("Pool space", "timeseries", [
        (f"libvirt_storage_pool_capacity_bytes{{{H}}}", "{{pool}} capacity"),
        (f"libvirt_storage_pool_allocation_bytes{{{H}}}", "{{pool}} allocation"),
        (f"libvirt_storage_pool_available_bytes{{{H}}}", "{{pool}} available")], unit="bytes"),
    panel("Volumes", "table", [(f"libvirt_storage_volume_capacity_bytes{{{H}}}", "")], unit="bytes"),
    panel("Networks", "table", [(f"libvirt_network_active{{{H}}}", "")]),
    panel("DHCP leases", "timeseries", [(f"libvirt_network_dhcp_leases{{{H}}}", "{{network}}")]),
], ["storage", "network"])

agent = dashboard("virtmx-agent", "virtmx / Agent health", [
    var_datasource(), var_query("host", "Host", "label_values(libvirt_up, host)")], [
    panel("Collection duration", "timeseries", [(f"virtmx_collection_duration_seconds{{{H}}}", "{{host}}")], unit="s"),
    panel("Time since last successful collection", "timeseries", [
        (f"time() - virtmx_last_success_timestamp_seconds{{{H}}}", "{{host}}")], unit="s"),
    panel("Stale snapshots", "stat", [(f"virtmx_snapshot_stale{{{H}}}", "{{host}}")], w=6, h=4),
    panel("Collection errors", "timeseries", [
        (f"sum by (host, kind) (increase(virtmx_collection_errors_total{{{H}}}[{RI}])) "
         f"or on(host) 0 * libvirt_up{{{H}}}", "{{host}} {{kind}}")], w=18,
          desc="Errors while collecting, by kind (0 when there were none)"),
    panel("Collector duration", "timeseries", [
        (f"virtmx_collector_duration_seconds{{{H}}}", "{{host}} {{collector}}")], unit="s",
          desc="Time each collector (node, domains, pools, networks) took in the latest collection"),
    panel("Collector success", "timeseries", [
        (f"virtmx_collector_success{{{H}}}", "{{host}} {{collector}}")],
          desc="1 when the collector finished without error in the latest collection, 0 when it failed"),
    panel("Scrape duration", "timeseries", [('scrape_duration_seconds{job="virtmx"}', "{{instance}}")], unit="s"),
    panel("Agent CPU", "timeseries", [('rate(process_cpu_seconds_total{job="virtmx"}[$__rate_interval])',
                                       "{{instance}}")], unit="s"),
    panel("JVM heap", "timeseries", [('sum by (instance) (jvm_memory_used_bytes{job="virtmx",area="heap"})',
                                      "{{instance}} used")], unit="bytes"),
    panel("Series exposed", "timeseries", [('scrape_samples_scraped{job="virtmx"}', "{{instance}}")]),
], ["agent"])

for name, d in [("host-overview", host_overview), ("domain-detail", domain_detail),
                ("storage-networks", storage_network), ("agent-health", agent)]:
    (OUT / f"virtmx-{name}.json").write_text(json.dumps(d, indent=2) + "\n")
    print(f"grafana/dashboards/virtmx-{name}.json: {len(d['panels'])} panels")
