package dev.localcvm.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Six-segment names and the tag rules, without a server. */
class TagDomainTest {
    @Test
    void aSixSegmentNameReadsBackAsItsPartsAndPrintsTheSame() {
        String name = "qcs::cvm:ap-guangzhou:uin/100000000001:instance/ins-abcdefgh";
        ResourceName r = ResourceName.parse(name).orElseThrow();
        assertThat(r).isEqualTo(new ResourceName("cvm", "ap-guangzhou", "100000000001", "instance", "ins-abcdefgh"));
        assertThat(r.kind()).contains(ResourceName.Kind.INSTANCE);
        assertThat(r.toString()).isEqualTo(name);
        // The provider leaves the uin empty; a non-regional resource leaves the region empty.
        assertThat(ResourceName.parse("qcs::vpc:ap-guangzhou:uin/:eip/eip-1").orElseThrow().uin()).isEmpty();
        assertThat(ResourceName.parse("qcs::cdn::uin/1:domain/a.example").orElseThrow().region()).isEmpty();
        assertThat(ResourceName.parse("qcs::cvm:ap-guangzhou:uin/1:volume/disk-1").orElseThrow().kind())
                .contains(ResourceName.Kind.DISK);
        assertThat(ResourceName.parse("qcs::cbs:ap-guangzhou:uin/1:disk/disk-1").orElseThrow().kind()).isEmpty();
    }

    @Test
    void namesOfAnotherShapeAreRefused() {
        for (String bad : new String[] {"", "qcs::cvm:ap-guangzhou:instance/ins-1", "qcs:x:cvm:ap-guangzhou:uin/1:instance/ins-1",
            "cam::cvm:ap-guangzhou:uin/1:instance/ins-1", "qcs::cvm:ap-guangzhou:1:instance/ins-1",
            "qcs::cvm:ap-guangzhou:uin/1:instance", "qcs::cvm:ap-guangzhou:uin/1:instance/", "qcs::cvm:ap-guangzhou:uin/1:/ins-1",
            "qcs:::ap-guangzhou:uin/1:instance/ins-1", "qcs::cvm:ap-guangzhou:uin/1:instance/ins-1:x"}) {
            assertThat(ResourceName.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void keysAndValuesFollowTheTagProductsRules() {
        assertThat(TagRules.keyProblem("env")).isNull();
        assertThat(TagRules.keyProblem("环境 a+b-c=d.e_f:g/h@i(j)[k],l;m>n<o（p）【q】：")).isNull();
        assertThat(TagRules.keyProblem("")).isEqualTo(TagRules.Problem.EMPTY);
        assertThat(TagRules.keyProblem("k".repeat(127))).isNull();
        assertThat(TagRules.keyProblem("k".repeat(128))).isEqualTo(TagRules.Problem.TOO_LONG);
        assertThat(TagRules.keyProblem(" env")).isEqualTo(TagRules.Problem.ILLEGAL);
        assertThat(TagRules.keyProblem("env ")).isEqualTo(TagRules.Problem.ILLEGAL);
        assertThat(TagRules.keyProblem("a#b")).isEqualTo(TagRules.Problem.ILLEGAL);
        for (String reserved : new String[] {"qcs:x", "QCloud-x", "tencent", "Project", "项目1"}) {
            assertThat(TagRules.keyProblem(reserved)).as(reserved).isEqualTo(TagRules.Problem.RESERVED);
        }
        assertThat(TagRules.valueProblem("")).isEqualTo(TagRules.Problem.EMPTY);
        assertThat(TagRules.valueProblem("v".repeat(255))).isNull();
        assertThat(TagRules.valueProblem("v".repeat(256))).isEqualTo(TagRules.Problem.TOO_LONG);
        assertThat(TagRules.valueProblem("a\tb")).isEqualTo(TagRules.Problem.ILLEGAL);
    }
}
