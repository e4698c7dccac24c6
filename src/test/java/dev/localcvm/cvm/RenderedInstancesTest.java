package dev.localcvm.cvm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localcvm.api.Json;
import dev.localcvm.cvm.domain.ChargeType;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.InstanceState;
import dev.localcvm.cvm.domain.Instances;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderedInstancesTest {
    private final ObjectMapper mapper = Json.newMapper();
    private final RenderedInstances rendered = new RenderedInstances();

    private String inResponse(Instance i) throws Exception {
        return mapper.writeValueAsString(new DescribeInstances.Response(1, List.of(rendered.json(i, List.of()))));
    }

    @Test
    void writesWhatSerializingTheViewWrites() throws Exception {
        Instance i = Instances.of("ins-render01", InstanceState.RUNNING, ChargeType.PREPAID).name("未命名").build();
        String expected = "{\"TotalCount\":1,\"InstanceSet\":[" + mapper.writeValueAsString(InstanceView.of(i, java.util.List.of())) + "]}";
        assertThat(inResponse(i)).isEqualTo(expected);
        assertThat(inResponse(i)).isEqualTo(expected); // the second time from the cache
        assertThat(mapper.readTree(inResponse(i)).at("/InstanceSet/0/InstanceName").asText()).isEqualTo("未命名");
    }

    @Test
    void aChangedInstanceIsRenderedAgain() throws Exception {
        Instance running = Instances.running("ins-render02", ChargeType.POSTPAID_BY_HOUR);
        assertThat(inResponse(running)).contains("\"InstanceState\":\"RUNNING\"");
        Instance stopped = running.toBuilder().state(InstanceState.STOPPED).build();
        assertThat(inResponse(stopped)).contains("\"InstanceState\":\"STOPPED\"").doesNotContain("RUNNING");
    }

    @Test
    void theRegionCatalogueIsTheSerializedResponse() throws Exception {
        DescribeRegions action = new DescribeRegions();
        for (dev.localcvm.api.Language language : dev.localcvm.api.Language.values()) {
            var context = new dev.localcvm.api.CallContext("r", null, null, null, language, java.time.Instant.EPOCH);
            byte[] given = action.execute(new DescribeRegions.Request(), context).parts().get(0);
            assertThat(given).isEqualTo(mapper.writeValueAsBytes(
                    DescribeRegions.response(language)));
        }
    }

    @Test
    void aPageIsWhatSerializingTheResponseWrites() throws Exception {
        List<Instance> instances = List.of(Instances.running("ins-render03", ChargeType.POSTPAID_BY_HOUR),
                Instances.of("ins-render04", InstanceState.STOPPED, ChargeType.PREPAID).name("名").build());
        java.util.Map<String, List<dev.localcvm.tag.Tag>> tags = java.util.Map.of("ins-render04",
                List.of(new dev.localcvm.tag.Tag("k", "v")));
        for (List<Instance> set : List.of(instances, instances.subList(0, 1), List.<Instance>of())) {
            java.io.ByteArrayOutputStream page = new java.io.ByteArrayOutputStream();
            for (byte[] part : PreparedPages.assemble(7, DescribeInstances.renderings(rendered, set, tags)).parts()) {
                page.write(part);
            }
            byte[] expected = mapper.writeValueAsBytes(new DescribeInstances.Response(7, set.stream()
                    .map(i -> rendered.json(i, tags.getOrDefault(i.id(), List.of()))).toList()));
            assertThat(page.toByteArray()).isEqualTo(expected);
        }
    }
}
