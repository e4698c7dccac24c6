package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.models.DescribeRegionsRequest;
import dev.localcvm.embed.LocalCvm;
import dev.localcvm.embed.LocalCvmExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Extensions registered as shared run one server for the whole JVM (issue 17). */
class EmbeddedSharedIT {
    @RegisterExtension
    static LocalCvmExtension first = LocalCvmExtension.sharedPerJvm(LocalCvm.builder());
    @RegisterExtension
    static LocalCvmExtension second = LocalCvmExtension.sharedPerJvm(LocalCvm.builder().port(1));

    @Test
    void everySharedExtensionHasTheSameServer() throws Exception {
        assertThat(second.get()).isSameAs(first.get());
        assertThat(first.get().cvmClient("ap-guangzhou").DescribeRegions(new DescribeRegionsRequest())
                .getTotalCount()).isPositive();
    }
}
