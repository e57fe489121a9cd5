#include <QDir>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

/// weft-screenshots as scripts/screenshots runs it (here without a weft-mock): every view is
/// rendered in both languages, none is an empty picture, and a missing examples directory is
/// refused with a message instead of pictures of nothing.
class TestScreenshots : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyViewRenders_data();
    void everyViewRenders();
    void examplesAreRequired();

private:
    /// Runs the tool with a settings directory of its own; returns its exit code.
    static int run(const QStringList &arguments, const QString &home, QByteArray *errors);
};

int TestScreenshots::run(const QStringList &arguments, const QString &home, QByteArray *errors)
{
    QProcess tool;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.remove(QStringLiteral("WEFT_MOCK_URL"));
    tool.setProcessEnvironment(env);
    tool.start(qEnvironmentVariable("WEFT_SCREENSHOTS_BIN"), arguments);
    if (!tool.waitForFinished(300000))
        return -1;
    *errors = tool.readAllStandardError();
    return tool.exitStatus() == QProcess::NormalExit ? tool.exitCode() : -1;
}

void TestScreenshots::everyViewRenders_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    QTest::newRow("en") << QStringLiteral("en");
}

void TestScreenshots::everyViewRenders()
{
    QFETCH(QString, language);
    QTemporaryDir home;
    const QString out = home.filePath(QStringLiteral("shots"));
    QByteArray errors;
    QCOMPARE(run({QStringLiteral("--language"), language, QStringLiteral("--examples"),
                  qEnvironmentVariable("WEFT_EXAMPLES_DIR"), out},
                 home.path(), &errors),
             0);
    // One entry a line: helpers adding views merge without conflicts.
    const QStringList views = {"main-window",
                               "run-panel",
                               "failed-records",
                               "mapping-editor",
                               "schedule-editor",
                               "alerts-editor",
                               "api-usage",
                               "connection-dialog",
                               "scale-fit",
                               "scale-overview",
                               "scale-jump",
                               "problems",
                               "start-page",
                               "catalog-form",
                               "validate-rules",
                               "new-integration-source",
                               "new-integration-target",
                               "new-integration-connections",
                               "new-integration-k3target",
                               "new-integration-mapping",
                               "environments",
                               "operations",
                               "history-quality"};
    QStringList expected;
    for (const QString &view : views)
        expected << QStringLiteral("%1-%2.png").arg(view, language);
    expected.sort();
    QCOMPARE(QDir(out).entryList(QDir::Files, QDir::Name), expected);
    for (const QString &file : expected) {
        const QImage image(QDir(out).filePath(file));
        QVERIFY2(!image.isNull(), qPrintable(file));
        QVERIFY(image.width() >= 500 && image.height() >= 400);
        // A real view has text, icons and lines: many colours, not a blank rectangle.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 40, qPrintable(file));
    }
}

void TestScreenshots::examplesAreRequired()
{
    QTemporaryDir home;
    QByteArray errors;
    const QByteArray saved = qgetenv("WEFT_EXAMPLES_DIR");
    qunsetenv("WEFT_EXAMPLES_DIR");
    const int code = run({home.filePath(QStringLiteral("shots"))}, home.path(), &errors);
    qputenv("WEFT_EXAMPLES_DIR", saved);
    QCOMPARE(code, 2);
    QVERIFY2(errors.contains("--examples"), errors.constData());
    QVERIFY(!QDir(home.filePath(QStringLiteral("shots"))).exists());
}

QTEST_GUILESS_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
