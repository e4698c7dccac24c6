package dev.localcvm.cvm.domain;

/** The write actions that drive the lifecycle, by their API names. */
public enum Operation {
    RUN("RunInstances"),
    START("StartInstances"),
    STOP("StopInstances"),
    REBOOT("RebootInstances"),
    MODIFY("ModifyInstancesAttribute"),
    TERMINATE("TerminateInstances");

    private final String apiName;

    Operation(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
