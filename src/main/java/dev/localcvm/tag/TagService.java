package dev.localcvm.tag;

import dev.localcvm.api.params.Checks;
import dev.localcvm.cvm.RegionCatalog;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.store.TagRepository;
import dev.localcvm.tag.ResourceName.Kind;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the tag actions share: resource names checked against what exists, the store, and the paging rules of the
 * tag product (Offset a multiple of Limit, Limit 15 by default).
 */
public final class TagService {
    /**
     * Which of {@code ids} exist now in the account and region; each kind of resource answers for its own. It is
     * asked while the resources' rows are locked, so it must only read.
     */
    public interface Existence {
        Set<String> existing(String uin, String region, Collection<String> ids, Instant now);
    }

    /** Records what fell due in an account and region (instances destroyed by their timers, and their tags). */
    public interface Settler {
        void settle(String uin, String region, Instant now);
    }

    static final long DEFAULT_LIMIT = 15;
    private final TagRepository store;
    private final Map<Kind, Existence> existence;
    private final Settler settler;

    public TagService(TagRepository store, Map<Kind, Existence> existence, Settler settler) {
        this.store = store;
        this.existence = Map.copyOf(existence);
        this.settler = settler;
    }

    /**
     * {@link TagRepository#rows} once what fell due in the regions read is recorded: an instance whose timer
     * destroyed it has no tags, whether or not a sweep has come by since.
     */
    List<TagRepository.Row> rows(String uin, String service, String prefix, String region, Collection<String> ids,
                                 Instant now) {
        for (String r : region != null ? List.of(region) : store.regions(uin)) {
            settler.settle(uin, r, now);
        }
        return store.rows(uin, service, prefix, region, ids);
    }

    /**
     * The resources named by a ResourceList, each once: six-segment names of a kind localcvm tags, of the caller's
     * account (an empty uin segment, as the Terraform provider writes it, means the caller's), in a served region.
     * The first that is not refuses the whole request. Whether they exist is checked when they are changed
     * ({@link #update}).
     */
    List<ResourceName> resources(String param, List<String> names, String uin) {
        if (names == null || names.isEmpty()) {
            throw ApiException.missingParameter(param);
        }
        if (names.size() > 10) {
            throw ApiException.of(ErrorCode.TAG_RESOURCE_NUM_PER_REQUEST, 10);
        }
        Set<ResourceName> out = new LinkedHashSet<>();
        for (String name : names) {
            ResourceName r = ResourceName.parse(name).orElseThrow(
                    () -> ApiException.of(ErrorCode.TAG_RESOURCE_DESCRIPTION_ERROR, Checks.quote(name)));
            if (r.kind().isEmpty()) {
                throw ApiException.of(ErrorCode.TAG_UNSUPPORTED_SERVICE, Checks.quote(name));
            }
            if (!r.uin().isEmpty() && !r.uin().equals(uin)) {
                throw ApiException.of(ErrorCode.TAG_UIN_INVALID, Checks.quote(name));
            }
            region(r.region());
            out.add(new ResourceName(r.service(), r.region(), uin, r.prefix(), r.id()));
        }
        return List.copyOf(out);
    }

    /** A region given to a tag action: a served one; empty or absent means any. */
    static void region(String region) {
        if (region != null && !region.isEmpty() && RegionCatalog.region(region).isEmpty()) {
            throw ApiException.of(ErrorCode.TAG_REGION_INVALID, Checks.quote(region));
        }
    }

    /** Tags given to add: 1-10, each key once, each key and value valid. */
    static List<Tag> tagsToAdd(List<TagResources.TagParam> tags) {
        if (tags == null || tags.isEmpty()) {
            throw ApiException.missingParameter("Tags");
        }
        if (tags.size() > 10) {
            throw ApiException.of(ErrorCode.TAG_NUM_PER_REQUEST, 10);
        }
        Set<String> keys = new LinkedHashSet<>();
        List<Tag> out = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            TagResources.TagParam t = tags.get(i);
            if (t == null || t.tagKey() == null) {
                throw ApiException.missingParameter("Tags." + i + ".TagKey");
            }
            if (t.tagValue() == null) {
                throw ApiException.missingParameter("Tags." + i + ".TagValue");
            }
            key(t.tagKey());
            TagRules.Problem v = TagRules.valueProblem(t.tagValue());
            if (v != null) {
                throw ApiException.of(switch (v) {
                    case EMPTY -> ErrorCode.TAG_VALUE_EMPTY;
                    case TOO_LONG -> ErrorCode.TAG_VALUE_LENGTH_EXCEEDED;
                    default -> ErrorCode.TAG_VALUE_CHARACTER_ILLEGAL;
                }, Checks.quote(v == TagRules.Problem.EMPTY ? t.tagKey() : t.tagValue()));
            }
            if (!keys.add(t.tagKey())) {
                throw ApiException.of(ErrorCode.TAG_KEY_DUPLICATE, Checks.quote(t.tagKey()));
            }
            out.add(new Tag(t.tagKey(), t.tagValue()));
        }
        return out;
    }

    static void key(String key) {
        TagRules.Problem k = TagRules.keyProblem(key);
        if (k != null) {
            throw ApiException.of(switch (k) {
                case EMPTY -> ErrorCode.TAG_KEY_EMPTY;
                case TOO_LONG -> ErrorCode.TAG_KEY_LENGTH_EXCEEDED;
                case RESERVED -> ErrorCode.TAG_KEY_RESERVED;
                default -> ErrorCode.TAG_KEY_CHARACTER_ILLEGAL;
            }, Checks.quote(key));
        }
    }

    /**
     * Changes the tags of {@code resources} at once: each must exist (checked with its rows locked, so that it cannot
     * go meanwhile), and none may end with more than 50.
     */
    void update(String uin, List<ResourceName> resources, Instant now, UnaryOperator<List<Tag>> change) {
        // Timers that fell due are recorded first, outside the locks: an instance they destroyed is then gone.
        resources.stream().map(ResourceName::region).distinct().forEach(r -> settler.settle(uin, r, now));
        store.update(uin, resources, locked -> locked.forEach(r -> {
            if (!existence.get(r.kind().orElseThrow()).existing(uin, r.region(), List.of(r.id()), now).contains(r.id())) {
                throw ApiException.of(ErrorCode.TAG_RESOURCE_ID_INVALID, r.toString());
            }
        }), change, after -> after.forEach((r, tags) -> {
            if (tags.size() > TagRules.MAX_TAGS_PER_RESOURCE) {
                throw ApiException.of(ErrorCode.TAG_RESOURCE_ATTACHED_TAGS, r.toString());
            }
        }));
    }

    /** Offset and Limit of the tag product: Limit 1..{@code maxLimit} (15 if absent), Offset a multiple of it. */
    record Page(long offset, long limit) {
        static Page of(Long offset, Long limit, long maxLimit) {
            Checks.range("Limit", limit, 1, maxLimit);
            Checks.range("Offset", offset, 0, Long.MAX_VALUE);
            long l = limit == null ? DEFAULT_LIMIT : limit;
            long o = offset == null ? 0 : offset;
            if (o % l != 0) {
                throw new ApiException(ErrorCode.TAG_OFFSET_INVALID);
            }
            return new Page(o, l);
        }

        <T> List<T> slice(List<T> all) {
            return all.stream().skip(offset).limit(limit).toList();
        }
    }

    /** The lowercase hex MD5 the tag product gives beside each key and value. */
    static String md5(String s) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, d));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The TagResource data type: a tag and the resource it is on. */
    public record TagResource(String tagKey, String tagValue, String resourceId, String tagKeyMd5, String tagValueMd5,
                              String serviceType, String category) {
        static TagResource of(TagRepository.Row row) {
            return new TagResource(row.tag().key(), row.tag().value(), row.resource().id(), md5(row.tag().key()),
                    md5(row.tag().value()), row.resource().service(), "Custom");
        }
    }

    /** The FailedResource data type; localcvm refuses a whole request instead, so the list is always empty. */
    public record FailedResource(String resource, String code, String message) {
    }
}
