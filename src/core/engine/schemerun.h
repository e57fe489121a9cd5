#pragma once

#include "core/engine/runtypes.h"
#include "core/engine/syncwindows.h"
#include "core/engine/transform.h"
#include "core/model/project.h"
#include "core/util/bloomfilter.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QThreadPool;

namespace weft {

class StateStore;

/// One run of one scheme: windows → pages → transform → idCheck → batches → state.
///
/// Drives the connectors asynchronously on the thread it lives on. Pages are fetched with
/// bounded concurrency while earlier ones are transformed and written; at most
/// `maxPendingBatches` batches wait for the target before fetching pauses, so memory stays
/// flat however many records there are. LAST_SYNC_TIME moves to a window's end only when
/// every record of the window was written, skipped or recorded as failed.
///
/// Pages are transformed (flattened, filtered, mapped) on worker threads when the scheme's
/// expressions allow it (Transform::runsOffThread), while this thread parses the next pages
/// and checks, batches and records the previous ones; their outputs are taken in the order
/// the pages arrived, so a run does the same whichever worker finishes first.
class SchemeRun final : public QObject
{
    Q_OBJECT
public:
    struct Shared {
        QNetworkAccessManager *network = nullptr;
        StateStore *state = nullptr;
        /// One limiter per connection name, shared by every scheme of the process.
        std::function<std::shared_ptr<RateLimiter>(const Connection &, const Scheme &)> limiter;
        ApiStatsCollector *stats = nullptr;
    };

    SchemeRun(const Project &project, const Scheme &scheme, const RunOptions &options,
              const Shared &shared, QObject *parent = nullptr);
    ~SchemeRun() override;

    /// Reads the source (incrementally where it can) and writes to the target.
    void start();
    /// Puts stored failed records through the current mapping and writes them.
    void startRetry(const RetryRequest &request);
    void cancel();

    const RunInfo &info() const { return m_info; }

Q_SIGNALS:
    void progress(const weft::RunProgress &progress);
    void finished(const weft::RunInfo &info);

private:
    bool setUp(QString *error);
    void warnIfUnverified(const Connection &connection) const;
    bool takeLease();
    /// Records the run as started in the state store.
    bool beginRunInState();
    /// Before anything is read: asks the target what became of the batches an earlier run
    /// journalled but never heard back about, records that, then calls `then`.
    void recoverInFlight(std::function<void()> then);
    void resolveNextInFlight(QList<InFlightBatch> batches, std::function<void()> then);
    /// Reads what the run needs from the state store (open failures; whether the scheme has
    /// written ids at all), after the recovery that may change both.
    void readRunState();
    void onPrepared();
    /// Retry mode: the stored failures asked for, through the current mapping.
    void retryStored(const RetryRequest &request);
    void nextWindow();
    void pumpFetch();
    void fetch(int page, const QString &cursor);
    void onPage(int pageNumber, PageResult result);
    void transformOnWorker(Page page, const TransformVars &vars);
    void takeTransformed();
    /// A page is being fetched or transformed: its records are not yet counted anywhere.
    bool pagesPending() const { return m_inFlight > 0 || !m_transforms.empty(); }
    void accept(const TransformOutput &output);
    void flushBatches(bool partial);
    void writeBatch(QList<TargetRecord> records, QList<QList<TransformInput>> sources,
                    QList<int> windows);
    void onBatchWritten(const QString &batchId, const QList<TargetRecord> &records,
                        const QList<QList<TransformInput>> &sources, BatchResult result);
    /// The state store refused a write (disk full, locked, connection gone): the run stops
    /// before its next target write with exit 3, the cursor where it was. What could not be
    /// stored — `unsaved` failed records, with their payloads — is written to the log (and
    /// stderr) so nothing the run learnt is lost; the next run reads those records again.
    void stateFailed(const QString &while_, const QList<FailedRecord> &unsaved = {});
    /// A write of the run's state (calls of the store), fenced by the run's lease.
    bool stateWrite(const std::function<bool()> &writes);
    /// A batch's records are no longer pending (written, failed or cancelled).
    void settle(const QList<TargetRecord> &records, const QList<int> &windows);
    void checkWindowDone();
    /// The window being read is read to the end: compares the records its pages held with
    /// the total the source reported for it, and keeps that in the quality summary. A
    /// shortfall aborts the run (false), so the cursor stays before the window.
    bool reconcileWindow();
    void commitWindows();
    void abort(const QString &message, RunOutcome outcome = RunOutcome::Aborted,
               const QString &kind = QString());
    void finish();
    void resolveCoveredFetchFailures();
    bool isLimited() const;
    static bool stopsTheRun(const ConnectorError &error);
    void abortOnWriteError(const ConnectorError &error);
    void emitProgress(bool force = false);
    /// Counts a failed record and stores it — or, with `batch`, appends it there for one
    /// storeFailures() of all a batch's failures (one state-store transaction, not one each).
    void recordFailure(FailureStage stage, const TransformInput &input,
                       const QJsonObject &targetPayload, const ConnectorError &error,
                       QList<FailedRecord> *batch = nullptr);
    void storeFailures(const QList<FailedRecord> &failures);
    /// Stops the run once errorPolicy.maxFailedRecords records failed.
    void checkFailureLimit();
    qint64 now() const;
    qint64 initialSince() const;

    Project m_project;
    Scheme m_scheme;
    RunOptions m_options;
    Shared m_shared;
    RunInfo m_info;
    QList<StepCounters> m_steps; ///< per stage of the transform, over the whole run
    /// Validate rules' outcomes and windows' reconciliation, stored when the run ends.
    QualitySummary m_quality;
    WindowReconciliation m_reading; ///< the window being read: records and total so far
    bool m_windowReconciled = false;
    bool m_retryMode = false;

    std::unique_ptr<Transform> m_transform;
    std::unique_ptr<SourceConnector> m_source;
    std::unique_ptr<TargetConnector> m_target;
    SourceTraits m_traits;
    bool m_incremental = false;
    /// Record ids of the scheme's open failures from earlier runs, read when the run starts
    /// (it holds the lease: no other run adds to them meanwhile).
    QSet<QString> m_openFailures;
    /// When the state store had no written id of the scheme as the run started: the ids this
    /// run marked written. An id it has certainly not seen needs no lookup (a first full sync
    /// then looks up nothing); a "perhaps" is looked up as usual.
    std::unique_ptr<BloomFilter> m_writtenThisRun;
    bool m_fromBeginning = false; ///< the windows start at the scheme's starting point
    bool m_idCheck = true;

    SyncWindows m_windows;
    int m_nextPage = 1;
    QString m_cursor;
    int m_pageCount = -1;
    bool m_windowExhausted = false;
    bool m_limitReached = false;
    int m_inFlight = 0;
    int m_pendingBatches = 0;
    bool m_stopping = false;
    bool m_finished = false;

    /// Ids in the buffer or in batches not yet confirmed → the content hash of that record,
    /// to catch a source that gives two different records one id within a run and to
    /// recognise the same record read twice (only these few, so memory stays flat). An id is
    /// never in two unconfirmed batches: accept() refuses or skips the second.
    QHash<QString, QByteArray> m_unconfirmedIds;
    // Records waiting for a full batch, with the inputs each came from.
    QList<TargetRecord> m_buffer;
    QList<QList<TransformInput>> m_bufferSources;
    QList<int> m_bufferWindows;

    /// Pages handed to the workers, in arrival order; a worker fills `output`.
    struct PendingTransform {
        std::optional<TransformOutput> output;
    };
    std::deque<std::shared_ptr<PendingTransform>> m_transforms;

    QTimer m_leaseRenewal;
    /// The lease this run takes: the scheme's name, or a backfill window's own.
    QString m_leaseName;
    bool m_leased = false;
    qint64 m_leaseEpoch = 0; ///< of this run's acquisition: its state writes are fenced by it
    int m_batchSequence = 0; ///< names this run's batches in the in-flight journal
    QElapsedTimer m_elapsed;
    qint64 m_lastProgressMs = -1000;
    qint64 m_lastStatsFlushMs = 0;

    /// Declared last, so destroyed first: its destructor waits for running transforms, which
    /// use m_transform and post back to this object.
    std::unique_ptr<QThreadPool> m_transformPool;
};

} // namespace weft
