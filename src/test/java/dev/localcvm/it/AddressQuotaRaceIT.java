package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Concurrent AllocateAddresses of one account never take it past its quota of 20 together. */
class AddressQuotaRaceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 8;

    @Test
    void concurrentAllocationsStayWithinTheQuota() throws Exception {
        try (CvmFixture cvm = CvmFixture.start()) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                for (int round = 0; round < 5; round++) {
                    CvmFixture account = cvm.newAccount("race-" + round);
                    CommonClient vpc = new CommonClient("vpc", "2017-03-12", account.credential(), CvmFixture.REGION,
                            cvm.server().profile(TestServer.Mode.TC3_POST));
                    CyclicBarrier start = new CyclicBarrier(THREADS);
                    List<Future<Integer>> allocated = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        allocated.add(pool.submit(() -> {
                            start.await(30, TimeUnit.SECONDS);
                            try {
                                return JSON.readTree(vpc.call("AllocateAddresses", "{\"AddressCount\":3}"))
                                        .path("Response").path("AddressSet").size();
                            } catch (TencentCloudSDKException e) {
                                assertThat(e.getErrorCode()).isEqualTo("AddressQuotaLimitExceeded");
                                return 0;
                            }
                        }));
                    }
                    int total = 0;
                    for (Future<Integer> f : allocated) {
                        total += f.get(60, TimeUnit.SECONDS);
                    }
                    int held = JSON.readTree(vpc.call("DescribeAddresses", "{\"Limit\":100}")).path("Response")
                            .path("TotalCount").asInt();
                    assertThat(held).as("round %d", round).isEqualTo(total).isLessThanOrEqualTo(20);
                    // Eight threads of three ask for 24: at least one is refused, at most two (18 fit in 20).
                    assertThat(total).as("round %d", round).isEqualTo(18);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
