package dev.localcvm.cvm.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The instance families and types localcvm sells, for the catalogue actions (DescribeZoneInstanceConfigInfos,
 * DescribeInstanceTypeConfigs, DescribeInstanceFamilyConfigs). Every name parses with {@link InstanceTypes}, so
 * CPU and memory are the ones RunInstances gives an instance of that type. Prices are illustrative: they have
 * the real shape (per hour, per month) but are not Tencent's price list.
 */
public final class InstanceTypeCatalog {
    /** The charge types each type is listed under, as the real API lists them. */
    public static final List<ChargeType> SOLD_CHARGE_TYPES = List.of(ChargeType.POSTPAID_BY_HOUR, ChargeType.PREPAID,
            ChargeType.SPOTPAID);

    /**
     * One family: its display names, processor, and price per core-hour. {@code gpusPerEightCores} is the
     * GPUs a type gets per eight cores (0 for CPU-only families).
     */
    public record Family(String family, String nameEn, String nameZh, String cpuType, String frequency,
                         double pricePerCoreHour, int gpusPerEightCores, String remark) {
        public boolean gpu() {
            return gpusPerEightCores > 0;
        }
    }

    /** One sellable type with what the catalogue actions report about it. */
    public record Type(String instanceType, Family family, int cpu, int memory, int gpu) {
        public String typeName(boolean zh) {
            return zh ? family.nameZh() : family.nameEn();
        }

        /** Pay-as-you-go price per hour; spot instances cost a fifth of it. */
        public double hourlyPrice() {
            return Math.round((cpu * family.pricePerCoreHour() + memory * 0.01) * 100) / 100.0;
        }

        /** Prepaid price per month: 30 days of the hourly price, less a fifth. */
        public double monthlyPrice() {
            return Math.round(hourlyPrice() * 24 * 30 * 0.8 * 100) / 100.0;
        }

        /** Private network bandwidth in Gbps, growing with the cores as on the real price pages. */
        public double bandwidthGbps() {
            return Math.max(1.5, cpu * 0.75);
        }

        /** Packets per second, in units of 10,000. */
        public long ppsTenThousands() {
            return Math.max(25, cpu * 15L);
        }
    }

    private static final Family S5 = new Family("S5", "Standard S5", "标准型S5",
            "Intel Xeon Cascade Lake 8255C(2.5 GHz/3.1 GHz)", "2.5GHz/3.1GHz", 0.06, 0, "");
    private static final Family SA2 = new Family("SA2", "Standard SA2", "标准型SA2",
            "AMD EPYC ROME(2.6 GHz/3.3 GHz)", "2.6GHz/3.3GHz", 0.05, 0, "");
    private static final Family S6 = new Family("S6", "Standard S6", "标准型S6",
            "Intel Xeon Ice Lake(2.7 GHz/3.3 GHz)", "2.7GHz/3.3GHz", 0.065, 0, "");
    private static final Family C5 = new Family("C5", "Compute C5", "计算型C5",
            "Intel Xeon Cascade Lake 6231C(3.0 GHz/3.5 GHz)", "3.0GHz/3.5GHz", 0.08, 0, "");
    private static final Family M5 = new Family("M5", "Memory Optimized M5", "内存型M5",
            "Intel Xeon Cascade Lake 8255C(2.5 GHz/3.1 GHz)", "2.5GHz/3.1GHz", 0.07, 0, "");
    private static final Family GN7 = new Family("GN7", "GPU Compute GN7", "GPU计算型GN7",
            "Intel Xeon Cascade Lake 8255C(2.5 GHz/3.1 GHz)", "2.5GHz/3.1GHz", 0.9, 1, "NVIDIA T4");

    private static final List<Family> FAMILIES = List.of(S5, SA2, S6, C5, M5, GN7);
    private static final List<Type> TYPES = build();

    private InstanceTypeCatalog() {
    }

    private static List<Type> build() {
        List<Type> types = new ArrayList<>();
        add(types, S5, "SMALL1", "SMALL2", "SMALL4", "MEDIUM4", "MEDIUM8", "LARGE8", "LARGE16", "2XLARGE16",
                "2XLARGE32", "4XLARGE32", "4XLARGE64", "8XLARGE64");
        add(types, SA2, "SMALL1", "SMALL2", "MEDIUM4", "MEDIUM8", "LARGE8", "LARGE16", "2XLARGE16", "2XLARGE32");
        add(types, S6, "MEDIUM4", "LARGE8", "LARGE16", "2XLARGE16", "2XLARGE32", "4XLARGE64");
        add(types, C5, "LARGE8", "2XLARGE16", "4XLARGE32", "8XLARGE64");
        add(types, M5, "MEDIUM16", "LARGE32", "2XLARGE64", "4XLARGE128");
        add(types, GN7, "2XLARGE32", "4XLARGE64", "8XLARGE128");
        return List.copyOf(types);
    }

    private static void add(List<Type> into, Family family, String... sizes) {
        for (String size : sizes) {
            String name = family.family() + "." + size;
            InstanceTypes.Shape shape = InstanceTypes.parse(name)
                    .orElseThrow(() -> new IllegalStateException("catalogue type " + name + " does not parse"));
            into.add(new Type(name, family, shape.cpu(), shape.memory(), shape.cpu() / 8 * family.gpusPerEightCores()));
        }
    }

    public static List<Family> families() {
        return FAMILIES;
    }

    /** Every type, families in catalogue order, each family's types by size. */
    public static List<Type> types() {
        return TYPES;
    }

    public static Optional<Type> find(String instanceType) {
        return TYPES.stream().filter(t -> t.instanceType().equals(instanceType)).findFirst();
    }

    /**
     * Why a type is sold out in a zone under a charge type, or null when it sells. The whole zone is sold out when
     * the region catalogue says so (ap-guangzhou-1, for one); spot GPU capacity is never there (our fixed rule, so
     * that a sold-out entry exists in every zone that sells).
     */
    public static String soldOutReason(Type type, ChargeType chargeType, boolean zoneAvailable) {
        if (!zoneAvailable) {
            return "The availability zone is sold out.";
        }
        if (chargeType == ChargeType.SPOTPAID && type.family().gpu()) {
            return "Spot instances of GPU families are sold out.";
        }
        return null;
    }
}
