package io.github.sarisync.client.hostile;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Whatever SARI answers, a call returns a usable result or throws a {@link SariException} that
 * names the operation, in bounded time; never a parser's, a date library's or the JVM's exception.
 */
class HostileAnswerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final int TRIES = 200;

    private static HostileSari sari;
    /** One client for the API calls, so that its token is reused as in real life. */
    private static SARIClient apiClient;

    @BeforeContainer
    static void startSari() {
        sari = HostileSari.start();
        apiClient = sari.client().build();
    }

    @AfterContainer
    static void stopSari() {
        sari.close();
    }

    @Property(tries = TRIES)
    void aTokenRequestGetsATokenOrASariExceptionWhateverTheAnswer(@ForAll("token") Reply answer) {
        assertResultOrSariException(Operation.TOKEN, answer);
    }

    @Property(tries = TRIES)
    void getVersionGivesTheTextOrASariExceptionWhateverTheAnswer(@ForAll("version") Reply answer) {
        assertResultOrSariException(Operation.VERSION, answer);
    }

    @Property(tries = TRIES)
    void getCustomerGivesACustomerOrASariExceptionWhateverTheAnswer(@ForAll("customer") Reply answer) {
        assertResultOrSariException(Operation.CUSTOMER, answer);
    }

    @Property(tries = TRIES)
    void getCoursesVkuGivesAFeedOrASariExceptionWhateverTheAnswer(@ForAll("coursesVku") Reply answer) {
        assertResultOrSariException(Operation.COURSES_VKU, answer);
    }

    @Property(tries = TRIES)
    void getCoursesPgsGivesGroupsOrASariExceptionWhateverTheAnswer(@ForAll("coursesPgs") Reply answer) {
        assertResultOrSariException(Operation.COURSES_PGS, answer);
    }

    @Property(tries = TRIES)
    void getCourseDetailGivesMembersOrASariExceptionWhateverTheAnswer(@ForAll("courseDetail") Reply answer) {
        assertResultOrSariException(Operation.COURSE_DETAIL, answer);
    }

    @Property(tries = TRIES)
    void enrolSucceedsOrThrowsASariExceptionWhateverTheAnswer(@ForAll("enrol") Reply answer) {
        assertResultOrSariException(Operation.ENROL, answer);
    }

    @Property(tries = TRIES)
    void unenrolSucceedsOrThrowsASariExceptionWhateverTheAnswer(@ForAll("unenrol") Reply answer) {
        assertResultOrSariException(Operation.UNENROL, answer);
    }

    @Property(tries = 50)
    void aTokenOfAnyLifetimeIsAccepted(@ForAll long expiresIn) {
        sari.answerToken(Reply.json(200, HostileSari.TOKEN.replace("3600", Long.toString(expiresIn))));
        try {
            SARIClient client = sari.client().build();
            assertTimeoutPreemptively(PATIENCE, client::authenticate);
        } finally {
            sari.answerToken(Reply.json(200, HostileSari.TOKEN));
        }
    }

    @Property(tries = TRIES)
    void aHostileTokenAnswerFailsAnApiCallAsATokenFailure(@ForAll("apiOperation") Operation op,
                                                          @ForAll("token") Reply tokenAnswer) {
        sari.answerApi(Reply.json(200, op.validAnswer()));
        sari.answerToken(tokenAnswer);
        try {
            Throwable thrown = callWithPatience(op, sari.client().build());
            if (thrown != null) {
                assertSariExceptionNaming(thrown, Operation.TOKEN);
            }
        } finally {
            sari.answerToken(Reply.json(200, HostileSari.TOKEN));
        }
    }

    private static void assertResultOrSariException(Operation op, Reply answer) {
        if (op.usesApi()) {
            sari.answerApi(answer);
        } else {
            sari.answerToken(answer);
        }
        try {
            Throwable thrown = callWithPatience(op, op.usesApi() ? apiClient : sari.client().build());
            if (thrown != null) {
                assertSariExceptionNaming(thrown, op);
            }
        } finally {
            sari.answerToken(Reply.json(200, HostileSari.TOKEN));
        }
    }

    /** Calls {@code op}; what it threw, or null. Fails when the call outlasts {@link #PATIENCE}. */
    private static Throwable callWithPatience(Operation op, SARIClient client) {
        return assertTimeoutPreemptively(PATIENCE, () -> catchThrowable(() -> op.callAndCheck(client)),
                () -> op.sariName() + " did not end within " + PATIENCE);
    }

    private static void assertSariExceptionNaming(Throwable thrown, Operation op) {
        assertThat(thrown).isExactlyInstanceOf(SariException.class);
        SariException e = (SariException) thrown;
        assertThat(e.operation()).isEqualTo(op.sariName());
        assertThat(e.getMessage()).startsWith(op.sariName())
                .doesNotContain(HostileSari.CLIENT_SECRET, HostileSari.PASSWORD);
    }

    @Provide
    Arbitrary<Reply> token() {
        return HostileReplies.to(Operation.TOKEN);
    }

    @Provide
    Arbitrary<Reply> version() {
        return HostileReplies.to(Operation.VERSION);
    }

    @Provide
    Arbitrary<Reply> customer() {
        return HostileReplies.to(Operation.CUSTOMER);
    }

    @Provide
    Arbitrary<Reply> coursesVku() {
        return HostileReplies.to(Operation.COURSES_VKU);
    }

    @Provide
    Arbitrary<Reply> coursesPgs() {
        return HostileReplies.to(Operation.COURSES_PGS);
    }

    @Provide
    Arbitrary<Reply> courseDetail() {
        return HostileReplies.to(Operation.COURSE_DETAIL);
    }

    @Provide
    Arbitrary<Reply> enrol() {
        return HostileReplies.to(Operation.ENROL);
    }

    @Provide
    Arbitrary<Reply> unenrol() {
        return HostileReplies.to(Operation.UNENROL);
    }

    @Provide
    Arbitrary<Operation> apiOperation() {
        return Arbitraries.of(Operation.class).filter(Operation::usesApi);
    }
}
