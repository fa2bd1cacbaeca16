package io.phoenix.runtime.audit;

import io.phoenix.agent.api.AgentException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per administrative action to the logger {@value #LOGGER}:
 *
 * <pre>user=phoenix source=rest action=spawn target=counter/c9 outcome=ok</pre>
 *
 * <p>{@code user} is who acted ({@code -} when nobody is known, e.g. a file dropped into {@code deploy/}),
 * {@code source} the face it came through ({@code shell}, {@code rest}, {@code deploy}, {@code config}),
 * {@code action} what was done, {@code target} what it was done to, and {@code outcome} {@code ok} or
 * {@code error:CODE} (an {@link AgentException#code()}, an HTTP status, or the failure's class name). A value
 * that holds anything but letters, digits and {@code . _ : / @ # - + = , >} is written in double quotes with
 * {@code "}, {@code \} and control characters escaped, so a line can always be split back into its fields.
 *
 * <p>Thread-safe; every method is static because the trail must be the same whichever bundle writes it.
 */
public final class AuditLog {

    /** The logger every audit line goes to. */
    public static final String LOGGER = "io.phoenix.audit";

    /** The outcome of an action that succeeded. */
    public static final String OK = "ok";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Pattern BARE = Pattern.compile("[\\p{L}\\p{N}._:/@#+=,>-]+");

    private AuditLog() {
    }

    /**
     * Writes one audit line.
     *
     * @param user who acted, or {@code null} when unknown
     * @param source the face the action came through, e.g. {@code shell}
     * @param action what was done, e.g. {@code spawn}
     * @param target what it was done to, or {@code null}
     * @param outcome {@link #OK} or {@code error:CODE}
     */
    public static void record(String user, String source, String action, String target, String outcome) {
        LOG.info(line(user, source, action, target, outcome));
    }

    /**
     * Runs an asynchronous action and writes its audit line when it completes: {@code ok}, or the
     * {@link #outcome(Throwable) error code} of its failure (also when {@code operation} throws at once).
     *
     * @param <T> the result type
     * @param user who acted, or {@code null}
     * @param source the face
     * @param action what is done
     * @param target what it is done to
     * @param operation starts the action
     * @return the action's stage, completing after the line is written
     */
    public static <T> CompletionStage<T> track(String user, String source, String action, String target,
                                               Supplier<? extends CompletionStage<T>> operation) {
        CompletionStage<T> stage;
        try {
            stage = operation.get();
        } catch (RuntimeException e) {
            record(user, source, action, target, outcome(e));
            throw e;
        }
        return stage.whenComplete((result, failure) -> record(user, source, action, target, outcome(failure)));
    }

    /**
     * @param failure a failure, possibly wrapped in {@link CompletionException}/{@link ExecutionException}, or
     *     {@code null}
     * @return {@link #OK} for {@code null}, {@code error:CODE} for an {@link AgentException}, else
     *     {@code error:} and the failure's simple class name
     */
    public static String outcome(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return OK;
        }
        if (cause instanceof AgentException agentFailure) {
            return "error:" + agentFailure.code();
        }
        return "error:" + cause.getClass().getSimpleName();
    }

    /** The text of an audit line (without the timestamp the log layout adds). */
    static String line(String user, String source, String action, String target, String outcome) {
        return "user=" + value(user) + " source=" + value(source) + " action=" + value(action)
                + " target=" + value(target) + " outcome=" + value(outcome);
    }

    private static String value(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        if (BARE.matcher(value).matches()) {
            return value;
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
