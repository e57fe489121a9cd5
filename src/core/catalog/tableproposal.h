#pragma once

#include "core/catalog/fieldmatch.h"
#include "core/model/adaptermetadata.h"

#include <QList>
#include <QString>

namespace weft {

/// One column of a proposed MySQL table.
struct ProposedColumn {
    QString name;
    QString sqlType; ///< "VARCHAR(255)", "BIGINT", "DECIMAL(18,4)"…
    QString comment; ///< the field's Chinese label (English when it has none)
    QString value;   ///< what fills it: "{{field}}", or the key's composite template
    QString type;    ///< the catalogue type of its field
};

/// A MySQL table Weft proposes for an endpoint's records: one column per flattened record
/// field, typed from the catalogue, a primary key from the endpoint's id field (with the
/// flattened line's own id when beatFlat makes one row per line), utf8mb4.
struct MySqlTableProposal {
    QString table;
    QList<ProposedColumn> columns;
    QString keyColumn;
    QString error; ///< why no table can be proposed ("" when fine)

    /// CREATE TABLE IF NOT EXISTS … DEFAULT CHARSET=utf8mb4, what the user sees and edits.
    QString ddl() const;
};

/// The MySQL type of a catalogue field type (a name hints at a long text: remark, address…).
QString mysqlTypeFor(const QString &catalogType, const QString &fieldName);

/// Proposes a table named `table` for the records of a QUERY endpoint.
MySqlTableProposal proposeMySqlTable(const CatalogEndpoint &endpoint, const QString &table);

/// A MySQL target's metadata writing `columns` into `table` (REPLACE INTO, 1 000 rows a
/// statement, keyed by `keyColumn`), each column's value as given; `ddl` (may be "") creates
/// the table before the first write.
AdapterMetadata mysqlTargetMetadata(const QString &table, const QList<ProposedColumn> &columns,
                                    const QString &keyColumn, const QString &ddl);

} // namespace weft
