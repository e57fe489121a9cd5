#pragma once

#include "core/model/adaptermetadata.h"
#include "core/model/connection.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace weft {

/// A scheme's source or target: which connection, and the seed-format metadata block.
struct Adapter {
    QString connection;
    AdapterMetadata metadata;
    bool operator==(const Adapter &) const = default;
};

/// The kinds of processing steps between source and target (nodes on the canvas).
enum class StepType { Flatten, Filter, Lookup, Validate };
QString stepTypeName(StepType type);
std::optional<StepType> stepTypeFromName(const QString &name);
QStringList stepTypeNames();

/// One processing step. Its settings are type-specific (see docs/project-format.md):
/// flatten {"arrays": [...]}, filter {"condition": "..."}, lookup {"fields": [...]},
/// validate {"rules": [...]}.
struct Step {
    QString id;      ///< unique within the scheme; canvas layout refers to it
    StepType type = StepType::Filter;
    QString unknownType; ///< the file's "type" when unknown to this build, kept verbatim
    QString title;
    bool enabled = true;
    QJsonObject settings;
    bool operator==(const Step &) const = default;
};

/// Automatic retries of retryable failures (network, timeouts, 5xx, throttling).
/// Defaults are the platform's: 3 attempts, 60 s first interval, doubling, at most 300 s.
struct RetryPolicy {
    int attempts = 3;
    int initialDelayMs = 60000;
    double multiplier = 2.0;
    int maxDelayMs = 300000;
    bool operator==(const RetryPolicy &) const = default;
};

/// What a run does when records fail.
struct ErrorPolicy {
    /// Stop the run once this many records failed (0 = never stop, keep going).
    int maxFailedRecords = 0;
    bool operator==(const ErrorPolicy &) const = default;
};

/// When a scheme runs unattended.
struct Schedule {
    enum class Kind { Manual, Interval, Cron };
    Kind kind = Kind::Manual;
    int intervalMinutes = 0;
    QString cron;           ///< 5 fields: minute hour day-of-month month day-of-week
    QStringList after;      ///< run after these schemes succeed
    bool operator==(const Schedule &) const = default;
};
QString scheduleKindName(Schedule::Kind kind);

/// Incremental sync settings.
struct SyncSettings {
    /// LAST_SYNC_TIME of the very first run: "DAYS_AGO_30", a Unix time, or "YYYY-MM-DD
    /// HH:MM:SS" (project time zone). Empty: 30 days ago.
    QString initialSince;
    /// Seconds subtracted from LAST_SYNC_TIME so late-arriving changes are not missed.
    int overlapSeconds = 0;
    bool operator==(const SyncSettings &) const = default;
};

/// 集成方案: source adapter → steps → target adapter; the unit that runs.
struct Scheme {
    QString name;          ///< unique in the project; used by CLI --scheme and lookups
    QString title;
    QString description;
    bool enabled = true;
    Adapter source;
    QList<Step> steps;
    Adapter target;
    ErrorPolicy errorPolicy;
    RetryPolicy retry;
    std::optional<RateLimit> rateLimit; ///< overrides the source connection's limit
    SyncSettings sync;
    Schedule schedule;
    QJsonObject extra; ///< keys this version does not know, kept for round trips

    const Step *step(const QString &id) const;
    bool operator==(const Scheme &) const = default;
};

} // namespace weft
