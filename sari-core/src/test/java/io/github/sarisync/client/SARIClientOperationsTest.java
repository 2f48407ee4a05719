package io.github.sarisync.client;

import io.github.sarisync.TestClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.License;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.sarisync.client.SariStubs.ACCESS_TOKEN;
import static io.github.sarisync.client.SariStubs.API;
import static io.github.sarisync.client.SariStubs.START;
import static io.github.sarisync.client.SariStubs.ok;
import static org.assertj.core.api.Assertions.assertThat;

class SARIClientOperationsTest {
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    @RegisterExtension
    static WireMockExtension wm = SariStubs.wireMock();

    private SARIClient client;

    @BeforeEach
    void setUp() {
        TestClock clock = new TestClock(START);
        client = SariStubs.client(wm, clock, new RecordingSleeper(clock)).build();
        SariStubs.stubToken(wm);
    }

    @Test
    void versionEchoesTheTextAndSendsTheBearerToken() {
        wm.stubFor(get(urlEqualTo(API + "/version/ping")).willReturn(ok("\"ping\"")));

        assertThat(client.version("ping")).isEqualTo("ping");

        wm.verify(getRequestedFor(urlEqualTo(API + "/version/ping"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
    }

    @Test
    void versionTextIsOnePathSegmentWithSpacesAndSlashesEncoded() {
        wm.stubFor(get(urlEqualTo(API + "/version/a%20b%2Fc%3Fd%25e")).willReturn(ok("\"a b/c?d%e\"")));

        assertThat(client.version("a b/c?d%e")).isEqualTo("a b/c?d%e");
    }

    @Test
    void customerIsReadWithLicencesAndZipAsText() {
        wm.stubFor(get(urlEqualTo(API + "/customer/1234567/1990-01-31")).willReturn(ok("""
                {"faberid":"1234567","birthdate":"1990-01-31","firstname":"Anna","lastname":"Muster",
                 "address":"Bahnhofstrasse 1","zip":"8001","city":"Zürich","unknownField":true,
                 "licenses":[{"category":"B","expirationdate":"2027-05-01"},{"category":"A1","expirationdate":null}]}
                """)));

        Customer customer = client.customer("1234567", LocalDate.of(1990, 1, 31));

        assertThat(customer).isEqualTo(new Customer("1234567", LocalDate.of(1990, 1, 31), "Anna", "Muster",
                "Bahnhofstrasse 1", "8001", "Zürich",
                List.of(new License("B", LocalDate.of(2027, 5, 1)), new License("A1", null))));
    }

    @Test
    void customerFaberIdIsSentAsGivenWithDotsAndSpacesEncoded() {
        wm.stubFor(get(urlEqualTo(API + "/customer/001.234%20567/1990-01-31")).willReturn(ok("""
                {"faberid":1234567,"birthdate":"1990-01-31","zip":8001}""")));

        Customer customer = client.customer("001.234 567", LocalDate.of(1990, 1, 31));

        assertThat(customer.faberId()).isEqualTo("1234567");
        assertThat(customer.zip()).isEqualTo("8001");
        assertThat(customer.licenses()).isEmpty();
    }

    @Test
    void coursesAcceptsAnArrayOfGroupsAndReadsTimesInZurich() {
        wm.stubFor(get(urlEqualTo(API + "/courses/VKU")).willReturn(ok("""
                [{"name":"VKU März","date":"2026-03-28 00:00","courses":[
                  {"id":61,"name":"VKU Teil 1","date":"2026-03-28 18:00",
                   "address":{"name":"Fahrschule Alpha","address":"Hauptstrasse 2","zip":8400,"city":"Winterthur"},
                   "freeplaces":5},
                  {"id":62,"name":"VKU Teil 2","date":"2026-03-30 18:00",
                   "address":{"name":"Fahrschule Alpha","address":"Hauptstrasse 2","zip":"8400","city":"Winterthur"},
                   "freeplaces":0}]}]""")));

        List<CourseGroup> groups = client.courses(CourseType.VKU);

        CourseLocation alpha = new CourseLocation("Fahrschule Alpha", "Hauptstrasse 2", "8400", "Winterthur");
        assertThat(groups).containsExactly(new CourseGroup("VKU März", LocalDateTime.of(2026, 3, 28, 0, 0), List.of(
                new Course(61, "VKU Teil 1", ZonedDateTime.of(2026, 3, 28, 18, 0, 0, 0, ZURICH), alpha, 5),
                new Course(62, "VKU Teil 2", ZonedDateTime.of(2026, 3, 30, 18, 0, 0, 0, ZURICH), alpha, 0))));
        assertThat(groups.get(0).courses().get(0).startsAt().getOffset().getTotalSeconds()).isEqualTo(3600);
        assertThat(groups.get(0).courses().get(1).startsAt().getOffset().getTotalSeconds()).isEqualTo(7200);
    }

    @Test
    void courseDetailReadsMembersWithConfirmedDateOrNull() {
        wm.stubFor(get(urlEqualTo(API + "/coursedetail/61")).willReturn(ok("""
                [{"faberid":"001234567","firstname":"Anna","lastname":"Muster","birthdate":"1990-01-31","confirmed":"2026-02-01"},
                 {"faberid":"007654321","firstname":"Ben","lastname":"Beispiel","birthdate":"1991-02-28","confirmed":null},
                 {"faberid":"000000042","firstname":"Cleo","lastname":"Test","birthdate":"1992-03-01","confirmed":""}]""")));

        List<CourseMember> members = client.courseDetail(61);

        assertThat(members).containsExactly(
                new CourseMember("001234567", "Anna", "Muster", LocalDate.of(1990, 1, 31), LocalDate.of(2026, 2, 1)),
                new CourseMember("007654321", "Ben", "Beispiel", LocalDate.of(1991, 2, 28), null),
                new CourseMember("000000042", "Cleo", "Test", LocalDate.of(1992, 3, 1), null));
    }

    @Test
    void enrollPutsAFormBody() {
        wm.stubFor(put(urlEqualTo(API + "/personcourse")).willReturn(ok("[]")));

        client.enroll(61, "001234567", LocalDate.of(1990, 1, 31));

        wm.verify(putRequestedFor(urlEqualTo(API + "/personcourse"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8")
                        .or(equalTo("application/x-www-form-urlencoded")))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withRequestBody(equalTo("courseid=61&faberid=001234567&birthdate=1990-01-31")));
    }

    @Test
    void unenrollDeletesWithAFormBody() {
        wm.stubFor(delete(urlEqualTo(API + "/personcourse")).willReturn(ok("[]")));

        client.unenroll(61, "001 234 567");

        wm.verify(deleteRequestedFor(urlEqualTo(API + "/personcourse"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("courseid=61&faberid=001+234+567")));
    }

    @Test
    void authenticateFetchesATokenWithThePasswordGrantAsQueryParameters() {
        client.authenticate();

        wm.verify(getRequestedFor(urlPathEqualTo(SariStubs.TOKEN_PATH))
                .withQueryParam("client_id", equalTo(SariStubs.CLIENT_ID))
                .withQueryParam("client_secret", equalTo(SariStubs.CLIENT_SECRET))
                .withQueryParam("grant_type", equalTo("password"))
                .withQueryParam("username", equalTo(SariStubs.USERNAME))
                .withQueryParam("password", equalTo(SariStubs.PASSWORD)));
    }
}
