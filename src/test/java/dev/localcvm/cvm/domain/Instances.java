package dev.localcvm.cvm.domain;

import java.time.Instant;
import java.util.List;

/** Builds domain instances for unit tests. */
public final class Instances {
    public static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");

    private Instances() {
    }

    public static Instance.Builder of(String id, InstanceState state, ChargeType chargeType) {
        Instance.Spec spec = new Instance.Spec("ap-guangzhou-3", 0, "S5.MEDIUM4", 2, 4, "img-pmqg1cw7",
                "TencentOS Server 3.1 (TK4)", new Instance.Disk("disk-00000001", "CLOUD_PREMIUM", 50, true), List.of(),
                List.of("172.16.48.2"), 0, "TRAFFIC_POSTPAID_BY_HOUR", "vpc-00000001", "subnet-00000001", List.of(),
                List.of(), "uuid", null, null, null);
        return new Instance.Builder().id(id).uin("100000000001").region("ap-guangzhou").version(3).spec(spec)
                .name("n").state(state).chargeType(chargeType).securityGroupIds(List.of("sg-00000001"))
                .latestOperation("RunInstances").latestOperationState(Instance.SUCCESS).latestOperationRequestId("r0")
                .latestOperationErrorMsg("").isolatedSource("NOTISOLATED").stopChargingMode("NOT_APPLICABLE")
                .createdTime(T0).flags(Instance.Flags.NONE);
    }

    public static Instance running(String id, ChargeType chargeType) {
        return of(id, InstanceState.RUNNING, chargeType).build();
    }
}
