// Seed 003 end to end: K3Cloud materials (ExecuteBillQuery, FilterString, StartRow/Limit)
// → MySQL INSERT … ON DUPLICATE KEY UPDATE with :placeholders, through weft-run.
#include "examplechecks.h"

#include <QSet>

using namespace weft::test;

namespace {

const QString kExample = QStringLiteral("k3-materials-to-mysql");
const QStringList kMockArgs = anchoredMock({"--seed", "11", "--k3-materials", "300", "--quiet"});

/// The seed's filter: used by organisation T00, approved (C), enabled (A).
bool passesFilter(const QJsonObject &m)
{
    return m.value("FUseOrgId.FNumber").toString() == QLatin1String("T00") &&
           m.value("FDocumentStatus").toString() == QLatin1String("C") &&
           m.value("FForbidStatus").toString() == QLatin1String("A");
}

QMap<QString, QString> expectedRows(const QList<QJsonObject> &materials, const QStringList &invalid)
{
    QMap<QString, QString> rows;
    for (const QJsonObject &m : materials) {
        const QString id = QString::number(m.value("FMasterId").toInteger());
        if (!passesFilter(m) || invalid.contains(id))
            continue;
        // specification_model is _function trim('{FSpecification}')
        rows.insert(id, QStringLiteral("%1|%2|%3|%4")
                            .arg(m.value("FNumber").toString(), m.value("FName").toString(),
                                 m.value("FSpecification").toString().trimmed(),
                                 m.value("F_ProductLine").toString()));
    }
    return rows;
}

QMap<QString, QString> actualRows(const QString &database)
{
    QMap<QString, QString> rows;
    {
        QSqlDatabase db = openMariaDb(QStringLiteral("actual"), database);
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT data_id, material_number, material_name, "
                              "specification_model, product_line FROM wk_wodtop_product"));
        while (q.next()) {
            rows.insert(q.value(0).toString(),
                        QStringLiteral("%1|%2|%3|%4")
                            .arg(q.value(1).toString(), q.value(2).toString(),
                                 q.value(3).toString(), q.value(4).toString()));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("actual"));
    QSqlDatabase::removeDatabase(QStringLiteral("actual_admin"));
    return rows;
}

} // namespace

class TestExampleMaterials : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { WEFT_REQUIRE_MARIADB(); }

    void runsIncrementallyAndRetries()
    {
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start(kExample, kMockArgs, QStringLiteral("it_materials"), &error),
                 qPrintable(error));
        const QList<QJsonObject> materials = mockRecords(env, QStringLiteral("k3-materials"));
        QCOMPARE(materials.size(), 300);
        const QStringList invalid = mockInvalidIds(env, QStringLiteral("k3-materials"));
        QVERIFY(!invalid.isEmpty());
        const QMap<QString, QString> expected = expectedRows(materials, invalid);

        RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        Counters c = countersOf(r);
        QCOMPARE(c.failed, qint64(invalid.size()));
        QCOMPARE(c.written, qint64(expected.size()));
        QCOMPARE(c.read, c.written + c.skipped + c.failed);
        QCOMPARE(actualRows(env.database()), expected);

        const QList<QJsonObject> failures = openFailures(env);
        QCOMPARE(failures.size(), invalid.size());
        for (const QJsonObject &f : failures) {
            QVERIFY(invalid.contains(f.value("record_id").toString()));
            QCOMPARE(f.value("error_code").toString(), QStringLiteral("1406"));
            QVERIFY(f.value("message").toString().contains("Data too long for column 'product_line'"));
        }

        // Incremental: nothing changed → nothing read; a full re-read writes nothing (idCheck).
        r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(countersOf(r).read, 0);
        // A second later, so the mapping's sync_time ({{CURRENT_TIME|datetime}}) differs from
        // the first run's: it must not make the records look changed.
        QTest::qWait(1100);
        r = env.weftRun("run", {"--progress", "jsonl", "--full"});
        QCOMPARE(countersOf(r).written, 0);
        QCOMPARE(countersOf(r).skipped, qint64(expected.size()));

        // Touched materials are read again by the FModifyDate filter, and only they.
        const QJsonObject touched = env.control("POST", "/_mock/touch",
                                                {{"dataset", "k3-materials"}, {"count", 6}})
                                        .object();
        QTest::qWait(1100); // windows end at whole seconds: let the change be older than "now"
        const QList<QJsonObject> after = mockRecords(env, QStringLiteral("k3-materials"));
        int expectedRead = 0;
        for (const QJsonValue &id : touched.value("ids").toArray()) {
            for (const QJsonObject &m : after) {
                if (m.value("FMasterId").toInteger() == id.toInteger() && passesFilter(m))
                    ++expectedRead;
            }
        }
        r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode <= 1, describe(r).constData());
        QCOMPARE(countersOf(r).read, qint64(expectedRead));
        QCOMPARE(actualRows(env.database()), expectedRows(after, invalid));

        // Fix the mapping to fit the column and retry the stored failures.
        QVERIFY(env.editProject([](QJsonObject &root) {
            IntegrationEnv::setAt(root,
                                  {"schemes", "0", "target", "metadata", "request", "@main_params",
                                   "children", "@product_line", "value"},
                                  "_function LEFT('{F_ProductLine}', 100)");
        }));
        r = env.weftRun("retry", {"--all", "--progress", "jsonl"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(countersOf(r).written, qint64(invalid.size()));
        QVERIFY(openFailures(env).isEmpty());
        QCOMPARE(actualRows(env.database()).size(), expectedRows(after, {}).size());
    }

    void faultsChangeNothing()
    {
        QStringList clean;
        {
            IntegrationEnv env;
            QString error;
            QVERIFY2(env.start(kExample, kMockArgs, QStringLiteral("it_materials_clean"), &error),
                     qPrintable(error));
            QVERIFY(env.editProject([](QJsonObject &root) {
                // Small pages, so faults hit many calls.
                IntegrationEnv::setAt(root, {"schemes", "0", "source", "metadata", "request",
                                             "@Limit", "value"}, "20");
            }));
            const RunResult r = env.weftRun("run", {"--progress", "quiet"});
            QVERIFY2(r.exitCode == 1, describe(r).constData());
            clean = tableRows(env.database(), "wk_wodtop_product");
        }
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start(kExample, kMockArgs + QStringList{"--fault-seed", "5"},
                           QStringLiteral("it_materials_faults"), &error),
                 qPrintable(error));
        QVERIFY(makeImpatient(env));
        QVERIFY(env.editProject([](QJsonObject &root) {
            IntegrationEnv::setAt(root, {"schemes", "0", "source", "metadata", "request", "@Limit",
                                         "value"}, "20");
        }));
        QJsonObject faults = sourceFaults("/k3cloud");
        faults.insert("expireTokens", true); // and the session is lost once: log in again
        env.control("POST", "/_mock/faults", faults);
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        const Counters c = countersOf(r);
        QCOMPARE(c.read, c.written + c.skipped + c.failed);
        // sync_time is "now": compare everything but it.
        auto strip = [](QStringList rows) {
            for (QString &row : rows)
                row.remove(QRegularExpression(QStringLiteral("\\|sync_time=[^|]*")));
            return rows;
        };
        QCOMPARE(strip(tableRows(env.database(), "wk_wodtop_product")), strip(clean));
    }
};

QTEST_GUILESS_MAIN(TestExampleMaterials)
#include "tst_example_materials.moc"
