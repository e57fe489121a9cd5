#pragma once

#include "core/expr/exprerror.h"
#include "core/expr/recordview.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace weft::expr {

class LookupProvider;
class ValueMaps;

/// Everything an evaluation reads besides the expression: the record, the current detail row,
/// system variables, the time zone, "now", lookups and value maps.
///
/// Records are referenced, not copied: they must outlive the evaluations that use them.
/// A context is cheap to copy (the runner keeps one per run and copies it per record);
/// one context must not be used by two threads at once.
class EvalContext
{
public:
    EvalContext();
    explicit EvalContext(const QJsonObject &record);
    // A temporary record would dangle: keep the record alive and pass it by name.
    explicit EvalContext(QJsonObject &&) = delete;

    void setRecord(const QJsonObject &record)
    {
        m_record = &record;
        m_element = nullptr;
    }
    void setRecord(QJsonObject &&) = delete;
    /// A record with a beatFlat element seen through it, or read from a tape (RecordView).
    void setRecord(const RecordView &view)
    {
        m_record = &view.object;
        m_element = view.hasElement() || view.isTape() ? &view : nullptr;
    }
    void setRecord(RecordView &&) = delete;
    /// The record's object (a view's header: its element's fields are not in it; empty for
    /// a record read from a tape — read fields through recordValue()).
    const QJsonObject &record() const { return *m_record; }
    /// A top-level field of the record, element fields included.
    QJsonValue recordValue(QStringView key) const
    {
        return m_element ? m_element->value(key) : m_record->value(key);
    }

    /// The detail row `{{list.x}}` reads (one record of a document group); nullptr = none.
    void setListRow(const QJsonObject *row) { m_listRow = row; }
    const QJsonObject *listRow() const { return m_listRow; }
    /// All detail rows of the current document, for SUM({{list.qty}}) and COUNT(*).
    void setListRows(const QList<QJsonObject> *rows) { m_listRows = rows; }
    const QList<QJsonObject> *listRows() const { return m_listRows; }

    // System variables. Unset ones are an evaluation error when an expression reads them.
    /// LAST_SYNC_TIME: Unix seconds of the last successful sync.
    void setLastSyncTime(qint64 unixSeconds) { m_lastSyncTime = unixSeconds; }
    std::optional<qint64> lastSyncTime() const { return m_lastSyncTime; }
    /// RUN_ID: the id of the current run.
    void setRunId(const QString &id) { m_runId = id; }
    QString runId() const { return m_runId; }
    /// PAGINATION_START_PAGE / PAGINATION_PAGE_SIZE of the current request.
    void setPagination(qint64 startPage, qint64 pageSize);
    std::optional<qint64> paginationStartPage() const { return m_startPage; }
    std::optional<qint64> paginationPageSize() const { return m_pageSize; }

    /// "Now" for NOW(), CURRENT_TIME, DAYS_AGO_n. Defaults to the moment the context was made,
    /// so one run sees one consistent time.
    void setNow(const QDateTime &now) { m_now = now.toUTC(); }
    QDateTime now() const { return m_now; }
    /// Where wall-clock times are read and written: Asia/Shanghai unless set (Chinese ERPs
    /// interpret datetimes in China time).
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }

    void setLookupProvider(LookupProvider *provider) { m_lookup = provider; }
    LookupProvider *lookupProvider() const { return m_lookup; }
    void setValueMaps(const ValueMaps *maps) { m_valueMaps = maps; }
    const ValueMaps *valueMaps() const { return m_valueMaps; }

    /// Where to note MySQL-style warnings ("Truncated incorrect DOUBLE value: '12,5'"), which
    /// do not fail the evaluation; nullptr (the default) ignores them.
    void setWarnings(QList<ExprError> *sink) { m_warnings = sink; }
    QList<ExprError> *warnings() const { return m_warnings; }

    /// Offset of the time zone from UTC at a Unix time, in seconds (cached per context).
    int offsetAtUtc(qint64 unixSeconds) const;
    /// Unix time of a wall-clock time in the context's zone (seconds since 1970 as if UTC).
    qint64 wallToUtc(qint64 wallSeconds) const;

private:
    const QJsonObject *m_record;
    const RecordView *m_element = nullptr; ///< set when the record is a view with an element
    const QJsonObject *m_listRow = nullptr;
    const QList<QJsonObject> *m_listRows = nullptr;
    std::optional<qint64> m_lastSyncTime;
    std::optional<qint64> m_startPage;
    std::optional<qint64> m_pageSize;
    QString m_runId;
    QDateTime m_now;
    QTimeZone m_zone;
    LookupProvider *m_lookup = nullptr;
    const ValueMaps *m_valueMaps = nullptr;
    QList<ExprError> *m_warnings = nullptr;

    // The zone's offset is constant between transitions (Asia/Shanghai: since 1991), so one
    // lookup serves almost every conversion.
    mutable qint64 m_cacheFrom = 1;
    mutable qint64 m_cacheTo = 0;
    mutable int m_cacheOffset = 0;
};

} // namespace weft::expr
