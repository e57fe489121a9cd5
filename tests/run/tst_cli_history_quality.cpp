// `weft-run history --quality [RUN]`: a run's quality summary from the state store — windows
// reconciled with the source's totals, validate rules per outcome and per field — as text,
// JSON, or a self-contained HTML report.
#include "core/state/qualitystore.h"
#include "core/state/statestore.h"
#include "support/testfiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCliHistoryQuality : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString project() const { return m_dir.filePath("shop.weft.json"); }
    QString state() const { return m_dir.filePath("s.sqlite"); }

    Result history(const QStringList &args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("WEFT_RUN_BIN"),
                QStringList{"history", project(), "--state", state(), "--language", "en"} + args);
        p.waitForFinished(60000);
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::copy(test::sourcePath("resources/examples/jst-warehouses-to-jdy.weft.json"),
                            project()));
        QString error;
        auto store = StateStore::open(state(), &error);
        QVERIFY2(store, qPrintable(error));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const char *id : {"older", "newer"}) {
            RunInfo r;
            r.runId = QString::fromLatin1(id);
            r.scheme = "warehouses";
            r.startedAt = r.runId == "older" ? now.addSecs(-600) : now;
            r.finishedAt = r.startedAt.addSecs(5);
            r.outcome = r.runId == "older" ? RunOutcome::Succeeded : RunOutcome::Aborted;
            r.message = r.runId == "older" ? QString() : QString("window …: 3 missing");
            QVERIFY(store->beginRun(r) && store->updateRun(r));
        }
        QualityStore quality(store.get());
        QualitySummary older{"older", "warehouses", {}, {}};
        older.count("checked", "required", "name", "passed", 38);
        older.count("checked", "required", "name", "failed", 2);
        older.count("checked", "maxLength 20", "name", "passed", 40);
        older.count("checked", "pattern ^[0-9]+$", "wms_co_id", "warned", 4);
        older.windows.append({1700000000, 1700086400, 40, 40, 1, "ok"});
        QualitySummary newer{"newer", "warehouses", {}, {}};
        newer.windows.append({1700086400, 1700172800, 40, 37, 1, "short"});
        QVERIFY(quality.save(older) && quality.save(newer));
    }

    void newestRunByDefault()
    {
        const Result r = history({"--quality"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("run newer"), r.out.constData());
        QVERIFY(r.out.contains("3 missing"));
        // The window: reported 40, read 37, short.
        QVERIFY2(r.out.contains("      40       37      1  short"), r.out.constData());
        QVERIFY(r.out.contains("(the scheme checks no rules)"));
    }

    void rulesPerRuleAndPerField()
    {
        const Result r = history({"--quality", "older"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains(QRegularExpression("required @ name\\s+38\\s+2\\s+0\\s+0")),
                 r.out.constData());
        QVERIFY(text.contains(QRegularExpression("maxLength 20 @ name\\s+40\\s+0\\s+0\\s+0")));
        QVERIFY(text.contains(
            QRegularExpression("pattern \\^\\[0-9\\]\\+\\$ @ wms_co_id\\s+0\\s+0\\s+4")));
        // Per field: name's two rules add up.
        QVERIFY2(text.contains(QRegularExpression("\\nname\\s+78\\s+2\\s+0\\s+0\\n")),
                 r.out.constData());
    }

    void json()
    {
        const Result r = history({"--quality", "older", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("run_id").toString(), QStringLiteral("older"));
        QCOMPARE(o.value("rules").toArray().size(), 4);
        const QJsonObject window = o.value("windows").toArray().at(0).toObject();
        QCOMPARE(window.value("reported").toInteger(), 40);
        QCOMPARE(window.value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(o.value("fields").toArray().at(0).toObject().value("passed").toInteger(), 78);
    }

    void htmlReport()
    {
        const QString file = m_dir.filePath("report.html");
        const Result r = history({"--quality", "older", "--html", file});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray html = f.readAll();
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("<svg"));
        QVERIFY(html.contains("wms_co_id"));
    }

    void mistakes()
    {
        QCOMPARE(history({"--html", m_dir.filePath("x.html")}).exitCode, 2); // without --quality
        QCOMPARE(history({"--quality", "no-such-run"}).exitCode, 2);
        QCOMPARE(history({"older"}).exitCode, 2); // a run only with --quality
    }
};

QTEST_GUILESS_MAIN(TestCliHistoryQuality)
#include "tst_cli_history_quality.moc"
