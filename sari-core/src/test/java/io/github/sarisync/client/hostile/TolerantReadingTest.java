package io.github.sarisync.client.hostile;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseFeed;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.RejectedRecord;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A usable answer with some unreadable records is no failure: getCourses keeps every readable part
 * and rejects each unreadable one (or a whole unreadable group) with a reason; getCourseDetail keeps
 * every member with a faberid, reading unreadable names and dates as empty.
 */
class TolerantReadingTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static HostileSari sari;
    private static SARIClient client;

    @BeforeContainer
    static void startSari() {
        sari = HostileSari.start();
        client = sari.client().build();
    }

    @AfterContainer
    static void stopSari() {
        sari.close();
    }

    @Property(tries = 200)
    void getCoursesKeepsEveryReadablePartAndRejectsEachUnreadableOne(@ForAll("courseLists") FeedSpec spec) {
        sari.answerApi(Reply.json(200, Operation.envelope(spec.json())));

        CourseFeed feed = assertTimeoutPreemptively(PATIENCE, () -> client.courseFeed(CourseType.VKU));

        assertThat(feed.groups()).extracting(g -> g.courses().stream().map(Course::id).toList())
                .as("the readable parts, by group").isEqualTo(spec.keptIdsByGroup());
        assertThat(feed.groups()).extracting(g -> g.name()).isEqualTo(spec.keptGroupNames());
        assertThat(feed.rejected()).extracting(RejectedRecord::partId)
                .as("the ids of the rejected parts (null where unreadable)").isEqualTo(spec.rejectedIds());
        assertThat(feed.rejected()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
    }

    @Property(tries = 200)
    void getCourseDetailKeepsEveryMemberWithAFaberId(@ForAll("memberLists") List<MemberSpec> members) {
        sari.answerApi(Reply.json(200, Operation.envelope(HostileJson.array(members.stream()
                .map(MemberSpec::json).toList()))));

        List<CourseMember> read = assertTimeoutPreemptively(PATIENCE, () -> client.courseDetail(Operation.COURSE_ID));

        List<MemberSpec> kept = members.stream().filter(m -> m.faberId() != null).toList();
        assertThat(read).extracting(CourseMember::faberId).isEqualTo(kept.stream().map(MemberSpec::faberId).toList());
        assertThat(read).extracting(CourseMember::birthdate)
                .isEqualTo(kept.stream().map(MemberSpec::birthdate).toList());
        assertThat(read).extracting(CourseMember::confirmedOn)
                .isEqualTo(kept.stream().map(MemberSpec::confirmedOn).toList());
    }

    @Provide
    Arbitrary<FeedSpec> courseLists() {
        return Combinators.combine(CourseSpecs.group().list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(true, false))
                .as(FeedSpec::new);
    }

    @Provide
    Arbitrary<List<MemberSpec>> memberLists() {
        return MemberSpec.any().list().ofMaxSize(6);
    }

    /** A course list: its groups, sent as an array (or as a lone object when there is one group and {@code bare}). */
    record FeedSpec(List<CourseSpecs.Group> groups, boolean bare) {
        String json() {
            List<String> texts = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                texts.add(groups.get(g).json(g));
            }
            return bare && texts.size() == 1 && texts.get(0).startsWith("{") ? texts.get(0) : HostileJson.array(texts);
        }

        List<List<Long>> keptIdsByGroup() {
            List<List<Long>> kept = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                List<Long> ids = groups.get(g).keptIds(g);
                if (!ids.isEmpty()) {
                    kept.add(ids);
                }
            }
            return kept;
        }

        List<String> keptGroupNames() {
            List<String> names = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                if (!groups.get(g).keptIds(g).isEmpty()) {
                    names.add(CourseSpecs.Group.name(g));
                }
            }
            return names;
        }

        List<Long> rejectedIds() {
            List<Long> ids = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                ids.addAll(groups.get(g).rejectedIds(g));
            }
            return ids;
        }
    }

    /**
     * A member: kept (faberid non-null) with the birthdate and confirmation date the client must
     * read, or left out (faberid null).
     */
    record MemberSpec(String json, String faberId, LocalDate birthdate, LocalDate confirmedOn) {
        private static final LocalDate BORN = LocalDate.of(2001, 5, 17);
        private static final LocalDate CONFIRMED = LocalDate.of(2026, 3, 1);

        static Arbitrary<MemberSpec> any() {
            return Arbitraries.frequencyOf(
                    Tuple.of(4, kept()),
                    Tuple.of(1, Arbitraries.of("\"x\"", "1", "null", "[]", "true", "{}",
                                    "{\"faberid\":null}", "{\"faberid\":\"\"}", "{\"faberid\":\" \"}",
                                    "{\"faberid\":{}}", "{\"faberid\":[\"001234567\"]}", "{\"firstname\":\"Anna\"}")
                            .map(json -> new MemberSpec(json, null, null, null))));
        }

        private static Arbitrary<MemberSpec> kept() {
            Arbitrary<String> faberId = Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(9);
            Arbitrary<String> name = Arbitraries.of("\"Anna\"", "\"\"", "null", "42", "1e999", "{}", "[\"Anna\"]",
                    "true", "\"\\u0000\"");
            Arbitrary<Object[]> birth = Arbitraries.of(new Object[] {"\"2001-05-17\"", BORN},
                    new Object[] {"\"2001-05-17 00:00\"", BORN}, new Object[] {"null", null},
                    new Object[] {"\"17.05.2001\"", null}, new Object[] {"\"2001-02-30\"", null},
                    new Object[] {"{}", null}, new Object[] {"1e999", null}, new Object[] {"\"\"", null});
            Arbitrary<Object[]> confirmed = Arbitraries.of(new Object[] {"\"2026-03-01\"", CONFIRMED},
                    new Object[] {"null", null}, new Object[] {"\"\"", null}, new Object[] {"false", null},
                    new Object[] {"\"gestern\"", null}, new Object[] {"[]", null}, new Object[] {"true", null});
            return Combinators.combine(faberId, Arbitraries.of(true, false), name, name, birth, confirmed)
                    .as((id, asNumber, first, last, b, c) -> {
                        String idJson = asNumber && !id.startsWith("0") ? id : HostileJson.quote(id);
                        String json = "{\"faberid\":" + idJson + ",\"firstname\":" + first + ",\"lastname\":" + last
                                + ",\"birthdate\":" + b[0] + ",\"confirmed\":" + c[0] + "}";
                        return new MemberSpec(json, id, (LocalDate) b[1], (LocalDate) c[1]);
                    });
        }
    }
}
