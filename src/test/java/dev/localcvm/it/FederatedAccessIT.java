package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Tag;
import com.tencentcloudapi.cvm.v20170312.models.TagSpecification;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.JsonBody;
import dev.localcvm.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CAM enforced on temporary credentials that the root issues with sts GetFederationToken (issue 16): the token's
 * policy decides every call of cvm, vpc and cbs; the tagged-reaper scenario; conditions on region, source address,
 * time and MFA; expired and wrong tokens; sts's own refusals. Sub-users and roles are in {@code SubUsersAndRolesIT}.
 */
class FederatedAccessIT {
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static CvmFixture root;

    @BeforeAll
    static void start() {
        root = CvmFixture.start();
    }

    @AfterAll
    static void stop() {
        root.close();
    }

    private static CvmFixture account() {
        return root.newAccount("federated-" + ACCOUNTS.incrementAndGet());
    }

    static CommonClient client(CvmFixture cvm, Credential credential, String product, String version, String region) {
        return new CommonClient(product, version, credential, region, cvm.server().profile(TestServer.Mode.TC3_POST));
    }

    static JsonNode call(CommonClient client, String action, Object... keyValues) throws Exception {
        return JsonBody.response(client, action, keyValues);
    }

    static String encoded(String policy) {
        return URLEncoder.encode(policy, StandardCharsets.UTF_8);
    }

    /** A statement list as policy syntax 2.0. */
    static String policy(String... statements) {
        return "{\"version\":\"2.0\",\"statement\":[" + String.join(",", statements) + "]}";
    }

    static String statement(String effect, String actions, String resources, String condition) {
        return "{\"effect\":\"" + effect + "\",\"action\":[" + actions + "],\"resource\":[" + resources + "]"
                + (condition == null ? "" : ",\"condition\":" + condition) + "}";
    }

    /** Temporary credentials of a federated user limited to {@code policy}, issued by the account's root. */
    static Credential federated(CvmFixture cvm, String policy, long seconds) throws Exception {
        JsonNode r = call(client(cvm, cvm.credential(), "sts", "2018-08-13", CvmFixture.REGION), "GetFederationToken",
                "Name", "reaper", "Policy", encoded(policy), "DurationSeconds", seconds);
        JsonNode c = r.path("Credentials");
        return new Credential(c.path("TmpSecretId").asText(), c.path("TmpSecretKey").asText(), c.path("Token").asText());
    }

    static CvmClient cvmAs(CvmFixture cvm, Credential credential, String region) {
        return cvm.server().cvm(TestServer.Mode.TC3_POST, region, credential);
    }

    static TencentCloudSDKException refusal(CvmFixture.Call call) {
        try {
            call.call();
        } catch (TencentCloudSDKException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a refusal");
    }

    private static String instance(CvmFixture cvm, String id) {
        return "qcs::cvm:" + CvmFixture.REGION + ":uin/" + cvm.uin() + ":instance/" + id;
    }

    @Test
    void theTokensPolicyDecidesEveryProduct() throws Exception {
        CvmFixture cvm = account();
        String id = cvm.running("POSTPAID_BY_HOUR");
        Credential reader = federated(cvm, policy(statement("allow", "\"cvm:Describe*\"", "\"*\"", null)), 3600);
        CvmClient asReader = cvmAs(cvm, reader, CvmFixture.REGION);

        assertThat(CvmFixture.describe(asReader, id)).isNotNull();
        TencentCloudSDKException e = refusal(() -> asReader.TerminateInstances(CvmFixture.request(id)));
        assertThat(e.getErrorCode()).isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(e.getMessage()).contains("you are not authorized to perform operation (cvm:TerminateInstances)\n"
                + "resource (" + instance(cvm, id) + ") has no permission\n");
        assertThat(cvm.state(id)).isEqualTo("RUNNING");
        assertThat(CvmFixture.codeOf(() -> call(client(cvm, reader, "vpc", "2017-03-12", CvmFixture.REGION),
                "DescribeAddresses"))).isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(CvmFixture.codeOf(() -> call(client(cvm, reader, "cbs", "2017-03-12", CvmFixture.REGION),
                "DescribeDisks"))).isEqualTo("AuthFailure.UnauthorizedOperation");

        Credential network = federated(cvm, policy(statement("allow", "\"vpc:*\",\"cbs:Describe*\"", "\"*\"", null)),
                3600);
        JsonNode allocated = call(client(cvm, network, "vpc", "2017-03-12", CvmFixture.REGION), "AllocateAddresses");
        String eip = allocated.path("AddressSet").get(0).asText();
        assertThat(call(client(cvm, network, "vpc", "2017-03-12", CvmFixture.REGION), "DescribeAddresses",
                "AddressIds", List.of(eip)).path("TotalCount").asInt()).isEqualTo(1);
        assertThat(call(client(cvm, network, "cbs", "2017-03-12", CvmFixture.REGION), "DescribeDisks")
                .path("DiskSet").isArray()).isTrue();
        assertThat(CvmFixture.codeOf(() -> call(client(cvm, network, "cbs", "2017-03-12", CvmFixture.REGION),
                "TerminateDisks", "DiskIds", List.of("disk-aaaaaaaa")))).isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(CvmFixture.codeOf(() -> cvmAs(cvm, network, CvmFixture.REGION)
                .DescribeInstances(new DescribeInstancesRequest()))).isEqualTo("AuthFailure.UnauthorizedOperation");
    }

    @Test
    void eipAndDiskActionsAreJudgedOnTheirOwnResourcesAndAllocationOnTheTagsItSets() throws Exception {
        CvmFixture cvm = account();
        String owner = cvm.uin();
        String mine = "qcs::vpc:" + CvmFixture.REGION + ":uin/" + owner + ":eip/eip-aaaaaaaa";
        String myDisk = "qcs::cvm:" + CvmFixture.REGION + ":uin/" + owner + ":volume/disk-aaaaaaaa";
        Credential narrow = federated(cvm, policy(
                statement("allow", "\"vpc:ReleaseAddresses\"", "\"" + mine + "\"", null),
                statement("allow", "\"cbs:TerminateDisks\"", "\"" + myDisk + "\"", null),
                statement("allow", "\"vpc:AllocateAddresses\"", "\"*\"",
                        "{\"for_any_value:string_equal\":{\"qcs:request_tag\":[\"env&ci\"]}}")), 3600);
        CommonClient vpc = client(cvm, narrow, "vpc", "2017-03-12", CvmFixture.REGION);
        CommonClient cbs = client(cvm, narrow, "cbs", "2017-03-12", CvmFixture.REGION);

        // The resource the policy names passes CAM and reaches the action, which finds nothing; any other is refused.
        assertThat(CvmFixture.codeOf(() -> call(vpc, "ReleaseAddresses", "AddressIds", List.of("eip-aaaaaaaa"))))
                .isNotEqualTo("AuthFailure.UnauthorizedOperation");
        TencentCloudSDKException eip = refusal(() -> call(vpc, "ReleaseAddresses", "AddressIds",
                List.of("eip-aaaaaaaa", "eip-bbbbbbbb")));
        assertThat(eip.getErrorCode()).isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(eip.getMessage()).contains("(vpc:ReleaseAddresses)\nresource (" + mine.replace("aaaaaaaa", "bbbbbbbb"));
        assertThat(CvmFixture.codeOf(() -> call(cbs, "TerminateDisks", "DiskIds", List.of("disk-aaaaaaaa"))))
                .isNotEqualTo("AuthFailure.UnauthorizedOperation");
        TencentCloudSDKException disk = refusal(() -> call(cbs, "TerminateDisks", "DiskIds", List.of("disk-bbbbbbbb")));
        assertThat(disk.getMessage()).contains("(cbs:TerminateDisks)\nresource (" + myDisk.replace("aaaaaaaa", "bbbbbbbb"));

        // qcs:request_tag: an allocation is allowed only when it sets env=ci on the new address.
        assertThat(CvmFixture.codeOf(() -> call(vpc, "AllocateAddresses")))
                .isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(CvmFixture.codeOf(() -> call(vpc, "AllocateAddresses", "Tags",
                List.of(JsonBody.map("Key", "env", "Value", "prod"))))).isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(call(vpc, "AllocateAddresses", "Tags", List.of(JsonBody.map("Key", "env", "Value", "ci")))
                .path("AddressSet").size()).isEqualTo(1);
    }

    @Test
    void theTaggedReaperTerminatesTaggedInstancesAndABatchWithAnUntaggedOneChangesNothing() throws Exception {
        CvmFixture cvm = account();
        var req = cvm.runRequest("POSTPAID_BY_HOUR", CvmFixture.IMAGE, null, 4);
        TagSpecification spec = new TagSpecification();
        spec.setResourceType("instance");
        Tag env = new Tag();
        env.setKey("env");
        env.setValue("ci");
        spec.setTags(new Tag[] {env});
        req.setTagSpecification(new TagSpecification[] {spec});
        String[] tagged = cvm.launch(req);
        String untagged = cvm.running("POSTPAID_BY_HOUR");
        cvm.settle();
        String reaper = policy(
                statement("allow", "\"cvm:Describe*\"", "\"*\"", null),
                statement("allow", "\"cvm:TerminateInstances\"", "\"*\"",
                        "{\"for_any_value:string_equal\":{\"qcs:resource_tag\":[\"env&ci\"]}}"),
                statement("deny", "\"cvm:TerminateInstances\"", "\"" + instance(cvm, tagged[3]) + "\"", null));
        CvmClient asReaper = cvmAs(cvm, federated(cvm, reaper, 3600), CvmFixture.REGION);

        CvmFixture.terminate(asReaper, tagged[0]);
        assertThat(cvm.state(tagged[0])).isIn("SHUTTING_DOWN", "TERMINATING");

        List<String> batch = new ArrayList<>(List.of(tagged[1], untagged, tagged[2]));
        TencentCloudSDKException e = refusal(() -> asReaper.TerminateInstances(
                CvmFixture.request(batch.toArray(String[]::new))));
        assertThat(e.getErrorCode()).isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(e.getMessage()).contains("resource (" + instance(cvm, untagged) + ") has no permission");
        for (String id : batch) {
            assertThat(cvm.state(id)).as(id).isEqualTo("RUNNING");
        }
        // The deny statement wins over the tag's allow.
        TencentCloudSDKException denied = refusal(() -> asReaper.TerminateInstances(CvmFixture.request(tagged[3])));
        assertThat(denied.getMessage()).contains(instance(cvm, tagged[3]));
        assertThat(cvm.state(tagged[3])).isEqualTo("RUNNING");

        CvmFixture.terminate(asReaper, tagged[1], tagged[2]);
        assertThat(cvm.state(tagged[1])).isNotEqualTo("RUNNING");
        assertThat(cvm.state(untagged)).isEqualTo("RUNNING");
    }

    @Test
    void conditionsOnRegionSourceAddressTimeAndMfa() throws Exception {
        CvmFixture cvm = account();
        String describe = "\"cvm:DescribeInstances\"";
        Credential guangzhou = federated(cvm, policy(statement("allow", describe, "\"*\"",
                "{\"string_equal\":{\"cvm:region\":\"ap-guangzhou\"}}")), 7200);
        assertThat(cvmAs(cvm, guangzhou, "ap-guangzhou").DescribeInstances(new DescribeInstancesRequest())
                .getTotalCount()).isZero();
        assertThat(CvmFixture.codeOf(() -> cvmAs(cvm, guangzhou, "ap-shanghai")
                .DescribeInstances(new DescribeInstancesRequest()))).isEqualTo("AuthFailure.UnauthorizedOperation");

        Credential loopback = federated(cvm, policy(statement("allow", describe, "\"*\"",
                "{\"ip_equal\":{\"qcs:ip\":\"127.0.0.1/32\"}}")), 7200);
        Credential office = federated(cvm, policy(statement("allow", describe, "\"*\"",
                "{\"ip_equal\":{\"qcs:ip\":\"10.0.0.0/8\"}}")), 7200);
        assertThat(cvmAs(cvm, loopback, CvmFixture.REGION).DescribeInstances(new DescribeInstancesRequest())
                .getTotalCount()).isZero();
        assertThat(CvmFixture.codeOf(() -> cvmAs(cvm, office, CvmFixture.REGION)
                .DescribeInstances(new DescribeInstancesRequest()))).isEqualTo("AuthFailure.UnauthorizedOperation");

        Instant until = cvm.server().server().clock().instant().plus(Duration.ofHours(1));
        Credential today = federated(cvm, policy(statement("allow", describe, "\"*\"",
                "{\"date_less_than\":{\"qcs:current_time\":\"" + until + "\"}}")), 7200);
        assertThat(cvmAs(cvm, today, CvmFixture.REGION).DescribeInstances(new DescribeInstancesRequest())
                .getTotalCount()).isZero();

        Credential withMfa = federated(cvm, policy(statement("allow", describe, "\"*\"",
                "{\"bool_equal\":{\"qcs:mfa\":\"true\"}}")), 7200);
        assertThat(cvmAs(cvm, withMfa, CvmFixture.REGION).DescribeInstances(new DescribeInstancesRequest())
                .getTotalCount()).isZero();
        cvm.admin("POST", "/_localcvm/credentials/" + withMfa.getSecretId() + "/attributes",
                new JsonObject().put("mfa", "MISSING"));
        assertThat(CvmFixture.codeOf(() -> cvmAs(cvm, withMfa, CvmFixture.REGION)
                .DescribeInstances(new DescribeInstancesRequest()))).isEqualTo("AuthFailure.UnauthorizedOperation");

        cvm.advanceClockOnly(Duration.ofMinutes(61));
        assertThat(CvmFixture.codeOf(() -> cvmAs(cvm, today, CvmFixture.REGION)
                .DescribeInstances(new DescribeInstancesRequest()))).isEqualTo("AuthFailure.UnauthorizedOperation");
    }

    @Test
    void tokensExpireOnTheServerClockAndMustMatch() throws Exception {
        CvmFixture cvm = account();
        Credential c = federated(cvm, policy(statement("allow", "\"cvm:*\"", "\"*\"", null)), 900);
        CvmClient ok = cvmAs(cvm, c, CvmFixture.REGION);
        assertThat(ok.DescribeInstances(new DescribeInstancesRequest()).getTotalCount()).isZero();
        CvmClient wrong = cvmAs(cvm, new Credential(c.getSecretId(), c.getSecretKey(), c.getToken() + "x"),
                CvmFixture.REGION);
        assertThat(CvmFixture.codeOf(() -> wrong.DescribeInstances(new DescribeInstancesRequest())))
                .isEqualTo("AuthFailure.TokenFailure");
        CvmClient none = cvmAs(cvm, new Credential(c.getSecretId(), c.getSecretKey()), CvmFixture.REGION);
        assertThat(CvmFixture.codeOf(() -> none.DescribeInstances(new DescribeInstancesRequest())))
                .isEqualTo("AuthFailure.TokenFailure");
        cvm.advanceClockOnly(Duration.ofSeconds(900));
        assertThat(CvmFixture.codeOf(() -> ok.DescribeInstances(new DescribeInstancesRequest())))
                .isEqualTo("UnauthorizedOperation.InvalidToken");
    }

    @Test
    void getFederationTokenAnswersAsDocumentedAndRefusesBadInput() throws Exception {
        CvmFixture cvm = account();
        CommonClient sts = client(cvm, cvm.credential(), "sts", "2018-08-13", CvmFixture.REGION);
        String allow = encoded(policy(statement("allow", "\"cvm:*\",\"sts:*\"", "\"*\"", null)));
        Instant now = cvm.server().server().clock().instant();
        JsonNode r = call(sts, "GetFederationToken", "Name", "ci-bot", "Policy", allow);
        assertThat(r.path("ExpiredTime").asLong()).isBetween(now.getEpochSecond() + 1799, now.getEpochSecond() + 1801);
        assertThat(Instant.parse(r.path("Expiration").asText()).getEpochSecond()).isEqualTo(r.path("ExpiredTime").asLong());
        assertThat(r.path("Expiration").asText()).endsWith("Z");
        Credential c = new Credential(r.at("/Credentials/TmpSecretId").asText(), r.at("/Credentials/TmpSecretKey").asText(),
                r.at("/Credentials/Token").asText());

        JsonNode me = call(client(cvm, c, "sts", "2018-08-13", CvmFixture.REGION), "GetCallerIdentity");
        assertThat(me.path("Type").asText()).isEqualTo("CAMUser");
        assertThat(me.path("AccountId").asText()).isEqualTo(cvm.uin());
        assertThat(me.path("UserId").asText()).isEqualTo(cvm.uin() + ":ci-bot");
        assertThat(me.path("PrincipalId").asText()).isEqualTo(cvm.uin());
        assertThat(me.path("Arn").asText()).isEqualTo("qcs::sts:" + cvm.uin() + ":federated-user/" + cvm.uin());
        JsonNode rootId = call(sts, "GetCallerIdentity");
        assertThat(rootId.path("Arn").asText()).isEqualTo("qcs::cam:" + cvm.uin() + ":uin/" + cvm.uin());
        assertThat(rootId.path("UserId").asText()).isEqualTo(cvm.uin());

        // Allowed by its policy, a federated user still cannot issue tokens: that takes a permanent key.
        assertThat(CvmFixture.codeOf(() -> call(client(cvm, c, "sts", "2018-08-13", CvmFixture.REGION),
                "GetFederationToken", "Name", "again", "Policy", allow))).isEqualTo("UnauthorizedOperation");
        Credential cvmOnly = federated(cvm, policy(statement("allow", "\"cvm:*\"", "\"*\"", null)), 900);
        assertThat(CvmFixture.codeOf(() -> call(client(cvm, cvmOnly, "sts", "2018-08-13", CvmFixture.REGION),
                "GetFederationToken", "Name", "again", "Policy", allow))).isEqualTo("AuthFailure.UnauthorizedOperation");
        assertThat(CvmFixture.codeOf(() -> call(sts, "GetFederationToken", "Name", "x", "Policy", allow)))
                .isEqualTo("InvalidParameter.ParamError");
        assertThat(CvmFixture.codeOf(() -> call(sts, "GetFederationToken", "Name", "ci-bot")))
                .isEqualTo("MissingParameter");
        assertThat(CvmFixture.codeOf(() -> call(sts, "GetFederationToken", "Name", "ci-bot", "Policy", allow,
                "DurationSeconds", 7201))).isEqualTo("InvalidParameter.OverTimeError");
        TencentCloudSDKException bad = refusal(() -> call(sts, "GetFederationToken", "Name", "ci-bot", "Policy",
                encoded("{\"version\":\"2.0\",\"statement\":[{\"effect\":\"maybe\",\"action\":[\"cvm:*\"],"
                        + "\"resource\":[\"*\"]}]}")));
        assertThat(bad.getErrorCode()).isEqualTo("InvalidParameter.StrategyFormatError");
        assertThat(bad.getMessage()).contains("effect");
        assertThat(CvmFixture.codeOf(() -> call(sts, "GetFederationToken", "Name", "ci-bot", "Policy",
                "a".repeat(16385)))).isEqualTo("InvalidParameter.PolicyTooLong");
    }

    @Test
    void assumeRoleRefusesUnknownRolesAndMalformedArns() throws Exception {
        CvmFixture cvm = account();
        CommonClient sts = client(cvm, cvm.credential(), "sts", "2018-08-13", CvmFixture.REGION);
        assertThat(CvmFixture.codeOf(() -> call(sts, "AssumeRole", "RoleArn", "qcs::cam::uin/" + cvm.uin()
                + ":roleName/nobody", "RoleSessionName", "s1"))).isEqualTo("ResourceNotFound.RoleNotFound");
        assertThat(CvmFixture.codeOf(() -> call(sts, "AssumeRole", "RoleArn", "qcs::cam::uin/" + cvm.uin()
                + ":role/4611686018427397919", "RoleSessionName", "s1"))).isEqualTo("ResourceNotFound.RoleNotFound");
        assertThat(CvmFixture.codeOf(() -> call(sts, "AssumeRole", "RoleArn", "arn:aws:iam::1:role/x",
                "RoleSessionName", "s1"))).isEqualTo("InvalidParameter.ParamError");
        assertThat(CvmFixture.codeOf(() -> call(sts, "AssumeRole", "RoleArn", "qcs::cam::uin/" + cvm.uin()
                + ":roleName/r", "RoleSessionName", "s"))).isEqualTo("InvalidParameter.ParamError");
        assertThat(CvmFixture.codeOf(() -> call(sts, "AssumeRole", "RoleSessionName", "s1")))
                .isEqualTo("MissingParameter");
    }
}
