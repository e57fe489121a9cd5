#include "core/model/cronexpression.h"

#include <QtTest>

using namespace weft;

namespace {
const QTimeZone kShanghai("Asia/Shanghai");
QDateTime at(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), QStringLiteral("yyyy-MM-dd HH:mm"))
        .toTimeZone(kShanghai);
}
QDateTime local(const char *text)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(text), QStringLiteral("yyyy-MM-dd HH:mm"));
    t.setTimeZone(kShanghai);
    return t;
}
} // namespace

class TestCronExpression : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nextRuns_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::addColumn<QDateTime>("after");
        QTest::addColumn<QDateTime>("next");
        QTest::newRow("every 15 min") << "*/15 * * * *" << local("2026-11-23 10:07")
                                      << local("2026-11-23 10:15");
        QTest::newRow("strictly after") << "*/15 * * * *" << local("2026-11-23 10:15")
                                        << local("2026-11-23 10:30");
        QTest::newRow("hour wrap") << "0 * * * *" << local("2026-11-23 23:30")
                                   << local("2026-11-24 00:00");
        QTest::newRow("list and range") << "5,35 9-17 * * *" << local("2026-11-23 17:40")
                                        << local("2026-11-24 09:05");
        QTest::newRow("weekdays only") << "0 8 * * MON-FRI" << local("2026-11-27 09:00")
                                       << local("2026-11-30 08:00"); // Fri → Mon
        QTest::newRow("sunday as 7") << "0 0 * * 7" << local("2026-11-23 00:00")
                                     << local("2026-11-29 00:00");
        QTest::newRow("month by name") << "0 0 1 JAN *" << local("2026-11-23 00:00")
                                       << local("2027-01-01 00:00");
        QTest::newRow("dom or dow") << "0 12 1 * SUN" << local("2026-11-23 13:00")
                                    << local("2026-11-29 12:00"); // Sunday before the 1st
        QTest::newRow("leap day") << "0 0 29 2 *" << local("2026-03-01 00:00")
                                  << local("2028-02-29 00:00");
        QTest::newRow("step from value") << "5/20 * * * *" << local("2026-11-23 10:26")
                                         << local("2026-11-23 10:45");
    }

    void nextRuns()
    {
        QFETCH(QString, cron);
        QFETCH(QDateTime, after);
        QFETCH(QDateTime, next);
        const CronExpression c = CronExpression::parse(cron);
        QVERIFY2(c.isValid(), qPrintable(c.error()));
        QCOMPARE(c.nextAfter(after, kShanghai), next);
    }

    void impossibleDatesHaveNoNextRun()
    {
        const CronExpression c = CronExpression::parse("0 0 31 2 *");
        QVERIFY(c.isValid());
        QVERIFY(!c.nextAfter(at("2026-01-01 00:00"), kShanghai).isValid());
    }

    void errorsSayWhichField_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("four fields") << "* * * *" << "5 fields";
        QTest::newRow("minute 60") << "60 * * * *" << "minute";
        QTest::newRow("bad range") << "* 5-2 * * *" << "hour";
        QTest::newRow("zero step") << "*/0 * * * *" << "step";
        QTest::newRow("day 0") << "* * 0 * *" << "day of month";
        QTest::newRow("bad name") << "* * * FOO *" << "month";
        QTest::newRow("empty item") << "1,,2 * * * *" << "empty";
    }

    void errorsSayWhichField()
    {
        QFETCH(QString, cron);
        QFETCH(QString, mentions);
        const CronExpression c = CronExpression::parse(cron);
        QVERIFY(!c.isValid());
        QVERIFY2(c.error().contains(mentions), qPrintable(c.error()));
    }
};

QTEST_APPLESS_MAIN(TestCronExpression)
#include "tst_cronexpression.moc"
