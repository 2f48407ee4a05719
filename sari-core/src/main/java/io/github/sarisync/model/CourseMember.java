package io.github.sarisync.model;

import java.time.LocalDate;

/**
 * A student registered in one course part. {@code confirmedOn} is null while the office has
 * not confirmed the registration. {@code toString} masks the faberid and leaves out names and
 * birthdate, so a member can be logged safely.
 */
public record CourseMember(String faberId, String firstName, String lastName, LocalDate birthdate,
                           LocalDate confirmedOn) {
    @Override
    public String toString() {
        return "CourseMember[faberId=" + FaberIds.mask(faberId) + ", confirmedOn=" + confirmedOn + "]";
    }
}
