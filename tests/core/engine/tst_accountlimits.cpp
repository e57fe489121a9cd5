// Account limits: one budget per account (system, base URL, app key), shared by every
// connection and run of a process — and, through a MySQL state store, by every process. Two
// AccountLimits on two connections to one database stand in for two `serve` processes.
#include "core/connectors/ratelimiter.h"
#include "core/engine/accountlimits.h"
#include "core/state/statestore.h"
#include "support/mariadb.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace weft;

namespace {

Connection jushuitan(const QString &name, const QString &appKey, const QString &baseUrl)
{
    Connection c;
    c.name = name;
    c.type = ConnectorType::Jushuitan;
    c.baseUrl = baseUrl;
    c.account = {{"appKey", appKey}, {"appSecret", QJsonObject{{"env", "JST_APP_SECRET"}}}};
    c.rateLimit.perSecond = 5;
    c.rateLimit.perMinute = 100;
    return c;
}

EnvLookup noEnvironment()
{
    return [](const QString &) { return QString(); };
}

/// The most of `times` (ms) within any window of `windowMs`.
int maxInWindow(QList<qint64> times, qint64 windowMs)
{
    std::sort(times.begin(), times.end());
    int best = 0;
    for (qsizetype i = 0; i < times.size(); ++i) {
        int n = 0;
        for (qsizetype j = i; j < times.size() && times.at(j) - times.at(i) < windowMs; ++j)
            ++n;
        best = std::max(best, n);
    }
    return best;
}

} // namespace

class TestAccountLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneAccountOneKey()
    {
        const EnvLookup env = noEnvironment();
        const Connection a = jushuitan("jst", "app-1", "https://openapi.jushuitan.com");
        // Another connection (another name, another project) of the same account.
        const Connection b = jushuitan("jst-copy", "app-1", "https://openapi.jushuitan.com");
        const Connection other = jushuitan("jst2", "app-2", "https://openapi.jushuitan.com");
        QCOMPARE(accountKey(a, env), accountKey(b, env));
        QVERIFY(accountKey(a, env) != accountKey(other, env));
        // The key is a digest: no URL or app key in clear where it is stored.
        QVERIFY(!accountKey(a, env).contains("app-1"));
        QVERIFY(accountKey(a, env).startsWith("jushuitan:"));
        // ${VAR} is expanded: the same account whichever way it is written.
        Connection viaVariable = a;
        viaVariable.account.insert("appKey", "${JST_KEY}");
        const EnvLookup withKey = [](const QString &n) {
            return n == QLatin1String("JST_KEY") ? QStringLiteral("app-1") : QString();
        };
        QCOMPARE(accountKey(viaVariable, withKey), accountKey(a, env));

        AccountLimits limits;
        Scheme s;
        s.name = "orders";
        QCOMPARE(limits.limiterFor(a, s, env).get(), limits.limiterFor(b, s, env).get());
        QVERIFY(limits.limiterFor(a, s, env).get() != limits.limiterFor(other, s, env).get());
        // A connection of the account with a stricter limit tightens the shared one.
        Connection stricter = b;
        stricter.rateLimit.perSecond = 2;
        QCOMPARE(limits.limiterFor(stricter, s, env)->limit().perSecond, 2.0);
        QCOMPARE(limits.limiterFor(stricter, s, env)->limit().perMinute, 100);
    }

    void limitsHoldAcrossProcesses()
    {
        // Two "processes", each sending 12 calls as fast as its own limiter lets it, on one
        // account of 5 calls a second: together never more than 5 in any second.
        WEFT_REQUIRE_MARIADB();
        const auto p = test::mariaDbParams();
        const QString db = test::freshDatabase(QStringLiteral("weft_account_limits"));
        const QString url = QStringLiteral("mysql://%1:%2@%3:%4/%5")
                                .arg(p.user, p.password, p.host)
                                .arg(p.port)
                                .arg(db);
        QString error;
        auto storeA = StateStore::open(url, &error);
        QVERIFY2(storeA, qPrintable(error));
        auto storeB = StateStore::open(url, &error);
        QVERIFY2(storeB, qPrintable(error));
        AccountLimits processA(storeA.get());
        AccountLimits processB(storeB.get());
        const Connection c = jushuitan("jst", "app-shared", "https://openapi.jushuitan.com");
        Scheme s;
        s.name = "orders";
        auto limiterA = processA.limiterFor(c, s, noEnvironment());
        auto limiterB = processB.limiterFor(c, s, noEnvironment());
        QList<qint64> starts;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 12; ++i) {
            limiterA->acquire([&]() { starts.append(clock.elapsed()); });
            limiterB->acquire([&]() { starts.append(clock.elapsed()); });
        }
        QTRY_COMPARE_WITH_TIMEOUT(starts.size(), 24, 30000);
        QVERIFY2(maxInWindow(starts, 1000) <= 5,
                 qPrintable(QStringLiteral("%1 calls within one second")
                                .arg(maxInWindow(starts, 1000))));
        // Without the shared count each process would allow 5: 10 in the first second.
        QVERIFY(clock.elapsed() >= 4000);

        // A throttle answer seen by one process pauses the other too.
        limiterA->pause(1500);
        QElapsedTimer paused;
        paused.start();
        bool went = false;
        limiterB->acquire([&]() { went = true; });
        QTRY_VERIFY_WITH_TIMEOUT(went, 10000);
        QVERIFY2(paused.elapsed() >= 1300, qPrintable(QString::number(paused.elapsed())));
    }

    void aSqliteStoreCountsOnlyThisProcess()
    {
        // A SQLite store is one host's file: the count stays in the process (no gate, no
        // fsync per call).
        QTemporaryDir dir;
        QString error;
        auto store = StateStore::open(dir.filePath("s.sqlite"), &error);
        QVERIFY(store);
        AccountLimits limits(store.get());
        const Connection c = jushuitan("jst", "app-1", "https://x.invalid");
        Scheme s;
        s.name = "orders";
        auto limiter = limits.limiterFor(c, s, noEnvironment());
        bool went = false;
        limiter->acquire([&]() { went = true; });
        QVERIFY(went);
        QCOMPARE(store->reserveCall("x", 5, 100, 60), qint64(0)); // the store can, if asked
    }
};

QTEST_GUILESS_MAIN(TestAccountLimits)
#include "tst_accountlimits.moc"
