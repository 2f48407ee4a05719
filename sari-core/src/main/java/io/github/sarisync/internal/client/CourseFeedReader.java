package io.github.sarisync.internal.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseFeed;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.RejectedRecord;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a getCourses result tolerantly, streaming: straight from the parser's tokens into the model,
 * without a tree of the answer (a tree costs about ten times the answer's size). The result may be
 * one group object (as documented), an array of groups (as production answers), an empty array or
 * null. A group that is not an object, and a part that cannot be read (no id, no or an unreadable
 * date, a field of the wrong type), is rejected with its reason while the rest is kept. A group
 * keeps only its readable parts; a group left without any is not returned. A group whose name
 * cannot be read is rejected as a whole, its parts' readable ids kept as listed. A group's date is
 * null when SARI sent none or an unreadable one (its parts carry their own dates). A field given
 * twice counts with its last value, as in a tree. An answer with more than {@value #MAX_REJECTED}
 * unreadable groups and parts is refused as a whole: it is no course list, and a reason for each of
 * millions of tiny elements would take fifty times the memory of the answer itself.
 */
public final class CourseFeedReader {
    static final int MAX_REJECTED = 10_000;

    private final JsonParser p;
    private final boolean decimals;
    private final List<CourseGroup> groups = new ArrayList<>();
    private final List<RejectedRecord> rejected = new ArrayList<>();
    private final Set<Long> unreadable = new HashSet<>();
    // one slot per field, refilled for every group and part (see JsonScalar)
    private final JsonScalar groupName = new JsonScalar();
    private final JsonScalar groupDate = new JsonScalar();
    private final JsonScalar id = new JsonScalar();
    private final JsonScalar name = new JsonScalar();
    private final JsonScalar date = new JsonScalar();
    private final JsonScalar free = new JsonScalar();
    private final JsonScalar locationName = new JsonScalar();
    private final JsonScalar street = new JsonScalar();
    private final JsonScalar zip = new JsonScalar();
    private final JsonScalar city = new JsonScalar();
    private Address address = Address.ABSENT;

    private CourseFeedReader(JsonParser p, boolean decimals) {
        this.p = p;
        this.decimals = decimals;
    }

    /**
     * Reads the result value the parser stands on, leaving the parser on the value's last token.
     *
     * @param result   the parser at the first token of the result, or null when the answer has none
     * @param decimals whether floating-point numbers are read as BigDecimal (the mapper's setting)
     * @throws MalformedAnswer when the result as a whole is neither a group, a list nor null, or
     *                         when more than {@value #MAX_REJECTED} groups and parts are unreadable
     * @throws IOException     when the JSON itself is broken
     */
    public static CourseFeed read(CourseType type, JsonParser result, boolean decimals) throws IOException {
        CourseFeedReader reader = new CourseFeedReader(result, decimals);
        if (result != null) {
            reader.readList();
        }
        return new CourseFeed(type, reader.groups, reader.rejected, reader.unreadable);
    }

    private void readList() throws IOException {
        JsonToken t = p.currentToken();
        if (t == null || t == JsonToken.VALUE_NULL || t == JsonToken.VALUE_STRING && p.getText().isBlank()) {
            return;
        }
        if (t == JsonToken.START_ARRAY) {
            int position = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                position++;
                if (p.currentToken() == JsonToken.START_OBJECT) {
                    readGroup(position);
                } else {
                    p.skipChildren();
                    reject(new RejectedRecord(null, null, "group " + position + " of the answer is not an object"));
                }
            }
            return;
        }
        if (t == JsonToken.START_OBJECT) {
            readGroup(1);
            return;
        }
        p.skipChildren();
        throw new MalformedAnswer("the course list is neither a list, an object nor null");
    }

    private void readGroup(int position) throws IOException {
        groupName.clear();
        groupDate.clear();
        Parts parts = new Parts();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> groupName.set(p, decimals);
                case "date" -> groupDate.set(p, decimals);
                case "courses" -> parts = readParts(position);
                default -> p.skipChildren();
            }
        }
        String nameText;
        try {
            nameText = groupName.text("name");
        } catch (MalformedAnswer e) {
            reject(new RejectedRecord(null, null, "group " + position + ": " + e.reason()));
            // SARI still lists the group's parts: whatever is stored about them stays
            for (Object entry : parts.entries) {
                Long partId = entry instanceof Course course ? (Long) course.id() : ((Rejection) entry).id();
                if (partId != null) {
                    unreadable.add(partId);
                }
            }
            return;
        }
        LocalDateTime dateValue;
        try {
            dateValue = JsonValues.localDateTime(groupDate, "date");
        } catch (MalformedAnswer e) {
            dateValue = null;
        }
        if (parts.notAList) {
            reject(new RejectedRecord(nameText, null, "group " + position
                    + ": courses is neither a list, an object nor null"));
            return;
        }
        List<Course> courses = new ArrayList<>(parts.entries.size());
        for (Object entry : parts.entries) {
            if (entry instanceof Course course) {
                courses.add(course);
            } else {
                Rejection r = (Rejection) entry;
                reject(new RejectedRecord(nameText, r.id(), r.reason()));
            }
        }
        if (!courses.isEmpty()) {
            groups.add(new CourseGroup(nameText, dateValue, courses));
        }
    }

    /** The parts of one {@code courses} value, in order: a {@link Course} or a {@link Rejection} each. */
    private static final class Parts {
        final List<Object> entries = new ArrayList<>();
        boolean notAList;
        int rejections;
    }

    /** A part that could not be read, before its group's name is known. */
    private record Rejection(Long id, String reason) {
    }

    private Parts readParts(int position) throws IOException {
        Parts parts = new Parts();
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL || t == JsonToken.VALUE_STRING && p.getText().isBlank()) {
            return parts;
        }
        if (t == JsonToken.START_ARRAY) {
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                readPart(++index, position, parts, false);
            }
        } else if (t == JsonToken.START_OBJECT) {
            readPart(1, position, parts, true);
        } else {
            p.skipChildren();
            parts.notAList = true;
        }
        return parts;
    }

    private void readPart(int index, int position, Parts parts, boolean emptyIsNone) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            addRejection(parts, new Rejection(null, "part " + index + " of group " + position + ": not an object"));
            return;
        }
        id.clear();
        name.clear();
        date.clear();
        free.clear();
        address = Address.ABSENT;
        boolean empty = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            empty = false;
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id.set(p, decimals);
                case "name" -> name.set(p, decimals);
                case "date" -> date.set(p, decimals);
                case "freeplaces" -> free.set(p, decimals);
                case "address" -> readAddress();
                default -> p.skipChildren();
            }
        }
        if (empty && emptyIsNone) {
            return;
        }
        try {
            parts.entries.add(part());
        } catch (MalformedAnswer e) {
            Long readableId = readableId(id);
            addRejection(parts, new Rejection(readableId, (readableId != null ? "part " + readableId
                    : "part " + index + " of group " + position) + ": " + e.reason()));
        }
    }

    /**
     * Keeps a part's rejection until its group is known. Reasons are kept only up to one past the
     * cap: committing them then refuses the answer (or the group is rejected as a whole).
     */
    private void addRejection(Parts parts, Rejection rejection) {
        parts.rejections++;
        if (rejected.size() + parts.rejections <= MAX_REJECTED + 1) {
            parts.entries.add(rejection);
        }
    }

    /** The part in the slots, in the order of checks (and reasons) of the tree reader. */
    private Course part() {
        Long partId = JsonValues.whole(id, "id");
        if (partId == null) {
            throw new MalformedAnswer("has no id");
        }
        if (partId <= 0) {
            throw new MalformedAnswer("id is not positive");
        }
        String partName = name.text("name");
        LocalDateTime start = JsonValues.localDateTime(date, "date");
        if (start == null) {
            throw new MalformedAnswer("has no date");
        }
        Long places = JsonValues.whole(free, "freeplaces");
        if (places == null) {
            throw new MalformedAnswer("has no freeplaces");
        }
        if (places < Integer.MIN_VALUE || places > Integer.MAX_VALUE) {
            throw new MalformedAnswer("freeplaces is out of range");
        }
        return new Course(partId, partName, JsonValues.zurich(start), location(), places.intValue());
    }

    /** What a part's {@code address} was, its fields in the slots when an object. */
    private enum Address { ABSENT, OBJECT, NOT_AN_OBJECT }

    /** Reads the address at the parser into the slots (the last one given counts, as in a tree). */
    private void readAddress() throws IOException {
        locationName.clear();
        street.clear();
        zip.clear();
        city.clear();
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            address = Address.ABSENT;
            return;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            address = Address.NOT_AN_OBJECT;
            return;
        }
        address = Address.OBJECT;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> locationName.set(p, decimals);
                case "address" -> street.set(p, decimals);
                case "zip" -> zip.set(p, decimals);
                case "city" -> city.set(p, decimals);
                default -> p.skipChildren();
            }
        }
    }

    private CourseLocation location() {
        if (address == Address.ABSENT) {
            return null;
        }
        if (address == Address.NOT_AN_OBJECT) {
            throw new MalformedAnswer("address is not an object");
        }
        return new CourseLocation(locationName.text("name"), street.text("address"), JsonValues.zip(zip, "zip"),
                city.text("city"));
    }

    private static Long readableId(JsonScalar id) {
        try {
            Long value = JsonValues.whole(id, "id");
            return value != null && value > 0 ? value : null;
        } catch (MalformedAnswer e) {
            return null;
        }
    }

    private void reject(RejectedRecord record) {
        if (rejected.size() == MAX_REJECTED) {
            throw new MalformedAnswer("more than " + MAX_REJECTED + " groups and parts are unreadable");
        }
        rejected.add(record);
    }
}
