#include "support/testfiles.h"
#include "weftrun.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>

namespace {

using Result = weft::test::WeftRunResult;
using weft::test::runWeft;

} // namespace

class TestCliValidate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void examplesValidate()
    {
        const QDir dir(weft::test::sourcePath("resources/examples"));
        QStringList files;
        for (const QString &f : dir.entryList({"*.weft.json"}))
            files << dir.filePath(f);
        QCOMPARE(files.size(), 5);
        const Result r = runWeft(QStringList{"validate"} + files);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.count(": valid ("), 5);
    }

    void brokenFileExitsTwoWithPathQualifiedMessages()
    {
        const QString file = weft::test::sourcePath("tests/data/projects/broken-many.weft.json");
        const Result r = runWeft({"validate", file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains("invalid"));
        // file:line:column: error: /json/pointer: message — one line per problem.
        const QRegularExpression line(QRegularExpression::escape(file) +
                                      R"(:\d+:\d+: error: (/[^:]*): .+)");
        QStringList pointers;
        auto it = line.globalMatch(r.err);
        while (it.hasNext())
            pointers << it.next().captured(1);
        QVERIFY2(pointers.size() >= 8, qPrintable(r.err));
        QVERIFY(pointers.contains("/connections/1/type"));
        QVERIFY(pointers.contains("/schemes/0/source/connection"));
        QVERIFY(pointers.contains("/schemes/0/steps/0/type"));
    }

    void malformedJsonGivesLineAndColumn()
    {
        const QString file = weft::test::sourcePath("tests/data/projects/malformed.weft.json");
        const Result r = runWeft({"validate", file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(file + ":5:"), qPrintable(r.err));
        QVERIFY(r.err.contains("malformed JSON"));
    }

    void catalogueDriftIsAWarning()
    {
        // The purchase-in example bound to its catalogue entry: its hand-written metadata is
        // what the catalogue describes, so binding adds nothing to say.
        QFile example(
            weft::test::sourcePath("resources/examples/jst-purchasein-to-mysql.weft.json"));
        QVERIFY(example.open(QIODevice::ReadOnly));
        QJsonObject project = QJsonDocument::fromJson(example.readAll()).object();
        auto withSource = [&](const std::function<void(QJsonObject &)> &edit) {
            QJsonArray schemes = project.value("schemes").toArray();
            QJsonObject scheme = schemes.at(0).toObject();
            QJsonObject source = scheme.value("source").toObject();
            QJsonObject metadata = source.value("metadata").toObject();
            edit(metadata);
            source.insert("metadata", metadata);
            scheme.insert("source", source);
            schemes.replace(0, scheme);
            project.insert("schemes", schemes);
        };
        withSource([](QJsonObject &m) { m.insert("catalog", "jushuitan/purchasein.query"); });
        QTemporaryDir dir;
        const QString file = dir.filePath("bound.weft.json");
        auto write = [&] {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QJsonDocument(project).toJson());
        };
        write();
        Result r = runWeft({"validate", file});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.err.contains("catalogue"), qPrintable(r.err));

        // The copy drifts: the records elsewhere, a page above the documented maximum.
        withSource([](QJsonObject &m) {
            m.insert("responsePath", "data.rows");
            QJsonArray request = m.value("request").toArray();
            for (qsizetype i = 0; i < request.size(); ++i) {
                QJsonObject f = request.at(i).toObject();
                if (f.value("field") == "page_size") {
                    f.insert("value", 500);
                    request.replace(i, f);
                }
            }
            m.insert("request", request);
        });
        write();
        r = runWeft({"validate", file});
        QCOMPARE(r.exitCode, 0); // warnings: the project still runs on its own copy
        const QRegularExpression drift(
            QRegularExpression::escape(file) +
            R"(:\d+:\d+: warning: /schemes/0/source/metadata/(responsePath|request/1/value): .*catalogue.*)");
        QStringList lines;
        for (const QString &line : r.err.split('\n')) {
            if (drift.match(line).hasMatch())
                lines << line;
        }
        QVERIFY2(lines.size() == 2, qPrintable(r.err));
        QVERIFY2(lines.filter("has the records at \"data.datas\"").size() == 1, qPrintable(r.err));
        QVERIFY2(lines.filter("a page of 500 records").size() == 1, qPrintable(r.err));
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(runWeft({"validate"}).exitCode, 2);
        QCOMPARE(runWeft({"frobnicate"}).exitCode, 2);
        QCOMPARE(runWeft({}).exitCode, 2);
        const Result version = runWeft({"--version"});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("weft-run "));
    }

    void examplesAreInCanonicalForm()
    {
        const QDir dir(weft::test::sourcePath("resources/examples"));
        QStringList files;
        for (const QString &f : dir.entryList({"*.weft.json"}))
            files << dir.filePath(f);
        const Result r = runWeft(QStringList{"format", "--check"} + files);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_cli_validate.moc"
