package io.github.sarisync.spi;

/** A text field of SARI's data that a store keeps in a column of limited length. */
public enum LimitedField {
    GROUP_NAME("group name"),
    COURSE_NAME("course name"),
    LOCATION_NAME("location name"),
    LOCATION_STREET("location street"),
    LOCATION_ZIP("location zip"),
    LOCATION_CITY("location city"),
    MEMBER_FABER_ID("member faberid"),
    MEMBER_FIRST_NAME("member first name"),
    MEMBER_LAST_NAME("member last name");

    private final String label;

    LimitedField(String label) {
        this.label = label;
    }

    /** The field in plain words, for a rejection reason ("course name"). */
    public String label() {
        return label;
    }
}
