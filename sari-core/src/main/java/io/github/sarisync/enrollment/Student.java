package io.github.sarisync.enrollment;

import io.github.sarisync.model.FaberIds;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A student to register: faberid (licence number, kept as given) and birthdate, which SARI needs
 * together. {@code toString} masks the faberid and leaves out the birthdate.
 */
public record Student(String faberId, LocalDate birthdate) {
    public Student {
        FaberIds.requireValid(faberId);
        Objects.requireNonNull(birthdate, "birthdate must not be null");
    }

    public static Student of(String faberId, LocalDate birthdate) {
        return new Student(faberId, birthdate);
    }

    /** The faberid as it may appear in logs. */
    public String maskedFaberId() {
        return FaberIds.mask(faberId);
    }

    @Override
    public String toString() {
        return "Student[faberId=" + maskedFaberId() + "]";
    }
}
