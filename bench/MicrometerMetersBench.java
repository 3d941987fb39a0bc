import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * How fast would one Micrometer meter per series be? Registers DOMAINS x 55 meters shaped like virtmx's libvirt
 * series (host/domain/uuid + device labels) in a PrometheusMeterRegistry and times registration and scrape().
 *
 *   java -cp target/virtmx.jar bench/MicrometerMetersBench.java [DOMAINS=1000] [SCRAPES=11]
 */
public class MicrometerMetersBench {
  public static void main(String[] args) throws Exception {
    int domains = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int scrapes = args.length > 1 ? Integer.parseInt(args[1]) : 11;
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    double[] values = new double[domains];
    long t0 = System.nanoTime();
    int meters = 0;
    for (int d = 0; d < domains; d++) {
      int i = d;
      Tags dom = Tags.of("host", "hv1", "domain", String.format("testvm-%04d", d), "uuid", java.util.UUID.nameUUIDFromBytes(("" + d).getBytes()).toString());
      for (int m = 0; m < 20; m++) {
        Gauge.builder("libvirt.domain.metric" + m, values, v -> v[i]).baseUnit("bytes").description("d").tags(dom).register(registry);
        meters++;
      }
      for (String disk : new String[] {"vda", "vdb"}) {
        Tags t = dom.and("source_file", "/var/lib/libvirt/images/" + disk + "-" + d + ".qcow2", "target_device", disk);
        for (int m = 0; m < 13; m++) {
          FunctionCounter.builder("libvirt.domain.block.metric" + m, values, v -> v[i]).baseUnit("bytes").description("d").tags(t).register(registry);
          meters++;
        }
      }
      Tags n = dom.and("source_bridge", "", "target_device", "vnet" + d);
      for (int m = 0; m < 9; m++) {
        FunctionCounter.builder("libvirt.domain.interface.metric" + m, values, v -> v[i]).baseUnit("bytes").description("d").tags(n).register(registry);
        meters++;
      }
    }
    long registered = System.nanoTime() - t0;
    double[] ms = new double[scrapes];
    for (int s = 0; s < scrapes; s++) {
      long a = System.nanoTime();
      registry.scrape(OutputStream.nullOutputStream());
      ms[s] = (System.nanoTime() - a) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf("%d meters: registration %.0f ms; scrape() median %.1f ms (min %.1f, max %.1f)%n", meters,
        registered / 1e6, ms[scrapes / 2], ms[0], ms[scrapes - 1]);
  }
}
