// <project>.samples.json: what a pinned sample looks like on disk (stable, a record per line,
// no secrets) and that it reads back as it was.
#include "core/log/logging.h"
#include "core/model/pinnedsamples.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

class TestPinnedSamples : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void locationIsBesideTheProject()
    {
        QCOMPARE(PinnedSamples::locationFor("/p/shop.weft.json"),
                 QStringLiteral("/p/shop.weft.samples.json"));
    }

    void writesStableTextThatReadsBack()
    {
        PinnedSamples a;
        a.set("orders", {{QJsonObject{{"id", 1}, {"name", "甲"}, {"items", QJsonArray{1, 2}}},
                          QJsonObject{{"id", 2}, {"name", "乙"}}},
                         "2026-12-07T10:00:00Z"});
        a.set("customers", {{QJsonObject{{"code", "C1"}}}, "2026-12-07T11:00:00Z"});
        const QByteArray text = a.toJson();
        // Schemes sorted by name, keys sorted, one record per line: a diff shows records.
        QVERIFY(text.indexOf("\"customers\"") < text.indexOf("\"orders\""));
        QVERIFY(text.contains("\n        {\"id\":1,\"items\":[1,2],\"name\":\"甲\"},\n"));
        QVERIFY(text.contains("\n        {\"id\":2,\"name\":\"乙\"}\n"));

        PinnedSamples b;
        QString error;
        QVERIFY2(b.fromJson(text, &error), qPrintable(error));
        QVERIFY(a == b);
        QCOMPARE(b.toJson(), text);
        QCOMPARE(b.sample("orders")->records.size(), 2);
        QCOMPARE(b.sample("orders")->pinnedAt, QStringLiteral("2026-12-07T10:00:00Z"));
    }

    void secretsNeverReachTheFile()
    {
        // A value the redactor knows (a resolved app secret) wherever it appears, and fields
        // whose names say they hold a credential, whatever their value.
        log::registerSecret("s3cr3t-app-value");
        PinnedSamples s;
        s.set("orders",
              {{QJsonObject{{"id", 1},
                            {"note", "signed with s3cr3t-app-value"},
                            {"access_token", "tok-123456"},
                            {"nested", QJsonObject{{"password", "hunter22"}, {"plain", "ok"}}}}},
               {}});
        const QByteArray text = s.toJson();
        QVERIFY(!text.contains("s3cr3t-app-value"));
        QVERIFY(!text.contains("tok-123456"));
        QVERIFY(!text.contains("hunter22"));
        QVERIFY(text.contains("\"plain\":\"ok\""));
        QVERIFY(text.contains("\"access_token\":\"***\""));
    }

    void filesRoundTripAndEmptyRemovesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("p.weft.samples.json");
        PinnedSamples s;
        QString error;
        QVERIFY(s.read(path, &error)); // no file: no samples
        QVERIFY(s.isEmpty());
        s.set("orders", {{QJsonObject{{"id", 1}}}, {}});
        QVERIFY2(s.write(path, &error), qPrintable(error));
        PinnedSamples back;
        QVERIFY(back.read(path, &error));
        QVERIFY(back == s);
        back.remove("orders");
        QVERIFY(back.write(path, &error));
        QVERIFY(!QFile::exists(path));
    }

    void refusesOtherFiles()
    {
        PinnedSamples s;
        QString error;
        QVERIFY(!s.fromJson("{\"format\": \"weft-project\"}", &error));
        QVERIFY(error.contains("not a Weft samples file"));
        QVERIFY(!s.fromJson("{\"format\": \"weft-samples\", \"version\": 9}", &error));
        QVERIFY(error.contains("newer"));
    }
};

QTEST_GUILESS_MAIN(TestPinnedSamples)
#include "tst_pinnedsamples.moc"
