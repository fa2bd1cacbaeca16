package io.phoenix.cluster.internal;

import io.phoenix.agent.api.StateFormat;
import io.phoenix.runtime.spi.EncodedState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes an {@link EncodedState} as one byte array for the grid: a format tag, the schema version,
 * the type name and version that wrote it, then the state bytes. Versioned by its first byte.
 */
final class StateBytes {

    private static final byte LAYOUT = 1;

    private StateBytes() {
    }

    static byte[] encode(EncodedState state) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(state.bytes().length + 64);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeByte(LAYOUT);
            out.writeByte(state.format().ordinal());
            out.writeInt(state.schemaVersion());
            out.writeUTF(state.agentType());
            out.writeUTF(state.typeVersion());
            out.writeInt(state.bytes().length);
            out.write(state.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    static EncodedState decode(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            byte layout = in.readByte();
            if (layout != LAYOUT) {
                throw new IllegalStateException("stored state has layout " + layout + ", this node reads " + LAYOUT);
            }
            StateFormat format = StateFormat.values()[in.readByte()];
            int schema = in.readInt();
            String type = in.readUTF();
            String version = in.readUTF();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return new EncodedState(type, version, schema, format, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
