package io.github.sarisync.client;

import io.github.sarisync.TestClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseFeed;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.RejectedRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.sarisync.client.SariStubs.API;
import static io.github.sarisync.client.SariStubs.START;
import static io.github.sarisync.client.SariStubs.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Tolerant reading of SARI's payload shapes, and malformed, non-JSON or oversized answers. */
class SARIClientAnswerReadingTest {
    private static final String VKU = API + "/courses/VKU";
    private static final String PART = """
            {"id":61,"name":"VKU Teil 1","date":"2026-04-10 18:00",
             "address":{"name":"Alpha","address":"Weg 1","zip":3000,"city":"Bern"},"freeplaces":3}""";

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    @RegisterExtension
    static WireMockExtension wm = SariStubs.wireMock();

    private SARIClient.Builder builder;
    private SARIClient client;

    @BeforeEach
    void setUp() {
        TestClock clock = new TestClock(START);
        builder = SariStubs.client(wm, clock, new RecordingSleeper(clock));
        client = builder.build();
        SariStubs.stubToken(wm);
    }

    private CourseFeed feedFor(String resultJson) {
        wm.stubFor(get(urlEqualTo(VKU)).willReturn(ok(resultJson)));
        return client.courseFeed(CourseType.VKU);
    }

    @Test
    void aSingleGroupObjectIsReadAsAListOfOne() {
        CourseFeed feed = feedFor("{\"name\":\"VKU April\",\"date\":\"2026-04-10 00:00\",\"courses\":[" + PART + "]}");

        assertThat(feed.type()).isEqualTo(CourseType.VKU);
        assertThat(feed.groups()).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("VKU April");
            assertThat(g.date()).isEqualTo(LocalDateTime.of(2026, 4, 10, 0, 0));
            assertThat(g.courses()).extracting(Course::id).containsExactly(61L);
            assertThat(g.courses().get(0).location().zip()).isEqualTo("3000");
        });
        assertThat(feed.rejected()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "null", "{}"})
    void anEmptyOrNullResultIsAnEmptyFeed(String result) {
        CourseFeed feed = feedFor(result);

        assertThat(feed.groups()).isEmpty();
        assertThat(feed.rejected()).isEmpty();
    }

    @Test
    void aMissingResultIsAnEmptyFeed() {
        wm.stubFor(get(urlEqualTo(VKU)).willReturn(okJson("{\"status\":\"OK\"}")));

        assertThat(client.courses(CourseType.VKU)).isEmpty();
    }

    @Test
    void unreadablePartsAndGroupsAreRejectedWithTheirReasonWhileTheRestIsKept() {
        CourseFeed feed = feedFor("""
                ["not a group",
                 {"name":"G1","date":"2026-04-10 00:00","courses":[
                   %s,
                   {"name":"no id","date":"2026-04-11 18:00","freeplaces":3},
                   {"id":63,"name":"bad date","date":"2026-13-45 18:00","freeplaces":3},
                   {"id":"abc","name":"bad id","date":"2026-04-11 18:00","freeplaces":3},
                   {"id":64,"name":"bad places","date":"2026-04-12 18:00","freeplaces":"many"},
                   {"id":65,"name":"no date","freeplaces":1},
                   {"id":66,"name":"bad address","date":"2026-04-12 18:00","address":"Weg 1","freeplaces":1}]},
                 {"name":"G2","courses":"oops"}]""".formatted(PART));

        assertThat(feed.groups()).singleElement().satisfies(g ->
                assertThat(g.courses()).extracting(Course::id).containsExactly(61L));
        assertThat(feed.partCount()).isEqualTo(1);
        assertThat(feed.rejected()).extracting(RejectedRecord::groupName, RejectedRecord::partId).containsExactly(
                tuple(null, null),
                tuple("G1", null),
                tuple("G1", 63L),
                tuple("G1", null),
                tuple("G1", 64L),
                tuple("G1", 65L),
                tuple("G1", 66L),
                tuple("G2", null));
        assertThat(feed.rejected()).extracting(RejectedRecord::reason).containsExactly(
                "group 1 of the answer is not an object",
                "part 2 of group 2: has no id",
                "part 63: date is not a time of the form yyyy-MM-dd HH:mm",
                "part 4 of group 2: id is not a whole number",
                "part 64: freeplaces is not a whole number",
                "part 65: has no date",
                "part 66: address is not an object",
                "group 3: courses is neither a list, an object nor null");
    }

    @Test
    void aTimeInTheSpringGapMovesForwardAndOneInTheAutumnOverlapTakesSummerTime() {
        CourseFeed feed = feedFor("""
                [{"name":"night","courses":[
                  {"id":1,"date":"2026-03-29 02:30","freeplaces":1},
                  {"id":2,"date":"2026-10-25 02:30","freeplaces":1}]}]""");

        assertThat(feed.groups().get(0).courses()).extracting(Course::startsAt).containsExactly(
                ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 0, ZURICH),
                ZonedDateTime.of(2026, 10, 25, 2, 30, 0, 0, ZURICH));
        assertThat(feed.groups().get(0).courses().get(1).startsAt().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(feed.groups().get(0).date()).isNull();
    }

    @Test
    void membersWithoutFaberIdAreLeftOutAndUnreadableDatesReadAsEmpty() {
        wm.stubFor(get(urlEqualTo(API + "/coursedetail/61")).willReturn(ok("""
                [{"faberid":"001234567","birthdate":"1990-01-31","confirmed":"2026-02-01 10:15:00"},
                 {"firstname":"no faberid","birthdate":"1990-01-31"},
                 {"faberid":"007654321","birthdate":"31.01.1990","confirmed":"yes"},
                 "not a member",
                 {"faberid":42,"birthdate":null,"confirmed":""},
                 {"faberid":"000000043","confirmed":false}]""")));

        assertThat(client.courseDetail(61)).extracting(CourseMember::faberId, CourseMember::birthdate,
                CourseMember::confirmedOn).containsExactly(
                tuple("001234567", LocalDate.of(1990, 1, 31), LocalDate.of(2026, 2, 1)),
                tuple("007654321", null, null),
                tuple("42", null, null),
                tuple("000000043", null, null));
    }

    @Test
    void anHtmlPageWithHttp200IsAMalformedResponseNamingOperationAndStatus() {
        wm.stubFor(get(urlEqualTo(VKU)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Wartung</body></html>")));

        SariException e = catchThrowableOfType(SariException.class, () -> client.courses(CourseType.VKU));

        assertThat(e.code()).isEqualTo(SariErrorCode.MALFORMED_RESPONSE);
        assertThat(e.operation()).isEqualTo("getCourses");
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.getMessage()).contains("getCourses", "HTTP 200", "not JSON");
        wm.verify(1, getRequestedFor(urlEqualTo(VKU)));
    }

    @Test
    void anHtmlServerErrorPageIsARetriedServerError() {
        wm.stubFor(get(urlEqualTo(VKU)).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        SariException e = catchThrowableOfType(SariException.class, () -> client.courses(CourseType.VKU));

        assertThat(e.code()).isEqualTo(SariErrorCode.SERVER_ERROR);
        assertThat(e.httpStatus()).isEqualTo(502);
        wm.verify(4, getRequestedFor(urlEqualTo(VKU)));
    }

    @Test
    void anHtmlClientErrorPageIsAnHttpErrorAndNotRetried() {
        wm.stubFor(get(urlEqualTo(VKU)).willReturn(aResponse().withStatus(404).withBody("<html>Not Found</html>")));

        SariException e = catchThrowableOfType(SariException.class, () -> client.courses(CourseType.VKU));

        assertThat(e.code()).isEqualTo(SariErrorCode.HTTP_ERROR);
        assertThat(e.httpStatus()).isEqualTo(404);
        wm.verify(1, getRequestedFor(urlEqualTo(VKU)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"result\":[{\"name\":\"x\",\"courses\":[", "[1,2,3]", "\"OK\"", "{\"result\":[]}",
            "{\"result\":[],\"status\":7}", "{\"result\":[],\"status\":\"OK\"} trailing", ""})
    void aTruncatedOrWrongShapedAnswerIsMalformed(String body) {
        wm.stubFor(get(urlEqualTo(VKU)).willReturn(aResponse().withStatus(200).withBody(body)));

        SariException e = catchThrowableOfType(SariException.class, () -> client.courses(CourseType.VKU));

        assertThat(e.code()).isEqualTo(SariErrorCode.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("getCourses", "HTTP 200");
    }

    @Test
    void aResultOfTheWrongTypeIsMalformed() {
        wm.stubFor(get(urlEqualTo(VKU)).willReturn(ok("\"no courses\"")));
        wm.stubFor(get(urlEqualTo(API + "/customer/1234567/1990-01-31")).willReturn(ok("[]")));
        wm.stubFor(get(urlEqualTo(API + "/coursedetail/61")).willReturn(ok("42")));
        wm.stubFor(get(urlEqualTo(API + "/version/ping")).willReturn(ok("{\"v\":1}")));

        assertThat(catchThrowableOfType(SariException.class, () -> client.courses(CourseType.VKU)).code())
                .isEqualTo(SariErrorCode.MALFORMED_RESPONSE);
        assertThat(catchThrowableOfType(SariException.class,
                () -> client.customer("1234567", LocalDate.of(1990, 1, 31))).getMessage())
                .contains("getCustomer", "not a customer object");
        assertThat(catchThrowableOfType(SariException.class, () -> client.courseDetail(61)).code())
                .isEqualTo(SariErrorCode.MALFORMED_RESPONSE);
        assertThat(catchThrowableOfType(SariException.class, () -> client.version("ping")).code())
                .isEqualTo(SariErrorCode.MALFORMED_RESPONSE);
    }

    @Test
    void aCustomerWithAnUnreadableBirthdateIsMalformedWithoutEchoingIt() {
        wm.stubFor(get(urlEqualTo(API + "/customer/1234567/1990-01-31")).willReturn(ok("""
                {"faberid":"1234567","birthdate":"31.01.1990","firstname":"Anna"}""")));

        SariException e = catchThrowableOfType(SariException.class,
                () -> client.customer("1234567", LocalDate.of(1990, 1, 31)));

        assertThat(e.code()).isEqualTo(SariErrorCode.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("birthdate").doesNotContain("31.01.1990", "Anna");
    }

    @Test
    void anAnswerLargerThanTheLimitIsRefused() {
        SARIClient small = builder.maxResponseBytes(200).build();
        wm.stubFor(get(urlEqualTo(VKU)).willReturn(ok("[" + ("{\"name\":\"x\"},".repeat(100)) + "{}]")));

        SariException e = catchThrowableOfType(SariException.class, () -> small.courses(CourseType.VKU));

        assertThat(e.code()).isEqualTo(SariErrorCode.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("getCourses", "HTTP 200", "larger than 200 bytes");
    }

    @Test
    void aChunkedAnswerLargerThanTheLimitIsRefused() {
        SARIClient small = builder.maxResponseBytes(200).build();
        wm.stubFor(get(urlEqualTo(VKU)).willReturn(ok("[" + ("{\"name\":\"x\"},".repeat(100)) + "{}]")
                .withChunkedDribbleDelay(5, 20)));

        SariException e = catchThrowableOfType(SariException.class, () -> small.courses(CourseType.VKU));

        assertThat(e.code()).isEqualTo(SariErrorCode.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("larger than 200 bytes");
    }

    @Test
    void anOversizedServerErrorPageIsStillARetriedServerError() {
        SARIClient small = builder.maxResponseBytes(200).build();
        wm.stubFor(get(urlEqualTo(VKU)).willReturn(aResponse().withStatus(503).withBody("<html>" + "x".repeat(500))));

        SariException e = catchThrowableOfType(SariException.class, () -> small.courses(CourseType.VKU));

        assertThat(e.code()).isEqualTo(SariErrorCode.SERVER_ERROR);
        assertThat(e.getMessage()).contains("HTTP 503", "larger than 200 bytes");
        wm.verify(4, getRequestedFor(urlEqualTo(VKU)));
    }
}
