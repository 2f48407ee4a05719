package io.github.sarisync.client.hostile;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariException;
import io.github.sarisync.model.CourseFeed;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every call of the client, with SARI's name for it, a well-formed successful answer, and what a
 * successful result must look like whatever the answer was.
 */
enum Operation {
    TOKEN("token", HostileSari.TOKEN) {
        @Override
        void callAndCheck(SARIClient client) {
            client.authenticate();
        }
    },
    VERSION("getVersion", envelope("\"hello sari\"")) {
        @Override
        void callAndCheck(SARIClient client) {
            assertThat(client.version("hello sari")).isNotNull();
        }
    },
    CUSTOMER("getCustomer", envelope("""
            {"faberid":"1234567","birthdate":"2001-05-17","firstname":"Anna","lastname":"Muster",
             "address":"Weg 1","zip":"3000","city":"Bern","licenses":[{"category":"B","expirationdate":"2030-01-01"}]}""")) {
        @Override
        void callAndCheck(SARIClient client) {
            Customer customer = client.customer(FABER_ID, BIRTHDATE);
            assertThat(customer.faberId()).isNotBlank();
            assertThat(customer.licenses()).doesNotContainNull();
        }
    },
    COURSES_VKU("getCourses", envelope(Operation.GROUPS)) {
        @Override
        void callAndCheck(SARIClient client) {
            checkFeed(client.courseFeed(CourseType.VKU), CourseType.VKU);
        }
    },
    COURSES_PGS("getCourses", envelope(Operation.GROUPS)) {
        @Override
        void callAndCheck(SARIClient client) {
            List<CourseGroup> groups = client.courses(CourseType.PGS);
            assertThat(groups).doesNotContainNull().allSatisfy(g -> assertThat(g.courses()).isNotEmpty());
        }
    },
    COURSE_DETAIL("getCourseDetail", envelope("""
            [{"faberid":"001234567","firstname":"Anna","lastname":"Muster","birthdate":"2001-05-17","confirmed":null},
             {"faberid":"007654321","firstname":"Ben","lastname":"Beispiel","birthdate":"2000-01-02",
              "confirmed":"2026-03-01"}]""")) {
        @Override
        void callAndCheck(SARIClient client) {
            List<CourseMember> members = client.courseDetail(COURSE_ID);
            assertThat(members).doesNotContainNull().allSatisfy(m -> assertThat(m.faberId()).isNotBlank());
        }
    },
    ENROL("putPersonCourse", envelope("[]")) {
        @Override
        void callAndCheck(SARIClient client) {
            client.enroll(COURSE_ID, FABER_ID, BIRTHDATE);
        }
    },
    UNENROL("deletePersonCourse", envelope("[]")) {
        @Override
        void callAndCheck(SARIClient client) {
            client.unenroll(COURSE_ID, FABER_ID);
        }
    };

    static final String GROUPS = """
            [{"name":"VKU April","date":"2026-04-10 00:00","courses":[
               {"id":61,"name":"VKU Teil 1","date":"2026-04-10 18:00",
                "address":{"name":"Alpha","address":"Weg 1","zip":3000,"city":"Bern"},"freeplaces":3},
               {"id":62,"name":"VKU Teil 2","date":"2026-04-11 18:00","address":null,"freeplaces":"0"}]}]""";
    static final String FABER_ID = "001234567";
    static final LocalDate BIRTHDATE = LocalDate.of(2001, 5, 17);
    static final long COURSE_ID = 4711;

    private final String sariName;
    private final String validAnswer;

    Operation(String sariName, String validAnswer) {
        this.sariName = sariName;
        this.validAnswer = validAnswer;
    }

    /** The operation name a {@code SariException} of this call carries. */
    String sariName() {
        return sariName;
    }

    /** A body SARI would answer this call with when all is well. */
    String validAnswer() {
        return validAnswer;
    }

    /** True for the calls that need a token first (all but {@link #TOKEN}). */
    boolean usesApi() {
        return this != TOKEN;
    }

    /** Makes the call; when it succeeds, checks that what it returned is usable. */
    abstract void callAndCheck(SARIClient client);

    /** Makes the call, which must end within {@code patience} in a {@link SariException}: returns it. */
    SariException failureWithin(Duration patience, SARIClient client) {
        SariException e = assertTimeoutPreemptively(patience, () -> catchThrowableOfType(SariException.class,
                () -> callAndCheck(client)), () -> sariName() + " did not end within " + patience);
        assertThat(e).as("the SariException of " + sariName()).isNotNull();
        return e;
    }

    static String envelope(String result) {
        return "{\"status\":\"OK\",\"result\":" + result + "}";
    }

    private static void checkFeed(CourseFeed feed, CourseType type) {
        assertThat(feed.type()).isEqualTo(type);
        assertThat(feed.groups()).doesNotContainNull().allSatisfy(g -> assertThat(g.courses()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.id()).isPositive()));
        assertThat(feed.rejected()).doesNotContainNull().allSatisfy(r -> assertThat(r.reason()).isNotBlank());
    }
}
