#include "core/model/mysqlstatement.h"

#include "core/util/translation.h"

#include <QRegularExpression>

namespace weft {

namespace {

QString unquote(QString ident)
{
    ident = ident.trimmed();
    if (ident.size() >= 2 && ident.startsWith(u'`') && ident.endsWith(u'`'))
        ident = ident.mid(1, ident.size() - 2);
    return ident;
}

} // namespace

bool MySqlStatement::isValidIdentifier(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_$][A-Za-z0-9_$]{0,63}$"));
    return re.match(name).hasMatch();
}

QString MySqlStatement::fieldForColumn(qsizetype i) const
{
    if (i < placeholders.size() && !placeholders.at(i).isEmpty())
        return placeholders.at(i);
    return columns.value(i);
}

MySqlStatement MySqlStatement::parse(const QString &mainSql)
{
    static const QRegularExpression head(
        QStringLiteral("^\\s*(INSERT\\s+IGNORE|INSERT|REPLACE)\\s+INTO\\s+([`A-Za-z0-9_$.]+)"
                       "\\s*\\(([^)]*)\\)\\s*VALUES\\s*(.*)$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    MySqlStatement st;
    const auto m = head.match(mainSql);
    if (!m.hasMatch()) {
        st.error = ProjectText::tr("main_sql must look like \"REPLACE INTO table(col1, col2) "
                                   "VALUES\" or \"INSERT INTO table(col1, col2) VALUES (:col1, "
                                   ":col2)\"");
        return st;
    }
    const QString verb = m.captured(1).simplified().toUpper();
    st.verb = verb == QLatin1String("REPLACE")       ? Verb::Replace
              : verb == QLatin1String("INSERT IGNORE") ? Verb::InsertIgnore
                                                       : Verb::Insert;
    const QStringList tableParts = m.captured(2).split(u'.');
    QStringList cleanTable;
    for (const QString &part : tableParts) {
        const QString t = unquote(part);
        if (!isValidIdentifier(t)) {
            st.error =
                ProjectText::tr("table name \"%1\" is not a plain identifier").arg(m.captured(2));
            return st;
        }
        cleanTable << t;
    }
    st.table = cleanTable.join(u'.');
    for (const QString &col : m.captured(3).split(u',')) {
        const QString c = unquote(col);
        if (!isValidIdentifier(c)) {
            st.error =
                ProjectText::tr("column name \"%1\" is not a plain identifier").arg(col.trimmed());
            return st;
        }
        if (st.columns.contains(c, Qt::CaseInsensitive)) {
            st.error = ProjectText::tr("column %1 is listed twice").arg(c);
            return st;
        }
        st.columns << c;
    }

    QString rest = m.captured(4).trimmed();
    if (rest.endsWith(u';'))
        rest.chop(1);
    if (rest.startsWith(u'(')) {
        const qsizetype close = rest.indexOf(u')');
        if (close < 0) {
            st.error = ProjectText::tr("the VALUES tuple is not closed");
            return st;
        }
        static const QRegularExpression placeholder(
            QStringLiteral("^:([\\p{L}A-Za-z_][\\p{L}A-Za-z0-9_]*)$"));
        for (const QString &v : rest.mid(1, close - 1).split(u',')) {
            const auto pm = placeholder.match(v.trimmed());
            if (!pm.hasMatch()) {
                st.error = ProjectText::tr("VALUES may only hold :name placeholders, not \"%1\"")
                               .arg(v.trimmed());
                return st;
            }
            st.placeholders << pm.captured(1);
        }
        if (st.placeholders.size() != st.columns.size()) {
            st.error = ProjectText::tr("%1 columns but %2 placeholders in VALUES")
                           .arg(st.columns.size())
                           .arg(st.placeholders.size());
            return st;
        }
        rest = rest.mid(close + 1).trimmed();
    }
    if (!rest.isEmpty()) {
        static const QRegularExpression odku(
            QStringLiteral("^ON\\s+DUPLICATE\\s+KEY\\s+UPDATE\\s+(.+)$"),
            QRegularExpression::CaseInsensitiveOption |
                QRegularExpression::DotMatchesEverythingOption);
        const auto om = odku.match(rest);
        if (!om.hasMatch()) {
            st.error = ProjectText::tr("unexpected text after VALUES: \"%1\" (only ON DUPLICATE "
                                       "KEY UPDATE may follow)")
                           .arg(rest.left(40));
            return st;
        }
        // Each assignment must be `col = VALUES(col)` or `col = col`-style plain identifiers:
        // the tail is spliced into SQL, so it is checked as strictly as the column list.
        static const QRegularExpression assignment(QStringLiteral(
            "^`?([A-Za-z_$][A-Za-z0-9_$]*)`?\\s*=\\s*(VALUES\\s*\\(\\s*`?([A-Za-z_$][A-Za-z0-9_$]"
            "*)`?\\s*\\)|`?[A-Za-z_$][A-Za-z0-9_$]*`?)$"),
            QRegularExpression::CaseInsensitiveOption);
        for (const QString &a : om.captured(1).split(u',')) {
            if (!assignment.match(a.trimmed()).hasMatch()) {
                st.error = ProjectText::tr("ON DUPLICATE KEY UPDATE accepts only \"col = "
                                           "VALUES(col)\" assignments, not \"%1\"")
                               .arg(a.trimmed());
                return st;
            }
        }
        st.duplicateKeyTail = QStringLiteral("ON DUPLICATE KEY UPDATE ") + om.captured(1).simplified();
    }
    return st;
}

QString MySqlStatement::withColumnAdded(const QString &mainSql, const QString &column)
{
    const MySqlStatement statement = parse(mainSql);
    if (!statement.isValid() || statement.usesPlaceholders() || statement.columns.isEmpty() ||
        statement.columns.contains(column, Qt::CaseInsensitive) || !isValidIdentifier(column))
        return {};
    // The column list is the first parenthesised list after the table name.
    const int open = int(mainSql.indexOf(u'('));
    const int close = open < 0 ? -1 : int(mainSql.indexOf(u')', open));
    if (close < 0)
        return {};
    return mainSql.left(close) + QStringLiteral(", ") + column + mainSql.mid(close);
}

} // namespace weft
