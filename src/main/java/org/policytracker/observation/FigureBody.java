package org.policytracker.observation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a request body that is a {@link Figure}'s fields plus a few of the request's own ("period" for a
 * new value, "version" for a correction, "confirmForm" for both), so that a field added to {@code Figure} is accepted by every
 * request without being listed again. Jackson's {@code @JsonUnwrapped} would do this too, but silently
 * ignores misspelt fields; here a field that is neither the request's nor the figure's is refused with
 * the list of allowed ones, as everywhere else.
 */
abstract class FigureBody<T> extends StdDeserializer<T> {

    private final Map<String, Class<?>> own;

    /** {@code own} names the request's own fields, with their types, in pairs. */
    FigureBody(Class<T> type, Object... own) {
        super(type);
        this.own = new LinkedHashMap<>();
        for (int i = 0; i < own.length; i += 2) {
            this.own.put((String) own[i], (Class<?>) own[i + 1]);
        }
    }

    /**
     * Builds the request from its own fields (by name; absent ones are null), the figure and, when the
     * value was sent as text (what was typed: "-3,8", "24.03%"), that text, for the rules to read.
     */
    abstract T make(Map<String, Object> own, Figure figure, String typedValue);

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode tree = parser.readValueAsTree();
        if (!(tree instanceof ObjectNode body)) {
            return context.reportInputMismatch(this, "The body must be a JSON object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Class<?>> field : own.entrySet()) {
            JsonNode node = body.remove(field.getKey());
            try {
                values.put(field.getKey(), node == null || node.isNull() ? null
                        : context.readTreeAsValue(node, field.getValue()));
            } catch (JsonMappingException e) {
                e.prependPath(handledType(), field.getKey()); // so that the problem names the field
                throw e;
            } catch (JacksonException e) {
                // A value the tree cannot turn into the type at all (text where a number belongs).
                InvalidFormatException wrong = InvalidFormatException.from(parser, e.getOriginalMessage(),
                        node.asText(), field.getValue());
                wrong.prependPath(handledType(), field.getKey());
                throw wrong;
            }
        }
        JsonNode value = body.get("value");
        String typed = value != null && value.isTextual() ? value.asText() : null;
        if (typed != null) {
            body.remove("value");
        }
        try {
            return make(values, context.readTreeAsValue(body, Figure.class), typed);
        } catch (UnrecognizedPropertyException e) {
            List<Object> allowed = Stream.concat(own.keySet().stream(), Figure.FIELDS.stream()).sorted()
                    .map(Object.class::cast).toList();
            throw UnrecognizedPropertyException.from(parser, handledType(), e.getPropertyName(), allowed);
        }
    }
}
