#include "widgets/common/language.h"
#include "widgets/mainwindow/screenshots.h"
#include "widgettestutil.h"

#include <QImage>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

/// scripts/screenshots' views, re-made here so a broken view is noticed: every view renders,
/// in both languages, and is not an empty picture.
class TestScreenshots : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void everyViewRenders_data();
    void everyViewRenders();
};

void TestScreenshots::everyViewRenders_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    QTest::newRow("en") << QStringLiteral("en");
}

void TestScreenshots::everyViewRenders()
{
    QFETCH(QString, language);
    QVERIFY(Language::apply(language, false));
    QTemporaryDir dir;
    QStringList written;
    QVERIFY(renderScreenshots(dir.path(), language, &written));
    QCOMPARE(written.size(), 8);
    for (const QString &file : written) {
        const QImage image(file);
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

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
