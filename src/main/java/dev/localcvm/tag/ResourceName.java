package dev.localcvm.tag;

import java.util.Optional;

/**
 * A resource's six-segment name, {@code qcs::<service>:<region>:uin/<uin>:<prefix>/<id>}, the key of the tag store.
 *
 * <p>The kinds of resource localcvm serves, each under the service and prefix the tag product and the Terraform
 * provider use for it: instances {@code cvm/instance}, cloud disks {@code cvm/volume}, elastic IPs {@code vpc/eip}.
 */
public record ResourceName(String service, String region, String uin, String prefix, String id) {

    /** The kinds of resource that carry tags here. */
    public enum Kind {
        INSTANCE("cvm", "instance"), DISK("cvm", "volume"), ADDRESS("vpc", "eip");

        public final String service;
        public final String prefix;

        Kind(String service, String prefix) {
            this.service = service;
            this.prefix = prefix;
        }

        public static Optional<Kind> of(String service, String prefix) {
            for (Kind k : values()) {
                if (k.service.equals(service) && k.prefix.equals(prefix)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        public ResourceName name(String region, String uin, String id) {
            return new ResourceName(service, region, uin, prefix, id);
        }
    }

    /** The name's parts, or empty when it does not have the six-segment shape. */
    public static Optional<ResourceName> parse(String name) {
        String[] s = name.split(":", -1);
        if (s.length != 6 || !s[0].equals("qcs") || !s[1].isEmpty() || !s[4].startsWith("uin/")) {
            return Optional.empty();
        }
        int slash = s[5].indexOf('/');
        if (s[2].isEmpty() || slash <= 0 || slash == s[5].length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new ResourceName(s[2], s[3], s[4].substring(4), s[5].substring(0, slash),
                s[5].substring(slash + 1)));
    }

    public Optional<Kind> kind() {
        return Kind.of(service, prefix);
    }

    @Override
    public String toString() {
        return "qcs::" + service + ":" + region + ":uin/" + uin + ":" + prefix + "/" + id;
    }
}
