package dev.localcvm.cvm.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstanceTypeCatalogTest {
    @Test
    void everyTypeParsesToTheShapeItReportsAndIsListedOnce() {
        Set<String> names = new HashSet<>();
        for (InstanceTypeCatalog.Type t : InstanceTypeCatalog.types()) {
            assertThat(names.add(t.instanceType())).as(t.instanceType()).isTrue();
            InstanceTypes.Shape shape = InstanceTypes.parse(t.instanceType()).orElseThrow();
            assertThat(shape.cpu()).isEqualTo(t.cpu());
            assertThat(shape.memory()).isEqualTo(t.memory());
            assertThat(shape.family()).isEqualTo(t.family().family());
            assertThat(t.hourlyPrice()).isPositive();
            assertThat(t.monthlyPrice()).isGreaterThan(t.hourlyPrice());
            assertThat(t.gpu() > 0).isEqualTo(t.family().gpu());
        }
        assertThat(names).contains(InstanceTypes.DEFAULT, "S5.SMALL1");
        assertThat(InstanceTypeCatalog.families()).allSatisfy(f ->
                assertThat(InstanceTypeCatalog.types()).anyMatch(t -> t.family() == f));
    }

    @Test
    void aSoldOutZoneSellsNothingAndSpotGpusNeverSell() {
        InstanceTypeCatalog.Type s5 = InstanceTypeCatalog.find("S5.MEDIUM4").orElseThrow();
        InstanceTypeCatalog.Type gn7 = InstanceTypeCatalog.find("GN7.2XLARGE32").orElseThrow();
        for (ChargeType c : InstanceTypeCatalog.SOLD_CHARGE_TYPES) {
            assertThat(InstanceTypeCatalog.soldOutReason(s5, c, true)).isNull();
            assertThat(InstanceTypeCatalog.soldOutReason(s5, c, false)).isNotBlank();
        }
        assertThat(InstanceTypeCatalog.soldOutReason(gn7, ChargeType.SPOTPAID, true)).isNotBlank();
        assertThat(InstanceTypeCatalog.soldOutReason(gn7, ChargeType.POSTPAID_BY_HOUR, true)).isNull();
    }
}
