package org.kindred.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;

/**
 * Reads a request's {@code id} from a frame the codec refused, so that the {@code error} reply can
 * still echo it. A single streaming pass, linear in the frame: it looks only at the top-level
 * object's fields and stops at the first valid {@code id} (an {@code id} field repeated after
 * an invalid one still counts) or at the first syntax error. Unlike the
 * codec it tolerates duplicate fields, deep nesting and long numbers (their text is skipped, never
 * converted), which is exactly what lets it get past the faults that made the codec refuse the frame.
 */
final class IdSalvage {
    private static final JsonFactory LENIENT = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(ProtocolCodec.MAX_STRING_LENGTH)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxDocumentLength(-1)
                    .build())
            .build();

    private IdSalvage() {
    }

    /**
     * The first valid top-level {@code id} of {@code frame}, else null.
     *
     * @param frame any text
     * @return a string of 1 to {@value ClientMessage#MAX_ID_LENGTH} characters, or null
     */
    static String idOf(String frame) {
        try (JsonParser p = LENIENT.createParser(frame)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            int depth = 1;
            while (depth > 0) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    return null;
                }
                switch (t) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        if (depth == 1 && "id".equals(p.currentName())) {
                            JsonToken value = p.nextToken();
                            String id = value == JsonToken.VALUE_STRING ? validId(p.getText()) : null;
                            if (id != null) {
                                return id;
                            }
                            if (value != null && value.isStructStart()) {
                                depth++;
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // the frame breaks off before any id: there is none to echo
        }
    }

    /** {@code id} when it is a valid request id (a non-null string of at most 64 characters), else null. */
    static String validId(String id) {
        return id != null && id.length() <= ClientMessage.MAX_ID_LENGTH ? id : null;
    }
}
