// Picks the connector class for a connection type (one pair of files per system).
#include "core/connectors/connector.h"
#include "core/connectors/dingtalk.h"
#include "core/connectors/httpjson.h"
#include "core/connectors/jushuitan.h"
#include "core/connectors/kingdeejdy.h"
#include "core/connectors/kingdeek3cloud.h"
#include "core/connectors/localstore.h"
#include "core/connectors/mysqlsource.h"
#include "core/connectors/mysqltarget.h"

namespace weft {

namespace {
QString cannot(const ConnectorContext &c, const char *role)
{
    return QStringLiteral("scheme '%1': %2 connections cannot be a %3")
        .arg(c.scheme, connectorTypeName(c.connection.config.type), QLatin1String(role));
}
} // namespace

std::unique_ptr<SourceConnector> createSourceConnector(const ConnectorContext &context,
                                                       QString *error)
{
    switch (context.connection.config.type) {
    case ConnectorType::LocalStore: return std::make_unique<LocalStoreSource>(context);
    case ConnectorType::Jushuitan: return std::make_unique<JushuitanSource>(context);
    case ConnectorType::KingdeeJdy: return std::make_unique<JdySource>(context);
    case ConnectorType::DingTalk: return std::make_unique<DingTalkSource>(context);
    case ConnectorType::HttpJson: return std::make_unique<HttpJsonSource>(context);
    case ConnectorType::MySql: return std::make_unique<MySqlSource>(context);
    case ConnectorType::KingdeeK3Cloud: return std::make_unique<K3Source>(context);
    default: break;
    }
    *error = cannot(context, "source");
    return nullptr;
}

std::unique_ptr<TargetConnector> createTargetConnector(const ConnectorContext &context,
                                                       QString *error)
{
    switch (context.connection.config.type) {
    case ConnectorType::MySql: {
        const MySqlStatement statement =
            MySqlStatement::parse(context.adapter.metadata.mainSql());
        if (!statement.isValid()) {
            *error = QStringLiteral("scheme '%1': target main_sql: %2")
                         .arg(context.scheme, statement.error);
            return nullptr;
        }
        return std::make_unique<MySqlTarget>(context, statement);
    }
    case ConnectorType::LocalStore: return std::make_unique<LocalStoreTarget>(context);
    case ConnectorType::KingdeeJdy: return std::make_unique<JdyTarget>(context);
    case ConnectorType::HttpJson: return std::make_unique<HttpJsonTarget>(context);
    case ConnectorType::KingdeeK3Cloud: return std::make_unique<K3Target>(context);
    default: break;
    }
    *error = cannot(context, "target");
    return nullptr;
}

} // namespace weft
