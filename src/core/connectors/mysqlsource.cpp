#include "core/connectors/mysqlsource.h"

#include "core/connectors/mysqlsql.h"

#include <QAtomicInt>
#include <QDate>
#include <QDateTime>
#include <QPointer>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace weft {

namespace detail {

namespace {
QAtomicInt g_readerCounter;
constexpr int kPageRows = 1000;

QJsonValue toJson(const QVariant &v)
{
    if (v.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong: return v.toLongLong();
    case QMetaType::Double: return v.toDouble();
    case QMetaType::Bool: return v.toBool();
    case QMetaType::QDateTime:
        return v.toDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case QMetaType::QDate: return v.toDate().toString(QStringLiteral("yyyy-MM-dd"));
    default: return v.toString();
    }
}
} // namespace

/// Lives on the reader thread; owns the QSqlDatabase.
class MySqlReader final : public QObject
{
public:
    MySqlReader(ResolvedConnection connection, QString sql)
        : m_connection(std::move(connection))
        , m_sql(std::move(sql))
        , m_name(QStringLiteral("weft_mysql_source_%1").arg(g_readerCounter.fetchAndAddRelaxed(1)))
    {
    }
    ~MySqlReader() override
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }

    PageResult read(const QJsonObject &params, int page)
    {
        if (!m_db.isOpen()) {
            QString error;
            if (!openMySql(m_connection, m_name, &m_db, &error))
                return ConnectorError{ConnectorError::Kind::Network, QStringLiteral("connect"),
                                      error};
        }
        QString sql = m_sql.trimmed();
        if (sql.endsWith(u';'))
            sql.chop(1);
        // Wrapped, so the user's SELECT keeps its own ORDER BY and LIMIT semantics.
        const QString paged = QStringLiteral("SELECT * FROM (%1) AS weft_page LIMIT %2 OFFSET %3")
                                  .arg(sql)
                                  .arg(kPageRows + 1)
                                  .arg(qint64(page - 1) * kPageRows);
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(paged)) {
            return ConnectorError{ConnectorError::Kind::Config,
                                  QString::number(mySqlErrorNumber(m_db)),
                                  QStringLiteral("the source sql does not prepare: %1")
                                      .arg(q.lastError().databaseText())};
        }
        static const QRegularExpression placeholder(QStringLiteral(":([A-Za-z_][A-Za-z0-9_]*)"));
        auto it = placeholder.globalMatch(m_sql);
        while (it.hasNext()) {
            const QString name = it.next().captured(1);
            q.bindValue(u':' + name, params.value(name).toVariant());
        }
        if (!q.exec()) {
            const int code = q.lastError().nativeErrorCode().toInt();
            return ConnectorError{isMySqlConnectionLost(code) ? ConnectorError::Kind::Network
                                                              : ConnectorError::Kind::Rejected,
                                  QString::number(code), q.lastError().databaseText()};
        }
        Page result;
        const QSqlRecord columns = q.record();
        while (q.next()) {
            if (result.records.size() == kPageRows) {
                result.hasMore = true;
                break;
            }
            QJsonObject row;
            for (int c = 0; c < columns.count(); ++c)
                row.insert(columns.fieldName(c), toJson(q.value(c)));
            result.records.append(row);
        }
        return result;
    }

private:
    ResolvedConnection m_connection;
    QString m_sql;
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace detail

MySqlSource::MySqlSource(const ConnectorContext &context, QObject *parent)
    : SourceConnector(parent)
    , m_context(context)
    , m_cancelled(std::make_shared<std::atomic_bool>(false))
{
    m_reader = new detail::MySqlReader(context.connection,
                                       context.adapter.metadata.setting(QStringLiteral("sql")).toString());
    m_reader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("weft-mysql-reader"));
    m_thread.start();
}

MySqlSource::~MySqlSource()
{
    m_thread.quit();
    m_thread.wait();
}

SourceTraits MySqlSource::traits() const
{
    SourceTraits t;
    t.pageSize = 1000;
    return t;
}

void MySqlSource::fetchPage(const PageRequest &request, std::function<void(PageResult)> done)
{
    QPointer<MySqlSource> self(this);
    auto cancelled = m_cancelled;
    QMetaObject::invokeMethod(m_reader, [self, reader = m_reader, request, done, cancelled]() {
        PageResult result = cancelled->load()
                                ? PageResult(ConnectorError{ConnectorError::Kind::Cancelled,
                                                            QString(), QStringLiteral("cancelled")})
                                : reader->read(request.params, request.page);
        if (self)
            QMetaObject::invokeMethod(self, [done, result]() { done(result); },
                                      Qt::QueuedConnection);
    });
}

} // namespace weft
