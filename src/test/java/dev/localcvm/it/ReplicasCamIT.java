package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.JsonBody;
import dev.localcvm.testing.Replicas;
import dev.localcvm.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CAM across two replicas on one PostgreSQL: what is attached to a signer is read from the store on every call, so a
 * policy change made through one replica is enforced by the other on its very next request.
 */
class ReplicasCamIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESCRIBE = "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\","
            + "\"action\":[\"cvm:Describe*\"],\"resource\":[\"*\"]}]}";
    private Replicas replicas;

    @AfterEach
    void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    private static JsonNode cam(TestServer server, String action, Object... keyValues) throws Exception {
        CommonClient c = server.common(TestServer.Mode.TC3_POST, "cam", "2019-01-16", Replicas.REGION);
        return JSON.readTree(c.call(action, JsonBody.of(keyValues))).path("Response");
    }

    private static String describe(CvmClient client) {
        return CvmFixture.codeOf(() -> {
            client.DescribeInstances(new DescribeInstancesRequest());
            throw new com.tencentcloudapi.common.exception.TencentCloudSDKException("allowed", "", "Allowed");
        });
    }

    @Test
    void aPolicyChangeOnOneReplicaIsEnforcedByTheOtherAtOnce() throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        replicas = Replicas.start(Duration.ofSeconds(1), false, ServerClock.fixedAt(t0), ServerClock.fixedAt(t0));
        TestServer a = replicas.a();
        TestServer b = replicas.b();
        JsonNode user = cam(a, "AddUser", "Name", "dev", "UseApi", 1);
        long uin = user.path("Uin").asLong();
        Credential key = new Credential(user.path("SecretId").asText(), user.path("SecretKey").asText());
        CvmClient onA = a.cvm(TestServer.Mode.TC3_POST, Replicas.REGION, key);
        CvmClient onB = b.cvm(TestServer.Mode.TC3_POST, Replicas.REGION, key);
        assertThat(describe(onB)).isEqualTo("AuthFailure.UnauthorizedOperation");

        long policy = cam(a, "CreatePolicy", "PolicyName", "reader", "PolicyDocument", DESCRIBE).path("PolicyId").asLong();
        cam(a, "AttachUserPolicy", "PolicyId", policy, "AttachUin", uin);
        assertThat(describe(onB)).isEqualTo("Allowed");

        cam(b, "DetachUserPolicy", "PolicyId", policy, "DetachUin", uin);
        assertThat(describe(onA)).isEqualTo("AuthFailure.UnauthorizedOperation");

        cam(b, "AttachUserPolicy", "PolicyId", policy, "AttachUin", uin);
        assertThat(describe(onA)).isEqualTo("Allowed");
        cam(a, "DeleteUser", "Name", "dev", "Force", 1);
        assertThat(describe(onB)).isIn("AuthFailure.SecretIdNotFound", "AuthFailure.UnauthorizedOperation");
    }
}
