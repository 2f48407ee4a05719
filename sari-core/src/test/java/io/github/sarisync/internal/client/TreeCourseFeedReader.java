package io.github.sarisync.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseFeed;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.RejectedRecord;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reader of getCourses results before the streaming {@link CourseFeedReader}, kept as the
 * reference it must agree with: it reads the answer's whole tree. Reads a getCourses result tolerantly. The result may be one group object (as documented), an
 * array of groups (as production answers), an empty array or null. A group that is not an object,
 * and a part that cannot be read (no id, no or an unreadable date, a field of the wrong type), is
 * rejected with its reason while the rest is kept. A group keeps only its readable parts; a group
 * left without any is not returned. A group's date is null when SARI sent none or an unreadable
 * one (its parts carry their own dates). An answer with more than {@value #MAX_REJECTED} unreadable
 * groups and parts is refused as a whole: it is no course list, and a reason for each of millions
 * of tiny elements would take fifty times the memory of the answer itself.
 */
public final class TreeCourseFeedReader {
    static final int MAX_REJECTED = CourseFeedReader.MAX_REJECTED;

    private TreeCourseFeedReader() {
    }

    /**
     * @throws MalformedAnswer when the result as a whole is neither a group, a list nor null, or
     *                         when more than {@value #MAX_REJECTED} groups and parts are unreadable
     */
    public static CourseFeed read(CourseType type, JsonNode result) {
        List<CourseGroup> groups = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        Set<Long> unreadable = new HashSet<>();
        List<JsonNode> nodes = JsonValues.list(result, "the course list");
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            if (!node.isObject()) {
                reject(rejected, new RejectedRecord(null, null,
                        "group " + (i + 1) + " of the answer is not an object"));
                continue;
            }
            CourseGroup group = readGroup(node, i + 1, rejected, unreadable);
            if (group != null && !group.courses().isEmpty()) {
                groups.add(group);
            }
        }
        return new CourseFeed(type, groups, rejected, unreadable);
    }

    private static CourseGroup readGroup(JsonNode node, int position, List<RejectedRecord> rejected,
                                         Set<Long> unreadable) {
        String name;
        try {
            name = JsonValues.text(node, "name");
        } catch (MalformedAnswer e) {
            reject(rejected, new RejectedRecord(null, null, "group " + position + ": " + e.reason()));
            // SARI still lists the group's parts: whatever is stored about them stays
            try {
                JsonValues.list(node.get("courses"), "courses").stream().map(TreeCourseFeedReader::readableId)
                        .filter(id -> id != null).forEach(unreadable::add);
            } catch (MalformedAnswer noParts) {
                // nothing listed that could be kept
            }
            return null;
        }
        LocalDateTime date;
        try {
            date = JsonValues.localDateTime(node, "date");
        } catch (MalformedAnswer e) {
            date = null;
        }
        List<JsonNode> partNodes;
        try {
            partNodes = JsonValues.list(node.get("courses"), "courses");
        } catch (MalformedAnswer e) {
            reject(rejected, new RejectedRecord(name, null, "group " + position + ": " + e.reason()));
            return null;
        }
        List<Course> parts = new ArrayList<>();
        for (int p = 0; p < partNodes.size(); p++) {
            JsonNode part = partNodes.get(p);
            Long id = readableId(part);
            try {
                parts.add(readPart(part));
            } catch (MalformedAnswer e) {
                String where = id != null ? "part " + id : "part " + (p + 1) + " of group " + position;
                reject(rejected, new RejectedRecord(name, id, where + ": " + e.reason()));
            }
        }
        return new CourseGroup(name, date, parts);
    }

    private static void reject(List<RejectedRecord> rejected, RejectedRecord record) {
        if (rejected.size() == MAX_REJECTED) {
            throw new MalformedAnswer("more than " + MAX_REJECTED + " groups and parts are unreadable");
        }
        rejected.add(record);
    }

    private static Course readPart(JsonNode part) {
        if (!part.isObject()) {
            throw new MalformedAnswer("not an object");
        }
        Long id = JsonValues.whole(part, "id");
        if (id == null) {
            throw new MalformedAnswer("has no id");
        }
        if (id <= 0) {
            throw new MalformedAnswer("id is not positive");
        }
        String name = JsonValues.text(part, "name");
        LocalDateTime date = JsonValues.localDateTime(part, "date");
        if (date == null) {
            throw new MalformedAnswer("has no date");
        }
        Long free = JsonValues.whole(part, "freeplaces");
        if (free == null) {
            throw new MalformedAnswer("has no freeplaces");
        }
        if (free < Integer.MIN_VALUE || free > Integer.MAX_VALUE) {
            throw new MalformedAnswer("freeplaces is out of range");
        }
        return new Course(id, name, JsonValues.zurich(date), readLocation(part.get("address")), free.intValue());
    }

    private static CourseLocation readLocation(JsonNode address) {
        if (JsonValues.isAbsent(address)) {
            return null;
        }
        if (!address.isObject()) {
            throw new MalformedAnswer("address is not an object");
        }
        return new CourseLocation(JsonValues.text(address, "name"), JsonValues.text(address, "address"),
                JsonValues.zip(address, "zip"), JsonValues.text(address, "city"));
    }

    private static Long readableId(JsonNode part) {
        if (part == null || !part.isObject()) {
            return null;
        }
        try {
            Long id = JsonValues.whole(part, "id");
            return id != null && id > 0 ? id : null;
        } catch (MalformedAnswer e) {
            return null;
        }
    }
}
