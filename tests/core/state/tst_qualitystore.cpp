// Runs' quality summaries in the state store — the same on SQLite and on MariaDB — and the
// HTML report made of one.
#include "core/state/qualityreport.h"
#include "core/state/qualitystore.h"
#include "core/state/statestore.h"
#include "support/mariadb.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

class TestQualityStore : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<StateStore> open(const QString &backend)
    {
        const QString n = QString::number(++m_n);
        QString error;
        std::unique_ptr<StateStore> store =
            backend == QLatin1String("sqlite")
                ? StateStore::open(m_dir.filePath(QStringLiteral("q%1.sqlite").arg(n)), &error)
                : StateStore::open(test::stateStoreUrl(QStringLiteral("weft_quality_%1").arg(n)),
                                   &error);
        if (!store)
            qWarning("%s", qPrintable(error));
        return store;
    }

    static QualitySummary sample(const QString &runId)
    {
        QualitySummary s;
        s.runId = runId;
        s.scheme = QStringLiteral("customers");
        s.count("checked", "required", "name", "passed", 98);
        s.count("checked", "required", "name", "failed", 2);
        s.count("checked", "maxLength 20", "name", "passed", 100);
        s.count("checked", "pattern ^1[0-9]{10}$", "mobile", "passed", 90);
        s.count("checked", "pattern ^1[0-9]{10}$", "mobile", "warned", 10);
        s.windows.append({1700000000, 1700086400, 120, 120, 3, "ok"});
        s.windows.append({1700086400, 1700172800, 50, 47, 1, "short"});
        return s;
    }

    QTemporaryDir m_dir;
    int m_n = 0;

private Q_SLOTS:
    void init()
    {
        if (QString::fromLatin1(QTest::currentDataTag()) == QLatin1String("mariadb"))
            WEFT_REQUIRE_MARIADB();
    }

    void countingMergesByRuleFieldAndOutcome()
    {
        QualitySummary s;
        s.count("v", "required", "name", "passed");
        s.count("v", "required", "name", "passed", 4);
        s.count("v", "required", "code", "passed");
        s.count("v", "required", "name", "failed");
        QCOMPARE(s.rules.size(), 3);
        QCOMPARE(s.rules.at(0).count, 5);
        s.add({{"v", "required", "name", "failed", 2}, {"v2", "required", "name", "skipped", 1}});
        QCOMPARE(s.rules.size(), 4);
        QCOMPARE(s.rules.at(2).count, 3);

        const auto fields = s.perField();
        QCOMPARE(fields.size(), 2);
        QCOMPARE(fields.at(0).field, QStringLiteral("name"));
        QCOMPARE(fields.at(0).passed, 5);
        QCOMPARE(fields.at(0).failed, 3);
        QCOMPARE(fields.at(0).other, 1); // "skipped": an outcome the summary has no column for
        const auto rules = s.perRule();
        QCOMPARE(rules.size(), 3); // v/name, v/code, v2/name
        QCOMPARE(rules.at(2).step, QStringLiteral("v2"));
    }

    void savedAndLoaded_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << "sqlite";
        QTest::newRow("mariadb") << "mariadb";
    }
    void savedAndLoaded()
    {
        QFETCH(QString, backend);
        auto store = open(backend);
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), 7);
        QualityStore quality(store.get());
        const QualitySummary a = sample("run-a");
        QualitySummary b;
        b.runId = "run-b";
        b.scheme = "customers";
        b.windows.append({1, 2, -1, 10, 1, "unknown"});
        QVERIFY2(quality.save(a), qPrintable(quality.lastError()));
        QVERIFY2(quality.save(b), qPrintable(quality.lastError()));

        const QualitySummary loaded = quality.load("run-a");
        QVERIFY(quality.lastError().isEmpty());
        QCOMPARE(loaded.scheme, a.scheme);
        QCOMPARE(loaded.rules, a.rules); // in the order they were counted
        QCOMPARE(loaded.windows, a.windows);
        QCOMPARE(quality.load("run-b").windows, b.windows);
        QVERIFY(quality.load("run-b").rules.isEmpty());
        QVERIFY(quality.load("nobody").isEmpty());

        // Saving again replaces, never adds.
        QualitySummary again = a;
        again.rules.removeLast();
        again.windows.removeFirst();
        QVERIFY(quality.save(again));
        QCOMPARE(quality.load("run-a").rules, again.rules);
        QCOMPARE(quality.load("run-a").windows, again.windows);
    }

    void htmlReportStandsAlone()
    {
        RunInfo run;
        run.runId = "run-a";
        run.scheme = "customers";
        run.outcome = RunOutcome::Aborted;
        run.message = "window <x>: the source reported 50 records";
        run.startedAt = QDateTime::currentDateTimeUtc();
        const QString html = qualityReportHtml(run, sample("run-a"));
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("<svg"));
        QVERIFY(html.contains("pattern ^1[0-9]{10}$"));
        QVERIFY(html.contains("window &lt;x&gt;")); // escaped
        QVERIFY(html.contains("class=\"short\""));  // the failed window stands out
        QVERIFY(html.contains(">-3<"));             // its difference
        // Self-contained: nothing loaded from elsewhere.
        QVERIFY(!html.contains("src="));
        QVERIFY(!html.contains("<link"));
        QVERIFY(!html.contains("<script"));
    }
};

QTEST_GUILESS_MAIN(TestQualityStore)
#include "tst_qualitystore.moc"
