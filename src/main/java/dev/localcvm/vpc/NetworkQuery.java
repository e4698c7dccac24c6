package dev.localcvm.vpc;

import dev.localcvm.api.params.Checks;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.tag.Tag;
import dev.localcvm.tag.TagFilters;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the vpc Describe actions share: ids or filters (not both), filters ANDed with the values of one filter
 * ORed, and Offset/Limit paging (default 20, at most 100).
 */
final class NetworkQuery {
    static final int MAX_FILTERS = 10;
    static final int MAX_FILTER_VALUES = 5;

    record Filter(String name, List<String> values) {
    }

    private NetworkQuery() {
    }

    /**
     * The items that match, as a page, with the total before paging.
     *
     * @param fields what each filter name reads from an item; {@code tag-key} and {@code tag:<key>} filters
     *               are known to every action and here match nothing (the default network has no tags)
     */
    static <T> Page<T> select(List<T> items, String idsName, List<String> ids, Pattern idFormat, Function<T, String> idOf,
                              List<Filter> filters, Map<String, Function<T, String>> fields, Long offset, Long limit) {
        return select(items, idsName, ids, idFormat, idOf, filters, fields, null, offset, limit);
    }

    /** As above, with {@code tag-key} and {@code tag:<key>} filters matching the items' tags ({@code tagsOf}). */
    static <T> Page<T> select(List<T> items, String idsName, List<String> ids, Pattern idFormat, Function<T, String> idOf,
                              List<Filter> filters, Map<String, Function<T, String>> fields,
                              Function<T, List<Tag>> tagsOf, Long offset, Long limit) {
        Checks.page(offset, limit);
        if (ids != null && filters != null) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_COEXIST,
                    "`" + idsName + "` and `Filters` cannot be given together.");
        }
        List<T> matched = items;
        if (ids != null) {
            Checks.count(idsName, ids, 100);
            for (String id : ids) {
                if (!idFormat.matcher(id).matches()) {
                    throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_MALFORMED,
                            "`" + idsName + "` `" + Checks.quote(id) + "` is malformed.");
                }
                if (items.stream().noneMatch(i -> idOf.apply(i).equals(id))) {
                    throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "The resource `" + id + "` does not exist.");
                }
            }
            matched = items.stream().filter(i -> ids.contains(idOf.apply(i))).toList();
        }
        if (filters != null) {
            if (filters.size() > MAX_FILTERS) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_LIMIT_EXCEEDED,
                        "At most " + MAX_FILTERS + " `Filters` may be given.");
            }
            for (Filter f : filters) {
                matched = matched.stream().filter(i -> matches(f, fields, tagsOf, i)).toList();
            }
        }
        long from = offset == null ? 0 : offset;
        int size = limit == null ? 20 : limit.intValue();
        List<T> page = matched.stream().skip(from).limit(size).toList();
        return new Page<>(matched.size(), page);
    }

    record Page<T>(long totalCount, List<T> items) {
    }

    private static <T> boolean matches(Filter f, Map<String, Function<T, String>> fields,
                                       Function<T, List<Tag>> tagsOf, T item) {
        if (f.name() == null) {
            throw ApiException.missingParameter("Filters.Name");
        }
        List<String> values = f.values() == null ? List.of() : f.values();
        if (values.size() > MAX_FILTER_VALUES) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_LIMIT_EXCEEDED,
                    "A filter may have at most " + MAX_FILTER_VALUES + " values.");
        }
        if (TagFilters.isTagFilter(f.name())) {
            return tagsOf != null && TagFilters.matches(f.name(), values, tagsOf.apply(item));
        }
        Function<T, String> field = fields.get(f.name());
        if (field == null) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_FILTER_INVALID_KEY,
                    "The filter `" + Checks.quote(f.name()) + "` is not supported.");
        }
        return values.contains(field.apply(item));
    }
}
