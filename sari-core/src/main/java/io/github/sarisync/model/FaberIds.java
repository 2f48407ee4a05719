package io.github.sarisync.model;

/**
 * Faberids (Swiss licence numbers) are strings of digits. SARI pads them to nine digits in some
 * answers and not in others, so two faberids are compared on their canonical form: dots and
 * spaces removed, leading zeros stripped.
 */
public final class FaberIds {
    private FaberIds() {
    }

    /**
     * Checks a faberid given by a user: not null or blank, only digits, dots and spaces.
     *
     * @throws IllegalArgumentException naming the problem (the value is masked in the message)
     */
    public static String requireValid(String faberId) {
        if (faberId == null || faberId.isBlank()) {
            throw new IllegalArgumentException("faberId must not be null or blank");
        }
        boolean digits = false;
        for (int i = 0; i < faberId.length(); i++) {
            char c = faberId.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c != '.' && c != ' ') {
                throw new IllegalArgumentException(
                        "faberId may contain only digits, dots and spaces (character " + (i + 1) + " is not)");
            }
        }
        if (!digits) {
            throw new IllegalArgumentException("faberId must contain at least one digit");
        }
        return faberId;
    }

    /** The canonical form: dots and spaces removed, leading zeros stripped ("0" for all zeros). */
    public static String canonical(String faberId) {
        if (faberId == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(faberId.length());
        for (int i = 0; i < faberId.length(); i++) {
            char c = faberId.charAt(i);
            if (c == '.' || c == ' ') {
                continue;
            }
            if (c == '0' && sb.length() == 0) {
                continue;
            }
            sb.append(c);
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }

    /** True when both denote the same faberid. */
    public static boolean same(String a, String b) {
        return a != null && b != null && canonical(a).equals(canonical(b));
    }

    /** A form safe for logs: all but the last three digits hidden, e.g. {@code ******567}. */
    public static String mask(String faberId) {
        if (faberId == null) {
            return "null";
        }
        String c = canonical(faberId);
        int keep = Math.min(3, Math.max(0, c.length() - 3));
        return "*".repeat(Math.max(3, c.length() - keep)) + c.substring(c.length() - keep);
    }
}
