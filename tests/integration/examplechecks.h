#pragma once
// Shared checks of the example integration tests.

#include "support/integration.h"
#include "support/mariadb.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

namespace weft::test {

/// The generated records of a mock dataset, all of them.
inline QList<QJsonObject> mockRecords(const IntegrationEnv &env, const QString &dataset)
{
    QList<QJsonObject> out;
    for (qint64 offset = 0;; offset += 10000) {
        const QJsonObject page =
            env.control("GET", QStringLiteral("/_mock/records/%1?offset=%2&limit=10000")
                                   .arg(dataset)
                                   .arg(offset))
                .object();
        const QJsonArray records = page.value(QLatin1String("records")).toArray();
        for (const QJsonValue &v : records)
            out.append(v.toObject());
        if (records.size() < 10000)
            return out;
    }
}

/// One anchor for every mock of a test process: two mocks started a few seconds apart must
/// generate identical data (timestamps are spread before `--now`).
inline QStringList anchoredMock(QStringList args)
{
    static const qint64 now = QDateTime::currentSecsSinceEpoch() / 60 * 60;
    return args << QStringLiteral("--now") << QString::number(now);
}

/// The first column of the first row `sql` answers in a MariaDB database (a COUNT), -1 when
/// it fails.
inline int countIn(const QString &database, const QString &sql)
{
    int n = -1;
    {
        QSqlDatabase db = openMariaDb("count", database);
        QSqlQuery q(db);
        if (q.exec(sql) && q.next())
            n = q.value(0).toInt();
    }
    QSqlDatabase::removeDatabase("count");
    QSqlDatabase::removeDatabase("count_admin");
    return n;
}

/// The ids the mock made invalid on purpose in a dataset, as text.
inline QStringList mockInvalidIds(const IntegrationEnv &env, const QString &dataset)
{
    QStringList ids;
    const QJsonObject invalid = env.control("GET", QStringLiteral("/_mock/invalid")).object();
    for (const QJsonValue &v : invalid.value(dataset).toArray()) {
        const QJsonValue id = v.toObject().value(QLatin1String("id"));
        ids << (id.isString() ? id.toString() : QString::number(id.toInteger()));
    }
    return ids;
}

/// The open failed records of a project, from `weft-run failed --format json`.
inline QList<QJsonObject> openFailures(const IntegrationEnv &env)
{
    const RunResult r = env.weftRun(QStringLiteral("failed"), {QStringLiteral("--format"),
                                                               QStringLiteral("json")});
    QList<QJsonObject> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
        out.append(v.toObject());
    return out;
}

/// Every row of a table on any connection, each as "col=value|col=value…", sorted: compares
/// whole tables.
inline QStringList tableRowsOn(QSqlDatabase db, const QString &table)
{
    QStringList rows;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT * FROM `%1`").arg(table));
    while (q.next()) {
        QStringList cells;
        for (int c = 0; c < q.record().count(); ++c)
            cells << q.record().fieldName(c) + u'=' +
                         (q.value(c).isNull() ? QStringLiteral("NULL") : q.value(c).toString());
        rows << cells.join(u'|');
    }
    rows.sort();
    return rows;
}

/// tableRowsOn() of a table in a database of the test server.
inline QStringList tableRows(const QString &database, const QString &table,
                             const QString &connection = QStringLiteral("check"))
{
    QStringList rows;
    {
        QSqlDatabase db = openMariaDb(connection, database);
        rows = tableRowsOn(db, table);
    }
    QSqlDatabase::removeDatabase(connection);
    QSqlDatabase::removeDatabase(connection + QStringLiteral("_admin"));
    return rows;
}

/// The JDY stores weft-mock holds: number → name; a number saved as two stores shows up as
/// "<name>|<name>", so a comparison catches it.
inline QMap<QString, QString> jdyStores(const IntegrationEnv &env)
{
    QMap<QString, QString> out;
    const QJsonObject written = env.control("GET", QStringLiteral("/_mock/written")).object();
    for (const QJsonValue &v : written.value("jdy").toObject().value("stores").toArray()) {
        const QJsonObject s = v.toObject();
        const QString number = s.value("number").toString();
        const QString name = s.value("name").toString();
        out.insert(number, out.contains(number) ? out.value(number) + u'|' + name : name);
    }
    return out;
}

/// The K3Cloud documents weft-mock holds: business id (from FRemarks) → "customer|lines|sum";
/// a document saved twice shows up as "<doc>+<doc>".
inline QMap<QString, QString> k3Documents(const IntegrationEnv &env)
{
    QMap<QString, QString> out;
    const QJsonObject written = env.control("GET", QStringLiteral("/_mock/written")).object();
    for (const QJsonValue &v : written.value("k3cloud").toObject().value("documents").toArray()) {
        const QJsonObject model = v.toObject().value("Model").toObject();
        const QString businessId = model.value("FRemarks").toString().section(u' ', 1);
        const QJsonArray lines = model.value("FEntity").toArray();
        double sum = 0;
        for (const QJsonValue &l : lines)
            sum += l.toObject().value("FNOTAXAMOUNTFOR").toDouble();
        const QString doc =
            QStringLiteral("%1|%2|%3")
                .arg(model.value("FCONTACTUNIT").toObject().value("FNumber").toString())
                .arg(lines.size())
                .arg(sum, 0, 'f', 2);
        out.insert(businessId, out.contains(businessId) ? out.value(businessId) + u'+' + doc : doc);
    }
    return out;
}

/// Counters from the finished event of a jsonl run.
struct Counters {
    qint64 read = -1, written = -1, skipped = -1, failed = -1;
};
inline Counters countersOf(const RunResult &r)
{
    const QJsonObject f = r.finished();
    return {f.value(QLatin1String("read")).toInteger(-1),
            f.value(QLatin1String("written")).toInteger(-1),
            f.value(QLatin1String("skipped")).toInteger(-1),
            f.value(QLatin1String("failed")).toInteger(-1)};
}

/// A run's output for failure messages.
/// A run's result for a failure message. QTest cuts messages at about 1000 characters, so
/// this keeps what explains a failure: the exit code, stdout without its progress events
/// (which leaves the outcomes and their messages) and the end of stderr (the log).
inline QByteArray describe(const RunResult &r)
{
    QByteArray events;
    for (const QByteArray &line : r.out.split('\n')) {
        if (!line.contains("\"event\":\"progress\"") && !line.trimmed().isEmpty())
            events += line + '\n';
    }
    return "exit " + QByteArray::number(r.exitCode) + "\nstdout (no progress):\n" +
           events.right(450) + "\nstderr:\n" + r.err.right(400);
}

/// Faults for a run: the rates of issue 7, applied to one system's mount only (a lost answer
/// to a *write* is a different story, told by the reliability tests).
inline QJsonObject sourceFaults(const QString &mount)
{
    return QJsonObject{{QStringLiteral("http5xxRate"), 0.05},  {QStringLiteral("timeoutRate"), 0.01},
                       {QStringLiteral("resetRate"), 0.02},    {QStringLiteral("truncateRate"), 0.02},
                       {QStringLiteral("malformedRate"), 0.02}, {QStringLiteral("throttleRate"), 0.03},
                       {QStringLiteral("only"), QJsonArray{mount}}};
}

/// Makes a copied example fail fast and retry quickly under injected faults.
inline bool makeImpatient(IntegrationEnv &env)
{
    return env.editProject([](QJsonObject &root) {
        QJsonArray connections = root.value(QLatin1String("connections")).toArray();
        for (qsizetype i = 0; i < connections.size(); ++i) {
            QJsonObject c = connections.at(i).toObject();
            c.insert(QStringLiteral("timeoutMs"), 1500);
            connections.replace(i, c);
        }
        root.insert(QStringLiteral("connections"), connections);
        QJsonArray schemes = root.value(QLatin1String("schemes")).toArray();
        for (qsizetype i = 0; i < schemes.size(); ++i) {
            QJsonObject s = schemes.at(i).toObject();
            s.insert(QStringLiteral("retry"),
                     QJsonObject{{QStringLiteral("attempts"), 8},
                                 {QStringLiteral("initialDelayMs"), 100},
                                 {QStringLiteral("maxDelayMs"), 800}});
            schemes.replace(i, s);
        }
        root.insert(QStringLiteral("schemes"), schemes);
    });
}

} // namespace weft::test
