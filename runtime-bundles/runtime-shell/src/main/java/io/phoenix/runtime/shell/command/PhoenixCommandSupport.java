package io.phoenix.runtime.shell.command;

import io.phoenix.agent.api.AgentException;
import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.runtime.audit.AuditLog;
import io.phoenix.runtime.management.RuntimeManagement;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.ShellUtil;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * The base of the {@code phoenix:*} commands: holds the runtime services, waits for stages with a
 * bounded timeout, and turns every failure into one {@code Error: ...} line instead of a stack trace.
 * The setters let unit tests run commands without a shell.
 */
public abstract class PhoenixCommandSupport implements Action {

    /** How long to wait for a stage beyond the operation's own timeout, which the runtime enforces. */
    static final Duration WAIT_MARGIN = Duration.ofSeconds(2);

    @Reference
    AgentRuntime runtime;

    @Reference
    RuntimeManagement management;

    private PrintStream out;
    private PrintStream err;

    /**
     * Runs the command. Failures are printed as one line on the error stream.
     *
     * @return {@code null}: commands print their output
     */
    @Override
    public final Object execute() {
        try {
            run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err().println("Error: interrupted");
        } catch (Exception e) {
            err().println("Error: " + describe(e));
        }
        return null;
    }

    /**
     * The command's work.
     *
     * @throws Exception any failure, reported by {@link #execute()}
     */
    protected abstract void run() throws Exception;

    /**
     * Waits for a stage, at most {@code timeout} plus {@link #WAIT_MARGIN}.
     *
     * @param <T> the result type
     * @param stage the stage
     * @param timeout the operation's own timeout
     * @return the result
     * @throws Exception the stage's failure, or a {@link TimeoutException} if it did not complete in time
     */
    protected <T> T await(CompletionStage<T> stage, Duration timeout) throws Exception {
        long waitMillis = timeout.plus(WAIT_MARGIN).toMillis();
        try {
            return stage.toCompletableFuture().get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer from the runtime within " + waitMillis + " ms");
        }
    }

    /**
     * Starts an administrative action and writes its line to the audit trail ({@link AuditLog}) when it completes:
     * the session's user (from its JAAS subject; {@code -} for a session without one), source {@code shell}, the
     * action, its target and its outcome.
     *
     * @param <T> the result type
     * @param action what is done, e.g. {@code spawn}
     * @param target what it is done to, e.g. the agent id
     * @param operation starts the action
     * @return the action's stage
     */
    protected <T> CompletionStage<T> audited(String action, String target, Supplier<? extends CompletionStage<T>> operation) {
        return AuditLog.track(ShellUtil.getCurrentUserName(), "shell", action, target, operation);
    }

    /**
     * @return an empty table of two columns, {@code Property} and {@code Value}, for one-object views
     */
    protected static ShellTable propertyTable() {
        ShellTable table = new ShellTable();
        table.column("Property");
        table.column("Value");
        return table;
    }

    /**
     * One line describing a failure: the message and code of the {@link AgentException} behind
     * completion wrappers, the bare message of a {@link CommandException} (a failure the command words
     * for the user), or the message of anything else.
     *
     * @param failure the failure
     * @return the description
     */
    static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof AgentException agentFailure) {
            String message = agentFailure.getMessage() == null ? "failed" : agentFailure.getMessage();
            if (agentFailure instanceof io.phoenix.agent.api.AgentTimeoutException timeout) {
                return message + " (timeout, " + (timeout.delivered() ? "may have been handled" : "not handled")
                        + ")";
            }
            return message + " (" + agentFailure.code() + ")";
        }
        if (cause instanceof TimeoutException || cause instanceof IllegalArgumentException || cause instanceof CommandException) {
            return cause.getMessage();
        }
        return cause.getMessage() == null ? cause.getClass().getName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** @return the output stream: the one set for tests, else the session's {@code System.out} */
    protected PrintStream out() {
        return out != null ? out : System.out;
    }

    /** @return the error stream: the one set for tests, else the session's {@code System.err} */
    protected PrintStream err() {
        return err != null ? err : System.err;
    }

    /** @param runtime the agent runtime */
    public void setRuntime(AgentRuntime runtime) {
        this.runtime = runtime;
    }

    /** @param management the runtime management service */
    public void setManagement(RuntimeManagement management) {
        this.management = management;
    }

    /** @param out where the command prints its output */
    public void setOut(PrintStream out) {
        this.out = out;
    }

    /** @param err where the command prints its error line */
    public void setErr(PrintStream err) {
        this.err = err;
    }
}
