#include "core/state/storecopy.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace weft {

bool copySqliteStore(const QString &from, const QString &to, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!QFileInfo::exists(from))
        return fail(QStringLiteral("%1 does not exist").arg(from));
    if (QFileInfo::exists(to))
        return fail(QStringLiteral("%1 exists already").arg(to));
    const QString name = QStringLiteral("weft-store-copy-") + QUuid::createUuid().toString();
    bool ok = false;
    QString why;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(from);
        if (!db.open()) {
            why = db.lastError().text();
        } else {
            // VACUUM INTO takes a file name as an expression; a bound value keeps any quote in
            // the path from ending the statement.
            QSqlQuery q(db);
            q.prepare(QStringLiteral("VACUUM INTO ?"));
            q.addBindValue(to);
            ok = q.exec();
            if (!ok)
                why = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok || fail(QStringLiteral("copying %1 to %2: %3").arg(from, to, why));
}

} // namespace weft
