package io.github.sarisync.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sarisync.model.CourseDetail;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.License;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
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
     * The members of a course part. Only the faberid is essential: a member that is not an object
     * or has no faberid is left out; an unreadable name, birthdate or confirmation date is read as
     * null (leaving a member out would look as if they had left the course). Both are counted in one
     * WARN line without personal data. {@code confirmed} null, empty or {@code false} means
     * unconfirmed.
     *
     * @throws MalformedAnswer when the result is neither a list nor null
     */
    public static List<CourseMember> members(long courseId, JsonNode result) {
        return detail(courseId, result).members();
    }

    /** The members of a course part and the number of member records left out; see {@link #members}. */
    public static CourseDetail detail(long courseId, JsonNode result) {
        List<CourseMember> members = new ArrayList<>();
        int dropped = 0;
        int[] unreadableFields = {0};
        for (JsonNode m : JsonValues.list(result, "the member list")) {
            try {
                members.add(member(m, unreadableFields));
            } catch (MalformedAnswer e) {
                dropped++;
                LOG.debug("getCourseDetail: a member of course {} is unreadable: {}", courseId, e.reason());
            }
        }
        if (dropped > 0 || unreadableFields[0] > 0) {
            LOG.warn("getCourseDetail: course {}: {} member(s) left out (not an object or no faberid), {} name(s) or "
                    + "date(s) unreadable and read as empty", courseId, dropped, unreadableFields[0]);
        }
        return new CourseDetail(courseId, members, dropped);
    }

    private static CourseMember member(JsonNode m, int[] unreadableFields) {
        if (!m.isObject()) {
            throw new MalformedAnswer("not an object");
        }
        String faberId = JsonValues.text(m, "faberid");
        if (faberId == null || faberId.isBlank()) {
            throw new MalformedAnswer("no faberid");
        }
        JsonNode confirmed = m.get("confirmed");
        boolean unconfirmed = confirmed != null && confirmed.isBoolean() && !confirmed.booleanValue();
        return new CourseMember(faberId, lenientText(m, "firstname", unreadableFields),
                lenientText(m, "lastname", unreadableFields), lenientDate(m, "birthdate", unreadableFields),
                unconfirmed ? null : lenientDate(m, "confirmed", unreadableFields));
    }

    private static String lenientText(JsonNode parent, String field, int[] unreadable) {
        try {
            return JsonValues.text(parent, field);
        } catch (MalformedAnswer e) {
            unreadable[0]++;
            return null;
        }
    }

    private static LocalDate lenientDate(JsonNode parent, String field, int[] unreadable) {
        try {
            return JsonValues.date(parent, field);
        } catch (MalformedAnswer e) {
            unreadable[0]++;
            return null;
        }
    }
}
