// Database faults (issue 7, Reliability), on a MariaDB server of the test's own (the shared one
// of ./scripts/test is never restarted or reconfigured): the server restarted — and killed —
// while weft-run writes to it; a lock wait timeout on rows another connection holds; rows that
// violate a column constraint, which fail alone with MariaDB's own message.
//
// The private server runs with innodb_lock_wait_timeout = 2 s so that a lock test takes
// seconds, not minutes.
#include "reliability/reliability.h"

#include <QSqlError>

using namespace weft::test;

namespace {

const QStringList kMock = anchoredMock({"--seed", "7", "--jst-purchaseins", "600", "--quiet"});
const QString kExample = QStringLiteral("jst-purchasein-to-mysql");
const QString kTable = QStringLiteral("purchasein_query");

/// Retries that bridge a short outage: 8 attempts, 0.5 s doubling up to 3 s (≈ 15 s).
bool patientRetries(IntegrationEnv &env, int attempts, int initialMs, int maxMs)
{
    return env.editProject([&](QJsonObject &root) {
        IntegrationEnv::setAt(root, {"schemes", "0", "retry"},
                              QJsonObject{{"attempts", attempts},
                                          {"initialDelayMs", initialMs},
                                          {"maxDelayMs", maxMs}});
    });
}

} // namespace

class TestRelDatabase : public QObject
{
    Q_OBJECT

    PrivateMariaDb m_server;
    QStringList m_cleanRows;
    QStringList m_cleanFailures;

    QStringList rows(const QString &database)
    {
        QStringList out;
        {
            QSqlDatabase db = m_server.open("rows", database);
            out = tableRowsOn(db, kTable);
        }
        QSqlDatabase::removeDatabase("rows");
        return out;
    }

    qint64 count(const QString &database, const QString &sql)
    {
        qint64 n = -1;
        {
            QSqlDatabase db = m_server.open("count", database);
            n = scalar(db, sql);
        }
        QSqlDatabase::removeDatabase("count");
        return n;
    }

    bool startEnv(IntegrationEnv &env, const QString &database)
    {
        QString error;
        if (!env.start(kExample, kMock, QString(), &error) || !m_server.use(env, database, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The suite needs MariaDB's programs, like every MariaDB test; its own server is
        // started here.
        WEFT_REQUIRE_MARIADB();
        QString error;
        QVERIFY2(m_server.start({"--innodb-lock-wait-timeout=2"}, &error), qPrintable(error));
    }

    void cleanBaseline()
    {
        IntegrationEnv env;
        QVERIFY(startEnv(env, "rel_db_clean"));
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        m_cleanRows = rows("rel_db_clean");
        m_cleanFailures = failureKeys(env);
        QVERIFY(m_cleanRows.size() > 1000);
    }

    void restartedMidRun()
    {
        // The server goes down (a clean shutdown) while batches are written, and comes back
        // ≈ 2–5 s later: the writer reconnects and retries within the scheme's retry policy,
        // the run completes with exactly the clean table.
        IntegrationEnv env;
        QVERIFY(startEnv(env, "rel_db_restart"));
        QVERIFY(makeImpatient(env));
        QVERIFY(patientRetries(env, 10, 500, 3000));
        BackgroundRun run;
        run.start(env, {"--progress", "jsonl"});
        QVERIFY2(waitUntil([&] { return run.writtenSoFar() > 0 || !run.isRunning(); }, 120000),
                 run.outputSoFar().right(2000).constData());
        QVERIFY2(run.isRunning(), "the run ended before the restart");
        QString error;
        QVERIFY2(m_server.restart(&error), qPrintable(error));
        const RunResult r = run.wait();
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        // The writer met the outage ("MySQL purchasein_query (2006): …; retry 1 in 512 ms").
        QVERIFY2(r.err.contains("MySQL purchasein_query (") && r.err.contains("; retry "),
                 describe(r).constData());
        const Counters c = countersOf(r);
        QCOMPARE(c.read, c.written + c.skipped + c.failed);
        QCOMPARE(rows("rel_db_restart"), m_cleanRows);
        QCOMPARE(failureKeys(env), m_cleanFailures);
    }

    void killedAndDownLongerThanRetries()
    {
        // The server is killed (SIGKILL: InnoDB recovers on the next start) and stays down
        // longer than the retries last: the run stops with a clear error, the cursor does not
        // pass what was not written, nothing is recorded as failed that was never tried. Once
        // the server is back, the next run completes the table.
        IntegrationEnv env;
        QVERIFY(startEnv(env, "rel_db_killed"));
        QVERIFY(makeImpatient(env));
        QVERIFY(patientRetries(env, 3, 200, 400));
        BackgroundRun run;
        run.start(env, {"--progress", "jsonl"});
        QVERIFY(waitUntil([&] { return run.writtenSoFar() > 0 || !run.isRunning(); }, 120000));
        QVERIFY2(run.isRunning(), "the run ended before the kill");
        m_server.kill9();
        const RunResult r = run.wait();
        QString error;
        QVERIFY2(m_server.restart(&error), qPrintable(error));
        QVERIFY2(r.exitCode == 3, describe(r).constData());
        // "writing to bi_mysql failed: 2003: Can't connect … — the run stops here; records
        // not written are read again by the next run"
        QVERIFY2(r.out.contains("writing to bi_mysql failed"), describe(r).constData());
        for (const QString &f : failureKeys(env))
            QVERIFY2(m_cleanFailures.contains(f), qPrintable(f)); // no write failure invented

        const RunResult again = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(again.exitCode == 1, describe(again).constData());
        QCOMPARE(rows("rel_db_killed"), m_cleanRows);
        QCOMPARE(failureKeys(env), m_cleanFailures);
        QCOMPARE(count("rel_db_killed", "SELECT COUNT(*) - COUNT(DISTINCT id) FROM purchasein_query"), 0);
    }

    void lockWaitTimeout()
    {
        // Another connection holds row locks on rows the run must rewrite. While the lock is
        // held beyond the retries, the batch fails with MariaDB's 1205 and its records are
        // stored as failed (errors are data); released, `weft-run retry --all` writes them.
        // A lock released while the run still retries costs nothing.
        IntegrationEnv env;
        QVERIFY(startEnv(env, "rel_db_lock"));
        QVERIFY(makeImpatient(env));
        QVERIFY(patientRetries(env, 2, 200, 200));
        RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData());

        // Five purchase-ins change; their rows are locked by another transaction.
        const QJsonObject touched = env.control("POST", "/_mock/touch",
                                                {{"dataset", "jst-purchaseins"}, {"count", 5}})
                                        .object();
        QTest::qWait(1100);
        QStringList ioIds;
        for (const QJsonValue &v : touched.value("ids").toArray())
            ioIds << QString::number(v.toInteger());
        QCOMPARE(ioIds.size(), 5);
        const QString lockSql =
            QStringLiteral("SELECT id FROM purchasein_query WHERE io_id IN ('%1') FOR UPDATE")
                .arg(ioIds.join("','"));
        {
            QSqlDatabase holder = m_server.open("holder", "rel_db_lock");
            QVERIFY(holder.transaction());
            QSqlQuery lock(holder);
            QVERIFY2(lock.exec(lockSql), qPrintable(lock.lastError().text()));
            r = env.weftRun("run", {"--progress", "jsonl"});
            holder.rollback();
        }
        QSqlDatabase::removeDatabase("holder");
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        Counters c = countersOf(r);
        QCOMPARE(c.read, c.written + c.skipped + c.failed);
        QVERIFY(c.failed > 0);
        int lockFailures = 0;
        for (const QJsonObject &f : openFailures(env)) {
            if (f.value("error_code").toString() != QLatin1String("1205"))
                continue;
            ++lockFailures;
            QCOMPARE(f.value("stage").toString(), QStringLiteral("write"));
            QVERIFY2(f.value("message").toString().contains("Lock wait timeout exceeded"),
                     qPrintable(f.value("message").toString()));
        }
        QVERIFY2(lockFailures > 0, qPrintable(failureKeys(env).join('\n')));

        // The lock is gone: retrying the stored records writes them.
        r = env.weftRun("retry", {"--all", "--progress", "jsonl"});
        QVERIFY2(r.exitCode <= 1, describe(r).constData());
        for (const QJsonObject &f : openFailures(env))
            QVERIFY2(f.value("error_code").toString() != QLatin1String("1205"),
                     qPrintable(f.value("record_id").toString()));
        const QList<QJsonObject> after = mockRecords(env, "jst-purchaseins");
        QStringList expectedRemarks;
        for (const QJsonObject &h : after) {
            if (ioIds.contains(QString::number(h.value("io_id").toInteger())))
                expectedRemarks << h.value("remark").toString();
        }
        expectedRemarks.removeDuplicates();
        expectedRemarks.sort();
        QSqlDatabase check = m_server.open("check", "rel_db_lock");
        QSqlQuery q(check);
        QVERIFY(q.exec(QStringLiteral("SELECT DISTINCT remark FROM purchasein_query WHERE io_id IN "
                                      "('%1') ORDER BY remark").arg(ioIds.join("','"))));
        QStringList remarks;
        while (q.next())
            remarks << q.value(0).toString();
        check = QSqlDatabase();
        QSqlDatabase::removeDatabase("check");
        remarks.sort();
        QCOMPARE(remarks, expectedRemarks);

        // A lock released after 3 s, while the writer still retries (4 × ≥ 2 s lock waits).
        QVERIFY(patientRetries(env, 4, 500, 1000));
        env.control("POST", "/_mock/touch", {{"dataset", "jst-purchaseins"}, {"count", 5}});
        QTest::qWait(1100);
        {
            QSqlDatabase holder = m_server.open("holder2", "rel_db_lock");
            QVERIFY(holder.transaction());
            QSqlQuery lock(holder);
            QVERIFY(lock.exec(QStringLiteral("SELECT id FROM purchasein_query FOR UPDATE")));
            BackgroundRun run;
            run.start(env, {"--progress", "jsonl"});
            QTest::qWait(3000);
            holder.rollback();
            r = run.wait();
        }
        QSqlDatabase::removeDatabase("holder2");
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY2(r.err.contains("(1205)"), describe(r).constData()); // it did wait for the lock
        c = countersOf(r);
        QVERIFY(c.written > 0);
        QCOMPARE(c.failed, 0);
    }

    void constraintViolations()
    {
        // Rows the table refuses — a CHECK constraint, a value out of a DECIMAL's range — fail one by
        // one with MariaDB's own message; the other rows of their batches are written.
        IntegrationEnv env;
        QVERIFY(startEnv(env, "rel_db_check"));
        {
            QSqlDatabase db = m_server.open("ddl", "rel_db_check");
            QSqlQuery q(db);
            // The example's DDL (items_name wider, so that only the constraint refuses rows),
            // and a constraint: no item quantity of 170 (the mock's are 1–20 or 10–200 in
            // tens, so about one row in forty breaks it).
            QVERIFY2(q.exec(QStringLiteral(
                         "CREATE TABLE purchasein_query (id VARCHAR(64) NOT NULL PRIMARY KEY, "
                         "io_id VARCHAR(32), ts VARCHAR(32), warehouse VARCHAR(100), po_id "
                         "VARCHAR(32), supplier_id VARCHAR(32), supplier_name VARCHAR(200), "
                         "modified DATETIME NULL, so_id VARCHAR(100), out_io_id VARCHAR(100), "
                         "status VARCHAR(32), io_date DATETIME NULL, wh_id VARCHAR(16), wms_co_id "
                         "VARCHAR(32), remark VARCHAR(500), tax_rate DECIMAL(10,4), labels "
                         "VARCHAR(200), archived VARCHAR(8), merge_so_id VARCHAR(100), type "
                         "VARCHAR(50), creator_name VARCHAR(100), f_status VARCHAR(32), l_id "
                         "VARCHAR(100), items_ioi_id VARCHAR(32), items_sku_id VARCHAR(100), "
                         "items_i_id VARCHAR(100), items_unit VARCHAR(20), items_name "
                         "VARCHAR(400), items_qty DECIMAL(18,4), items_cost_price DECIMAL(18,4), "
                         "items_cost_amount DECIMAL(18,4), CONSTRAINT qty_not_170 CHECK "
                         "(items_qty <> 170)) DEFAULT CHARSET=utf8mb4")),
                     qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase("ddl");
        // One purchase-in's cost price becomes a number beyond DECIMAL(18,4).
        const QString badIo = QStringLiteral("500042");
        QVERIFY(env.editProject([&](QJsonObject &root) {
            IntegrationEnv::setAt(root, {"schemes", "0", "target", "metadata", "request",
                                         "@items_cost_price", "value"},
                                  QStringLiteral("_function IF('{io_id}' = '%1', 1e20, "
                                                 "{items_cost_price})").arg(badIo));
        }));
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        const Counters c = countersOf(r);
        QCOMPARE(c.read, c.written + c.skipped + c.failed);

        const QList<QJsonObject> headers = mockRecords(env, "jst-purchaseins");
        QSet<QString> expectCheck, expectDecimal, expectWritten;
        for (const QJsonObject &h : headers) {
            const QString io = QString::number(h.value("io_id").toInteger());
            const QJsonArray items = h.value("items").toArray();
            for (qsizetype k = 0; k < items.size(); ++k) {
                // Failed records carry the flattened source record's id: <io_id>-<item index>.
                const QJsonObject item = items.at(k).toObject();
                const QString id = io + u'-' + QString::number(k);
                if (io == badIo)
                    expectDecimal.insert(id);
                else if (item.value("qty").toDouble() == 170)
                    expectCheck.insert(id);
                else
                    expectWritten.insert(id);
            }
        }
        QVERIFY(!expectCheck.isEmpty() && !expectDecimal.isEmpty());
        QSet<QString> gotCheck, gotDecimal;
        for (const QJsonObject &f : openFailures(env)) {
            const QString message = f.value("message").toString();
            const QString code = f.value("error_code").toString();
            QVERIFY2(f.value("stage").toString() == QLatin1String("write"),
                     qPrintable(f.value("stage").toString() + ' ' + code + ": " + message));
            if (code == QLatin1String("4025")) {
                // MariaDB: CONSTRAINT `qty_not_170` failed for `rel_db_check`.`purchasein_query`
                QVERIFY2(message.contains("CONSTRAINT `qty_not_170` failed"), qPrintable(message));
                gotCheck.insert(f.value("record_id").toString());
            } else if (code == QLatin1String("1264")) {
                // Out of range value for column 'items_cost_price' at row 1
                QVERIFY2(message.contains("Out of range value for column 'items_cost_price' at "
                                          "row 1"),
                         qPrintable(message));
                gotDecimal.insert(f.value("record_id").toString());
            } else {
                QFAIL(qPrintable("unexpected failure " + f.value("stage").toString() + ' ' + code +
                                 ": " + message));
            }
        }
        QCOMPARE(gotCheck, expectCheck - expectDecimal);
        QCOMPARE(gotDecimal, expectDecimal);
        QCOMPARE(c.written, qint64(expectWritten.size()));
        QCOMPARE(count("rel_db_check", "SELECT COUNT(*) FROM purchasein_query"),
                 qint64(expectWritten.size()));
        QCOMPARE(count("rel_db_check", "SELECT COUNT(*) FROM purchasein_query WHERE items_qty = 170"), 0);
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestRelDatabase)
#include "tst_rel_database.moc"
