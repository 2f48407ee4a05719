package io.github.sarisync.model;

/**
 * A record of a SARI answer that could not be used (no id, an unparseable date, a text longer than
 * the store can hold, ...). The rest of the answer is still used; the reason ends up in the run log.
 * A rejected part whose id is known keeps what was stored about it: SARI still lists it.
 *
 * @param groupName the name of the group it belonged to, when known
 * @param partId    the part id when it could be read, else null
 * @param reason    what was wrong, in plain words, without personal data or the rejected value
 */
public record RejectedRecord(String groupName, Long partId, String reason) {
}
