package io.github.sarisync.internal.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * One JSON value as the tolerant readers need it, taken from a tree node or from a streaming parser
 * alike, so that both read SARI's values by the same rules ({@link JsonValues}). A container
 * (object or array) is only marked as such: where a text or number is expected it is wrong.
 * Floating-point numbers are kept as a tree would keep them: a double (1e999 is infinite), or a
 * BigDecimal when the mapper reads floats as such.
 *
 * <p>Mutable on purpose: the streaming course reader keeps one per field and refills it for every
 * part, so that a list of 100,000 parts does not cost 800,000 short-lived value objects.
 */
final class JsonScalar {
    /** What a JSON value is. */
    enum Kind { ABSENT, TEXT, WHOLE, FRACTION, BOOLEAN, CONTAINER }

    private Kind kind = Kind.ABSENT;
    /** The text of a string, "true"/"false" of a boolean. */
    private String text;
    /** A whole number within the range of a long. */
    private long whole;
    /** A whole number beyond a long (BigInteger), or a fraction (Double, Float or BigDecimal). */
    private Number number;

    /** An absent value. */
    JsonScalar() {
    }

    /** The value of a tree node; null, a missing node and JSON null are absent. */
    static JsonScalar of(JsonNode v) {
        JsonScalar s = new JsonScalar();
        if (v == null || v.isMissingNode() || v.isNull()) {
            return s;
        }
        if (v.isTextual()) {
            s.kind = Kind.TEXT;
            s.text = v.textValue();
        } else if (v.isIntegralNumber()) {
            s.kind = Kind.WHOLE;
            if (v.canConvertToLong()) {
                s.whole = v.longValue();
            } else {
                s.number = v.bigIntegerValue();
            }
        } else if (v.isNumber()) {
            s.kind = Kind.FRACTION;
            s.number = v.numberValue();
        } else if (v.isBoolean()) {
            s.kind = Kind.BOOLEAN;
            s.text = v.booleanValue() ? "true" : "false";
        } else {
            s.kind = Kind.CONTAINER;
        }
        return s;
    }

    /** Back to absent. */
    JsonScalar clear() {
        kind = Kind.ABSENT;
        text = null;
        whole = 0;
        number = null;
        return this;
    }

    /**
     * Takes the value at the parser's current token; a container is skipped to its end.
     *
     * @param decimals whether floating-point numbers are read as BigDecimal (as the mapper's trees would)
     */
    JsonScalar set(JsonParser p, boolean decimals) throws IOException {
        clear();
        JsonToken t = p.currentToken();
        if (t == null || t == JsonToken.VALUE_NULL) {
            return this;
        }
        switch (t) {
            case VALUE_STRING -> {
                kind = Kind.TEXT;
                text = p.getText();
            }
            case VALUE_NUMBER_INT -> {
                kind = Kind.WHOLE;
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    number = p.getBigIntegerValue();
                } else {
                    whole = p.getLongValue();
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                kind = Kind.FRACTION;
                number = decimals && !p.isNaN() ? p.getDecimalValue() : (Number) p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                kind = Kind.BOOLEAN;
                text = t == JsonToken.VALUE_TRUE ? "true" : "false";
            }
            default -> {
                p.skipChildren();
                kind = Kind.CONTAINER;
            }
        }
        return this;
    }

    boolean isAbsent() {
        return kind == Kind.ABSENT;
    }

    /** A text; numbers and booleans as their text; null when absent. */
    String text(String field) {
        switch (kind) {
            case ABSENT:
                return null;
            case TEXT:
            case BOOLEAN:
                return text;
            case WHOLE:
                return number != null ? number.toString() : Long.toString(whole);
            case FRACTION:
                return plain(field);
            default:
                throw new MalformedAnswer(field + " is not a text");
        }
    }

    /** A whole number given as a number or a text of digits; null when absent. */
    Long whole(String field, int maxDigits) {
        try {
            switch (kind) {
                case ABSENT:
                    return null;
                case WHOLE:
                    return number instanceof BigInteger big ? big.longValueExact() : whole;
                case FRACTION:
                    return decimal().longValueExact();
                case TEXT:
                    if (!text.isBlank()) {
                        String digits = text.trim();
                        if (digits.length() > maxDigits) {
                            throw new MalformedAnswer(field + " is not a whole number");
                        }
                        return new BigDecimal(digits).longValueExact();
                    }
                    break;
                default:
                    break;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new MalformedAnswer(field + " is not a whole number");
        }
        throw new MalformedAnswer(field + " is not a whole number");
    }

    private String plain(String field) {
        BigDecimal value;
        try {
            value = decimal().stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new MalformedAnswer(field + " is not a finite number");
        }
        if (Math.abs(value.scale()) > JsonValues.MAX_PLAIN_SCALE) {
            throw new MalformedAnswer(field + " is a number out of range");
        }
        return value.toPlainString();
    }

    /** The exact value of a fraction; NumberFormatException when it is not finite. */
    private BigDecimal decimal() {
        if (number instanceof BigDecimal d) {
            return d;
        }
        // as a tree's DoubleNode and FloatNode give it
        return BigDecimal.valueOf(number.doubleValue());
    }
}
