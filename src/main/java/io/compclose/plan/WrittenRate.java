package io.compclose.plan;

import java.math.BigDecimal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A component's flat {@code rate} as written: a number, or {@code from_target} for the rate that pays the
 * target incentive at quota (target incentive × weight ÷ quota), {@code value} then null.
 */
@JsonDeserialize(using = WrittenRate.Reader.class)
record WrittenRate(BigDecimal value) {

    static final String FROM_TARGET = "from_target";

    boolean fromTarget() {
        return value == null;
    }

    /** {@code from_target}, or whatever a number field reads (its refusals included, at the same field). */
    static final class Reader extends ValueDeserializer<WrittenRate> {

        @Override
        public WrittenRate deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_STRING
                    && parser.getString().trim().equalsIgnoreCase(FROM_TARGET)) {
                return new WrittenRate(null);
            }
            BigDecimal number = context.readValue(parser, BigDecimal.class);
            return number == null ? null : new WrittenRate(number);
        }
    }
}
