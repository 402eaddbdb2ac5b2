package dev.switchboard.core.jobs;

import dev.switchboard.core.tenancy.LocationId;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A background job as its location sees it.
 *
 * @param done items the job completed
 * @param failed items it could not use (each listed in its errors, up to the kept limit)
 * @param total items it expects in all, when its handler knows; {@code null} otherwise
 * @param secondsRunning how long it has run in all, leaving out the time it waited in the queue
 */
public record Job(UUID id, LocationId locationId, String kind, JsonObject parameters, JobStatus status, long done,
                  long failed, Long total, JsonObject result, String error, boolean cancelRequested, String nodeId,
                  OffsetDateTime heartbeatAt, UUID createdBy, OffsetDateTime createdAt, OffsetDateTime startedAt,
                  OffsetDateTime finishedAt, double secondsRunning) {

    /** Items handled per second while it ran (done and failed alike); empty before it handled any. */
    public OptionalDouble ratePerSecond() {
        long handled = done + failed;
        return handled == 0 || secondsRunning <= 0 ? OptionalDouble.empty() : OptionalDouble.of(handled / secondsRunning);
    }

    /** Seconds until it is through at its rate so far; empty when its total or its rate is unknown, or it finished. */
    public OptionalLong secondsLeft() {
        OptionalDouble rate = ratePerSecond();
        if (status.finished() || total == null || rate.isEmpty()) {
            return OptionalLong.empty();
        }
        long left = Math.max(0, total - done - failed);
        return OptionalLong.of((long) Math.ceil(left / rate.getAsDouble()));
    }

    public Optional<UUID> creator() {
        return Optional.ofNullable(createdBy);
    }
}
