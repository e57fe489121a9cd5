#include "core/connectors/mysqltarget.h"

#include "core/connectors/mysqlwriter.h"
#include "core/state/statestore.h"

#include <QPointer>

namespace weft {

MySqlTarget::MySqlTarget(const ConnectorContext &context, const MySqlStatement &statement,
                         QObject *parent)
    : TargetConnector(parent)
    , m_context(context)
    , m_statement(statement)
    , m_cancelled(std::make_shared<std::atomic_bool>(false))
    , m_commits(std::make_shared<detail::MySqlCommits>())
{
    m_batchSize = context.adapter.metadata.limit(1000);
    const QString ddl = context.adapter.metadata.setting(QStringLiteral("ddl")).toString();
    // The ledger keeps batches apart per state store and scheme: two projects (a test and a
    // production one) may write to one database.
    const QString scope =
        (context.state ? context.state->storeId() : QStringLiteral("none")) + u'/' + context.scheme;
    // LOAD DATA unless the target says "bulk": false.
    const bool bulk = context.adapter.metadata.setting(QStringLiteral("bulk")).toBool(true);
    m_writer = new detail::MySqlWriter(context.connection, statement, context.retry, ddl,
                                       m_cancelled, scope, bulk, m_commits);
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("weft-mysql-writer"));
    m_thread.start();
}

MySqlTarget::~MySqlTarget()
{
    m_cancelled->store(true);
    m_thread.quit();
    m_thread.wait();
}

void MySqlTarget::prepare(std::function<void(std::optional<ConnectorError>)> done)
{
    QPointer<MySqlTarget> self(this);
    QMetaObject::invokeMethod(m_writer, [self, writer = m_writer, done = std::move(done)]() {
        auto result = writer->prepare();
        if (self)
            QMetaObject::invokeMethod(
                self, [done, result]() { done(result); }, Qt::QueuedConnection);
    });
}

void MySqlTarget::writeBatch(const QString &batchId, const QList<TargetRecord> &batch,
                             std::function<void(BatchResult)> done)
{
    QPointer<MySqlTarget> self(this);
    QMetaObject::invokeMethod(
        m_writer, [self, writer = m_writer, batchId, batch, done = std::move(done)]() {
            BatchResult result = writer->write(batchId, batch);
            if (self)
                QMetaObject::invokeMethod(
                    self, [done, result]() { done(result); }, Qt::QueuedConnection);
        });
}

void MySqlTarget::resolveInFlight(const InFlightBatch &batch,
                                  std::function<void(InFlightResult)> done)
{
    QPointer<MySqlTarget> self(this);
    const QString batchId = batch.batchId;
    const qsizetype n = batch.records.size();
    QMetaObject::invokeMethod(m_writer, [self, writer = m_writer, batchId, n,
                                         done = std::move(done)]() {
        const auto rows = writer->committedRows(batchId);
        InFlightResult result;
        if (const auto *e = std::get_if<ConnectorError>(&rows)) {
            result = *e;
        } else {
            QList<std::optional<QString>> written(n);
            for (const qsizetype r : std::get<QList<qsizetype>>(rows)) {
                if (r >= 0 && r < n)
                    written[r] = QString(); // written; MySQL rows have no reference of their own
            }
            result = written;
        }
        if (self)
            QMetaObject::invokeMethod(
                self, [done, result]() { done(result); }, Qt::QueuedConnection);
    });
}

void MySqlTarget::forgetBatches(const QStringList &batchIds)
{
    QMetaObject::invokeMethod(m_writer,
                              [writer = m_writer, batchIds]() { writer->forget(batchIds, false); });
}

void MySqlTarget::forgetAllBatches()
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer]() { writer->forget({}, true); });
}

int MySqlTarget::bulkCommits() const
{
    return m_commits->bulk.load();
}

int MySqlTarget::statementCommits() const
{
    return m_commits->statements.load();
}

void MySqlTarget::cancel()
{
    m_cancelled->store(true);
}

} // namespace weft
