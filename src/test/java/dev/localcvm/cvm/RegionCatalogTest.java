package dev.localcvm.cvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue of cvm-terminate.md §11. */
class RegionCatalogTest {

    @Test
    void holdsTheEighteenRegionsOfTheSeedSorted() {
        assertThat(RegionCatalog.regions()).extracting(RegionCatalog.Region::region).containsExactly(
                "ap-bangkok", "ap-beijing", "ap-chengdu", "ap-chongqing", "ap-guangzhou", "ap-hongkong", "ap-jakarta",
                "ap-nanjing", "ap-seoul", "ap-shanghai", "ap-shanghai-fsi", "ap-shenzhen-fsi", "ap-singapore",
                "ap-tokyo", "eu-frankfurt", "na-ashburn", "na-siliconvalley", "sa-saopaulo");
    }

    @Test
    void zoneIdsAreTheBasePlusTheZoneNumber() {
        List<RegionCatalog.Zone> guangzhou = RegionCatalog.region("ap-guangzhou").orElseThrow().zones();
        assertThat(guangzhou).extracting(RegionCatalog.Zone::zoneId)
                .containsExactly("100001", "100002", "100003", "100004", "100006", "100007");
        assertThat(guangzhou).filteredOn(z -> !z.available()).extracting(RegionCatalog.Zone::zone)
                .containsExactly("ap-guangzhou-1", "ap-guangzhou-2");
        assertThat(RegionCatalog.region("ap-chongqing").orElseThrow().zones().get(0).zoneId()).isEqualTo("162001");
        assertThat(RegionCatalog.region("sa-saopaulo").orElseThrow().zones()).hasSize(1);
    }

    @Test
    void namesInBothLanguages() {
        RegionCatalog.Zone hk2 = RegionCatalog.region("ap-hongkong").orElseThrow().zones().get(1);
        assertThat(hk2.zone()).isEqualTo("ap-hongkong-2");
        assertThat(hk2.nameEn()).isEqualTo("Hong Kong Zone 2");
        assertThat(hk2.nameZh()).isEqualTo("中国香港二区");
        assertThat(RegionCatalog.region("ap-beijing").orElseThrow().nameZh()).isEqualTo("华北地区(北京)");
    }

    @Test
    void regionsTheSeedLeavesOutAreAbsent() {
        assertThat(RegionCatalog.region("ap-mumbai")).isEmpty();
        assertThat(RegionCatalog.region("ap-guangzhou-open")).isEmpty();
        assertThat(RegionCatalog.regionCodes()).hasSize(18);
    }
}
