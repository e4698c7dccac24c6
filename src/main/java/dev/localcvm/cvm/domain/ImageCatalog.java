package dev.localcvm.cvm.domain;

import java.util.List;
import java.util.Optional;

/** The built-in public images; RunInstances accepts these ids and DescribeImages lists them. */
public final class ImageCatalog {
    public record Image(String imageId, String imageName, String osName, String platform, String architecture,
                        long imageSize, String createdTime) {
        public boolean windows() {
            return platform.equals("Windows");
        }
    }

    private static final List<Image> IMAGES = List.of(
            new Image("img-pmqg1cw7", "TencentOS Server 3.1 (TK4)", "TencentOS Server 3.1 (TK4)", "TencentOS", "x86_64", 20, "2023-03-01T00:00:00Z"),
            new Image("img-eb30mz89", "Ubuntu Server 22.04 LTS 64bit", "Ubuntu Server 22.04 LTS 64bit", "Ubuntu", "x86_64", 20, "2023-05-10T00:00:00Z"),
            new Image("img-l8og963d", "CentOS 7.9 64bit", "CentOS 7.9 64bit", "CentOS", "x86_64", 20, "2022-11-20T00:00:00Z"),
            new Image("img-debian12", "Debian 12.x 64bit", "Debian 12.x 64bit", "Debian", "x86_64", 20, "2024-01-15T00:00:00Z"),
            new Image("img-rhel8x64", "Red Hat Enterprise Linux 8.x 64bit", "Red Hat Enterprise Linux 8.x 64bit", "RedHat", "x86_64", 40, "2023-08-01T00:00:00Z"),
            new Image("img-9id7emv7", "Windows Server 2022 Datacenter 64bit", "Windows Server 2022 Datacenter 64bit", "Windows", "x86_64", 50, "2024-03-01T00:00:00Z"));

    private ImageCatalog() {
    }

    public static List<Image> images() {
        return IMAGES;
    }

    public static Optional<Image> find(String imageId) {
        return IMAGES.stream().filter(i -> i.imageId().equals(imageId)).findFirst();
    }
}
