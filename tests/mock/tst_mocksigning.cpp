// The mock's own primitives against the public test vectors (docs/mock.md), and the test
// client's independent implementation against the same vectors: both sides are pinned.

#include "mock/mockclient.h"
#include "mockclock.h"
#include "mockcrypto.h"
#include "timeline.h"

#include <QCryptographicHash>
#include <QtTest>

using namespace weft::mock;
using weft::test::MockClient;

class TestMockSigning : public QObject
{
    Q_OBJECT

private slots:
    void jushuitanVector()
    {
        const QList<QPair<QString, QString>> fields = {{"timestamp", "100"},
                                                       {"app_key", "app"},
                                                       {"charset", "utf-8"},
                                                       {"sign", "ignored"},
                                                       {"empty", ""}};
        QCOMPARE(crypto::jushuitanSign("secret", fields),
                 QByteArray("706427ca94e342781ac36d501151cb10"));
        QCOMPARE(MockClient::jstSign("secret", fields),
                 QByteArray("706427ca94e342781ac36d501151cb10"));
    }

    void jdyOfficialExample()
    {
        // The official documentation's example, as reproduced by a public client's self-check.
        const QByteArray raw =
            "GET\n%2Fjdyconnector%2Fapp_management%2Fkingdee_auth_token\n"
            "app_key=bVZgAZOv1&app_signature=MzZlYTk0ODk4MWZlNjdiODNmNWU4YzViNzYxNGM5MTFlOGJk"
            "N2NjMzk0MTJkZGNhZGM0NzZhN2YxZDJmOTlkZA%253D%253D\n"
            "x-api-nonce:4427456950\nx-api-timestamp:1670305063559\n";
        const QByteArray expected =
            "OTFiZTliNDFiMjNkYTI3YzVhNzg4MDI4ZGU3MWY1ZTA5ZTk1NjVlNGM1YTI1ZjIxY2Y5YTA3ZGY2OGI1MGQ1"
            "MQ==";
        const QList<QPair<QString, QString>> query = {
            {"app_signature",
             "MzZlYTk0ODk4MWZlNjdiODNmNWU4YzViNzYxNGM5MTFlOGJkN2NjMzk0MTJkZGNhZGM0NzZhN2YxZDJmOTlk"
             "ZA=="},
            {"app_key", "bVZgAZOv1"}};
        const QString path = "/jdyconnector/app_management/kingdee_auth_token";
        QCOMPARE(crypto::jdyStringToSign("GET", path, query, "4427456950", "1670305063559"), raw);
        QCOMPARE(crypto::hmacHexBase64("f2adcfef73369bfc4e1384677d38a0ff", raw), expected);
        QCOMPARE(MockClient::jdySignature("f2adcfef73369bfc4e1384677d38a0ff", "GET", path, query,
                                          "4427456950", "1670305063559"),
                 expected);
    }

    void jdyEncodingIsDoubleForQuery()
    {
        QCOMPARE(crypto::jdyEncode("/jdy/v2/bd/customer"),
                 QByteArray("%2Fjdy%2Fv2%2Fbd%2Fcustomer"));
        QCOMPARE(crypto::jdyEncode(QString::fromUtf8(crypto::jdyEncode("a b=中"))),
                 QByteArray("a%2520b%253D%25E4%25B8%25AD"));
        QCOMPARE(crypto::jdyEncode("-_.~"), QByteArray("-_.~"));
    }

    void k3LoginSign()
    {
        const QStringList values = {"weft-acct", "administrator", "weft-k3-app", "weft-k3-secret",
                                    "1700000000"};
        QStringList sorted = values;
        std::sort(sorted.begin(), sorted.end());
        const QByteArray expected =
            QCryptographicHash::hash(sorted.join(QString()).toUtf8(), QCryptographicHash::Sha256)
                .toHex();
        QCOMPARE(crypto::k3LoginSign(values), expected);
    }

    void clockFormatsChinaTime()
    {
        const MockClock clock(0, 480);
        QCOMPARE(clock.dateTime(0), QStringLiteral("1970-01-01 08:00:00"));
        QCOMPARE(clock.isoDateTime(1234), QStringLiteral("1970-01-01T08:00:01.234"));
        const qint64 t = 1717200000123; // 2024-06-01 00:00:00.123 UTC
        QCOMPARE(clock.dateTime(t), QStringLiteral("2024-06-01 08:00:00"));
        QCOMPARE(clock.parse(QStringLiteral("2024-06-01 08:00:00")),
                 std::optional<qint64>(t - 123));
        QCOMPARE(clock.parse(QStringLiteral("2024-06-01T08:00:00.123")), std::optional<qint64>(t));
        QCOMPARE(clock.parse(QStringLiteral("2024/06/01")),
                 std::optional<qint64>(1717200000000 - 8 * 3600000));
        QVERIFY(!clock.parse(QStringLiteral("2024-13-01 00:00:00")));
        QVERIFY(!clock.parse(QStringLiteral("yesterday")));
        QVERIFY(!clock.parse(QStringLiteral("2024-06-01 08:00:00x")));
    }

    void timelineWindowsAreIndexRanges()
    {
        const qint64 end = 1717200000000;
        const qint64 span = 180 * 86400000LL;
        Timeline t(42, Stream::JstPurchaseIn, 1000, end, span);
        for (qint64 i = 1; i < 1000; ++i)
            QVERIFY(t.baseMs(i) > t.baseMs(i - 1));
        QVERIFY(t.baseMs(0) >= end - span);
        QVERIFY(t.baseMs(999) < end);
        const Timeline::Window w = t.window(t.baseMs(100), t.baseMs(199));
        QCOMPARE(w.size(), 100);
        QCOMPARE(w.at(0), 100);
        QCOMPARE(w.at(99), 199);
        t.touch(150, end + 5000);
        const Timeline::Window w2 = t.window(t.baseMs(100), t.baseMs(199));
        QCOMPARE(w2.size(), 99);
        QCOMPARE(w2.at(50), 151);
        const Timeline::Window later = t.window(end, end + 10000);
        QCOMPARE(later.size(), 1);
        QCOMPARE(later.at(0), 150);
        QCOMPARE(t.all().size(), 1000);
        QCOMPARE(t.all().at(999), 150);
    }
};

QTEST_GUILESS_MAIN(TestMockSigning)
#include "tst_mocksigning.moc"
