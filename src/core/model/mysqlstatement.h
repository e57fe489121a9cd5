#pragma once

#include <QString>
#include <QStringList>

namespace weft {

/// A MySQL target's `main_sql`, understood well enough to batch it safely.
///
/// Two forms appear in the seeds:
///  - a prefix, `REPLACE INTO t(a, b) VALUES` (seed 002): rows are appended, `limit` per
///    statement; an optional `ON DUPLICATE KEY UPDATE …` tail may follow VALUES;
///  - a whole statement with named placeholders, `INSERT INTO t (a, b) VALUES (:a, :b)`
///    (seed 003): the VALUES tuple is repeated per row with each placeholder bound.
/// Identifiers are validated here so that nothing from metadata is ever spliced into SQL
/// unchecked.
struct MySqlStatement {
    enum class Verb { Insert, InsertIgnore, Replace };

    Verb verb = Verb::Insert;
    QString table; ///< may be "db.table"
    QStringList columns;
    QStringList placeholders; ///< per column: the :name bound to it, empty for prefix form
    QString duplicateKeyTail; ///< "ON DUPLICATE KEY UPDATE …" or empty
    QString error;            ///< why the statement was rejected; empty when valid

    bool isValid() const { return error.isEmpty(); }
    bool usesPlaceholders() const { return !placeholders.isEmpty(); }
    /// The field that feeds column i: its placeholder name, or the column name itself.
    QString fieldForColumn(qsizetype i) const;

    static MySqlStatement parse(const QString &mainSql);
    /// True for a plain identifier (letters, digits, _ and $, not starting with a digit).
    static bool isValidIdentifier(const QString &name);
    /// `mainSql` in its prefix form (`REPLACE INTO t(a, b) VALUES`) with `column` added to
    /// the column list; "" when the statement has placeholders, already has the column, or
    /// cannot be understood (the mapping editor adds a target field this way).
    static QString withColumnAdded(const QString &mainSql, const QString &column);
};

} // namespace weft
