package io.github.sarisync.examples.cli;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.StoredCourse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code courses}: the stored course parts, filtered by tenant, type and status, ordered by start. */
@Command(name = "courses", sortOptions = false,
        description = "Lists the stored course parts (start in Swiss time), ordered by start.")
final class CoursesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tenant", paramLabel = "ID", description = "Only this tenant.")
    String tenant;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only VKU or PGS.")
    CourseType type;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only ACTIVE, COMPLETED or CANCELLED.")
    CourseStatus status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "At most N parts (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        SariSyncCli root = SariSyncCli.root(spec);
        CliEnvironment env = root.environment();
        if (limit < 1) {
            throw CliException.config("--limit must be 1 or more, was " + limit);
        }
        try (Session session = root.openSession()) {
            if (tenant != null) {
                TenantsCommand.require(session, tenant);
            }
            List<StoredCourse> courses = session.courses().findCourses(new CourseQuery(tenant, type, status, limit));
            if (courses.isEmpty()) {
                env.out().println("No courses stored" + (tenant == null && type == null && status == null
                        ? " yet: run 'sari-sync sync' first." : " that match."));
                return ExitCodes.OK;
            }
            TextTable table = TextTable.of("tenant", "type", "part>", "name", "starts", "location", "free>", "status");
            for (StoredCourse c : courses) {
                String where = c.location() == null ? "" : c.location().city();
                table.row(c.tenantId(), c.type(), c.partId(), c.name(), Formats.swiss(c.startsAt()), where,
                        c.freePlaces(), c.status());
            }
            table.print(env.out());
            env.out().println(courses.size() + (courses.size() == 1 ? " part" : " parts")
                    + (courses.size() == limit ? " shown (--limit " + limit + " reached)." : "."));
            return ExitCodes.OK;
        }
    }
}
