package dev.localcvm.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BatchedConsoleAppenderTest {
    private static final String EOL = System.lineSeparator();

    /** An appender whose timer does not fire during a test: what it writes is what stop() flushes. */
    private static BatchedConsoleAppender appender(LoggerContext context, int maxPendingBytes) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level %logger{24} %msg%n");
        encoder.start();
        BatchedConsoleAppender appender = new BatchedConsoleAppender();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setMaxPendingBytes(maxPendingBytes);
        appender.setFlushMillis(3_600_000);
        appender.start();
        return appender;
    }

    private static String captured(Runnable r) {
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(was);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheEncodedLinesInOrder() {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("dev.localcvm.access");
        String out = captured(() -> {
            BatchedConsoleAppender appender = appender(context, 1 << 20);
            logger.addAppender(appender);
            for (int i = 0; i < 3; i++) {
                logger.info("requestId={} n={}", "r" + i, i);
            }
            appender.stop(); // flushes what is pending
        });
        assertThat(out).isEqualTo("INFO  dev.localcvm.access requestId=r0 n=0" + EOL
                + "INFO  dev.localcvm.access requestId=r1 n=1" + EOL
                + "INFO  dev.localcvm.access requestId=r2 n=2" + EOL);
    }

    @Test
    void dropsAndCountsLinesBeyondItsBudgetRatherThanWait() {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("dev.localcvm.access");
        String out = captured(() -> {
            BatchedConsoleAppender appender = appender(context, 60);
            logger.addAppender(appender);
            for (int i = 0; i < 5; i++) {
                logger.info("line {}", i); // 33 bytes each: one fits in the budget
            }
            appender.stop();
        });
        assertThat(out).isEqualTo("(localcvm: 4 log lines dropped: the console did not keep up)" + EOL
                + "INFO  dev.localcvm.access line 0" + EOL);
    }
}
