#pragma once

#include "core/connectors/connectorerror.h"
#include "core/connectors/mysqlbulk.h"
#include "core/model/mysqlstatement.h"

#include <QList>
#include <QSqlDatabase>
#include <variant>

namespace weft {

/// Checks a MySQL target's table before the first write, on the writer's connection: that it
/// exists (else creates it from the target's `ddl`, when it has one), that it is InnoDB (the
/// rows and their ledger row must roll back together), and that it has every column the
/// statement names. Returns each statement column's facts (type, length, NULL rule) in the
/// statement's order, for MySqlRowEncoder; or an error a person can act on.
std::variant<QList<MySqlColumn>, ConnectorError>
checkMySqlTargetTable(QSqlDatabase &db, const MySqlStatement &statement, const QString &ddl);

} // namespace weft
