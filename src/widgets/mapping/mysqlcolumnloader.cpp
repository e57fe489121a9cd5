#include "widgets/mapping/mysqlcolumnloader.h"

#include "core/services/background.h"

namespace weft {

MySqlColumnLoader::MySqlColumnLoader(QObject *parent)
    : QObject(parent)
{}

void MySqlColumnLoader::load(const Connection &connection, const QString &table)
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    runInBackground<TableColumns>(
        this, [connection, table] { return readMySqlColumns(connection, table); },
        [this, generation, table](const TableColumns &found) {
            if (generation != m_generation)
                return;
            m_loading = false;
            QString error = found.error;
            if (error.isEmpty() && found.columns.isEmpty())
                error = tr("table %1 does not exist (yet) in %2").arg(found.table, found.schema);
            Q_EMIT loaded(table, found.columns, error);
        });
}

} // namespace weft
