package io.github.sarisync.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's own clock, in Europe/Zurich. It follows a base clock (real time by default) plus
 * an offset that tests move with {@link #advance(Duration)} or {@link #set(Instant)}; token expiry,
 * the parts that lie in the past, registration deadlines and the per-minute counters all read it.
 * Thread-safe. Pass the same instance to the code under test as its {@link Clock} so that both
 * sides agree on the time.
 *
 * <pre>{@code
 * SimulatorClock clock = SimulatorClock.fixed(LocalDateTime.of(2026, 3, 2, 8, 0));
 * SariSimulator sari = SariSimulator.builder().clock(clock).start();
 * clock.advance(Duration.ofHours(2));   // tokens issued before now expire
 * }</pre>
 */
public final class SimulatorClock extends Clock {
    /** The zone SARI's local times are read in. */
    public static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    private final Clock base;
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    private SimulatorClock(Clock base, AtomicReference<Duration> offset, ZoneId zone) {
        this.base = base;
        this.offset = offset;
        this.zone = zone;
    }

    /** A clock that tracks real time until it is advanced or set. */
    public static SimulatorClock system() {
        return new SimulatorClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO), ZURICH);
    }

    /** A clock that stands still at {@code instant} until it is advanced or set. */
    public static SimulatorClock fixed(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return new SimulatorClock(Clock.fixed(instant, ZURICH), new AtomicReference<>(Duration.ZERO), ZURICH);
    }

    /** A clock that stands still at a Swiss local time until it is advanced or set. */
    public static SimulatorClock fixed(LocalDateTime zurichTime) {
        Objects.requireNonNull(zurichTime, "zurichTime");
        return fixed(zurichTime.atZone(ZURICH).toInstant());
    }

    /** Moves the clock forward (or backward, for a negative amount). */
    public void advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        offset.updateAndGet(o -> o.plus(amount));
    }

    /** Sets the clock to {@code instant}; it goes on from there as its base clock does. */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        offset.set(Duration.between(base.instant(), instant));
    }

    /** Sets the clock to a Swiss local time. */
    public void set(LocalDateTime zurichTime) {
        set(zurichTime.atZone(ZURICH).toInstant());
    }

    /** The current Swiss local time. */
    public LocalDateTime localNow() {
        return LocalDateTime.ofInstant(instant(), ZURICH);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new SimulatorClock(base, offset, newZone);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public String toString() {
        return "SimulatorClock[" + instant() + "]";
    }
}
