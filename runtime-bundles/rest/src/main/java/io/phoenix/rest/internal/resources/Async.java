package io.phoenix.rest.internal.resources;

import io.phoenix.rest.internal.errors.RestException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.ws.rs.container.AsyncResponse;
import javax.ws.rs.core.Response;

/**
 * Answers a suspended request when a runtime stage completes. The answer is written on the API's own executor,
 * never on the runtime thread that completed the stage; a failure goes through the exception mappers. A guard
 * timeout answers 504 should a stage never complete.
 */
final class Async {

    private Async() {
    }

    static <T> void answer(AsyncResponse async, CompletionStage<T> stage, Function<T, Response> ok, Executor executor,
                           Duration guard) {
        async.setTimeoutHandler(response -> response.resume(new RestException(504, "timeout",
                "no answer from the runtime within " + guard.toMillis() + " ms", null)));
        async.setTimeout(guard.toMillis(), TimeUnit.MILLISECONDS);
        stage.whenCompleteAsync((value, failure) -> {
            if (failure != null) {
                async.resume(unwrap(failure));
                return;
            }
            try {
                async.resume(ok.apply(value));
            } catch (RuntimeException e) {
                async.resume(e);
            }
        }, executor);
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
