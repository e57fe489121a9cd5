#include "core/catalog/tableproposal.h"

#include "core/catalog/catalogmetadata.h"
#include "core/model/mysqlstatement.h"

#include <QJsonArray>
#include <QJsonObject>

namespace weft {

QString mysqlTypeFor(const QString &catalogType, const QString &fieldName)
{
    if (catalogType == QLatin1String("int"))
        return QStringLiteral("BIGINT");
    if (catalogType == QLatin1String("number") || catalogType == QLatin1String("float"))
        return QStringLiteral("DECIMAL(18,4)");
    if (catalogType == QLatin1String("boolean"))
        return QStringLiteral("TINYINT(1)");
    if (catalogType == QLatin1String("datetime"))
        return QStringLiteral("DATETIME");
    if (catalogType == QLatin1String("date"))
        return QStringLiteral("DATE");
    // Free texts get room; codes and names the usual 255.
    const QString n = fieldName.toLower();
    for (const char *longText : {"remark", "address", "memo", "describe", "description", "note"}) {
        if (n.endsWith(QLatin1String(longText)))
            return QStringLiteral("VARCHAR(1000)");
    }
    return QStringLiteral("VARCHAR(255)");
}

namespace {

QString template1(const QString &field)
{
    return QStringLiteral("{{") + field + QStringLiteral("}}");
}

/// The line id of a flattened array: its first field ending in "id" that is not the header's
/// id repeated (Jushuitan's items carry io_id too).
QString lineIdOf(const CatalogEndpoint &e, const QString &array)
{
    for (const CatalogField &f : e.fields) {
        if (f.name != array)
            continue;
        for (const CatalogField &c : f.fields) {
            if (c.name != e.idField && c.name.endsWith(QLatin1String("id")))
                return c.name;
        }
    }
    return QString();
}

} // namespace

QString MySqlTableProposal::ddl() const
{
    QStringList lines;
    for (const ProposedColumn &c : columns) {
        QString line = QStringLiteral("  `%1` %2").arg(c.name, c.sqlType);
        line += c.name == keyColumn ? QStringLiteral(" NOT NULL") : QStringLiteral(" NULL");
        if (!c.comment.isEmpty()) {
            QString comment = c.comment;
            comment.replace(u'\'', QStringLiteral("''"));
            line += QStringLiteral(" COMMENT '%1'").arg(comment);
        }
        lines << line;
    }
    if (!keyColumn.isEmpty())
        lines << QStringLiteral("  PRIMARY KEY (`%1`)").arg(keyColumn);
    return QStringLiteral("CREATE TABLE IF NOT EXISTS `%1` (\n%2\n) DEFAULT CHARSET=utf8mb4")
        .arg(table, lines.join(QStringLiteral(",\n")));
}

MySqlTableProposal proposeMySqlTable(const CatalogEndpoint &e, const QString &table)
{
    MySqlTableProposal p;
    p.table = table;
    if (!MySqlStatement::isValidIdentifier(table)) {
        p.error = QStringLiteral("table name %1 is not a plain identifier (letters, digits, _)")
                      .arg(table);
        return p;
    }
    const QList<LabelledField> fields = flattenedRecordFields(e);
    for (const LabelledField &f : fields) {
        p.columns.append({f.name, mysqlTypeFor(f.type, f.name), f.zh.isEmpty() ? f.en : f.zh,
                          template1(f.name), f.type});
    }
    QString idField = e.idField.isEmpty() ? e.numberField : e.idField;
    QString lineId;
    for (const QString &array : e.beatFlat) {
        const QString id = lineIdOf(e, array);
        if (!id.isEmpty()) {
            lineId = array + u'_' + id;
            break;
        }
    }
    if (idField.isEmpty())
        return p; // no key the catalogue knows: the user picks one in the DDL
    if (lineId.isEmpty() && e.beatFlat.isEmpty()) {
        // One row per record: the id field is the key.
        for (ProposedColumn &c : p.columns) {
            if (c.name == idField) {
                p.keyColumn = idField;
                if (c.sqlType.startsWith(QLatin1String("VARCHAR")))
                    c.sqlType = QStringLiteral("VARCHAR(191)");
            }
        }
        return p;
    }
    // One row per line: a key column made of the header's id and the line's.
    QString key = QStringLiteral("id");
    for (const ProposedColumn &c : p.columns) {
        if (c.name == key)
            key = QStringLiteral("weft_row_id");
    }
    const QString value =
        lineId.isEmpty() ? template1(idField) : template1(idField) + u'-' + template1(lineId);
    p.columns.prepend({key, QStringLiteral("VARCHAR(191)"), QStringLiteral("主键"), value,
                       QStringLiteral("string")});
    p.keyColumn = key;
    return p;
}

AdapterMetadata mysqlTargetMetadata(const QString &table, const QList<ProposedColumn> &columns,
                                    const QString &keyColumn, const QString &ddl)
{
    QJsonArray request;
    QStringList names;
    for (const ProposedColumn &c : columns) {
        QJsonObject o{{QStringLiteral("field"), c.name},
                      {QStringLiteral("label"), c.comment},
                      {QStringLiteral("type"),
                       catalogMetadataType(c.type.isEmpty() ? QStringLiteral("string") : c.type)}};
        if (!c.value.isEmpty())
            o.insert(QStringLiteral("value"), c.value);
        request.append(o);
        names << c.name;
    }
    QJsonObject m{{QStringLiteral("api"), QStringLiteral("batchexecute")},
                  {QStringLiteral("effect"), QStringLiteral("EXECUTE")},
                  {QStringLiteral("method"), QStringLiteral("POST")},
                  {QStringLiteral("idCheck"), true},
                  {QStringLiteral("request"), request}};
    if (!keyColumn.isEmpty()) {
        m.insert(QStringLiteral("id"), keyColumn);
        m.insert(QStringLiteral("number"), keyColumn);
        m.insert(QStringLiteral("name"), keyColumn);
    }
    const QString sql =
        QStringLiteral("REPLACE INTO %1(%2) VALUES").arg(table, names.join(QStringLiteral(", ")));
    m.insert(QStringLiteral("otherRequest"),
             QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("main_sql")},
                                    {QStringLiteral("label"), QStringLiteral("主语句")},
                                    {QStringLiteral("type"), QStringLiteral("string")},
                                    {QStringLiteral("value"), sql}},
                        QJsonObject{{QStringLiteral("field"), QStringLiteral("limit")},
                                    {QStringLiteral("label"), QStringLiteral("每批行数")},
                                    {QStringLiteral("type"), QStringLiteral("string")},
                                    {QStringLiteral("value"), QStringLiteral("1000")}}});
    if (!ddl.trimmed().isEmpty())
        m.insert(QStringLiteral("ddl"), ddl);
    return AdapterMetadata(m);
}

} // namespace weft
