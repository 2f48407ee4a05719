package io.github.sarisync.sync;

/** What SARI changed about a listed part that a host may have to tell its students. */
public enum ChangedField {
    /** The part's date or time moved. */
    STARTS_AT,
    /** The part's place (name, street, zip or city) changed. */
    LOCATION,
    /** The number of free places changed (also when registration closes: SARI then shows 0). */
    FREE_PLACES
}
