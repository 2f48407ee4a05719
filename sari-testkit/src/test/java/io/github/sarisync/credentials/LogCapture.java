package io.github.sarisync.credentials;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Captures every log event of every logger at TRACE while open: the root logger gets a list
 * appender and every configured logger is lowered to TRACE (and restored on close), so no level
 * set in a logback configuration hides an event from the check. The root's other appenders are
 * detached meanwhile, so the test output stays small.
 */
final class LogCapture implements AutoCloseable {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, Level> previousLevels = new HashMap<>();
    private final Map<Logger, Boolean> previousAdditivity = new HashMap<>();
    private final List<Appender<ILoggingEvent>> muted = new ArrayList<>();

    LogCapture() {
        for (Logger logger : context.getLoggerList()) {
            previousLevels.put(logger, logger.getLevel());
            previousAdditivity.put(logger, logger.isAdditive());
            logger.setLevel(Level.TRACE);
            logger.setAdditive(true);
        }
        // the console would print every TRACE line of the run: mute the root's own appenders meanwhile
        root.iteratorForAppenders().forEachRemaining(muted::add);
        muted.forEach(root::detachAppender);
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
    }

    /** How many events were captured. */
    int size() {
        return appender.list.size();
    }

    /**
     * Every text an event carries, one entry per event: logger, thread, level, the formatted and
     * the raw message, each argument, MDC, markers, key-value pairs and the whole throwable chain
     * (messages, causes, suppressed).
     */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (ILoggingEvent e : List.copyOf(appender.list)) {
            StringBuilder sb = new StringBuilder();
            sb.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(" [").append(e.getThreadName())
                    .append("] ").append(e.getFormattedMessage()).append(" | raw: ").append(e.getMessage());
            if (e.getArgumentArray() != null) {
                sb.append(" | args: ").append(Arrays.deepToString(e.getArgumentArray()));
            }
            sb.append(" | mdc: ").append(e.getMDCPropertyMap());
            if (e.getMarkerList() != null) {
                sb.append(" | markers: ").append(e.getMarkerList());
            }
            if (e.getKeyValuePairs() != null) {
                sb.append(" | kv: ").append(e.getKeyValuePairs());
            }
            appendThrowable(sb, e.getThrowableProxy(), 0);
            texts.add(sb.toString());
        }
        return texts;
    }

    private static void appendThrowable(StringBuilder sb, IThrowableProxy t, int depth) {
        if (t == null || depth > 20) {
            return;
        }
        sb.append(" | thrown: ").append(t.getClassName()).append(": ").append(Objects.toString(t.getMessage()));
        appendThrowable(sb, t.getCause(), depth + 1);
        if (t.getSuppressed() != null) {
            for (IThrowableProxy s : t.getSuppressed()) {
                appendThrowable(sb, s, depth + 1);
            }
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        muted.forEach(root::addAppender);
        previousLevels.forEach(Logger::setLevel);
        previousAdditivity.forEach(Logger::setAdditive);
    }
}
