package io.github.sarisync.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.License;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** Reads the getVersion, getCustomer and getCourseDetail results. */
public final class ModelReaders {
    private static final Logger LOG = LoggerFactory.getLogger(ModelReaders.class);

    private ModelReaders() {
    }

    /** The echoed text. */
    public static String version(JsonNode result) {
        if (JsonValues.isAbsent(result) || result.isContainerNode()) {
            throw new MalformedAnswer("the result is not a text");
        }
        return result.asText();
    }

    /**
     * A customer; every field but the faberid may be absent.
     *
     * @throws MalformedAnswer when the result is not an object, has no faberid, or a field has the
     *                         wrong type or format
     */
    public static Customer customer(JsonNode result) {
        if (JsonValues.isAbsent(result) || !result.isObject()) {
            throw new MalformedAnswer("the result is not a customer object");
        }
        String faberId = JsonValues.text(result, "faberid");
        if (faberId == null || faberId.isBlank()) {
            throw new MalformedAnswer("the customer has no faberid");
        }
        List<License> licenses = new ArrayList<>();
        for (JsonNode l : JsonValues.list(result.get("licenses"), "licenses")) {
            if (!l.isObject()) {
                throw new MalformedAnswer("a licence is not an object");
            }
            licenses.add(new License(JsonValues.text(l, "category"), JsonValues.date(l, "expirationdate")));
        }
        return new Customer(faberId, JsonValues.date(result, "birthdate"), JsonValues.text(result, "firstname"),
                JsonValues.text(result, "lastname"), JsonValues.text(result, "address"),
                JsonValues.zip(result, "zip"), JsonValues.text(result, "city"), licenses);
    }

    /**
     * The members of a course part. A member that cannot be read (not an object, no faberid, an
     * unreadable date) is left out and counted in a WARN line; {@code confirmed} null or empty
     * means unconfirmed.
     *
     * @throws MalformedAnswer when the result is neither a list nor null
     */
    public static List<CourseMember> members(long courseId, JsonNode result) {
        List<CourseMember> members = new ArrayList<>();
        int dropped = 0;
        for (JsonNode m : JsonValues.list(result, "the member list")) {
            try {
                members.add(member(m));
            } catch (MalformedAnswer e) {
                dropped++;
                LOG.debug("getCourseDetail: a member of course {} is unreadable: {}", courseId, e.reason());
            }
        }
        if (dropped > 0) {
            LOG.warn("getCourseDetail: {} member(s) of course {} could not be read and were left out", dropped, courseId);
        }
        return members;
    }

    private static CourseMember member(JsonNode m) {
        if (!m.isObject()) {
            throw new MalformedAnswer("not an object");
        }
        String faberId = JsonValues.text(m, "faberid");
        if (faberId == null || faberId.isBlank()) {
            throw new MalformedAnswer("no faberid");
        }
        return new CourseMember(faberId, JsonValues.text(m, "firstname"), JsonValues.text(m, "lastname"),
                JsonValues.date(m, "birthdate"), JsonValues.date(m, "confirmed"));
    }
}
