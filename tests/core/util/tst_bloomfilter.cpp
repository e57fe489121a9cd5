#include "core/util/bloomfilter.h"

#include <QTest>

using namespace weft;

class TestBloomFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addedStringsAreAlwaysFound()
    {
        BloomFilter filter(16);
        QVERIFY(!filter.mayContain(u"io1-0"));
        QStringList added{QString(), QStringLiteral("io1-0"), QStringLiteral("上海-3"),
                          QStringLiteral("😀"), QString(500, QChar(u'x'))};
        for (int i = 0; i < 5000; ++i)
            added << QStringLiteral("%1-%2").arg(100000 + i / 3).arg(i % 3);
        for (const QString &s : added)
            filter.add(s);
        for (const QString &s : added)
            QVERIFY2(filter.mayContain(s), qPrintable(s));
    }

    void othersAreMostlyRuledOut()
    {
        // 2^20 bits, 100 000 strings: (1 - e^(-3 * 100000 / 2^20))^3 ≈ 1.5 % false "perhaps".
        BloomFilter filter(20);
        for (int i = 0; i < 100000; ++i)
            filter.add(QStringLiteral("added-%1").arg(i));
        int perhaps = 0;
        for (int i = 0; i < 100000; ++i)
            perhaps += filter.mayContain(QStringLiteral("other-%1").arg(i)) ? 1 : 0;
        QVERIFY2(perhaps < 3000, qPrintable(QString::number(perhaps)));
        QVERIFY2(perhaps > 0, "a Bloom filter this full answers \"perhaps\" for some others");
    }
};

QTEST_GUILESS_MAIN(TestBloomFilter)
#include "tst_bloomfilter.moc"
