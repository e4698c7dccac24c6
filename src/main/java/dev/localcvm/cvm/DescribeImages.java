package dev.localcvm.cvm;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.cvm.domain.ImageCatalog;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** DescribeImages over the built-in catalogue of public images. */
public final class DescribeImages extends BaseAction<DescribeImages.Request> {
    public DescribeImages() {
        super("DescribeImages", Request.class, 40);
    }

    private static final Set<String> FILTERS = Set.of("image-id", "image-type", "platform", "image-name");

    public record Filter(String name, List<String> values) {
    }

    public record Request(List<String> imageIds, List<Filter> filters, Long offset, Long limit, String instanceType) {
    }

    public record Image(String imageId, String osName, String imageType, String createdTime, String imageName,
                        String imageDescription, long imageSize, String architecture, String imageState, String platform,
                        String imageCreator, String imageSource, long syncPercent, boolean isSupportCloudinit,
                        List<Object> snapshotSet, List<Object> tags, String licenseType, String imageFamily,
                        boolean imageDeprecated) {
    }

    public record Response(List<Image> imageSet, long totalCount) {
    }

    @Override
    public boolean needsStore() {
        return false;
    }

    @Override
    public List<String> camResources(Request r, CallContext ctx) {
        return CamResource.names("cvm", ctx, "image", null);
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        if (r.imageIds() != null && r.filters() != null) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "`ImageIds` and `Filters` cannot be given together.");
        }
        long offset = InstanceLister.offset(r.offset());
        int limit = InstanceLister.limit(r.limit());
        Predicate<ImageCatalog.Image> match = image -> true;
        if (r.imageIds() != null) {
            match = image -> r.imageIds().contains(image.imageId());
        }
        if (r.filters() != null) {
            for (Filter f : r.filters()) {
                if (f.name() == null) {
                    throw ApiException.missingParameter("Filters.Name");
                }
                if (!FILTERS.contains(f.name())) {
                    throw ApiException.of(ErrorCode.INVALID_FILTER, f.name());
                }
                List<String> v = f.values() == null ? List.of() : f.values();
                Predicate<ImageCatalog.Image> p = switch (f.name()) {
                    case "image-id" -> image -> v.contains(image.imageId());
                    case "image-type" -> image -> v.contains("PUBLIC_IMAGE");
                    case "platform" -> image -> v.contains(image.platform());
                    default -> image -> v.stream().anyMatch(image.imageName()::contains);
                };
                match = match.and(p);
            }
        }
        List<ImageCatalog.Image> all = ImageCatalog.images().stream().filter(match).toList();
        List<Image> page = all.stream().skip(offset).limit(limit).map(i -> new Image(i.imageId(), i.osName(),
                "PUBLIC_IMAGE", i.createdTime(), i.imageName(), i.imageName(), i.imageSize(), i.architecture(), "NORMAL",
                i.platform(), "", "OFFICIAL", 100, true, List.of(), List.of(), "TencentCloud", "", false)).toList();
        return new Response(page, all.size());
    }
}
