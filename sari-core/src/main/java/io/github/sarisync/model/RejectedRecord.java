package io.github.sarisync.model;

/**
 * A record of a SARI answer that could not be read (no id, an unparseable date, ...). The rest of
 * the answer is still used; the reason ends up in the run log.
 *
 * @param groupName the name of the group it belonged to, when known
 * @param partId    the part id when it could be read, else null
 * @param reason    what was wrong, in plain words, without personal data
 */
public record RejectedRecord(String groupName, Long partId, String reason) {
}
