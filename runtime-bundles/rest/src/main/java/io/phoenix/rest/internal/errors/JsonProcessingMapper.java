package io.phoenix.rest.internal.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import javax.ws.rs.ext.Provider;

/** Malformed or misfitting JSON in a request body: 400 {@code malformed_json} with Jackson's first line. */
@Provider
public class JsonProcessingMapper extends AbstractErrorMapper<JsonProcessingException> {

    /** @param retryAfterSeconds unused here (400 answers have no Retry-After) */
    public JsonProcessingMapper(int retryAfterSeconds) {
        super(retryAfterSeconds);
    }

    @Override
    protected int status(JsonProcessingException exception) {
        return 400;
    }

    @Override
    protected ErrorBody body(JsonProcessingException exception) {
        return ErrorBody.of("malformed_json", "malformed JSON body: " + exception.getOriginalMessage(), false);
    }
}
