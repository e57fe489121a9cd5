// `weft-run preview --pinned` and `--pin`: a scheme previewed from the sample pinned beside
// the project, with no source to reach (the mock URL points at a closed port), every stage's
// counts and the reason for each record the filter dropped.
#include "support/testfiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Result runWeft(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Port 9 (discard) has no HTTP server: any attempt to fetch fails at once.
    env.insert("WEFT_MOCK_URL", "http://127.0.0.1:9");
    env.insert("DINGTALK_APP_SECRET", "weft-dd-secret");
    env.insert("K3_APP_SECRET", "weft-k3-secret");
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("WEFT_RUN_BIN"), args);
    p.waitForFinished(60000);
    return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
}

/// What the filter must do, computed from the pinned records themselves: the rows of the
/// 表格 table (beatFlat), those of approved instances, and the approved instances.
struct Expected {
    int instances = 0;
    int rows = 0;
    int approvedRows = 0;
    int approvedInstances = 0;
};

Expected expectedFrom(const QString &samplesFile)
{
    Expected e;
    const QJsonObject root = QJsonDocument::fromJson(weft::test::readFile(samplesFile)).object();
    const QJsonArray records =
        root["schemes"].toObject()["rebates"].toObject()["records"].toArray();
    for (const QJsonValue &v : records) {
        const QJsonObject r = v.toObject();
        const int rows = std::max<int>(1, int(r["表格"].toArray().size()));
        ++e.instances;
        e.rows += rows;
        if (r["status"].toString() == "COMPLETED" && r["result"].toString() == "agree") {
            e.approvedRows += rows;
            ++e.approvedInstances;
        }
    }
    return e;
}

} // namespace

class TestCliPreview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath("rebates.weft.json");
        QFile::remove(m_project);
        QVERIFY(QFile::copy(
            weft::test::sourcePath("resources/examples/dingtalk-rebates-to-k3.weft.json"),
            m_project));
        QFile::remove(samples());
    }

    void pinnedPreviewNeedsNoNetwork()
    {
        const QString data =
            weft::test::sourcePath("tests/data/samples/dingtalk-rebates-to-k3.weft.samples.json");
        QVERIFY(QFile::copy(data, samples()));
        const Expected want = expectedFrom(data);
        QVERIFY(want.rows > want.approvedRows && want.approvedRows > 0);

        const Result r = runWeft({"preview", m_project, "--scheme", "rebates", "--pinned",
                                  "--state", m_dir.filePath("s.sqlite")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc["pinned"].toBool(), true);
        QCOMPARE(doc["source_records"].toArray().size(), want.instances);
        // One K3Cloud document per approved instance, its rows as FEntity lines.
        QCOMPARE(doc["mapped"].toArray().size(), want.approvedInstances);
        QCOMPARE(doc["skipped"].toInt(), want.rows - want.approvedRows);

        QStringList stages;
        QJsonArray dropped;
        for (const QJsonValue &v : doc["stages"].toArray()) {
            const QJsonObject s = v.toObject();
            stages << QStringLiteral("%1 %2→%3")
                          .arg(s["id"].toString())
                          .arg(s["in"].toInt())
                          .arg(s["out"].toInt());
            if (s["id"].toString() == "approved")
                dropped = s["left"].toArray();
        }
        QCOMPARE(stages, (QStringList{
                             QStringLiteral("source %1→%1").arg(want.instances),
                             QStringLiteral("beatFlat %1→%2").arg(want.instances).arg(want.rows),
                             QStringLiteral("approved %1→%2").arg(want.rows).arg(want.approvedRows),
                             QStringLiteral("map %1→%1").arg(want.approvedRows)}));
        // The sample in tests/data (weft-mock --seed 13 --dd-instances 150): the figures the
        // docs quote.
        QCOMPARE(stages.at(2), QStringLiteral("approved 367→304"));
        QCOMPARE(dropped.size(), want.rows - want.approvedRows);
        for (const QJsonValue &v : dropped) {
            const QString reason = v["reason"].toString();
            QVERIFY2(reason.startsWith("condition false: status = \"") &&
                         reason.contains(", result = \""),
                     qPrintable(reason));
            QVERIFY(!reason.contains("status = \"COMPLETED\", result = \"agree\""));
        }
    }

    void pinnedWithoutSampleIsAUsageError()
    {
        const Result r = runWeft({"preview", m_project, "--scheme", "rebates", "--pinned",
                                  "--state", m_dir.filePath("s.sqlite")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("has no pinned sample"), qPrintable(r.err));
    }

    void pinWithoutNetworkWritesNothing()
    {
        const Result r = runWeft({"preview", m_project, "--scheme", "rebates", "--pin", "--state",
                                  m_dir.filePath("s.sqlite")});
        QVERIFY(r.exitCode != 0);
        QVERIFY(!QFile::exists(samples()));
    }

private:
    QString samples() const { return m_dir.filePath("rebates.weft.samples.json"); }

    QTemporaryDir m_dir;
    QString m_project;
};

QTEST_GUILESS_MAIN(TestCliPreview)
#include "tst_cli_preview.moc"
