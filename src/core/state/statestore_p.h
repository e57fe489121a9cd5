#pragma once

// Helpers shared by the files that implement StateStore (statestore.cpp: connection,
// migrations, runs, cursors; statestorerecords.cpp: written ids, failed records, local store;
// statestoreops.cpp: leases, alert bookkeeping, API statistics). Not part of the API.

#include "core/state/staterecords.h"
#include "core/state/statestore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace weft {

/// RAII for StateStore's nesting transactions: rolls back unless committed.
class StateStore::Transaction
{
public:
    explicit Transaction(StateStore *store)
        : m_store(store)
        , m_began(store->beginTransaction())
    {
    }
    ~Transaction()
    {
        if (m_began && !m_done)
            m_store->rollbackTransaction();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// False when the transaction could not begin (the database is locked, gone, full): the
    /// caller writes nothing and reports the store's lastError().
    bool began() const { return m_began; }
    /// Commits (the outermost) or hands on to the outer one; false if anything failed.
    bool commit()
    {
        if (!m_began || m_done)
            return false;
        m_done = true;
        return m_store->commitTransaction();
    }
    /// Gives up: the whole transaction, also an outer one, is rolled back.
    bool fail()
    {
        if (m_began && !m_done) {
            m_done = true;
            m_store->rollbackTransaction();
        }
        return false;
    }

private:
    StateStore *m_store;
    bool m_began;
    bool m_done = false;
};

} // namespace weft

namespace weft::statestore_detail {

inline qint64 toEpoch(const QDateTime &dt)
{
    return dt.isValid() ? dt.toMSecsSinceEpoch() : 0;
}

inline QDateTime fromEpoch(const QVariant &v)
{
    const qint64 ms = v.toLongLong();
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

inline QString toJsonText(const QJsonObject &o)
{
    return o.isEmpty() ? QString()
                       : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

inline QJsonObject fromJsonText(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

inline QString placeholders(qsizetype n, const QString &one = QStringLiteral("?"))
{
    QString marks;
    marks.reserve(n * (one.size() + 1));
    for (qsizetype i = 0; i < n; ++i) {
        if (i)
            marks += u',';
        marks += one;
    }
    return marks;
}

// Bound values per statement when writing many rows at once: far under SQLite's and MySQL's
// limits, big enough that one statement does the work of hundreds.
constexpr qsizetype kChunkRows = 200;

inline RunInfo runFromQuery(const QSqlQuery &q)
{
    RunInfo r;
    r.runId = q.value(0).toString();
    r.scheme = q.value(1).toString();
    r.trigger = q.value(2).toString();
    r.startedAt = fromEpoch(q.value(3));
    r.finishedAt = fromEpoch(q.value(4));
    r.outcome = runOutcomeFromName(q.value(5).toString());
    r.counters.read = q.value(6).toLongLong();
    r.counters.written = q.value(7).toLongLong();
    r.counters.skipped = q.value(8).toLongLong();
    r.counters.failed = q.value(9).toLongLong();
    r.counters.pages = q.value(10).toLongLong();
    r.message = q.value(11).toString();
    return r;
}
inline constexpr const char *kRunColumns = "run_id, scheme, trigger_kind, started_at, finished_at, outcome, "
                                "read_count, written_count, skipped_count, failed_count, pages, "
                                "message";

} // namespace weft::statestore_detail
