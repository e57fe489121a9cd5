#pragma once

#include "core/model/connection.h"

#include <QList>
#include <QString>

namespace weft {

/// One column of a MySQL table, as information_schema describes it.
struct ColumnInfo {
    QString name;
    QString type; ///< "varchar(64)"
    QString comment;
    bool required = false; ///< NOT NULL, no default, not auto-increment
};

/// What reading a table's columns found.
struct TableColumns {
    QString schema;            ///< the database the table was looked for in
    QString table;             ///< its name without the database
    QList<ColumnInfo> columns; ///< in the table's order; none when the table does not exist
    QString error;             ///< why the server could not be asked ("" when it answered)
};

/// Reads the columns of `table` (`name` in the connection's database, or `db.name`) on a
/// session opened the way every MySQL session of Weft is (openMySql: utf8mb4, strict
/// sql_mode). Blocking — a login can take seconds: call it off the GUI thread
/// (runInBackground). Opens and closes a connection of its own, so any thread may call it.
TableColumns readMySqlColumns(const Connection &connection, const QString &table);

} // namespace weft
