#include "core/connectors/localstore.h"

#include "core/state/statestore.h"

#include <QTimer>

namespace weft {

LocalStoreTarget::LocalStoreTarget(const ConnectorContext &context, QObject *parent)
    : TargetConnector(parent)
    , m_context(context)
{
    m_batchSize = context.adapter.metadata.limit(500);
}

void LocalStoreTarget::writeBatch(const QString &batchId, const QList<TargetRecord> &batch,
                                  std::function<void(BatchResult)> done)
{
    Q_UNUSED(batchId);
    QList<QJsonObject> payloads;
    QStringList ids;
    for (const TargetRecord &r : batch) {
        payloads << r.payload;
        ids << r.recordId;
    }
    if (!m_context.state || !m_context.state->upsertLocal(m_context.scheme, payloads, ids)) {
        const QString why = m_context.state ? m_context.state->lastError()
                                            : QStringLiteral("no state store");
        // Asynchronous like every other target, so the engine's bookkeeping is the same.
        QTimer::singleShot(0, this, [done, why]() {
            done(ConnectorError{ConnectorError::Kind::Config, QStringLiteral("local store"),
                                QStringLiteral("cannot store records: %1").arg(why)});
        });
        return;
    }
    QList<WriteOutcome> outcomes(batch.size(), WriteOutcome{true, QString(), {}});
    for (qsizetype i = 0; i < batch.size(); ++i)
        outcomes[i].targetRef = batch.at(i).recordId;
    QTimer::singleShot(0, this, [done, outcomes]() { done(outcomes); });
}

LocalStoreSource::LocalStoreSource(const ConnectorContext &context, QObject *parent)
    : SourceConnector(parent)
    , m_context(context)
{
    // `api` names the scheme whose stored records to read; default: this scheme's own.
    m_fromScheme = context.adapter.metadata.api();
    if (m_fromScheme.isEmpty() || m_fromScheme == QStringLiteral("写入空操作"))
        m_fromScheme = context.scheme;
}

SourceTraits LocalStoreSource::traits() const
{
    SourceTraits t;
    t.pageSize = 1000;
    return t;
}

void LocalStoreSource::fetchPage(const PageRequest &request, std::function<void(PageResult)> done)
{
    Page page;
    constexpr int kPage = 1000;
    if (m_context.state) {
        // One more than a page tells whether another page follows.
        m_context.state->forEachLocal(
            m_fromScheme, [&](const QString &, const QJsonObject &o) { page.records.append(o); },
            qint64(request.page - 1) * kPage, kPage + 1);
    }
    page.hasMore = page.records.size() > kPage;
    if (page.hasMore)
        page.records.removeLast();
    QTimer::singleShot(0, this, [done, page]() { done(page); });
}

} // namespace weft
