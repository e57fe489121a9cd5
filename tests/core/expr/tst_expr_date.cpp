// Dates: the injectable "now" and time zone, conversions between Unix times and wall clocks.

#include "core/expr/expression.h"

#include <QJsonObject>
#include <QtTest>

using namespace weft::expr;

namespace {

QJsonValue eval(const QString &text, const EvalContext &ctx)
{
    ExprError error;
    const QJsonValue v = Expression::compile(text).evaluate(ctx, &error);
    if (v.isUndefined())
        qWarning("%s: %s", qPrintable(text), qPrintable(error.toString()));
    return v;
}

EvalContext at(qint64 unixSeconds, const QTimeZone &zone = QTimeZone())
{
    EvalContext ctx;
    ctx.setNow(QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC));
    if (zone.isValid())
        ctx.setTimeZone(zone);
    return ctx;
}

} // namespace

class TestExprDate : public QObject
{
    Q_OBJECT

private slots:
    void defaultZoneIsChina();
    void injectedZone();
    void daylightSavingZone();
    void nowIsInjectable();
    void daysAgo();
    void unixRoundTrip();
    void wallClockIsChinaTimeForFilters();
    void zoneCacheAcrossTransitions();
};

void TestExprDate::defaultZoneIsChina()
{
    const EvalContext ctx = at(1700000000);
    QCOMPARE(ctx.timeZone().id(), QByteArray("Asia/Shanghai"));
    QCOMPARE(eval(QStringLiteral("_function NOW()"), ctx),
             QJsonValue(QStringLiteral("2023-11-15 06:13:20")));
    QCOMPARE(eval(QStringLiteral("_function CURDATE()"), ctx),
             QJsonValue(QStringLiteral("2023-11-15")));
    QCOMPARE(eval(QStringLiteral("_function UNIX_TIMESTAMP('2023-11-15 06:13:20')"), ctx),
             QJsonValue(1700000000));
}

void TestExprDate::injectedZone()
{
    const EvalContext utc = at(1700000000, QTimeZone::utc());
    QCOMPARE(eval(QStringLiteral("_function NOW()"), utc),
             QJsonValue(QStringLiteral("2023-11-14 22:13:20")));
    QCOMPARE(eval(QStringLiteral("_function FROM_UNIXTIME(0)"), utc),
             QJsonValue(QStringLiteral("1970-01-01 00:00:00")));
    QCOMPARE(eval(QStringLiteral("_function UNIX_TIMESTAMP('1970-01-02')"), utc),
             QJsonValue(86400));
    const EvalContext tokyo = at(1700000000, QTimeZone(QByteArrayLiteral("Asia/Tokyo")));
    QCOMPARE(eval(QStringLiteral("_function DATE_FORMAT(NOW(), '%H:%i')"), tokyo),
             QJsonValue(QStringLiteral("07:13")));
    // An invalid zone falls back to China time rather than to UTC by accident.
    EvalContext bad = at(1700000000);
    bad.setTimeZone(QTimeZone(QByteArrayLiteral("No/Such_Zone")));
    QCOMPARE(eval(QStringLiteral("_function NOW()"), bad),
             QJsonValue(QStringLiteral("2023-11-15 06:13:20")));
}

void TestExprDate::daylightSavingZone()
{
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    // 2023-07-01 12:00 UTC is 14:00 summer time; 2023-12-01 12:00 UTC is 13:00 winter time.
    QCOMPARE(eval(QStringLiteral("_function FROM_UNIXTIME(1688212800)"), at(0, berlin)),
             QJsonValue(QStringLiteral("2023-07-01 14:00:00")));
    QCOMPARE(eval(QStringLiteral("_function FROM_UNIXTIME(1701432000)"), at(0, berlin)),
             QJsonValue(QStringLiteral("2023-12-01 13:00:00")));
    QCOMPARE(eval(QStringLiteral("_function UNIX_TIMESTAMP('2023-07-01 14:00:00')"), at(0, berlin)),
             QJsonValue(1688212800));
    QCOMPARE(eval(QStringLiteral("_function UNIX_TIMESTAMP('2023-12-01 13:00:00')"), at(0, berlin)),
             QJsonValue(1701432000));
}

void TestExprDate::nowIsInjectable()
{
    EvalContext ctx;
    ctx.setNow(QDateTime::fromMSecsSinceEpoch(Q_INT64_C(1700000000123), Qt::UTC));
    QCOMPARE(eval(QStringLiteral("_function NOW(3)"), ctx),
             QJsonValue(QStringLiteral("2023-11-15 06:13:20.123")));
    QCOMPARE(eval(QStringLiteral("_function NOW(6)"), ctx),
             QJsonValue(QStringLiteral("2023-11-15 06:13:20.123000")));
    QCOMPARE(eval(QStringLiteral("_function UNIX_TIMESTAMP()"), ctx), QJsonValue(1700000000));
    QCOMPARE(eval(QStringLiteral("{CURRENT_TIME}"), ctx), QJsonValue(1700000000));
    // Without an injected now, the context keeps the moment it was made.
    EvalContext live;
    const QJsonValue first = eval(QStringLiteral("{CURRENT_TIME}"), live);
    QVERIFY(std::abs(first.toInteger() - QDateTime::currentSecsSinceEpoch()) < 5);
    QCOMPARE(eval(QStringLiteral("{CURRENT_TIME}"), live), first);
}

void TestExprDate::daysAgo()
{
    const EvalContext ctx = at(1700000000);
    QCOMPARE(eval(QStringLiteral("{DAYS_AGO_7|datetime}"), ctx),
             QJsonValue(QStringLiteral("2023-11-08 06:13:20")));
    QCOMPARE(eval(QStringLiteral("{DAYS_AGO_0}"), ctx), QJsonValue(1700000000));
    QCOMPARE(eval(QStringLiteral("_function FROM_UNIXTIME({DAYS_AGO_1}, '%Y-%m-%d')"), ctx),
             QJsonValue(QStringLiteral("2023-11-14")));
}

void TestExprDate::unixRoundTrip()
{
    const EvalContext ctx = at(1700000000);
    for (qint64 t : {Q_INT64_C(0), Q_INT64_C(86399), Q_INT64_C(951782400), Q_INT64_C(1700000000),
                     Q_INT64_C(2147483647)}) {
        const QJsonValue back =
            eval(QStringLiteral("_function UNIX_TIMESTAMP(FROM_UNIXTIME(%1))").arg(t), ctx);
        QCOMPARE(back, QJsonValue(t));
    }
    QCOMPARE(eval(QStringLiteral("_function FROM_UNIXTIME(951782400)"), ctx),
             QJsonValue(QStringLiteral("2000-02-29 08:00:00")));
}

void TestExprDate::wallClockIsChinaTimeForFilters()
{
    const QJsonObject r{{QStringLiteral("modified"), QStringLiteral("2023-11-15 00:30:00")}};
    EvalContext ctx = at(1700000000);
    ctx.setRecord(r);
    // Midnight-thirty in China is the previous day in UTC.
    QCOMPARE(eval(QStringLiteral("{{modified|timestamp}}"), ctx), QJsonValue(1699979400));
    EvalContext utc = at(1700000000, QTimeZone::utc());
    utc.setRecord(r);
    QCOMPARE(eval(QStringLiteral("{{modified|timestamp}}"), utc), QJsonValue(1700008200));
}

void TestExprDate::zoneCacheAcrossTransitions()
{
    // China had daylight saving time 1986–1991: the cached offset must not leak across it.
    EvalContext ctx = at(0);
    QCOMPARE(eval(QStringLiteral("_function FROM_UNIXTIME(1700000000)"), ctx),
             QJsonValue(QStringLiteral("2023-11-15 06:13:20")));
    // 1988-07-01 00:00 UTC: China was on UTC+9 then.
    QCOMPARE(eval(QStringLiteral("_function FROM_UNIXTIME(583718400)"), ctx),
             QJsonValue(QStringLiteral("1988-07-01 09:00:00")));
    QCOMPARE(eval(QStringLiteral("_function FROM_UNIXTIME(1700000000)"), ctx),
             QJsonValue(QStringLiteral("2023-11-15 06:13:20")));
}

QTEST_APPLESS_MAIN(TestExprDate)
#include "tst_expr_date.moc"
