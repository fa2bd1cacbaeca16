package io.phoenix.rest.internal.resources;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class UnreadBodyFilterTest {

    @Test
    void discardsABodyUpToTheLimit() throws IOException {
        InputStream body = new ByteArrayInputStream(new byte[(int) UnreadBodyFilter.DISCARD_LIMIT_BYTES]);
        assertTrue(UnreadBodyFilter.discard(body));
        assertTrue(body.read() < 0, "the whole body was read");
    }

    @Test
    void givesUpPastTheLimit() {
        assertFalse(UnreadBodyFilter.discard(new ByteArrayInputStream(
                new byte[(int) UnreadBodyFilter.DISCARD_LIMIT_BYTES + 1])));
    }

    @Test
    void aBrokenBodyEndsTheConnection() {
        assertFalse(UnreadBodyFilter.discard(new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("client went away");
            }
        }));
    }
}
