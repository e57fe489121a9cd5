#pragma once

#include "core/connectors/connector.h"
#include "core/connectors/mysqlbulk.h"
#include "core/model/mysqlstatement.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace weft {

/// Turns a MySQL target's rows into the bytes the server reads: one row as a SQL tuple
/// "(v1,v2,…)" or as a line of LOAD DATA text, and a multi-row statement from tuples
/// (`REPLACE INTO `t` (…) VALUES …` with the statement's ON DUPLICATE KEY tail).
///
/// It knows the target columns' types and lengths (read once at prepare, setColumns), so a
/// row is checked while its values are taken: a text too long for a CHAR/VARCHAR column (the
/// writer fails that row alone without a round trip), and whether LOAD DATA would read every
/// value as INSERT does (else the row goes the statement way).
///
/// Meant to be used row by row on one thread: take a row with gather(), then write it with
/// sqlTuple() or tsvLine(). The per-column buffers are reused from row to row, so encoding a
/// batch allocates little more than the output.
class MySqlRowEncoder
{
public:
    explicit MySqlRowEncoder(const MySqlStatement &statement);

    /// The table's facts per statement column, in the statement's column order. Without
    /// them (before prepare) nothing is checked.
    void setColumns(QList<MySqlColumn> columns) { m_columns = std::move(columns); }

    /// Takes one row's values. `tooLong` gets the first CHAR/VARCHAR column whose value is
    /// longer than the column (when it was empty). Returns whether LOAD DATA takes every value
    /// as INSERT would (MySqlColumn::takes).
    bool gather(const TargetRecord &record, QString *tooLong);
    /// The row last gathered as "(v1,v2,…)".
    QByteArray sqlTuple() const;
    /// The row last gathered as a line of LOAD DATA text: tab-separated, newline-ended.
    QByteArray tsvLine() const;
    /// gather() and sqlTuple() of one row, its length check ignored.
    QByteArray tuple(const TargetRecord &record);

    /// The statement for the tuples at `rows`: the head, the tuples joined, the ON DUPLICATE
    /// KEY tail.
    QByteArray statement(const QList<QByteArray> &tuples, const QList<qsizetype> &rows) const;

private:
    /// One column of the row being encoded.
    struct Cell {
        const QJsonValue *value = nullptr; ///< the record's, or `held`
        QJsonValue held;                   ///< a value read from a payload
        QStringView text; ///< a string's (or JSON's) text: the record's or `heldText`
        QString heldText;
        bool isText = false;
    };

    MySqlStatement m_statement;
    QByteArray m_head;                       ///< "REPLACE INTO `t` (`a`, `b`) VALUES "
    QStringList m_fields;                    ///< payload field per column
    QList<MySqlColumn> m_columns;            ///< per column: its type, length and NULL rule
    QList<Cell> m_cells;                     ///< per column, reused from row to row
    const QStringList *m_indexFor = nullptr; ///< the field list m_valueIndex was made for
    QList<int> m_valueIndex;                 ///< per column: index into TargetRecord::values
};

} // namespace weft
