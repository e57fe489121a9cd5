// CredentialRenewal: the calls of a batch refused at once share one token fetch.

#include "core/connectors/credentialrenewal.h"

#include <QtTest>

using namespace weft;

class TestCredentialRenewal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void callsRefusedTogetherShareOneRenewal()
    {
        QString token = QStringLiteral("t1");
        int renewals = 0;
        CredentialRenewal::Done finishRenewal;
        CredentialRenewal renewal([&](CredentialRenewal::Done done) {
            ++renewals;
            finishRenewal = std::move(done); // answered later, as a network call would be
        });

        // A call with a good token goes at once.
        int ready = 0;
        renewal.ensure(token, QString(), [&](std::optional<ConnectorError> e) {
            QVERIFY(!e);
            ++ready;
        });
        QCOMPARE(ready, 1);
        QCOMPARE(renewals, 0);

        // Twenty calls refused with t1: one renewal; a call made meanwhile waits too.
        for (int i = 0; i < 20; ++i)
            renewal.ensure(token, QStringLiteral("t1"), [&](std::optional<ConnectorError> e) {
                QVERIFY(!e);
                ++ready;
            });
        renewal.ensure(token, QString(), [&](std::optional<ConnectorError>) { ++ready; });
        QCOMPARE(renewals, 1);
        QVERIFY(renewal.isRenewing());
        QCOMPARE(ready, 1);
        token = QStringLiteral("t2");
        finishRenewal(std::nullopt);
        QCOMPARE(ready, 22);
        QVERIFY(!renewal.isRenewing());

        // A call refused with t1 after t2 arrived goes again with t2: no second renewal.
        renewal.ensure(token, QStringLiteral("t1"), [&](std::optional<ConnectorError>) { ++ready; });
        QCOMPARE(ready, 23);
        QCOMPARE(renewals, 1);
        // Refused with t2: a new renewal.
        renewal.ensure(token, QStringLiteral("t2"), [&](std::optional<ConnectorError>) { ++ready; });
        QCOMPARE(renewals, 2);
    }

    void aFailedRenewalFailsEveryWaitingCall()
    {
        CredentialRenewal::Done finishRenewal;
        CredentialRenewal renewal([&](CredentialRenewal::Done done) { finishRenewal = std::move(done); });
        QStringList errors;
        for (int i = 0; i < 3; ++i)
            renewal.ensure(QString(), QString(), [&](std::optional<ConnectorError> e) {
                errors << (e ? e->code : QStringLiteral("none"));
            });
        finishRenewal(ConnectorError{ConnectorError::Kind::Auth, QStringLiteral("100"),
                                     QStringLiteral("bad secret")});
        QCOMPARE(errors, QStringList(3, QStringLiteral("100")));
        QVERIFY(!renewal.isRenewing());
    }
};

QTEST_GUILESS_MAIN(TestCredentialRenewal)
#include "tst_credentialrenewal.moc"
