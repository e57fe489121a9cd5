#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace weft {

/// Where in a run a record failed.
enum class FailureStage { Fetch, Transform, Write };
QString failureStageName(FailureStage stage);
FailureStage failureStageFromName(const QString &name);

/// The life of a failed record (the platform's data states, minus "in progress").
enum class FailureStatus { Failed, Retrying, Resolved, Ignored };
QString failureStatusName(FailureStatus status);
FailureStatus failureStatusFromName(const QString &name);

/// The counters of a run; read = written + skipped + failed once a run is complete.
struct RunCounters {
    qint64 read = 0;
    qint64 written = 0;
    qint64 skipped = 0;
    qint64 failed = 0;
    qint64 pages = 0;
    bool operator==(const RunCounters &) const = default;
};

/// How a run ended.
enum class RunOutcome { Running, Succeeded, FinishedWithFailures, Aborted, Cancelled };
QString runOutcomeName(RunOutcome outcome);
RunOutcome runOutcomeFromName(const QString &name);

/// One row of the runs table.
struct RunInfo {
    QString runId;
    QString scheme;
    QString trigger; ///< "manual", "schedule", "retry", "cli"
    QDateTime startedAt;
    QDateTime finishedAt;
    RunOutcome outcome = RunOutcome::Running;
    RunCounters counters;
    QString message;
    /// Why an aborted run stopped ("auth", "config", "network", …; ConnectorError kinds).
    /// Known to the process that ran it; not stored.
    QString abortKind;
};

/// A record that failed, with everything needed to understand and retry it (architecture.md,
/// principle 9: errors are data).
struct FailedRecord {
    qint64 id = 0;            ///< row id in the state store
    QString scheme;
    QString runId;
    FailureStage stage = FailureStage::Write;
    QString recordId;
    QString recordNumber;
    QString recordName;
    QString errorCode;        ///< the system's code ("10", "MsgCode 9", "1406"), or Weft's
    QString message;
    QJsonObject sourcePayload; ///< the record as it entered the pipeline (after flattening)
    QJsonObject targetPayload; ///< what was (or would have been) sent; empty if not mapped
    int attempts = 1;
    FailureStatus status = FailureStatus::Failed;
    QDateTime createdAt;
    QDateTime updatedAt;
};

/// What to list from the failed records.
struct FailedFilter {
    QString scheme;   ///< empty: all
    QString runId;    ///< empty: all
    std::optional<FailureStage> stage;
    std::optional<FailureStatus> status; ///< empty: failed and retrying
    QString text;     ///< substring of the message, record id or number
    QStringList recordIds;
    int offset = 0;
    int limit = -1;   ///< -1: all
};

/// A record written successfully: its id, the hash of what was written, and the target's own
/// reference for it (JDY id, K3 Id/Number), if any.
struct WrittenRecord {
    QString recordId;
    QByteArray contentHash;
    QString targetRef;
    QString runId; ///< the run that wrote it (to tell duplicates within one run)
};

/// One record of a batch on its way to a target, as the in-flight journal keeps it: enough to
/// mark it written if the batch turns out to have reached the target.
struct InFlightRecord {
    QString recordId;
    QByteArray contentHash;
    /// The target's own key for the record (K3Cloud FBillNo/FNumber, JDY number), by which a
    /// target that keeps no ledger of its own is asked whether it holds the record.
    QString identity;
    QString previousTargetRef; ///< set when the write was an update of a known document
    QStringList sourceIds;     ///< the flattened source records it came from (their failures)
};

/// A batch journalled before it was handed to the target (exactly-once, docs/architecture.md
/// "Exactly once"). The journal entry goes away in the same transaction that records the
/// batch's outcome; one that is still there when a run starts belongs to a batch whose
/// outcome was never recorded (the process died, or the state store failed), and the target
/// is asked what became of it before anything is read again.
struct InFlightBatch {
    QString scheme;
    QString batchId; ///< unique in the store: "<run id>/<sequence>"
    QString runId;
    QDateTime createdAt;
    QList<InFlightRecord> records;
};

/// Everything a batch's outcome changes in the state store, recorded in one transaction.
struct BatchOutcome {
    QString scheme;
    QString batchId;                ///< its journal entry is removed; empty: none to remove
    QList<WrittenRecord> written;
    QStringList resolvedFailureIds; ///< records whose open failures the write resolved
    QString runId;                  ///< failures this run recorded itself are not resolved
    QList<FailedRecord> failures;   ///< records the target rejected
};

/// One API call's facts, aggregated per hour in the state store.
struct ApiCallSample {
    QString connection;
    QString endpoint;
    QString errorCode;   ///< empty when the call succeeded
    bool throttled = false;
    int latencyMs = 0;
    int records = 0;
    QDateTime at;
};

/// API usage of one endpoint over a period (the "API asset" overview).
struct ApiUsage {
    QString connection;
    QString endpoint;
    qint64 calls = 0;
    qint64 errors = 0;
    qint64 throttled = 0;
    qint64 records = 0;
    QList<QPair<QString, qint64>> errorsByCode; ///< most frequent first
    int p50Ms = 0;    ///< median latency (upper bound of its histogram bucket)
    int p95Ms = 0;
    double recordsPerCall() const { return calls ? double(records) / calls : 0; }
};

} // namespace weft
