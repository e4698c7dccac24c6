package dev.localcvm.cvm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ThreadLocalRandom;

/** Resource ids ({@code ins-}, {@code disk-}, ...: 8 of [a-z0-9]) and addresses for new instances. */
public final class ResourceIds {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    /**
     * A random id; 36^8 values make a collision a primary-key error, not a silent overwrite. Ids need to
     * be unique, not secret, so a thread-local generator serves (a shared SecureRandom would serialize).
     */
    public String next(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder(prefix.length() + 9).append(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
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

    /** An address of the default VPC (172.16.0.0/16), one /20 per zone number. */
    public String privateIp(String zone) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int zoneNumber = Integer.parseInt(zone.substring(zone.lastIndexOf('-') + 1));
        return "172.16." + ((zoneNumber * 16 + random.nextInt(16)) % 256) + "." + (2 + random.nextInt(252));
    }

    /** A public address from 198.18.0.0/15, the benchmarking range. */
    public String publicIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
