package dev.localcvm.api.params;

import java.util.regex.Pattern;

/** The id formats of the served products' resources: a prefix and eight lowercase letters or digits. */
public enum IdFormat {
    INSTANCE("ins"), DISK("disk"), SNAPSHOT("snap"), VPC("vpc"), SUBNET("subnet"), SECURITY_GROUP("sg"),
    ADDRESS("eip"), BANDWIDTH_PACKAGE("bwp"), KEY_PAIR("skey"), HOST("host"), PLACEMENT_GROUP("ps");

    private final Pattern pattern;

    IdFormat(String prefix) {
        this.pattern = Pattern.compile(prefix + "-[a-z0-9]{8}");
    }

    public Pattern pattern() {
        return pattern;
    }
}
