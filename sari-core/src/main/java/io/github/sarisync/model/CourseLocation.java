package io.github.sarisync.model;

/**
 * Where a course part takes place. {@code zip} is always a string, although SARI sends it
 * as a number in course lists.
 */
public record CourseLocation(String name, String street, String zip, String city) {
}
