package io.github.sarisync.model;

/** The two kinds of course SARI offers. Their names are the path segment SARI expects. */
public enum CourseType {
    /** Verkehrskundeunterricht: traffic theory, usually four parts of about two hours. */
    VKU,
    /** Praktische Grundschulung: motorcycle basic training, days of about four hours. */
    PGS
}
