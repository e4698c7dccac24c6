package dev.localcvm.cvm;

import dev.localcvm.store.InstanceKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** Resource ids ({@code ins-}, {@code disk-}, ...: 8 of [a-z0-9]) and addresses for new instances. */
public final class ResourceIds {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private final Supplier<RandomGenerator> random;

    public ResourceIds() {
        this(ThreadLocalRandom::current);
    }

    /** With a given source of randomness, for tests. */
    ResourceIds(Supplier<RandomGenerator> random) {
        this.random = random;
    }

    /**
     * The ids of one RunInstances call: the ids of a run of consecutive store keys from a random start (see
     * {@link InstanceKeys}), so that they look unrelated yet lie side by side in the store. Uniqueness is
     * checked against the store by the caller.
     */
    public List<String> instanceIds(int count) {
        if (count < 1 || count > 1_000) {
            throw new IllegalArgumentException("count " + count);
        }
        long start = random.get().nextLong(InstanceKeys.SPACE - count + 1);
        List<String> ids = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            ids.add(InstanceKeys.id(start + k));
        }
        return ids;
    }

    private static String chars(RandomGenerator r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /**
     * A random id; 36^8 values make a collision a primary-key error, not a silent overwrite. Ids need to
     * be unique, not secret, so a thread-local generator serves (a shared SecureRandom would serialize).
     * Instance ids come from {@link #instanceIds(int)}.
     */
    public String next(String prefix) {
        return prefix + '-' + chars(random.get(), 8);
    }

    /** The same id for the same seed: the account's default VPC, subnet and security group. */
    public static String stable(String prefix, String seed) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(prefix).append('-');
            for (int i = 0; i < 8; i++) {
                sb.append(ALPHABET.charAt((h[i] & 0xff) % ALPHABET.length()));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An address of the default VPC (172.16.0.0/16), in the zone's subnet. */
    public String privateIp(String zone) {
        RandomGenerator random = this.random.get();
        return "172.16." + (subnetBase(zone) + random.nextInt(16)) + "." + (2 + random.nextInt(252));
    }

    // The default network every account has in every region (the vpc product shows it; instances launched
    // without a network of their own are in it): its ids follow from the account and the region or zone.

    public static String defaultVpcId(String uin, String region) {
        return stable("vpc", uin + region);
    }

    public static String defaultSubnetId(String uin, String zone) {
        return stable("subnet", uin + zone);
    }

    public static String defaultSecurityGroupId(String uin, String region) {
        return stable("sg", uin + region);
    }

    /** The third octet of the zone's /20 in 172.16.0.0/16: 16 times the zone's number, modulo 256. */
    public static int subnetBase(String zone) {
        return Integer.parseInt(zone.substring(zone.lastIndexOf('-') + 1)) * 16 % 256;
    }

    /** A public address from 198.18.0.0/15, the benchmarking range. */
    public String publicIp() {
        RandomGenerator random = this.random.get();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
