package dev.localcvm.cvm;

import dev.localcvm.api.Language;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The regions and zones of cvm-terminate.md §11. Chinese zone names are the city plus the zone
 * number in Chinese ("广州三区"); English ones "Guangzhou Zone 3". ZoneId = base + zone number.
 */
public final class RegionCatalog {
    private static final String CHINESE_DIGITS = "零一二三四五六七八九";

    public record Zone(String zone, String nameEn, String nameZh, String zoneId, boolean available) {
        /** The name in the request's language (cvm's and api's DescribeZones alike). */
        public String name(Language language) {
            return language == Language.ZH_CN ? nameZh : nameEn;
        }

        /** ZoneState: sold-out zones are UNAVAILABLE. */
        public String state() {
            return available ? "AVAILABLE" : "UNAVAILABLE";
        }
    }

    public record Region(String region, String nameEn, String nameZh, List<Zone> zones) {
        /** The name in the request's language (cvm's and api's DescribeRegions alike). */
        public String name(Language language) {
            return language == Language.ZH_CN ? nameZh : nameEn;
        }
    }

    private static final Map<String, Region> REGIONS = build();

    private RegionCatalog() {
    }

    /** All regions, sorted by code. */
    public static List<Region> regions() {
        return List.copyOf(REGIONS.values());
    }

    public static Set<String> regionCodes() {
        return Collections.unmodifiableSet(REGIONS.keySet());
    }

    public static Optional<Region> region(String code) {
        return Optional.ofNullable(REGIONS.get(code));
    }

    private static Map<String, Region> build() {
        List<Region> list = new ArrayList<>();
        list.add(region("ap-bangkok", "Southeast Asia (Bangkok)", "亚太东南(曼谷)", "Bangkok", "曼谷", 230000, List.of(1), List.of()));
        list.add(region("ap-beijing", "North China (Beijing)", "华北地区(北京)", "Beijing", "北京", 800000, List.of(1, 2, 3, 4, 5, 6, 7), List.of()));
        list.add(region("ap-chengdu", "Southwest China (Chengdu)", "西南地区(成都)", "Chengdu", "成都", 160000, List.of(1, 2), List.of()));
        list.add(region("ap-chongqing", "Southwest China (Chongqing)", "西南地区(重庆)", "Chongqing", "重庆", 162000, List.of(1), List.of()));
        list.add(region("ap-guangzhou", "South China (Guangzhou)", "华南地区(广州)", "Guangzhou", "广州", 100000, List.of(3, 4, 6, 7), List.of(1, 2)));
        list.add(region("ap-hongkong", "Hong Kong, Macao, Taiwan (Hong Kong, China)", "港澳台地区(中国香港)", "Hong Kong", "中国香港", 300000, List.of(2, 3), List.of(1)));
        list.add(region("ap-jakarta", "Southeast Asia (Jakarta)", "亚太东南(雅加达)", "Jakarta", "雅加达", 290000, List.of(1), List.of()));
        list.add(region("ap-nanjing", "East China (Nanjing)", "华东地区(南京)", "Nanjing", "南京", 330000, List.of(1, 2, 3), List.of()));
        list.add(region("ap-seoul", "Northeast Asia (Seoul)", "亚太东北(首尔)", "Seoul", "首尔", 180000, List.of(1, 2), List.of()));
        list.add(region("ap-shanghai", "East China (Shanghai)", "华东地区(上海)", "Shanghai", "上海", 200000, List.of(1, 2, 3, 4, 5), List.of()));
        list.add(region("ap-shanghai-fsi", "East China (Shanghai Finance)", "华东地区(上海金融)", "Shanghai Finance", "上海金融", 700000, List.of(1, 2, 3), List.of()));
        list.add(region("ap-shenzhen-fsi", "South China (Shenzhen Finance)", "华南地区(深圳金融)", "Shenzhen Finance", "深圳金融", 110000, List.of(1, 2, 3), List.of()));
        list.add(region("ap-singapore", "Southeast Asia (Singapore)", "亚太东南(新加坡)", "Singapore", "新加坡", 900000, List.of(1, 2, 3), List.of()));
        list.add(region("ap-tokyo", "Northeast Asia (Tokyo)", "亚太东北(东京)", "Tokyo", "东京", 250000, List.of(1, 2), List.of()));
        list.add(region("eu-frankfurt", "Europe (Frankfurt)", "欧洲地区(法兰克福)", "Frankfurt", "法兰克福", 140000, List.of(1, 2), List.of()));
        list.add(region("na-ashburn", "U.S. East Coast (Virginia)", "美国东部(弗吉尼亚)", "Virginia", "弗吉尼亚", 220000, List.of(1, 2), List.of()));
        list.add(region("na-siliconvalley", "U.S. West Coast (Silicon Valley)", "美国西部(硅谷)", "Silicon Valley", "硅谷", 150000, List.of(1, 2), List.of()));
        list.add(region("sa-saopaulo", "South America (São Paulo)", "南美地区(圣保罗)", "São Paulo", "圣保罗", 360000, List.of(1), List.of()));
        list.sort((a, b) -> a.region().compareTo(b.region()));
        Map<String, Region> map = new LinkedHashMap<>();
        list.forEach(r -> map.put(r.region(), r));
        return Collections.unmodifiableMap(map);
    }

    private static Region region(String code, String nameEn, String nameZh, String cityEn, String cityZh, int base,
                                 List<Integer> available, List<Integer> soldOut) {
        List<Zone> zones = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            boolean up = available.contains(n);
            if (up || soldOut.contains(n)) {
                zones.add(new Zone(code + "-" + n, cityEn + " Zone " + n, cityZh + CHINESE_DIGITS.charAt(n) + "区",
                        Integer.toString(base + n), up));
            }
        }
        return new Region(code, nameEn, nameZh, List.copyOf(zones));
    }
}
