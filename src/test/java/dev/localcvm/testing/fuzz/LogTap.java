package dev.localcvm.testing.fuzz;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import dev.localcvm.api.Gateway;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Catches what the gateway logs with an unexpected InternalError (it logs the RequestId with the stack
 * trace), so that failures are grouped by their cause rather than by the action that met it, and the
 * suite's output is not flooded with thousands of stack frames of one StackOverflowError.
 */
public final class LogTap extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final Pattern REQUEST_ID = Pattern.compile("requestId=(\\S+)");
    private final Map<String, String> causes = new ConcurrentHashMap<>();
    private final Logger logger;
    private final boolean wasAdditive;

    private LogTap(Logger logger) {
        this.logger = logger;
        this.wasAdditive = logger.isAdditive();
    }

    public static LogTap attach() {
        LogTap tap = new LogTap((Logger) LoggerFactory.getLogger(Gateway.class));
        tap.setContext(tap.logger.getLoggerContext());
        tap.start();
        tap.logger.addAppender(tap);
        tap.logger.setAdditive(false);
        return tap;
    }

    @Override
    protected void append(ILoggingEvent event) {
        Matcher m = REQUEST_ID.matcher(event.getFormattedMessage());
        if (m.find()) {
            causes.put(m.group(1), event.getThrowableProxy() == null ? event.getFormattedMessage()
                    : describe(event.getThrowableProxy()));
        }
    }

    /** The innermost cause and the first localcvm frame it passed through; null when nothing was logged. */
    public String take(String requestId) {
        return requestId == null ? null : causes.remove(requestId);
    }

    /**
     * {@code Exception in Class.method: message (File.java:12)}: the innermost cause at the localcvm method
     * it came through; for a StackOverflowError the method that recursed, which shows most often. Only the
     * part before the colon identifies the failure: messages and line numbers vary from case to case.
     */
    private static String describe(IThrowableProxy thrown) {
        IThrowableProxy root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Map<String, Integer> counts = new java.util.HashMap<>();
        String first = null;
        String firstLine = "";
        for (StackTraceElementProxy frame : root.getStackTraceElementProxyArray()) {
            StackTraceElement e = frame.getStackTraceElement();
            if (!e.getClassName().startsWith("dev.localcvm")) {
                continue;
            }
            String method = e.getMethodName().startsWith("lambda$") ? e.getMethodName().split("\\$")[1] : e.getMethodName();
            String name = e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "." + method;
            counts.merge(name, 1, Integer::sum);
            if (first == null) {
                first = name;
                firstLine = " (" + e.getFileName() + ":" + e.getLineNumber() + ")";
            }
        }
        String where = first;
        if (root.getClassName().equals(StackOverflowError.class.getName())) {
            where = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            firstLine = "";
        }
        String message = root.getMessage() == null ? "" : Text.shorten(root.getMessage(), 120);
        return root.getClassName() + (where == null ? "" : " in " + where) + ": " + message + firstLine;
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setAdditive(wasAdditive);
        stop();
    }
}
