#include "core/util/textdistance.h"

#include <QtTest>

using namespace weft;

class TestTextDistance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void distances()
    {
        QCOMPARE(editDistance(u"kitten", u"sitting"), 3);
        QCOMPARE(editDistance(u"DATE_FROMAT", u"DATE_FORMAT"), 1);
        QCOMPARE(editDistance(u"abc", u"ABC"), 0); // case-insensitive
        QCOMPARE(editDistance(u"", u"abc"), 3);
        QCOMPARE(editDistance(u"nmae", u"name"), 1); // a swap is one slip
    }

    void suggestsOnlyPlausibleTypos()
    {
        const QStringList functions{"DATE_FORMAT", "DATE_ADD", "CONCAT", "TRIM"};
        QCOMPARE(nearestName("DATE_FROMAT", functions), QStringLiteral("DATE_FORMAT"));
        QCOMPARE(nearestName("conact", functions), QStringLiteral("CONCAT"));
        QCOMPARE(nearestName("SUBSTRING", functions), QString());
        QCOMPARE(didYouMean("TRIMM", functions), QStringLiteral(" (did you mean TRIM?)"));
        QCOMPARE(didYouMean("TRIM", functions), QString());
        QCOMPARE(nearestName("表格_客户编吗", {"表格_客户编码", "表格_明细备注"}),
                 QStringLiteral("表格_客户编码"));
    }
};

QTEST_APPLESS_MAIN(TestTextDistance)
#include "tst_textdistance.moc"
