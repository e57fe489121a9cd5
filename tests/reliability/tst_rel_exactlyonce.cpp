// Exactly once (docs/architecture.md "Exactly once"): weft-run is killed at every named point of
// a batch's life (WEFT_CRASH_AT, crashpoint.h) — before the target sees the batch, inside the
// target's transaction, after the target's commit, inside and after recording the outcome,
// inside recording failures, before and after moving the cursor — for every verb a MySQL
// target accepts, on a table with a key and on one without, and for the JDY and K3Cloud
// targets. Then it runs to the end. The target must hold exactly what a clean run leaves,
// each record once; the same records fail as in the clean run (none falsely); the cursor is
// where a complete run leaves it. A random kill -9 rarely lands on these narrow places; a
// named point always does.
//
// The MySQL writer's own recovery from a lost answer (the server committed, the client saw
// the connection drop) is tried too: "mysql-answer-lost" makes the writer believe that.
#include "reliability/reliability.h"

#include <QDateTime>

using namespace weft::test;

namespace {

// Purchase-ins of the last 20 days, read in 7-day windows since 21 days ago: 4 windows.
const QStringList kPurchaseinMock =
    anchoredMock({"--seed", "7", "--jst-purchaseins", "300", "--span-days", "20", "--quiet"});
const QStringList kWarehousesMock =
    anchoredMock({"--seed", "5", "--jst-partners", "40", "--quiet"});
const QStringList kRebatesMock = anchoredMock({"--seed", "13", "--dd-instances", "80", "--quiet"});

/// A MySQL write verb and the table shape it writes to.
struct Verb {
    const char *name;
    const char *head; ///< what main_sql starts with
    const char *tail; ///< what follows VALUES (… ON DUPLICATE KEY UPDATE …)
    bool keyed;       ///< the table has its primary key; without it nothing stops a second row
};

const Verb kVerbs[] = {
    {"insert-keyless", "INSERT INTO", "", false},
    {"insert", "INSERT INTO", "", true},
    {"insert-ignore", "INSERT IGNORE INTO", "", true},
    {"replace", "REPLACE INTO", "", true},
    {"upsert", "INSERT INTO",
     " ON DUPLICATE KEY UPDATE io_id = VALUES(io_id), items_qty = VALUES(items_qty)", true},
};

/// A crash point and the hit that kills (the 2nd batch rather than the 1st, so that a
/// committed batch lies before the kill).
struct Point {
    const char *name;
    int nth;
    bool mysqlOnly;
};

const Point kPoints[] = {
    {"batch-journalled", 2, false}, {"target-uncommitted", 2, true},
    {"target-committed", 2, true},  {"target-ok", 2, false},
    {"outcome-inside", 2, false},   {"outcome-stored", 2, false},
    {"failures-inside", 1, false},  {"cursor-before", 2, false},
    {"cursor-after", 2, false},
};

/// The purchase-ins example with `verb` as its main_sql, batches of 100 rows.
bool useVerb(IntegrationEnv &env, const Verb &verb)
{
    return env.editProject([&](QJsonObject &root) {
        IntegrationEnv::setAt(root, {"schemes", "0", "sync", "initialSince"}, "DAYS_AGO_21");
        QJsonObject scheme = root.value("schemes").toArray().at(0).toObject();
        QJsonObject meta = scheme.value("target").toObject().value("metadata").toObject();
        QJsonArray other = meta.value("otherRequest").toArray();
        for (qsizetype i = 0; i < other.size(); ++i) {
            QJsonObject entry = other.at(i).toObject();
            if (entry.value("field") == QLatin1String("main_sql")) {
                QString sql = entry.value("value").toString();
                sql.replace(QLatin1String("REPLACE INTO"), QLatin1String(verb.head));
                entry.insert("value", QString(sql + QLatin1String(verb.tail)));
            } else if (entry.value("field") == QLatin1String("limit")) {
                entry.insert("value", "100");
            }
            other[i] = entry;
        }
        meta.insert("otherRequest", other);
        if (!verb.keyed) {
            QString ddl = meta.value("ddl").toString();
            ddl.replace(QLatin1String("NOT NULL PRIMARY KEY"), QLatin1String("NOT NULL"));
            meta.insert("ddl", ddl);
        }
        QJsonObject target = scheme.value("target").toObject();
        target.insert("metadata", meta);
        scheme.insert("target", target);
        QJsonArray schemes = root.value("schemes").toArray();
        schemes[0] = scheme;
        root.insert("schemes", schemes);
    });
}

/// JDY saves in pages of 5 (several batches), K3Cloud in batches of 10.
bool smallBatches(IntegrationEnv &env, const QString &example)
{
    return env.editProject([&](QJsonObject &root) {
        if (example == QLatin1String("jst-warehouses-to-jdy"))
            IntegrationEnv::setAt(root, {"schemes", "0", "source", "metadata", "request",
                                         "@page_size", "value"}, "5");
        else
            IntegrationEnv::setAt(root, {"schemes", "0", "target", "metadata", "otherRequest",
                                         "@limit", "value"}, "10");
    });
}

/// What a run left in the target and the state store, to compare with a clean run.
struct Outcome {
    QStringList target; ///< rows, or documents as "key=value"
    QStringList failures;
    std::optional<qint64> cursor;
};

QStringList documentsOf(const QMap<QString, QString> &documents)
{
    QStringList out;
    for (auto it = documents.begin(); it != documents.end(); ++it)
        out << it.key() + u'=' + it.value();
    return out;
}

Outcome outcomeOf(const IntegrationEnv &env, const QString &example, const QString &scheme)
{
    Outcome o;
    if (example == QLatin1String("jst-purchasein-to-mysql"))
        o.target = tableRows(env.database(), "purchasein_query");
    else if (example == QLatin1String("jst-warehouses-to-jdy"))
        o.target = documentsOf(jdyStores(env));
    else
        o.target = documentsOf(k3Documents(env));
    o.failures = failureKeys(env);
    o.cursor = stateCursor(env.statePath(), scheme);
    return o;
}

} // namespace

class TestRelExactlyOnce : public QObject
{
    Q_OBJECT

    QMap<QString, Outcome> m_clean; ///< per verb or example
    int m_trials = 0;

    /// One example (with `verb` for the MySQL one): a clean run, remembered.
    void cleanRun(const QString &example, const QStringList &mock, const QString &key,
                  const Verb *verb, const QString &scheme)
    {
        IntegrationEnv env;
        QString error;
        const QString database =
            verb ? QStringLiteral("rel_eo_clean_") + QString(key).replace(u'-', u'_') : QString();
        QVERIFY2(env.start(example, mock, database, &error), qPrintable(error));
        QVERIFY(verb ? useVerb(env, *verb) : smallBatches(env, example));
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, describe(r).constData());
        Outcome o = outcomeOf(env, example, scheme);
        QVERIFY2(o.target.size() > 10, qPrintable(key));
        QVERIFY(o.cursor.has_value());
        if (verb) {
            QCOMPARE(scalarShared(database, "SELECT COUNT(*) - COUNT(DISTINCT id) FROM "
                                            "purchasein_query"),
                     0);
        }
        m_clean.insert(key, o);
    }

    /// Killed at `point`, then run to the end: the same as the clean run.
    void killedAt(const QString &example, const QStringList &mock, const QString &key,
                  const Verb *verb, const QString &scheme, const Point &point, bool fault)
    {
        IntegrationEnv env;
        QString error;
        const QString database =
            verb ? QStringLiteral("rel_eo_%1").arg(++m_trials) : QString();
        QVERIFY2(env.start(example, mock, database, &error), qPrintable(error));
        QVERIFY(verb ? useVerb(env, *verb) : smallBatches(env, example));
        env.setEnv("WEFT_CRASH_AT", QStringLiteral("%1@%2").arg(point.name).arg(point.nth));
        const RunResult crashed = env.weftRun("run", {"--progress", "jsonl"});
        const QByteArray what = key.toUtf8() + " at " + QByteArray(point.name) + ": ";
        if (fault) {
            // Not a crash: the writer's own recovery must finish the run like a clean one.
            QVERIFY2(crashed.exitCode == 0 || crashed.exitCode == 1,
                     QByteArray(what + describe(crashed)).constData());
        } else {
            QVERIFY2(crashed.exitCode == -1 &&
                         crashed.err.contains("WEFT_CRASH_AT: killing the process at"),
                     QByteArray(what + "the point was not reached: " + describe(crashed)).constData());
        }
        env.setEnv("WEFT_CRASH_AT", QString());
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, QByteArray(what + describe(r)).constData());
        const Counters c = countersOf(r);
        QCOMPARE(c.read, c.written + c.skipped + c.failed);
        const Outcome clean = m_clean.value(key);
        const Outcome now = outcomeOf(env, example, scheme);
        if (now.target != clean.target) {
            qWarning("%s: %lld rows/documents, the clean run %lld", what.constData(),
                     qint64(now.target.size()), qint64(clean.target.size()));
        }
        QCOMPARE(now.target, clean.target);
        QCOMPARE(now.failures, clean.failures);
        QVERIFY2(now.cursor && *now.cursor >= before - 1, what.constData());
        if (verb) {
            QCOMPARE(scalarShared(database, "SELECT COUNT(*) - COUNT(DISTINCT id) FROM "
                                            "purchasein_query"),
                     0);
            // Nothing is left in flight, and the ledger keeps only the last run's few rows.
            QVERIFY(scalarShared(database, "SELECT COUNT(*) FROM weft_write_ledger") < 10);
        }
    }

private Q_SLOTS:
    void initTestCase() { WEFT_REQUIRE_MARIADB(); }

    void mysqlVerbsClean()
    {
        for (const Verb &verb : kVerbs) {
            cleanRun("jst-purchasein-to-mysql", kPurchaseinMock, verb.name, &verb, "purchasein");
            if (QTest::currentTestFailed())
                return;
        }
        // Every verb writes the same rows (the table's content does not depend on the verb
        // when each record is written once).
        for (const Verb &verb : kVerbs)
            QCOMPARE(m_clean.value(verb.name).target, m_clean.value(kVerbs[0].name).target);
    }

    void mysqlEveryPointEveryVerb_data()
    {
        QTest::addColumn<int>("verb");
        QTest::addColumn<int>("point");
        for (int v = 0; v < int(std::size(kVerbs)); ++v) {
            for (int p = 0; p < int(std::size(kPoints)); ++p)
                QTest::addRow("%s/%s", kVerbs[v].name, kPoints[p].name) << v << p;
        }
    }

    void mysqlEveryPointEveryVerb()
    {
        QFETCH(int, verb);
        QFETCH(int, point);
        QVERIFY(m_clean.contains(kVerbs[verb].name));
        killedAt("jst-purchasein-to-mysql", kPurchaseinMock, kVerbs[verb].name, &kVerbs[verb],
                 "purchasein", kPoints[point], false);
    }

    void mysqlAnswerLostAfterCommit_data()
    {
        QTest::addColumn<int>("verb");
        for (int v = 0; v < int(std::size(kVerbs)); ++v)
            QTest::addRow("%s", kVerbs[v].name) << v;
    }

    void mysqlAnswerLostAfterCommit()
    {
        // The server committed the 3rd statement and the writer saw the connection drop
        // (2013): it reconnects and sends the same statement again — which finds its ledger
        // row and writes nothing.
        QFETCH(int, verb);
        killedAt("jst-purchasein-to-mysql", kPurchaseinMock, kVerbs[verb].name, &kVerbs[verb],
                 "purchasein", Point{"mysql-answer-lost", 3, true}, true);
    }

    void httpTargetsClean()
    {
        cleanRun("jst-warehouses-to-jdy", kWarehousesMock, "jdy", nullptr, "warehouses");
        cleanRun("dingtalk-rebates-to-k3", kRebatesMock, "k3cloud", nullptr, "rebates");
    }

    void httpTargetsEveryPoint_data()
    {
        QTest::addColumn<QString>("example");
        QTest::addColumn<int>("point");
        for (const char *example : {"jst-warehouses-to-jdy", "dingtalk-rebates-to-k3"}) {
            for (int p = 0; p < int(std::size(kPoints)); ++p) {
                // Every rebate of the example is valid: nothing is recorded as failed there.
                const bool noFailures = QLatin1String(example) != "jst-warehouses-to-jdy" &&
                                        QLatin1String(kPoints[p].name) == "failures-inside";
                if (!kPoints[p].mysqlOnly && !noFailures)
                    QTest::addRow("%s/%s", example, kPoints[p].name) << QString(example) << p;
            }
        }
    }

    void httpTargetsEveryPoint()
    {
        QFETCH(QString, example);
        QFETCH(int, point);
        const bool jdy = example == QLatin1String("jst-warehouses-to-jdy");
        QVERIFY(m_clean.contains(jdy ? "jdy" : "k3cloud"));
        // The warehouses are read whole and the rebates fit one 120-day window: their cursor
        // moves once.
        Point at = kPoints[point];
        if (QByteArray(at.name).startsWith("cursor-"))
            at.nth = 1;
        killedAt(example, jdy ? kWarehousesMock : kRebatesMock, jdy ? "jdy" : "k3cloud", nullptr,
                 jdy ? "warehouses" : "rebates", at, false);
    }
};

QTEST_GUILESS_MAIN(TestRelExactlyOnce)
#include "tst_rel_exactlyonce.moc"
