package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JSON codec of the wire protocol. One {@link ObjectMapper}, configured once: unknown fields
 * ignored, nesting and size limits set, no silent coercion between JSON types. Thread-safe.
 */
public final class ProtocolCodec {
    /** Deepest JSON nesting accepted in a client frame. */
    public static final int MAX_NESTING_DEPTH = 16;
    /** Longest JSON string accepted (the frame limit is normally far smaller). */
    public static final int MAX_STRING_LENGTH = 1 << 20;
    /** Longest field name accepted. */
    public static final int MAX_NAME_LENGTH = 256;
    /** Most digits accepted in a JSON number. */
    public static final int MAX_NUMBER_LENGTH = 32;
    private static final int MAX_TYPE_ECHO = 40;
    private static final String NOT_JSON = "That message is not valid JSON.";
    private static final String TOO_BIG =
            "That message is nested too deeply or holds a number, name or string that is too long.";

    private static final ProtocolCodec SHARED = new ProtocolCodec();

    private final ObjectMapper mapper;
    private final Map<String, Class<? extends ClientMessage>> clientTypes;

    public ProtocolCodec() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // No field-name symbol table shared by every connection: names chosen by one client
                // (e.g. thousands of hash-colliding ones) must not reach state other clients' frames use.
                .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .build();
        JsonMapper json = JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        for (LogicalType t : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.Enum}) {
            json.coercionConfigFor(t)
                    .setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer || t == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, t == LogicalType.Float ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, t == LogicalType.Textual || t == LogicalType.Enum
                            ? CoercionAction.TryConvert : CoercionAction.Fail);
            if (t != LogicalType.Textual) {
                // A string of only spaces or control characters is a string too: by default Jackson reads
                // it as null where a number, boolean or enum belongs, i.e. an optional field as absent.
                json.coercionConfigFor(t).setAcceptBlankAsEmpty(Boolean.FALSE);
            }
        }
        this.mapper = json;
        this.clientTypes = typesOf(ClientMessage.class);
    }

    /** A codec shared by everyone who needs the default configuration. */
    public static ProtocolCodec shared() {
        return SHARED;
    }

    /** The configured mapper, for other JSON documents of the server (e.g. {@code /api/rooms}). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** The {@code type} names of every client request. */
    public Set<String> clientTypes() {
        return Collections.unmodifiableSet(clientTypes.keySet());
    }

    /**
     * Decodes one text frame from a client. Never throws: a frame that is not a valid request
     * yields the {@code error} to reply with ({@code bad_request} or {@code unknown_type}, with a
     * sentence a person can read), which echoes the request's {@code id} whenever a valid one
     * (a string of at most {@value ClientMessage#MAX_ID_LENGTH} characters) could be read from the
     * top level of the object, even when the rest of the frame is malformed. Time and memory are
     * linear in the frame's length; nesting, string, name and number lengths are bounded.
     *
     * @param frame the text of one WebSocket frame (any string, null is treated as empty)
     * @return the request, or the error reply
     */
    public Decoded decodeClient(String frame) {
        if (frame == null) {
            return Decoded.failed(null, ErrorCode.BAD_REQUEST, NOT_JSON);
        }
        try {
            return decodeTree(frame);
        } catch (RuntimeException | StackOverflowError e) {
            // Nothing should get here; if a decoder bug does, the client still gets a sentence.
            return Decoded.failed(IdSalvage.idOf(frame), ErrorCode.BAD_REQUEST, "That request could not be read.");
        }
    }

    private Decoded decodeTree(String frame) {
        JsonNode node;
        try {
            node = mapper.readTree(frame);
        } catch (StreamConstraintsException e) {
            return Decoded.failed(IdSalvage.idOf(frame), ErrorCode.BAD_REQUEST, TOO_BIG);
        } catch (JsonProcessingException e) {
            String sentence = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "A field appears more than once in that message." : NOT_JSON;
            return Decoded.failed(IdSalvage.idOf(frame), ErrorCode.BAD_REQUEST, sentence);
        }
        if (node == null || !node.isObject()) {
            return Decoded.failed(null, ErrorCode.BAD_REQUEST, "Each message must be a JSON object.");
        }
        JsonNode idNode = node.get("id");
        String id = IdSalvage.validId(idNode != null && idNode.isTextual() ? idNode.textValue() : null);
        if (idNode != null && !idNode.isNull() && id == null) {
            return Decoded.failed(null, ErrorCode.BAD_REQUEST,
                    "The field 'id' must be a string of at most " + ClientMessage.MAX_ID_LENGTH + " characters.");
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            return Decoded.failed(id, ErrorCode.BAD_REQUEST, "The message needs a string field 'type'.");
        }
        String type = typeNode.textValue();
        if (!clientTypes.containsKey(type)) {
            boolean plain = Fields.isIdentifier(type) && type.length() <= MAX_TYPE_ECHO;
            return Decoded.failed(id, ErrorCode.UNKNOWN_TYPE, plain
                    ? "Unknown message type '" + type + "'." : "Unknown message type.");
        }
        try {
            return Decoded.ok(mapper.treeToValue(node, ClientMessage.class));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProtocolException pe) {
                return Decoded.failed(id, pe.code(), pe.getMessage());
            }
            return Decoded.failed(id, ErrorCode.BAD_REQUEST, "The '" + type + "' request is not valid.");
        } catch (InvalidFormatException e) {
            return Decoded.failed(id, ErrorCode.BAD_REQUEST, fieldOf(e) + " has a value that is not allowed.");
        } catch (MismatchedInputException e) {
            return Decoded.failed(id, ErrorCode.BAD_REQUEST, fieldOf(e) + " has the wrong type.");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Decoded.failed(id, ErrorCode.BAD_REQUEST, "The '" + type + "' request is not valid.");
        }
    }

    /** Encodes a server message to UTF-8 JSON. */
    public byte[] encode(ServerMessage message) {
        try {
            return mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** Encodes a server message into a stream (e.g. straight into a network buffer). */
    public void encode(ServerMessage message, OutputStream out) {
        try {
            mapper.writeValue(out, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes a client request; used by clients, tests and the load generator. */
    public String encodeClient(ClientMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** Decodes a server message; used by clients, tests and the load generator. */
    public ServerMessage decodeServer(String frame) throws IOException {
        return mapper.readValue(frame, ServerMessage.class);
    }

    /** "The field 'name'" for the top-level field the error is about, or "A field" when unknown. */
    private static String fieldOf(MismatchedInputException e) {
        String name = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
        return name != null && Fields.isIdentifier(name) ? "The field '" + name + "'" : "A field";
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, Class<? extends T>> typesOf(Class<T> root) {
        Map<String, Class<? extends T>> types = new LinkedHashMap<>();
        for (JsonSubTypes.Type t : root.getAnnotation(JsonSubTypes.class).value()) {
            JsonTypeName name = t.value().getAnnotation(JsonTypeName.class);
            types.put(name.value(), (Class<? extends T>) t.value());
        }
        return types;
    }

}
