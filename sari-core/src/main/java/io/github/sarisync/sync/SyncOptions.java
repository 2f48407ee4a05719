package io.github.sarisync.sync;

import io.github.sarisync.client.HostPolicy;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine syncs. Immutable; {@link #defaults()} or {@link #builder()}. Every default is
 * defined here and only here.
 */
public final class SyncOptions {
    private static final SyncOptions DEFAULTS = builder().build();

    private final int parallelism;
    private final MemberPolicy memberPolicy;
    private final Duration soonWindow;
    private final double emptyFeedThreshold;
    private final int emptyFeedMinParts;
    private final Duration defaultInterval;
    private final boolean stagger;
    private final Duration leaseDuration;
    private final Duration abandonAfter;
    private final Duration runLogRetention;
    private final String instanceId;
    private final HostPolicy hostPolicy;

    private SyncOptions(Builder b) {
        this.parallelism = b.parallelism;
        this.memberPolicy = b.memberPolicy;
        this.soonWindow = b.soonWindow;
        this.emptyFeedThreshold = b.emptyFeedThreshold;
        this.emptyFeedMinParts = b.emptyFeedMinParts;
        this.defaultInterval = b.defaultInterval;
        this.stagger = b.stagger;
        this.leaseDuration = b.leaseDuration;
        this.abandonAfter = b.abandonAfter;
        this.runLogRetention = b.runLogRetention;
        this.instanceId = b.instanceId;
        this.hostPolicy = b.hostPolicy;
    }

    public static SyncOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Tenants synced at once. Default 4. */
    public int parallelism() {
        return parallelism;
    }

    /** Which parts get a course-detail call. Default CHANGED. */
    public MemberPolicy memberPolicy() {
        return memberPolicy;
    }

    /** With CHANGED: parts starting within this window get their members synced every run. Default 48 h. */
    public Duration soonWindow() {
        return soonWindow;
    }

    /**
     * Empty-feed guard: an answer that would cancel more than this share of a tenant's stored
     * future parts of a type at once is held back (nothing cancelled, run PARTIAL). Default 0.5;
     * 1.0 turns the guard off.
     */
    public double emptyFeedThreshold() {
        return emptyFeedThreshold;
    }

    /** The guard applies only when at least this many future parts are stored. Default 3. */
    public int emptyFeedMinParts() {
        return emptyFeedMinParts;
    }

    /** A tenant's sync interval unless it has its own. Default 1 h. */
    public Duration defaultInterval() {
        return defaultInterval;
    }

    /** {@code syncDue} spreads tenants over the interval by a stable per-tenant offset. Default true. */
    public boolean stagger() {
        return stagger;
    }

    /** How long a tenant lease lasts before it must be extended; extended every third of it. Default 5 min. */
    public Duration leaseDuration() {
        return leaseDuration;
    }

    /** Runs STARTED whose heartbeat is older than this are marked ABANDONED. Default 15 min. */
    public Duration abandonAfter() {
        return abandonAfter;
    }

    /** Run-log rows older than this are purged at the start of a run; null keeps them. Default 90 days. */
    public Duration runLogRetention() {
        return runLogRetention;
    }

    /**
     * The instance's name, the prefix of each engine's lease holder id ({@code SARISyncEngine#holderId()}
     * adds a suffix per engine). Default: host name and a random suffix.
     */
    public String instanceId() {
        return instanceId;
    }

    /**
     * Where the engine sends a tenant's credentials: checked on the tenant's stored address before
     * its credentials are read, and on the built client's address; a refused tenant is FAILED with
     * error code {@code HOST_NOT_ALLOWED}. Default {@link HostPolicy#strict()} (https to the SARI
     * installations only); a simulator needs {@code HostPolicy.builder().allowLoopback().build()}.
     */
    public HostPolicy hostPolicy() {
        return hostPolicy;
    }

    public Builder toBuilder() {
        return new Builder().parallelism(parallelism).memberPolicy(memberPolicy).soonWindow(soonWindow)
                .emptyFeedThreshold(emptyFeedThreshold).emptyFeedMinParts(emptyFeedMinParts)
                .defaultInterval(defaultInterval).stagger(stagger).leaseDuration(leaseDuration)
                .abandonAfter(abandonAfter).runLogRetention(runLogRetention).instanceId(instanceId)
                .hostPolicy(hostPolicy);
    }

    @Override
    public String toString() {
        return "SyncOptions[parallelism=" + parallelism + ", memberPolicy=" + memberPolicy + ", soonWindow="
                + soonWindow + ", emptyFeedThreshold=" + emptyFeedThreshold + ", emptyFeedMinParts="
                + emptyFeedMinParts + ", defaultInterval=" + defaultInterval + ", stagger=" + stagger
                + ", leaseDuration=" + leaseDuration + ", abandonAfter=" + abandonAfter + ", runLogRetention="
                + runLogRetention + ", instanceId=" + instanceId + ", hostPolicy=" + hostPolicy + "]";
    }

    /** Builds {@link SyncOptions}; {@link #build()} names the first setting out of range. */
    public static final class Builder {
        private int parallelism = 4;
        private MemberPolicy memberPolicy = MemberPolicy.CHANGED;
        private Duration soonWindow = Duration.ofHours(48);
        private double emptyFeedThreshold = 0.5;
        private int emptyFeedMinParts = 3;
        private Duration defaultInterval = Duration.ofHours(1);
        private boolean stagger = true;
        private Duration leaseDuration = Duration.ofMinutes(5);
        private Duration abandonAfter = Duration.ofMinutes(15);
        private Duration runLogRetention = Duration.ofDays(90);
        private String instanceId = defaultInstanceId();
        private HostPolicy hostPolicy = HostPolicy.strict();

        private Builder() {
        }

        /** See {@link SyncOptions#hostPolicy()}. */
        public Builder hostPolicy(HostPolicy value) {
            this.hostPolicy = value;
            return this;
        }

        public Builder parallelism(int value) {
            this.parallelism = value;
            return this;
        }

        public Builder memberPolicy(MemberPolicy value) {
            this.memberPolicy = value;
            return this;
        }

        public Builder soonWindow(Duration value) {
            this.soonWindow = value;
            return this;
        }

        public Builder emptyFeedThreshold(double value) {
            this.emptyFeedThreshold = value;
            return this;
        }

        public Builder emptyFeedMinParts(int value) {
            this.emptyFeedMinParts = value;
            return this;
        }

        public Builder defaultInterval(Duration value) {
            this.defaultInterval = value;
            return this;
        }

        public Builder stagger(boolean value) {
            this.stagger = value;
            return this;
        }

        public Builder leaseDuration(Duration value) {
            this.leaseDuration = value;
            return this;
        }

        public Builder abandonAfter(Duration value) {
            this.abandonAfter = value;
            return this;
        }

        /** Null keeps the run log forever. */
        public Builder runLogRetention(Duration value) {
            this.runLogRetention = value;
            return this;
        }

        public Builder instanceId(String value) {
            this.instanceId = value;
            return this;
        }

        public SyncOptions build() {
            if (parallelism < 1 || parallelism > 1024) {
                throw new IllegalArgumentException("sync.parallelism must be between 1 and 1024, was " + parallelism);
            }
            Objects.requireNonNull(memberPolicy, "sync.memberPolicy must not be null");
            requirePositive(soonWindow, "sync.soonWindow");
            if (!(emptyFeedThreshold > 0.0 && emptyFeedThreshold <= 1.0)) {
                throw new IllegalArgumentException("sync.emptyFeedThreshold must be > 0 and <= 1, was "
                        + emptyFeedThreshold);
            }
            if (emptyFeedMinParts < 1) {
                throw new IllegalArgumentException("sync.emptyFeedMinParts must be >= 1, was " + emptyFeedMinParts);
            }
            requirePositive(defaultInterval, "sync.defaultInterval");
            requirePositive(leaseDuration, "sync.leaseDuration");
            requirePositive(abandonAfter, "sync.abandonAfter");
            if (runLogRetention != null) {
                requirePositive(runLogRetention, "sync.runLogRetention");
            }
            if (instanceId == null || instanceId.isBlank()) {
                throw new IllegalArgumentException("sync.instanceId must not be blank");
            }
            Objects.requireNonNull(hostPolicy, "sync.hostPolicy must not be null");
            return new SyncOptions(this);
        }

        private static void requirePositive(Duration d, String name) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be > 0, was " + d);
            }
        }

        private static String defaultInstanceId() {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException | RuntimeException e) {
                host = "sari";
            }
            return host + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
