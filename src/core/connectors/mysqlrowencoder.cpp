#include "core/connectors/mysqlrowencoder.h"

#include "core/connectors/mysqlsql.h"

namespace weft {

namespace {
/// The value of one column for a row: the payload's key, or inside a nested object such as
/// seed 003's `main_params`.
QJsonValue columnValue(const QJsonObject &payload, const QString &field)
{
    const auto it = payload.constFind(field);
    if (it != payload.constEnd())
        return it.value();
    for (auto i = payload.constBegin(); i != payload.constEnd(); ++i) {
        if (i.value().isObject()) {
            const QJsonObject nested = i.value().toObject();
            const auto n = nested.constFind(field);
            if (n != nested.constEnd())
                return n.value();
        }
    }
    return QJsonValue(QJsonValue::Null);
}
} // namespace

MySqlRowEncoder::MySqlRowEncoder(const MySqlStatement &statement)
    : m_statement(statement)
{
    for (qsizetype c = 0; c < m_statement.columns.size(); ++c)
        m_fields << m_statement.fieldForColumn(c);
    const char *verb = m_statement.verb == MySqlStatement::Verb::Replace        ? "REPLACE"
                       : m_statement.verb == MySqlStatement::Verb::InsertIgnore ? "INSERT IGNORE"
                                                                                : "INSERT";
    m_head = verb;
    m_head += " INTO ";
    for (const QString &part : m_statement.table.split(u'.')) {
        if (!m_head.endsWith(' '))
            m_head += '.';
        m_head += '`' + part.toUtf8() + '`';
    }
    m_head += " (";
    for (qsizetype i = 0; i < m_statement.columns.size(); ++i) {
        if (i)
            m_head += ", ";
        m_head += '`' + m_statement.columns.at(i).toUtf8() + '`';
    }
    m_head += ") VALUES ";
}

bool MySqlRowEncoder::gather(const TargetRecord &record, QString *tooLong)
{
    // Rows given as values: which value feeds each column is worked out once per field list
    // (one per run), then each value is taken by index.
    const QList<int> *index = nullptr;
    if (record.fields) {
        if (m_indexFor != record.fields.get()) {
            m_indexFor = record.fields.get();
            m_valueIndex.clear();
            for (const QString &f : m_fields)
                m_valueIndex.append(int(record.fields->indexOf(f)));
        }
        index = &m_valueIndex;
    }
    static const QJsonValue null;
    const qsizetype n = m_fields.size();
    m_cells.resize(n);
    bool takes = true;
    for (qsizetype c = 0; c < n; ++c) {
        Cell &cell = m_cells[c];
        const int at = index ? index->at(c) : -1;
        if (index) {
            cell.value = at >= 0 ? &record.values.at(at) : &null;
        } else {
            cell.held = columnValue(record.payload, m_fields.at(c));
            cell.value = &cell.held;
        }
        cell.isText = !isSqlScalar(*cell.value);
        cell.text = QStringView();
        if (!cell.isText || !cell.value->isString()) {
            if (cell.isText) { // an array or object
                cell.heldText = compactJsonText(*cell.value);
                cell.text = cell.heldText;
            }
            takes =
                takes && (c >= m_columns.size() || m_columns.at(c).takes(*cell.value, cell.text));
            continue;
        }
        // The mapping's text of it when it made one (TargetRecord::texts).
        if (at >= 0 && at < record.texts.size()) {
            cell.text = record.texts.at(at);
        } else {
            cell.heldText = cell.value->toString();
            cell.text = cell.heldText;
        }
        const qint64 max = c < m_columns.size() ? m_columns.at(c).maxChars : -1;
        // UTF-16 units never undercount characters: count code points only when the quick
        // test says it might be too long.
        if (max >= 0 && tooLong->isEmpty() && cell.text.size() > max &&
            cell.text.toUcs4().size() > max)
            *tooLong = m_statement.columns.at(c);
        takes = takes && (c >= m_columns.size() || m_columns.at(c).takes(*cell.value, cell.text));
    }
    return takes;
}

QByteArray MySqlRowEncoder::sqlTuple() const
{
    // The most bytes it can take first, then written into one buffer of that size (no
    // growing, no per-value appends).
    const qsizetype n = m_cells.size();
    qsizetype bound = 2 + n; // parentheses and commas
    for (const Cell &cell : m_cells)
        bound += cell.isText ? sqlStringBound(cell.text) : kSqlScalarBound;
    QByteArray tuple(bound, Qt::Uninitialized);
    char *p = tuple.data();
    *p++ = '(';
    for (qsizetype c = 0; c < n; ++c) {
        if (c)
            *p++ = ',';
        const Cell &cell = m_cells.at(c);
        p = cell.isText ? writeSqlString(p, cell.text) : writeSqlScalar(p, *cell.value);
    }
    *p++ = ')';
    tuple.truncate(p - tuple.constData());
    return tuple;
}

QByteArray MySqlRowEncoder::tsvLine() const
{
    qsizetype bound = m_cells.size();
    for (const Cell &cell : m_cells)
        bound += cell.isText ? tsvStringBound(cell.text) : kSqlScalarBound;
    QByteArray line(bound, Qt::Uninitialized);
    char *p = line.data();
    for (qsizetype c = 0; c < m_cells.size(); ++c) {
        if (c)
            *p++ = '\t';
        const Cell &cell = m_cells.at(c);
        p = cell.isText ? writeTsvString(p, cell.text) : writeTsvScalar(p, *cell.value);
    }
    *p++ = '\n';
    line.truncate(p - line.constData());
    return line;
}

QByteArray MySqlRowEncoder::tuple(const TargetRecord &record)
{
    QString ignored;
    gather(record, &ignored);
    return sqlTuple();
}

QByteArray MySqlRowEncoder::statement(const QList<QByteArray> &tuples,
                                      const QList<qsizetype> &rows) const
{
    qsizetype size = m_head.size() + m_statement.duplicateKeyTail.size() + 2;
    for (const qsizetype r : rows)
        size += tuples.at(r).size() + 2;
    QByteArray sql;
    sql.reserve(size);
    sql += m_head;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i)
            sql += ",\n";
        sql += tuples.at(rows.at(i));
    }
    if (!m_statement.duplicateKeyTail.isEmpty()) {
        sql += ' ';
        sql += m_statement.duplicateKeyTail.toUtf8();
    }
    return sql;
}

} // namespace weft
