package dev.localcvm.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localcvm.account.AccountService;
import dev.localcvm.account.ApiKey;
import dev.localcvm.api.auth.Tc3Authorization;
import dev.localcvm.api.auth.Tc3Verifier;
import dev.localcvm.api.auth.V1Verifier;
import dev.localcvm.api.params.Checks;
import dev.localcvm.api.params.FormCodec;
import dev.localcvm.api.params.ParamBinder;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product-free API 3.0 pipeline (api3-protocol.md §9.1): request mode, authentication, routing,
 * region, binding, dispatch and the envelope. The first failing check answers; nothing is changed.
 */
public final class Gateway {
    public static final int GET_LIMIT = 32 * 1024;
    public static final int V1_POST_LIMIT = 1024 * 1024;
    public static final int V3_POST_LIMIT = 10 * 1024 * 1024;
    static final long MAX_SKEW_SECONDS = 300;
    private static final int MAX_MESSAGE = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** v1 common parameters, removed before the API parameters are bound (§4.2). */
    private static final Set<String> V1_COMMON = Set.of("Action", "Version", "Timestamp", "Nonce", "SecretId",
            "Signature", "SignatureMethod", "Region", "Token", "Language", "RequestClient");

    private final ProductRegistry products;
    private final AccountService accounts;
    private final Clock clock;
    private final ObjectMapper mapper;
    /** Built once: deriving a reader with a feature per request showed in profiles. */
    private final com.fasterxml.jackson.databind.ObjectReader bodyReader;
    private final ParamBinder binder;
    private final boolean verifySignatures;
    private final RateLimiter rateLimiter;
    private final Runnable awaitDurable;
    private final Authorizer authorizer;

    public Gateway(ProductRegistry products, AccountService accounts, Clock clock, ObjectMapper mapper,
                   ParamBinder binder, boolean verifySignatures, RateLimiter rateLimiter) {
        this(products, accounts, clock, mapper, binder, verifySignatures, rateLimiter, () -> { });
    }

    /** @param awaitDurable returns once what the calling thread committed is durable */
    public Gateway(ProductRegistry products, AccountService accounts, Clock clock, ObjectMapper mapper,
                   ParamBinder binder, boolean verifySignatures, RateLimiter rateLimiter, Runnable awaitDurable) {
        this(products, accounts, clock, mapper, binder, verifySignatures, rateLimiter, awaitDurable,
                Authorizer.ALLOW_ALL);
    }

    /** @param authorizer judges every call whose key {@link ApiKey#needsAuthorization() needs it} */
    public Gateway(ProductRegistry products, AccountService accounts, Clock clock, ObjectMapper mapper,
                   ParamBinder binder, boolean verifySignatures, RateLimiter rateLimiter, Runnable awaitDurable,
                   Authorizer authorizer) {
        this.authorizer = authorizer;
        this.awaitDurable = awaitDurable;
        this.rateLimiter = rateLimiter;
        this.products = products;
        this.accounts = accounts;
        this.clock = clock;
        this.mapper = mapper;
        this.bodyReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.binder = binder;
        this.verifySignatures = verifySignatures;
    }

    /** The body limit of a POST, chosen from its Authorization header before the body is read. */
    public static int postLimit(String authorization) {
        return authorization != null && authorization.startsWith(Tc3Authorization.PREFIX) ? V3_POST_LIMIT : V1_POST_LIMIT;
    }

    /**
     * Whether the whole pipeline can run without touching the store: a TC3 call of a store-free action
     * by a key already cached that signs for the account's root. Such a request is answered on the event loop.
     * Anything this cheap look cannot vouch for (v1, unknown keys, a sub-user's or a role's key, whose policies
     * are read from the store) goes to a worker; the answer is the same either way.
     */
    public boolean answerableWithoutStore(RawRequest request) {
        String authorization = request.header("authorization");
        String action = request.header("x-tc-action");
        if (authorization == null || action == null || !authorization.startsWith(Tc3Authorization.PREFIX)) {
            return false;
        }
        int from = authorization.indexOf("Credential=");
        int to = from < 0 ? -1 : authorization.indexOf('/', from);
        if (to <= 0 || !products.storeFree(action)) {
            return false;
        }
        ApiKey key = accounts.cached(authorization.substring(from + "Credential=".length(), to));
        return key != null && key.principal().isRoot();
    }

    /** Answers an error found before the request reached the pipeline (method, size). */
    public ApiResponse reject(ErrorCode code, String message) {
        return error(RequestIds.next(), new Trace(), new ApiException(code, message));
    }

    public ApiResponse handle(RawRequest request) {
        String requestId = RequestIds.next();
        Trace trace = new Trace();
        try {
            Record output = process(request, requestId, trace);
            return new ApiResponse(requestId, Envelope.success(mapper, output, requestId), trace.action, trace.uin, null);
        } catch (ApiException e) {
            return error(requestId, trace, e);
        } catch (RuntimeException | Error e) {
            if (storeUnreachable(e)) {
                LOG.warn("requestId={} action={} the store cannot be reached: {}", requestId, trace.action, e.toString());
                return error(requestId, trace, new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                        "The store cannot be reached; try again."));
            }
            LOG.error("requestId={} action={} failed unexpectedly", requestId, trace.action, e);
            return error(requestId, trace, new ApiException(ErrorCode.INTERNAL_ERROR));
        }
    }

    /** A lost database connection is the service being unavailable, not an internal error. */
    private static boolean storeUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private Record process(RawRequest request, String requestId, Trace trace) {
        String method = request.method();
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new ApiException(ErrorCode.UNSUPPORTED_PROTOCOL,
                    "The HTTP method `" + method + "` is not supported; use GET or POST.");
        }
        String authorization = request.header("authorization");
        String media = mediaType(request.header("content-type"));
        Call call;
        if (authorization != null && !authorization.isEmpty()) {
            if (!authorization.startsWith(Tc3Authorization.PREFIX)) {
                throw new ApiException(ErrorCode.AUTH_INVALID_AUTHORIZATION,
                        "The Authorization header must use `TC3-HMAC-SHA256`.");
            }
            if (method.equals("POST") && !media.equals("application/json")) {
                if (media.equals("multipart/form-data")) {
                    throw new ApiException(ErrorCode.INVALID_REQUEST, "multipart/form-data is not supported by this API.");
                }
                throw new ApiException(ErrorCode.INVALID_PARAMETER,
                        "The Content-Type of a TC3 POST must be `application/json`.");
            }
            call = v3(request, authorization, trace);
        } else if (media.equals("multipart/form-data")) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "multipart/form-data is not supported by this API.");
        } else if (method.equals("GET") || media.equals("application/x-www-form-urlencoded")) {
            call = v1(request, trace);
        } else if (media.equals("application/json")) {
            throw new ApiException(ErrorCode.AUTH_INVALID_AUTHORIZATION,
                    "A JSON request must carry a TC3-HMAC-SHA256 Authorization header.");
        } else {
            throw new ApiException(ErrorCode.INVALID_PARAMETER,
                    "The Content-Type of a POST must be `application/json` or `application/x-www-form-urlencoded`.");
        }
        return dispatch(call, requestId, trace);
    }

    /**
     * What v3 and v1 share once authenticated.
     *
     * @param service the TC3 credential scope's service; null for v1, which has none
     */
    private record Call(String service, String host, String action, String version, String region, Language language,
                        ApiKey key, Supplier<JsonNode> params, String sourceIp) {
    }

    private Call v3(RawRequest request, String authorization, Trace trace) {
        Tc3Authorization auth = Tc3Authorization.parse(authorization);
        String action = requiredHeader(request, "x-tc-action", "X-TC-Action");
        String version = requiredHeader(request, "x-tc-version", "X-TC-Version");
        String timestampText = requiredHeader(request, "x-tc-timestamp", "X-TC-Timestamp");
        long timestamp = parseTimestamp(timestampText, "X-TC-Timestamp");
        trace.action = action;
        ApiKey key = authenticate(auth.secretId(), trace);
        checkSkew(timestamp);
        if (verifySignatures && !Tc3Verifier.verify(auth, key.secretKey(), request.method(), request.rawQuery(),
                request.headers(), request.body(), timestamp)) {
            throw new ApiException(ErrorCode.AUTH_SIGNATURE_FAILURE);
        }
        checkCredential(key, request.header("x-tc-token"));
        Supplier<JsonNode> params = request.method().equals("GET")
                ? () -> FormCodec.unflatten(FormCodec.decode(request.rawQuery()))
                : () -> parseJson(request.body());
        return new Call(auth.service(), request.header("host"), action, version, emptyToNull(request.header("x-tc-region")),
                Language.of(request.header("x-tc-language")), key, params, request.remoteAddress());
    }

    private Call v1(RawRequest request, Trace trace) {
        String raw = request.method().equals("GET") ? request.rawQuery()
                : new String(request.body(), StandardCharsets.UTF_8);
        Map<String, String> params = FormCodec.decode(raw);
        String action = requiredParam(params, "Action");
        String version = requiredParam(params, "Version");
        long timestamp = parseTimestamp(requiredParam(params, "Timestamp"), "Timestamp");
        String nonce = requiredParam(params, "Nonce");
        if (!Lexical.digits(nonce)) {
            throw ApiException.typeError("Nonce");
        }
        String secretId = requiredParam(params, "SecretId");
        requiredParam(params, "Signature");
        trace.action = action;
        ApiKey key = authenticate(secretId, trace);
        checkSkew(timestamp);
        String host = request.header("host");
        if (verifySignatures && !V1Verifier.verify(params, key.secretKey(), request.method(), host)) {
            throw new ApiException(ErrorCode.AUTH_SIGNATURE_FAILURE);
        }
        checkCredential(key, params.get("Token"));
        Supplier<JsonNode> apiParams = () -> {
            Map<String, String> copy = new java.util.LinkedHashMap<>(params);
            copy.keySet().removeAll(V1_COMMON);
            return FormCodec.unflatten(copy);
        };
        return new Call(null, host, action, version, emptyToNull(params.get("Region")),
                Language.of(params.get("Language")), key, apiParams, request.remoteAddress());
    }

    private Record dispatch(Call call, String requestId, Trace trace) {
        Product product = products.route(call.service(), call.host(), call.action(), call.version());
        if (!product.version().equals(call.version())) {
            throw new ApiException(ErrorCode.NO_SUCH_VERSION,
                    "The API version `" + call.version() + "` does not exist for this product.");
        }
        Action<?> action = product.actions().get(call.action());
        if (action == null) {
            throw new ApiException(ErrorCode.INVALID_ACTION);
        }
        String region = call.region();
        rateLimiter.check(call.key().account().uin(), region == null ? "" : region, product.service(), action);
        if (action.regionRequired()) {
            if (region == null) {
                throw ApiException.missingParameter("Region");
            }
            if (!product.regions().contains(region)) {
                throw new ApiException(ErrorCode.UNSUPPORTED_REGION,
                        "The region `" + region + "` is not supported by this API.");
            }
        }
        return invoke(product, action, call.params().get(), call.key(),
                new CallContext(requestId, call.key().account(), call.key().secretId(), region, call.language(),
                        clock.instant(), call.key().principal(), call.sourceIp()));
    }

    private <Q extends Record> Record invoke(Product product, Action<Q> action, JsonNode params, ApiKey key,
                                             CallContext context) {
        Q request = binder.bind(params, action.requestType());
        // After binding (CAM judges the resources the parameters name), before the action runs (a refusal changes
        // nothing). The root signer without admin switches costs one boolean test here.
        if (key.needsAuthorization()) {
            authorizer.authorize(product, action, request, context, key);
        }
        if (!action.writes()) {
            return action.execute(request, context);
        }
        // Refused writes wait too: they may have consumed a fault rule or settled a timer on the way.
        try {
            return action.execute(request, context);
        } finally {
            awaitDurable.run();
        }
    }

    private ApiKey authenticate(String secretId, Trace trace) {
        if (!Lexical.secretIdShaped(secretId)) {
            throw new ApiException(ErrorCode.AUTH_INVALID_SECRET_ID);
        }
        ApiKey key = accounts.findKey(secretId).filter(ApiKey::enabled)
                .orElseThrow(() -> new ApiException(ErrorCode.AUTH_SECRET_ID_NOT_FOUND));
        trace.uin = key.account().uin();
        return key;
    }

    /**
     * Steps 10 and 11: a temporary credential needs its token, and an expired token is refused; a token
     * sent with a permanent key is ignored. Then the credential's MFA condition.
     */
    private void checkCredential(ApiKey key, String token) {
        if (key.temporary()) {
            if (token == null || !java.security.MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    key.token().getBytes(StandardCharsets.UTF_8))) {
                throw new ApiException(ErrorCode.AUTH_TOKEN_FAILURE, "The token is missing or does not match the SecretId.");
            }
            if (!clock.instant().isBefore(key.tokenExpiresAt())) {
                throw new ApiException(ErrorCode.UNAUTHORIZED_INVALID_TOKEN, "The token has expired.");
            }
        }
        if ("FAILED".equals(key.mfa())) {
            throw new ApiException(ErrorCode.AUTH_MFA_FAILURE);
        }
    }

    private void checkSkew(long timestamp) {
        Clock signatureClock = clock instanceof ServerClock server ? server.unadvanced() : clock;
        long now = Instant.now(signatureClock).getEpochSecond();
        if (Math.abs(now - timestamp) > MAX_SKEW_SECONDS) {
            throw new ApiException(ErrorCode.AUTH_SIGNATURE_EXPIRE);
        }
    }

    private JsonNode parseJson(byte[] body) {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            // Trailing tokens ("{} {}") make the body invalid JSON (§3.1), not a first value plus ignored rest.
            JsonNode node = bodyReader.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER, "The request body must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The request body is not valid JSON.");
        }
    }

    /** The message as sent: well-formed text (it may quote the caller), and of a bounded size. */
    private static String message(ApiException e) {
        return Checks.cut(Checks.wellFormedCopy(String.valueOf(e.getMessage())), MAX_MESSAGE);
    }

    private ApiResponse error(String requestId, Trace trace, ApiException e) {
        ObjectNode response = mapper.createObjectNode();
        ObjectNode error = response.putObject("Error");
        error.put("Code", e.wireCode());
        error.put("Message", message(e));
        response.put("RequestId", requestId);
        return new ApiResponse(requestId, Envelope.of(mapper, response), trace.action, trace.uin, e.wireCode());
    }

    private static String requiredHeader(RawRequest request, String lowerName, String displayName) {
        String value = request.header(lowerName);
        if (value == null || value.isEmpty()) {
            throw ApiException.missingParameter(displayName);
        }
        return value;
    }

    private static String requiredParam(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw ApiException.missingParameter(name);
        }
        return value;
    }

    private static long parseTimestamp(String text, String name) {
        if (!Lexical.digits(text) || text.length() > 18) {
            throw ApiException.typeError(name);
        }
        return Long.parseLong(text);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** What is known of a request for the access log and metrics, filled in as the pipeline goes. */
    private static final class Trace {
        String action;
        String uin;
    }
}
