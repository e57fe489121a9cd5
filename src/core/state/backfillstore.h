#pragma once

#include "core/connectors/connector.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace weft {

class StateStore;

/// A backfill's plan: the span [start, end] of a scheme cut into windows of `windowSeconds`.
struct BackfillPlan {
    QString scheme;
    qint64 spanStart = 0;
    qint64 spanEnd = 0;
    qint64 windowSeconds = 0;
    bool operator==(const BackfillPlan &) const = default;
};

/// One window of a plan, as the state store has it.
struct BackfillWindow {
    TimeWindow window;
    QString state; ///< "pending", "running", "done" or "failed"
    QString holder;
    qint64 epoch = 0;    ///< of the window's lease when it was claimed
    qint64 attempts = 0; ///< claims so far (a claim whose process died counts)
    qint64 records = 0;  ///< read by the run that finished it
    QString message;     ///< why it failed
    QDateTime updatedAt;
    bool leaseAlive = false; ///< its lease is held and unexpired (by the database's clock)
};

/// A window this process claimed: it holds the window's lease (`leaseName`, `epoch`).
struct BackfillClaim {
    TimeWindow window;
    QString leaseName;
    qint64 epoch = 0;
    qint64 attempt = 0;
};

/// Backfills split across processes, kept in the state store (docs/architecture.md
/// "Backfills split across workers").
///
/// Every worker computes the same windows from (span, window size) and inserts them if they
/// are missing, so whoever comes first makes the plan and the others join it. A worker
/// claims one window per transaction — a pending one, a failed one with attempts left, or a
/// running one whose lease expired — with SELECT … FOR UPDATE SKIP LOCKED on MySQL/MariaDB
/// (≥ 10.6), so claimers never wait for each other; on SQLite the database's write lock
/// serialises them. The claim takes the window's own lease (StateStore's leases, epochs and
/// fencing), and the run of the window fences its writes with it; the window is marked done
/// in the same transaction as the run's end (RunOptions::closingWrite). The scheme's cursor
/// then moves to the end of the unbroken run of done windows from the plan's start.
class BackfillStore final
{
public:
    explicit BackfillStore(StateStore *state);

    /// The schema migration's statements (statestore.cpp appends them as one version).
    static QStringList schema(bool mysql);
    /// The lease a window is claimed and run under.
    static QString leaseName(const QString &scheme, qint64 windowStart);
    /// The trigger recorded with a window's runs (names the window in the runs table).
    static QString trigger(qint64 windowStart);
    /// How many claims a window gets before it stays failed (retryFailed() resets it).
    static constexpr int kMaxAttempts = 3;

    /// Makes the plan of `plan.scheme` if it has none (or its old one is wholly done) and
    /// adds `windows`, the plan's span cut by SyncWindows::split — every worker computes the
    /// same; joins it when it is the same. A different unfinished plan is refused with
    /// `error` set.
    bool makePlan(const BackfillPlan &plan, const QList<TimeWindow> &windows, QString *error);
    std::optional<BackfillPlan> plan(const QString &scheme) const;
    QList<BackfillWindow> windows(const QString &scheme) const;
    /// Whether the scheme has a plan with windows not done: its ordinary runs (serve) wait,
    /// or they would move the cursor past the unfinished windows.
    bool inProgress(const QString &scheme) const;
    /// Drops the scheme's plan and windows (the cursor stays where it is).
    bool dropPlan(const QString &scheme);
    /// Failed windows become pending again, with their attempts cleared.
    int retryFailed(const QString &scheme);

    /// Claims the first claimable window for `holder`, taking its lease for `ttlSeconds`.
    /// std::nullopt with an empty `error` when none is claimable now.
    std::optional<BackfillClaim> claim(const QString &scheme, const QString &holder, int ttlSeconds,
                                       QString *error);
    /// Marks the window done. Meant to run inside the run's fenced closing transaction; false
    /// (the transaction rolls back) unless `holder` has it running.
    bool markDone(const QString &scheme, qint64 windowStart, const QString &holder, qint64 records);
    /// The window's run ended without finishing it: failed (counts as an attempt) or, when
    /// `failed` is false (cancelled), pending again. Only while `holder` has it running.
    bool giveBack(const QString &scheme, qint64 windowStart, const QString &holder, bool failed,
                  const QString &message);
    /// Moves the scheme's cursor to the end of the unbroken run of done windows from the
    /// plan's start, if that is later than the cursor; one transaction, serialised on the
    /// plan's row so that two workers finishing at once never both miss the other's window.
    /// The cursor afterwards (std::nullopt: none, or the store failed).
    std::optional<qint64> advanceCursor(const QString &scheme);

    QString lastError() const { return m_lastError; }
    /// Whether makePlan() failed because the scheme has a different unfinished plan.
    bool lastFailureWasConflict() const { return m_conflict; }

private:
    StateStore *m_state;
    bool m_conflict = false;
    mutable QString m_lastError;
};

} // namespace weft
