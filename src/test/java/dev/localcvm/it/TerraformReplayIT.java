package dev.localcvm.it;

import static dev.localcvm.testing.terraform.ProviderClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.clock.ServerClock;
import dev.localcvm.server.ServerConfig;
import dev.localcvm.testing.TestServer;
import dev.localcvm.testing.TestStores;
import dev.localcvm.testing.terraform.DataSources;
import dev.localcvm.testing.terraform.EipResources;
import dev.localcvm.testing.terraform.InstanceResource;
import dev.localcvm.testing.terraform.ProviderClient;
import dev.localcvm.testing.terraform.Waiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A replay of {@code terraform apply}, a second {@code terraform plan} and {@code terraform destroy} of
 * {@code examples/terraform/main.tf}, call for call as the tencentcloud provider makes them (shared/spec/
 * terraform-footprint.md §3-§5), through the SDK's generic client reaching localcvm as an HTTP proxy, exactly as the
 * provider does with {@code TENCENTCLOUD_PROTOCOL=HTTP} and {@code HTTP_PROXY}. It stands in for a real provider run:
 * the provider's binary cannot be downloaded where this suite runs.
 *
 * <ul>
 *   <li>plan: the three data sources ({@link DataSources}, §3);</li>
 *   <li>apply: the instance's Create and Read ({@link InstanceResource}, §4.1-4.2) and, at the same time on another
 *       thread as Terraform runs independent resources, the EIP's Create and Read ({@link EipResources}, §4.3); then
 *       the association (§4.4);</li>
 *   <li>a second plan: the data sources and every Read again, which must find nothing to change (§4.2's later-refresh
 *       path for the data disk);</li>
 *   <li>destroy: the refresh, the association's Delete, then the EIP's and the instance's Deletes at once (§5).</li>
 * </ul>
 *
 * Every waiter polls at the provider's cadence, advancing the server's clock instead of sleeping ({@link Waiter}).
 * It runs with the serve default transition delay (1 s) and with 0, each on a new server on the suite's store.
 */
class TerraformReplayIT {
    private static final String ZONE = "ap-guangzhou-3";
    private static final Map<String, String> INSTANCE_TAGS = Map.of("env", "localcvm", "team", "infra");
    private static final Map<String, String> EIP_TAGS = Map.of("env", "localcvm");

    @ParameterizedTest(name = "transition delay {0} ms")
    @ValueSource(longs = {1000, 0})
    void applyPlanAndDestroyAsTheProviderDoes(long delayMillis) throws Exception {
        ServerConfig config = TestStores.serverDefaults().withLifecycle(Duration.ofMillis(delayMillis), true, 500, false);
        // The clock stands still unless a waiter moves it, so no transition lands behind the replay's back.
        try (TestServer server = TestServer.start(config, ServerClock.fixedAt(Instant.now()))) {
            ServerClock clock = server.server().clock();
            ProviderClient client = new ProviderClient(server, new Waiter(clock::advance));
            try {
                replay(client);
            } catch (Throwable t) {
                throw new AssertionError(t.getMessage() + "\n-- calls made, in order:\n"
                        + String.join("\n", client.log()), t);
            }
        }
    }

    private static void replay(ProviderClient client) throws Exception {
        // ---- terraform apply: the plan reads the data sources (§3) ----
        Plan plan = readDataSources(client);

        InstanceResource instance = new InstanceResource(client, new InstanceResource.Config(ZONE, plan.imageId,
                plan.instanceType, "TRAFFIC_POSTPAID_BY_HOUR", 10, "CLOUD_PREMIUM", 50,
                List.of(new InstanceResource.DataDisk("CLOUD_PREMIUM", 100, 0, true, false)), INSTANCE_TAGS));
        EipResources eip = new EipResources(client, new EipResources.Config("localcvm-eip",
                "TRAFFIC_POSTPAID_BY_HOUR", 10, EIP_TAGS));

        // ---- apply (§4): instance and EIP in parallel, then the association ----
        parallel(instance::create, eip::create);
        assertThat(instance.dataDisks()).as("data_disks in the state after the first apply").hasSize(1);
        eip.associate(instance.id());

        // ---- a second terraform plan: the refresh must find every argument as configured ----
        refresh(client, instance, eip);

        // ---- terraform destroy (§5) ----
        refresh(client, instance, eip);
        eip.disassociate();
        parallel(eip::delete, instance::delete);

        // Not the provider's calls: the test's own look at what destroy left behind.
        String dataDisk = instance.dataDisks().get(0).id();
        assertThat(client.once("cbs", "DescribeDisks", body("DiskIds", List.of(dataDisk))).get("DiskSet"))
                .as("the data disk (delete_with_instance) after destroy").isEmpty();
        assertThat(client.once("vpc", "DescribeAddresses", body("AddressIds", List.of(eip.id()))).get("AddressSet"))
                .as("the EIP after destroy").isEmpty();
        assertThat(client.once("cvm", "DescribeInstances", body("InstanceIds", List.of(instance.id())))
                .get("InstanceSet")).as("the instance after destroy").isEmpty();
    }

    /** What the plan takes from the data sources. */
    private record Plan(String imageId, String instanceType) {
    }

    private static Plan readDataSources(ProviderClient client) throws Exception {
        List<String> images = DataSources.images(client, "PUBLIC_IMAGE", "TencentOS");
        assertThat(images).as("tencentcloud_images PUBLIC_IMAGE TencentOS").isNotEmpty();
        List<String> types = DataSources.instanceTypes(client, ZONE, "S5", "POSTPAID_BY_HOUR", 2, 4);
        assertThat(types).as("tencentcloud_instance_types S5 2 cores 4 GB in " + ZONE).isNotEmpty();
        Map<String, String> zones = DataSources.zonesByProduct(client, "cvm");
        assertThat(zones).as("tencentcloud_availability_zones_by_product cvm").containsKey(ZONE);
        return new Plan(images.get(0), types.get(0));
    }

    /** A refresh: Terraform reads data sources and resources concurrently; their order does not matter here. */
    private static void refresh(ProviderClient client, InstanceResource instance, EipResources eip) throws Exception {
        Plan again = readDataSources(client);
        instance.read();
        eip.read();
        eip.readAssociation();
        assertThat(again.imageId()).as("image_id from the data source on refresh").isNotBlank();
    }

    /** Runs two resources' operations at once, as Terraform does; both run to their end, the first failure is thrown. */
    private static void parallel(Step first, Step second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Step step : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    step.run();
                    return null;
                }));
            }
            Throwable failure = null;
            for (Future<Void> f : futures) {
                try {
                    f.get(3, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    } else {
                        failure.addSuppressed(e.getCause());
                    }
                }
            }
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
