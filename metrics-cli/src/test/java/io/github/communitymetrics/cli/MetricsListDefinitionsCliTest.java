package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.registry.Band;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.Scale;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code metrics --list --json} carries what the registry says for people about each metric. */
class MetricsListDefinitionsCliTest {
  @Test
  void listJsonCarriesDescriptionsDefinitionsGuidanceAndScales() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("metrics", "--list", "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> json = NoDataCliTest.flatten(r.out());
    List<MetricDescriptor<?>> all = MetricRegistry.standard().metrics();
    int scales = 0;
    for (int i = 0; i < all.size(); i++) {
      MetricDescriptor<?> d = all.get(i);
      String m = "metrics[" + i + "]";
      assertEquals(d.description().orElseThrow(), json.get(m + ".description"), d.id());
      Preset p = d.preset();
      assertEquals(p.definition().map(Object::toString).orElse(NoDataCliTest.NULL), json.get(m + ".presets[0].definition"), d.id());
      assertEquals(p.guidance().orElseThrow(), json.get(m + ".presets[0].guidance"), d.id());
      for (int s = 0; s < p.scales().size(); s++) {
        Scale scale = p.scales().get(s);
        String k = m + ".presets[0].scales[" + s + "]";
        assertEquals(scale.measurement(), json.get(k + ".measurement"));
        for (int b = 0; b < scale.bands().size(); b++) {
          Band band = scale.bands().get(b);
          assertEquals(band.label(), json.get(k + ".bands[" + b + "].label"));
          assertEquals(band.meaning(), json.get(k + ".bands[" + b + "].meaning"));
        }
        scales++;
      }
    }
    // Confidence, lottery, contributor dependency, elephant and retention publish levels or points.
    assertEquals(5, scales);
    // The LFX points of contributor dependency, bin by bin ("5 pts" is 10 people or more).
    int dep = all.indexOf(MetricRegistry.standard().get("contributor-dependency"));
    String bins = "metrics[" + dep + "].presets[0].scales[0].bands";
    assertEquals("1", json.get(bins + "[0].atLeast"));
    assertEquals("2", json.get(bins + "[0].below"));
    assertEquals("10", json.get(bins + "[5].atLeast"));
    assertEquals(NoDataCliTest.NULL, json.get(bins + "[5].below"));
    assertEquals("5 pts", json.get(bins + "[5].label"));
  }
}
