#pragma once

#include "core/connectors/connectorerror.h"
#include "core/connectors/httpclient.h"
#include "core/connectors/resolvedconnection.h"
#include "core/model/delivery.h"
#include "core/model/scheme.h"
#include "core/state/staterecords.h"
#include "core/util/jsontape.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <variant>

class QNetworkAccessManager;

namespace weft {

class StateStore;

/// A span of modification times, Unix seconds, inclusive. Becomes LAST_SYNC_TIME (start)
/// and CURRENT_TIME (end) while its pages are requested.
struct TimeWindow {
    qint64 start = 0;
    qint64 end = 0;
};

/// What the engine must know about a source to drive it.
struct SourceTraits {
    int pageSize = 50;           ///< PAGINATION_PAGE_SIZE; the system's maximum where known
    int firstPage = 1;           ///< PAGINATION_START_PAGE
    qint64 maxWindowSeconds = 0; ///< longest modification window one query may span; 0: any
    int maxConcurrentPages = 1;  ///< pages fetched at once once the page count is known
};

/// One page to fetch: the request fields evaluated for it, and where paging stands.
struct PageRequest {
    QJsonObject params; ///< metadata request fields, evaluated (children become objects)
    TimeWindow window;
    int page = 1;       ///< 1-based within the window
    QString cursor;     ///< from the previous page, for cursor-paged systems
};

/// One page of source records.
///
/// A source whose pages are large JSON texts (Jushuitan) may give them as the nodes of the
/// page's JsonTape instead of objects (`tape` set, `records` empty): the runner then reads
/// fields from the text without building the objects. size(), truncate() and objects()
/// serve either form.
struct Page {
    QList<QJsonObject> records;
    std::shared_ptr<const JsonTape> tape; ///< read-only: may be read on any thread
    QList<int> recordNodes;               ///< with `tape`: each record's object node
    bool hasMore = false;
    QString nextCursor;
    int pageCount = -1; ///< total pages when the system says so (enables parallel fetching)
    qint64 total = -1;

    qsizetype size() const { return tape ? recordNodes.size() : records.size(); }
    /// Keeps the first `n` records.
    void truncate(qsizetype n);
    /// The records as objects, made from the tape when the page has one.
    QList<QJsonObject> objects() const;
};
using PageResult = std::variant<Page, ConnectorError>;

/// A record ready for the target: the mapped document and who it is.
///
/// The document is either `payload`, or — for targets that take rows (acceptsValues()) and
/// flat mappings — the values of `fields` in order, which is much cheaper to build than a
/// QJsonObject; object() gives the document either way.
struct TargetRecord {
    QString recordId;
    QString number;
    QString name;
    QJsonObject payload;
    std::shared_ptr<const QStringList> fields; ///< set with `values`
    /// Read through value(i): where `texts` has a string's text, its entry here may only say
    /// "a string" (QJsonValue(QJsonValue::String), no text), since a QJsonValue holding a
    /// copy of the text would cost an allocation per field of every record.
    QList<QJsonValue> values;
    /// With `values` (optional): per value, its text when it is a string, made once by the
    /// mapping so that the content hash and the writer need not convert it each again.
    QList<QString> texts;

    /// The i-th of `values`, a string with its text.
    QJsonValue value(qsizetype i) const
    {
        const QJsonValue &v = values.at(i);
        return v.isString() && i < texts.size() ? QJsonValue(texts.at(i)) : v;
    }
    QJsonObject object() const
    {
        if (!fields)
            return payload;
        QJsonObject o;
        for (qsizetype i = 0; i < fields->size() && i < values.size(); ++i) {
            if (!values.at(i).isUndefined())
                o.insert(fields->at(i), value(i));
        }
        return o;
    }
    /// Of the document, for idCheck: filled by the engine, or — for records given as values
    /// that had nothing to compare with — left to the target to fill in its outcome.
    QByteArray contentHash;
    /// The content hash of the whole document (values with their texts, or the payload):
    /// what a record that comes without `contentHash` is compared by.
    QByteArray wholeContentHash() const;
    /// The target's id from when this record was last written (JDY id, K3 Id), so a changed
    /// record updates the existing document instead of creating a second one.
    QString previousTargetRef;
};

/// The target's verdict on one record of a batch.
struct WriteOutcome {
    bool ok = false;
    QString targetRef; ///< the target's id for it (JDY id, K3 Id), if any
    ConnectorError error;
    /// Set by targets that hash what they wrote when the engine left contentHash empty.
    QByteArray contentHash;
};
/// One outcome per record, in order; or an error that failed the whole batch.
using BatchResult = std::variant<QList<WriteOutcome>, ConnectorError>;

/// What became of an in-flight batch (InFlightBatch, its records in order): per record, the
/// target's reference when the target holds it (written; the reference may be empty), or
/// std::nullopt when it does not (writing it again is right); or an error when the target
/// cannot tell now — the run then stops without reading, so nothing is written twice.
using InFlightResult = std::variant<QList<std::optional<QString>>, ConnectorError>;


/// Everything a connector is built from.
struct ConnectorContext {
    QString scheme;
    ResolvedConnection connection;
    Adapter adapter;
    QNetworkAccessManager *network = nullptr;
    std::shared_ptr<RateLimiter> limiter;
    ApiStatsCollector *stats = nullptr;
    RetryPolicy retry;
    StateStore *state = nullptr; ///< for the local store
};

/// Reads records from a system, page by page (asynchronously, on the runner's thread).
class SourceConnector : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual SourceTraits traits() const = 0;
    /// Fetches one page; `done` is called exactly once, also on cancel.
    virtual void fetchPage(const PageRequest &request, std::function<void(PageResult)> done) = 0;
    virtual void cancel() = 0;
    /// Whether the request depends on the time window (else the source is read whole).
    virtual bool isIncremental(bool requestUsesSyncTime) const { return requestUsesSyncTime; }

Q_SIGNALS:
    void retrying(const QString &endpoint, const QString &reason, int attempt, int delayMs);
};

/// Writes records to a system in batches.
class TargetConnector : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    /// Records per call/statement when the metadata does not say (`limit`).
    virtual int batchSize() const = 0;
    /// Whether records may come as `fields` + `values` instead of a payload object.
    virtual bool acceptsValues() const { return false; }
    /// Once before the first batch: log in, create a missing table, check columns.
    virtual void prepare(std::function<void(std::optional<ConnectorError>)> done)
    {
        done(std::nullopt);
    }
    /// Writes a batch; `done` is called exactly once. Per-record rejections are outcomes,
    /// not errors: only a failure of the whole call (after retries) is a BatchResult error.
    /// `batchId` is the batch's name in the state store's in-flight journal; a target that
    /// keeps its own ledger of committed batches (MySQL) records it with the rows.
    virtual void writeBatch(const QString &batchId, const QList<TargetRecord> &batch,
                            std::function<void(BatchResult)> done) = 0;
    virtual void cancel() = 0;

    /// The target's own key for a record, journalled with it so that resolveInFlight can ask
    /// the target for it (K3Cloud FBillNo/FNumber, JDY number); empty where there is none.
    virtual QString identityOf(const TargetRecord &record) const
    {
        Q_UNUSED(record);
        return QString();
    }
    /// What became of a batch whose outcome was never recorded (the process died while it
    /// was out, or the state store failed). The default says "not written" for every record:
    /// right only for targets where writing a record again changes nothing (upserts) or is
    /// recognised by the target itself.
    virtual void resolveInFlight(const InFlightBatch &batch,
                                 std::function<void(InFlightResult)> done)
    {
        done(QList<std::optional<QString>>(batch.records.size()));
    }
    /// These batches' outcomes are recorded in the state store: what the target kept to
    /// answer resolveInFlight for them may go (the MySQL write ledger's rows).
    virtual void forgetBatches(const QStringList &batchIds) { Q_UNUSED(batchIds); }
    /// No batch of this scheme is in flight any more (a new run resolved them all): the
    /// target may forget every one, also those whose forgetBatches a killed run never sent.
    virtual void forgetAllBatches() {}

Q_SIGNALS:
    void retrying(const QString &endpoint, const QString &reason, int attempt, int delayMs);
};

/// Creates the connector for an adapter's connection type; nullptr and a message when the
/// type cannot play that role or its settings are unusable.
std::unique_ptr<SourceConnector> createSourceConnector(const ConnectorContext &context,
                                                       QString *error);
std::unique_ptr<TargetConnector> createTargetConnector(const ConnectorContext &context,
                                                       QString *error);

} // namespace weft
