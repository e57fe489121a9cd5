// Security (issue 7): SQL. Record values that are SQL, escapes, control characters, NUL,
// emoji and other 4-byte UTF-8 reach MariaDB byte for byte, end to end through weft-run —
// as a mapped field and through a `_function CONCAT(…)` of it. Table and column names come
// only from the metadata, must be plain identifiers, and are checked against the table before
// anything is written.
//
// The records come from an `http_json` source served by a small HTTP server in the test.
#include "reliability/reliability.h"

#include <QSqlError>

using namespace weft::test;

namespace {

/// id → value. Each must arrive as it is.
const QList<QPair<QString, QString>> &values()
{
    static const QList<QPair<QString, QString>> v = {
        {"drop", QStringLiteral("'); DROP TABLE canary; --")},
        {"backslash", QStringLiteral("\\")},
        {"backslash-quote", QStringLiteral("\\' OR '1'='1")},
        {"quote-escape", QStringLiteral("'' \\'' \\\\' ")},
        {"nul", QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b\\0c")},
        {"emoji", QStringLiteral("😀 👍🏽 🇨🇳 family 👨‍👩‍👧")},
        {"cjk-ext-b", QStringLiteral("𠀀𪚥𰻞 (U+20000, U+2A6A5, U+30EDE)")},
        {"quotes", QStringLiteral("\"double\" `backtick` ＇fullwidth＇ ¿'")},
        {"controls", QStringLiteral("line1\nline2\r\n\ttab\x1a ctrl-Z \x08")},
        {"wildcards", QStringLiteral("%_ LIKE 'a%' ESCAPE '\\\\'")},
        {"env", QStringLiteral("${WEFT_MYSQL_PASSWORD} $HOME $$")},
        {"template", QStringLiteral("{val} {{val}} {id}")},
        {"function", QStringLiteral("_function SLEEP(5)")},
        {"subquery", QStringLiteral("' + (SELECT password FROM mysql.user LIMIT 1) + '")},
        {"comment", QStringLiteral("/*! DROP TABLE canary */ # -- ")},
        {"semicolons", QStringLiteral(";;; COMMIT; ROLLBACK;")},
        {"empty", QString()},
        {"long", QString(4000, u'\'') + QString(4000, u'\\') + QStringLiteral("𠀀")},
    };
    return v;
}

QJsonObject project(const QString &url, const QString &mainSql, const QString &ddl)
{
    const QJsonObject source{
        {"api", "/records"},
        {"effect", "QUERY"},
        {"method", "GET"},
        {"id", "id"},
        {"responsePath", "records"},
        {"autoFillResponse", true}};
    const QJsonObject target{
        {"api", "batchexecute"},
        {"effect", "EXECUTE"},
        {"id", "id"},
        {"request", QJsonArray{QJsonObject{{"field", "id"}, {"type", "string"}, {"value", "{id}"}},
                               QJsonObject{{"field", "val"}, {"type", "string"}, {"value", "{val}"}},
                               QJsonObject{{"field", "via_function"},
                                           {"type", "string"},
                                           {"value", "_function CONCAT('{val}', '')"}}}},
        {"main_sql", mainSql},
        {"ddl", ddl}};
    return QJsonObject{
        {"format", "weft-project"},
        {"version", 1},
        {"name", "SQL values"},
        {"connections",
         QJsonArray{QJsonObject{{"name", "api"}, {"type", "http_json"}, {"baseUrl", url}},
                    QJsonObject{{"name", "db"},
                                {"type", "mysql"},
                                {"account",
                                 QJsonObject{{"host", "${WEFT_MYSQL_HOST}"},
                                             {"port", "${WEFT_MYSQL_PORT}"},
                                             {"user", "${WEFT_MYSQL_USER}"},
                                             {"password", QJsonObject{{"env", "WEFT_MYSQL_PASSWORD"}}},
                                             {"database", "${WEFT_MYSQL_DATABASE}"}}}}}},
        {"schemes", QJsonArray{QJsonObject{
                        {"name", "values"},
                        {"source", QJsonObject{{"connection", "api"}, {"metadata", source}}},
                        {"target", QJsonObject{{"connection", "db"}, {"metadata", target}}},
                        {"retry", QJsonObject{{"attempts", 2}, {"initialDelayMs", 100}}}}}}};
}

const QString kMainSql = QStringLiteral("REPLACE INTO sec_values(id, val, via_function) VALUES");
const QString kDdl = QStringLiteral(
    "CREATE TABLE IF NOT EXISTS sec_values (id VARCHAR(64) NOT NULL PRIMARY KEY, val "
    "MEDIUMTEXT, via_function MEDIUMTEXT) DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_bin");

ScriptedHttpServer::Reply records(const ScriptedHttpServer::Request &)
{
    QJsonArray list;
    for (const auto &[id, value] : values())
        list.append(QJsonObject{{"id", id}, {"val", value}});
    ScriptedHttpServer::Reply r;
    r.body = QJsonDocument(QJsonObject{{"records", list}}).toJson(QJsonDocument::Compact);
    return r;
}

bool writeProject(IntegrationEnv &env, const QJsonObject &root)
{
    return env.editProject([&](QJsonObject &r) { r = root; });
}

bool createCanary(const QString &database)
{
    bool ok = false;
    {
        QSqlDatabase db = openMariaDb("canary", database);
        QSqlQuery q(db);
        ok = q.exec("CREATE TABLE canary (id INT PRIMARY KEY, note VARCHAR(20))") &&
             q.exec("INSERT INTO canary VALUES (1, 'alive')");
    }
    QSqlDatabase::removeDatabase("canary");
    QSqlDatabase::removeDatabase("canary_admin");
    return ok;
}

} // namespace

class TestSecSql : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { WEFT_REQUIRE_MARIADB(); }

    void valuesArriveVerbatim()
    {
        ScriptedHttpServer api(records);
        const QString url = api.start();
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", {"--quiet"}, "rel_sec_sql", &error),
                 qPrintable(error));
        QVERIFY(writeProject(env, project(url, kMainSql, kDdl)));
        QVERIFY(createCanary(env.database()));
        const RunResult validate = weftRunPlain(env, {"validate", env.projectPath()});
        QVERIFY2(validate.exitCode == 0, describe(validate).constData());

        const RunResult r = runSpinning(env, "run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(countersOf(r).written, qint64(values().size()));

        QMap<QString, QPair<QByteArray, QByteArray>> stored;
        {
            QSqlDatabase db = openMariaDb("read", env.database());
            QSqlQuery q(db);
            QVERIFY(q.exec("SELECT id, HEX(val), HEX(via_function) FROM sec_values"));
            while (q.next())
                stored.insert(q.value(0).toString(),
                              {q.value(1).toByteArray(), q.value(2).toByteArray()});
            QVERIFY(q.exec("SELECT note FROM canary WHERE id = 1") && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("alive"));
            // No table made or dropped by a value: the target, the canary, and Weft's own
            // write ledger (docs/architecture.md "Exactly once").
            QCOMPARE(scalar(db, "SELECT COUNT(*) FROM information_schema.TABLES WHERE "
                                "TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> "
                                "'weft_write_ledger'"), 2);
        }
        QSqlDatabase::removeDatabase("read");
        QSqlDatabase::removeDatabase("read_admin");
        QCOMPARE(stored.size(), values().size());
        for (const auto &[id, value] : values()) {
            const QByteArray want = value.toUtf8().toHex().toUpper();
            QVERIFY2(stored.value(id).first == want,
                     qPrintable(QStringLiteral("%1: stored %2, sent %3")
                                    .arg(id, QString::fromLatin1(stored.value(id).first.left(200)),
                                         QString::fromLatin1(want.left(200)))));
            QVERIFY2(stored.value(id).second == want,
                     qPrintable(QStringLiteral("%1 through CONCAT: stored %2, sent %3")
                                    .arg(id, QString::fromLatin1(stored.value(id).second.left(200)),
                                         QString::fromLatin1(want.left(200)))));
        }
    }

    void missingColumnRefusedBeforeWriting()
    {
        // main_sql names a column the table lacks: the run stops before its first statement,
        // naming the column; nothing is written, no cursor moves, nothing is "failed".
        ScriptedHttpServer api(records);
        const QString url = api.start();
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", {"--quiet"}, "rel_sec_sql_column", &error),
                 qPrintable(error));
        QJsonObject root = project(url, kMainSql, kDdl);
        {
            // Create the table first, as it is, then point main_sql at a column it lacks.
            QVERIFY(writeProject(env, root));
            QCOMPARE(runSpinning(env, "run", {"--progress", "quiet"}).exitCode, 0);
            QSqlDatabase db = openMariaDb("trunc", env.database());
            QVERIFY(QSqlQuery(db).exec("DELETE FROM sec_values"));
        }
        QSqlDatabase::removeDatabase("trunc");
        QSqlDatabase::removeDatabase("trunc_admin");
        QFile::remove(env.statePath());
        QVERIFY(IntegrationEnv::setAt(root, {"schemes", "0", "target", "metadata", "main_sql"},
                                      "REPLACE INTO sec_values(id, val, no_such_col) VALUES"));
        QVERIFY(IntegrationEnv::setAt(root, {"schemes", "0", "target", "metadata", "request", "2",
                                             "field"},
                                      "no_such_col"));
        QVERIFY(writeProject(env, root));
        const RunResult r = runSpinning(env, "run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 3, describe(r).constData());
        QVERIFY2(r.out.contains("table sec_values has no column no_such_col"), describe(r).constData());
        QCOMPARE(scalarShared(env.database(), "SELECT COUNT(*) FROM sec_values"), 0);
        QVERIFY(!stateCursor(env.statePath(), "values").has_value());
        QVERIFY(openFailures(env).isEmpty());
    }

    void identifiersMustBePlain_data()
    {
        QTest::addColumn<QString>("mainSql");
        QTest::newRow("statement after VALUES")
            << "REPLACE INTO sec_values(id, val, via_function) VALUES; DROP TABLE canary";
        QTest::newRow("quote in a table name")
            << "REPLACE INTO sec_values`; DROP TABLE canary; --(id, val, via_function) VALUES";
        QTest::newRow("expression as a column") << "REPLACE INTO sec_values(id, val, (SELECT 1)) VALUES";
        QTest::newRow("comment in a column list")
            << "REPLACE INTO sec_values(id, val /*, via_function*/) VALUES";
        QTest::newRow("second statement") << "DROP TABLE canary; REPLACE INTO sec_values(id) VALUES";
    }

    void identifiersMustBePlain()
    {
        // Names that are not plain identifiers are an error of the project file: validate says
        // where, run refuses to start (exit 2), the database is untouched.
        QFETCH(QString, mainSql);
        ScriptedHttpServer api(records);
        const QString url = api.start();
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", {"--quiet"}, "rel_sec_sql_ident", &error),
                 qPrintable(error));
        QVERIFY(createCanary(env.database()));
        QVERIFY(writeProject(env, project(url, mainSql, kDdl)));
        const RunResult validate = weftRunPlain(env, {"validate", env.projectPath()});
        QVERIFY2(validate.exitCode == 2, describe(validate).constData());
        QVERIFY2(QByteArray(validate.out + validate.err).contains("/schemes/0/target/metadata/main_sql"),
                 describe(validate).constData());
        const RunResult r = runSpinning(env, "run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 2, describe(r).constData());
        QCOMPARE(api.requests(), 0);
        QCOMPARE(scalarShared(env.database(), "SELECT COUNT(*) FROM canary"), 1);
        QCOMPARE(scalarShared(env.database(), "SELECT COUNT(*) FROM information_schema.TABLES "
                                              "WHERE TABLE_SCHEMA = DATABASE()"), 1);
    }
};

QTEST_GUILESS_MAIN(TestSecSql)
#include "tst_sec_sql.moc"
