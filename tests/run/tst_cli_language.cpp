#include "weftrun.h"

// weft-run speaks the user's language: the system locale chooses it, --language overrides it,
// and an unknown one is refused. The messages checked are a validation problem, the summary of
// `validate`, and what a failing `run` of an invalid project prints.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using Result = weft::test::WeftRunResult;

/// Runs weft-run with only the locale variables given (nothing inherited that could decide
/// the language).
Result runWeft(const QStringList &args, const QStringList &localeVars)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
        env.remove(QString::fromLatin1(name));
    for (const QString &v : localeVars)
        env.insert(v.section(u'=', 0, 0), v.section(u'=', 1));
    return weft::test::runWeft(args, env);
}

} // namespace

class TestCliLanguage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("broken.weft.json"));
        QFile f(m_project);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // One scheme whose target names a connection that does not exist.
        f.write(R"({"format": "weft-project", "version": 1,
 "connections": [{"name": "db", "type": "mysql", "database": "bi", "host": "localhost"}],
 "schemes": [{"name": "s", "source": {"connection": "db", "metadata": {"sql": "SELECT 1"}},
              "target": {"connection": "nope"}}]})");
    }

    void chineseLocaleSpeaksChinese()
    {
        const Result r = runWeft({"validate", m_project}, {"LANG=zh_CN.UTF-8"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("没有名为 \"nope\" 的连接")), qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("：无效（")), qPrintable(r.out));
        // The position, severity and pointer stay as tools parse them.
        QVERIFY(r.err.contains(QStringLiteral(": error: /schemes/0/target/connection: ")));
    }

    void aFailingRunSpeaksChinese()
    {
        const Result r = runWeft({"run", m_project}, {"LC_ALL=zh_CN.UTF-8"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("没有名为 \"nope\" 的连接")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("项目无效；请先修正上面的错误")), qPrintable(r.err));
    }

    void aRunThatFailsOnTheWaySpeaksChinese()
    {
        // A valid project whose source does not answer (a closed local port): the run stops
        // with exit 3, and the reason reaches the user in Chinese.
        const QString project = m_dir.filePath(QStringLiteral("unreachable.weft.json"));
        QFile f(project);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // Built as JSON objects: a raw string holding "http://" would end moc's reading of
        // this file at the "//".
        const QJsonObject source{
            {"connection", "api"},
            {"metadata", QJsonObject{{"api", "/items"},
                                     {"method", "GET"},
                                     {"id", "id"},
                                     {"responsePath", "items"},
                                     {"paging", QJsonObject{{"type", "none"}}}}}};
        const QJsonObject root{
            {"format", "weft-project"},
            {"version", 1},
            {"connections", QJsonArray{QJsonObject{{"name", "api"},
                                                   {"type", "http_json"},
                                                   {"baseUrl", "http://127.0.0.1:9"}},
                                       QJsonObject{{"name", "local"}, {"type", "local_store"}}}},
            {"schemes", QJsonArray{QJsonObject{
                            {"name", "s"},
                            {"retry", QJsonObject{{"attempts", 1}, {"initialDelayMs", 10}}},
                            {"source", source},
                            {"target", QJsonObject{{"connection", "local"},
                                                   {"metadata", QJsonObject{{"api", "x"}}}}}}}}};
        f.write(QJsonDocument(root).toJson());
        f.close();
        const Result r = runWeft({"run", project, "--progress", "bar", "--log-file", "none"},
                                 {"LANG=zh_CN.UTF-8"});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("此后的数据都未读取")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("s：已中止 — 读取 0")), qPrintable(r.err));
    }

    void languageOptionOverridesTheLocale()
    {
        const Result en =
            runWeft({"--language", "en", "validate", m_project}, {"LANG=zh_CN.UTF-8"});
        QVERIFY2(en.err.contains(QStringLiteral("no connection named \"nope\"")),
                 qPrintable(en.err));
        QVERIFY2(en.out.contains(QStringLiteral(": invalid (")), qPrintable(en.out));
        const Result zh = runWeft({"validate", "--language=zh_CN", m_project}, {"LANG=C.UTF-8"});
        QVERIFY2(zh.err.contains(QStringLiteral("没有名为")), qPrintable(zh.err));
    }

    void otherLocalesGetEnglish()
    {
        const Result r = runWeft({"validate", m_project}, {"LANG=C.UTF-8"});
        QVERIFY2(r.err.contains(QStringLiteral("no connection named \"nope\"")), qPrintable(r.err));
        const Result de = runWeft({"validate", m_project}, {"LANG=de_DE.UTF-8"});
        QVERIFY2(de.err.contains(QStringLiteral("no connection named")), qPrintable(de.err));
    }

    void anUnknownLanguageIsRefused()
    {
        const Result r = runWeft({"--language", "fr", "validate", m_project}, {});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--language is zh_CN or en")), qPrintable(r.err));
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
};

QTEST_GUILESS_MAIN(TestCliLanguage)
#include "tst_cli_language.moc"
