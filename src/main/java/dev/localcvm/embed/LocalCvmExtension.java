package dev.localcvm.embed;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs localcvm for a test class, or once for the whole JVM:
 *
 * <pre>{@code
 * @RegisterExtension
 * static LocalCvmExtension cvm = LocalCvmExtension.perClass(LocalCvm.builder().transitionDelay(Duration.ZERO))
 *         .resetBeforeEach();
 *
 * @Test
 * void reaps(CvmClient client, LocalCvm server) { ... }
 * }</pre>
 *
 * Test methods and constructors may take a {@link LocalCvm} and a {@link CvmClient} (of the default account, in
 * {@link #region(String)}, {@code ap-guangzhou} unless set). JUnit is an optional dependency of localcvm.
 */
public final class LocalCvmExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalCvmExtension.class);

    private final LocalCvm.Builder builder;
    private final boolean shared;
    private boolean resetBeforeEach;
    private String region = "ap-guangzhou";
    private LocalCvm server;

    private LocalCvmExtension(LocalCvm.Builder builder, boolean shared) {
        this.builder = builder;
        this.shared = shared;
    }

    /** A server for each test class that registers the extension, stopped after the class. */
    public static LocalCvmExtension perClass(LocalCvm.Builder builder) {
        return new LocalCvmExtension(builder, false);
    }

    /**
     * One server for every class that registers a shared extension, started by the first and stopped when the
     * test run ends; the first class's builder decides its settings.
     */
    public static LocalCvmExtension sharedPerJvm(LocalCvm.Builder builder) {
        return new LocalCvmExtension(builder, true);
    }

    /** Empties all resource state before each test, so that tests do not see each other's instances. */
    public LocalCvmExtension resetBeforeEach() {
        this.resetBeforeEach = true;
        return this;
    }

    /** The region of the injected {@link CvmClient}. */
    public LocalCvmExtension region(String newRegion) {
        this.region = newRegion;
        return this;
    }

    /** The running server (inside a test or a callback after {@code beforeAll}). */
    public LocalCvm get() {
        if (server == null) {
            throw new IllegalStateException("localcvm is not running: register the extension on a static field");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start(context);
        if (resetBeforeEach) {
            server.reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!shared && server != null) {
            server.close();
            server = null;
        }
    }

    private void start(ExtensionContext context) {
        if (server != null) {
            return;
        }
        server = shared
                ? context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("shared", k -> builder.start(), LocalCvm.class)
                : builder.start();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalCvm.class || type == CvmClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        start(context);
        return parameter.getParameter().getType() == LocalCvm.class ? server : server.cvmClient(region);
    }
}
