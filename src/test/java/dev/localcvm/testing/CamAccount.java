package dev.localcvm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.cvm.v20170312.models.DescribeRegionsRequest;
import dev.localcvm.testing.TestServer.Mode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fresh account's view of the cam product through the SDK's generic client (no region: CAM is global), and the
 * sub-users it creates.
 */
public final class CamAccount {
    public static final String VERSION = "2019-01-16";
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private final CvmFixture cvm;
    private final CommonClient cam;

    private CamAccount(CvmFixture cvm) {
        this.cvm = cvm;
        this.cam = client(cvm, cvm.credential());
    }

    /** A new account on the server of {@code root}. */
    public static CamAccount create(CvmFixture root) {
        return new CamAccount(root.newAccount("cam-" + ACCOUNTS.incrementAndGet()));
    }

    /** The cam client of any credential on this server (a sub-user's, say). */
    public static CommonClient client(CvmFixture cvm, Credential credential) {
        return new CommonClient("cam", VERSION, credential, "", cvm.server().profile(Mode.TC3_POST));
    }

    public CvmFixture cvm() {
        return cvm;
    }

    public String uin() {
        return cvm.uin();
    }

    /** Calls an action that must succeed; answers its Response object. */
    public JsonNode call(String action, Object... keyValues) throws Exception {
        return call(cam, action, keyValues);
    }

    public static JsonNode call(CommonClient client, String action, Object... keyValues) throws Exception {
        return JsonBody.response(client, action, keyValues);
    }

    /** The error code of a call that must fail. */
    public String code(String action, Object... keyValues) {
        return CvmFixture.codeOf(() -> cam.call(action, JsonBody.of(keyValues)));
    }

    /** A sub-user as AddUser answered it. */
    public record SubUser(String name, long uin, long uid, Credential credential) {
    }

    public SubUser addUser(String name, boolean useApi) throws Exception {
        JsonNode r = call("AddUser", "Name", name, "UseApi", useApi ? 1 : 0);
        return new SubUser(name, r.path("Uin").asLong(), r.path("Uid").asLong(),
                useApi ? new Credential(r.path("SecretId").asText(), r.path("SecretKey").asText()) : null);
    }

    /**
     * What a cvm call signed with {@code credential} answers: "OK", or its error code. Whether the signer may call
     * the action is authorization's business; these tests only ask whether the key authenticates.
     */
    public String cvmOutcome(Credential credential) {
        try {
            cvm.server().cvm(Mode.TC3_POST, CvmFixture.REGION, credential).DescribeRegions(new DescribeRegionsRequest());
            return "OK";
        } catch (TencentCloudSDKException e) {
            return e.getErrorCode();
        }
    }
}
