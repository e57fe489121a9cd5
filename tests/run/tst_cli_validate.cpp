#include "support/testfiles.h"

#include <QDir>
#include <QProcess>
#include <QtTest>

namespace {

struct Result {
    int exitCode = -1;
    QString out;
    QString err;
};

Result runWeft(const QStringList &args)
{
    QProcess p;
    p.start(qEnvironmentVariable("WEFT_RUN_BIN"), args);
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

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
