package io.github.sarisync.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides every answer: routes the request to an {@link Operation}, counts it, applies fair use
 * and injected faults, checks the bearer token and lets {@link CourseRegistration} answer.
 */
final class Dispatcher {
    private static final String API = "api";
    private static final String REGISTRATION = "courseregistration";

    private final TokenStore tokens;
    private final CourseRegistration registration;
    private final SimulatorStats stats;
    private final FaultEngine faults;
    private final FairUseLimiter fairUse;
    private final SimulatorClock clock;
    private final long latencyMillis;
    private volatile CoursesForm coursesForm;

    Dispatcher(TokenStore tokens, CourseRegistration registration, SimulatorStats stats, FaultEngine faults,
               FairUseLimiter fairUse, SimulatorClock clock, long latencyMillis, CoursesForm coursesForm) {
        this.tokens = tokens;
        this.registration = registration;
        this.stats = stats;
        this.faults = faults;
        this.fairUse = fairUse;
        this.clock = clock;
        this.latencyMillis = latencyMillis;
        this.coursesForm = coursesForm;
    }

    void coursesForm(CoursesForm form) {
        this.coursesForm = form;
    }

    Answer answer(SimRequest request) {
        Operation op = route(request);
        if (op == null) {
            return Answer.text(404, "text/plain", "Not Found").delayedBy(latencyMillis);
        }
        SchoolState school = op == Operation.TOKEN ? tokens.schoolOf(tokenParams(request))
                : tokens.ownerOf(request.bearer());
        String schoolId = school == null ? null : school.id;
        long now = clock.millis();
        stats.record(op, schoolId, now);
        if (op == Operation.ENROLL || op == Operation.UNENROLL) {
            stats.recordRegistration(op, request.form().get("courseid"), request.form().get("faberid"));
        }
        if (fairUse != null && schoolId != null) {
            String retryAfter = fairUse.acquire(schoolId, now);
            if (retryAfter != null) {
                return Answer.text(429, "text/plain", "Too Many Requests").withRetryAfter(retryAfter)
                        .delayedBy(latencyMillis);
            }
        }
        Fault fault = faults.next(op, schoolId);
        if (fault != null) {
            stats.recordFault(fault.kind());
            if (fault.kind() == Fault.Kind.EXPIRED_TOKEN) {
                tokens.expire(request.bearer());
            }
        }
        Answer answer = fault == null ? null : fault.replacement();
        if (answer == null) {
            answer = normal(op, request, fault);
        }
        if (fault != null && fault.kind() == Fault.Kind.LATENCY) {
            answer = answer.delayedBy(fault.duration().toMillis());
        } else if (fault != null && fault.kind() == Fault.Kind.HANG) {
            answer = answer.hanging().delayedBy(fault.duration().toMillis());
        }
        return answer.delayedBy(latencyMillis);
    }

    private Answer normal(Operation op, SimRequest request, Fault fault) {
        if (op == Operation.TOKEN) {
            return tokens.token(tokenParams(request));
        }
        SchoolState school = tokens.authenticate(request.bearer());
        if (school == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "invalid_grant");
            body.put("error_description", "The access token provided is invalid.");
            return Answer.json(401, body);
        }
        Envelope envelope = business(op, school, request);
        if (fault != null) {
            envelope = fault.adjust(op, envelope);
        }
        return Answer.envelope(200, envelope);
    }

    private Envelope business(Operation op, SchoolState school, SimRequest request) {
        List<String> args = request.segments().subList(3, request.segments().size());
        if (args.contains(null)) {
            return Envelope.error("INVALID_PARAMETER");
        }
        return switch (op) {
            case VERSION -> args.isEmpty() ? Envelope.error("INVALID_PARAMETER")
                    : registration.version(String.join("/", args));
            case CUSTOMER -> args.size() != 2 ? Envelope.error("INVALID_PARAMETER")
                    : registration.customer(args.get(0), args.get(1));
            case COURSES -> args.size() != 1 ? Envelope.error("SECTION_NOT_FOUND")
                    : registration.courses(school, args.get(0), coursesForm);
            case COURSE_DETAIL -> args.size() != 1 ? Envelope.error("INVALID_PARAMETER")
                    : registration.courseDetail(school, args.get(0));
            case ENROLL -> registration.enroll(school, request.form());
            case UNENROLL -> registration.unenroll(school, request.form());
            case TOKEN -> throw new IllegalStateException("token requests have no envelope");
        };
    }

    /** Token parameters come in the query (SARI's GET); a form body is accepted too. */
    private static Map<String, String> tokenParams(SimRequest request) {
        if (request.query().isEmpty()) {
            return request.form();
        }
        return request.query();
    }

    private static Operation route(SimRequest request) {
        List<String> s = request.segments();
        String method = request.method();
        if (s.size() == 3 && "oauth".equals(s.get(0)) && "v2".equals(s.get(1)) && "token".equals(s.get(2))) {
            return "GET".equals(method) || "POST".equals(method) ? Operation.TOKEN : null;
        }
        if (s.size() < 3 || !API.equals(s.get(0)) || !REGISTRATION.equals(s.get(1)) || s.get(2) == null) {
            return null;
        }
        String name = s.get(2);
        if ("personcourse".equals(name) && s.size() == 3) {
            return "PUT".equals(method) ? Operation.ENROLL : "DELETE".equals(method) ? Operation.UNENROLL : null;
        }
        if (!"GET".equals(method)) {
            return null;
        }
        return switch (name) {
            case "version" -> Operation.VERSION;
            case "customer" -> Operation.CUSTOMER;
            case "courses" -> Operation.COURSES;
            case "coursedetail" -> Operation.COURSE_DETAIL;
            default -> null;
        };
    }
}
