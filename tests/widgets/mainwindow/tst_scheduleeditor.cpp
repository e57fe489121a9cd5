#include "core/engine/scheduler.h"
#include "core/model/cronexpression.h"
#include "core/model/projectio.h"
#include "core/state/statestore.h"
#include "widgets/common/commands.h"
#include "widgets/common/stateservice.h"
#include "widgets/mainwindow/scheduleeditor.h"
#include "widgets/mainwindow/schemepropertiespage.h"
#include "widgets/widgettestutil.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QUndoStack>
#include <QtTest>

using namespace weft;

/// The schedule in a scheme's properties, as a person uses it: the cron text is checked at
/// every keystroke and the next five runs follow it; an interval counts from the last run the
/// state store knows; "after" is a list of the other schemes to tick. Every change is an
/// undo step (typing one: one step).
class TestScheduleEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cronIsCheckedAsItIsTyped();
    void intervalCountsFromTheLastRun();
    void afterIsAMultiSelectOfTheOtherSchemes();

private:
    const Scheme &purchasein() const
    {
        return *m_doc.project().scheme(QStringLiteral("purchasein"));
    }
    template <typename T>
    T *child(const char *name) const
    {
        return m_page->scheduleEditor()->findChild<T *>(QLatin1String(name));
    }

    QTemporaryDir m_dir;
    ProjectDocument m_doc;
    StateService m_state;
    std::unique_ptr<SchemePropertiesPage> m_page;
    QTimeZone m_zone{QByteArrayLiteral("Asia/Shanghai")};
    /// Monday 2024-05-13, 21:07 in Shanghai: after the working hours of the cron below.
    QDateTime m_now{QDate(2024, 5, 13), QTime(21, 7),
                    QTimeZone(QByteArrayLiteral("Asia/Shanghai"))};
};

void TestScheduleEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The purchase-in example plus two more schemes to depend on.
    ProjectLoadResult loaded = loadProjectFile(
        test::sourcePath(QStringLiteral("resources/examples/jst-purchasein-to-mysql.weft.json")));
    QVERIFY(loaded.project);
    Project project = *loaded.project;
    QCOMPARE(project.schemes.first().schedule.cron, QStringLiteral("*/15 * * * *"));
    for (const QString &name : {QStringLiteral("warehouses"), QStringLiteral("customers")}) {
        Scheme other = project.schemes.first();
        other.name = name;
        other.title.clear();
        project.schemes << other;
    }
    const QString path = m_dir.filePath(QStringLiteral("shop.weft.json"));
    QString error;
    QVERIFY2(saveProjectFile(project, path, &error), qPrintable(error));
    QVERIFY2(m_doc.load(path, &error), qPrintable(error));

    m_page = std::make_unique<SchemePropertiesPage>(&m_doc);
    m_page->setStateService(&m_state);
    m_page->setScheme(QStringLiteral("purchasein"));
    m_page->scheduleEditor()->setReferenceTime(m_now);
    m_page->resize(500, 900);
    m_page->show();
}

void TestScheduleEditor::cronIsCheckedAsItIsTyped()
{
    ScheduleEditor *editor = m_page->scheduleEditor();
    auto *cron = child<QLineEdit>("cron");
    auto *status = child<QLabel>("cronStatus");
    auto *next = child<QLabel>("nextRuns");
    QVERIFY(cron && status && next);
    QVERIFY(cron->isVisible());
    QVERIFY(!child<QSpinBox>("intervalMinutes")->isVisible()); // a cron schedule has no interval
    QCOMPARE(cron->text(), QStringLiteral("*/15 * * * *"));
    QCOMPARE(editor->nextRuns().first(), QDateTime(QDate(2024, 5, 13), QTime(21, 15), m_zone));

    const int steps = m_doc.undoStack()->index();
    cron->setFocus();
    cron->selectAll();
    QTest::keyClicks(cron, QStringLiteral("61 * * * *"));
    QCOMPARE(purchasein().schedule.cron, QStringLiteral("61 * * * *"));
    QVERIFY(!editor->isCronValid());
    QVERIFY(status->text().startsWith(QStringLiteral("✗")));
    QVERIFY2(status->text().contains(CronExpression::parse(QStringLiteral("61 * * * *")).error()),
             qPrintable(status->text()));
    QVERIFY(editor->nextRuns().isEmpty());

    // Half typed, then right: every keystroke re-checks, and the next runs follow.
    cron->selectAll();
    QTest::keyClicks(cron, QStringLiteral("*/15 8-20 * * MON-"));
    QVERIFY(!editor->isCronValid());
    QTest::keyClicks(cron, QStringLiteral("FRI"));
    QVERIFY(editor->isCronValid());
    QVERIFY(status->text().startsWith(QStringLiteral("✓")));
    const QList<QDateTime> expected = {QDateTime(QDate(2024, 5, 14), QTime(8, 0), m_zone),
                                       QDateTime(QDate(2024, 5, 14), QTime(8, 15), m_zone),
                                       QDateTime(QDate(2024, 5, 14), QTime(8, 30), m_zone),
                                       QDateTime(QDate(2024, 5, 14), QTime(8, 45), m_zone),
                                       QDateTime(QDate(2024, 5, 14), QTime(9, 0), m_zone)};
    QCOMPARE(editor->nextRuns(), expected);
    QCOMPARE(editor->nextRuns(), Scheduler::nextRuns(purchasein(), m_now, 5, m_zone));
    QVERIFY2(next->text().contains(QStringLiteral("2024-05-14 08:45")), qPrintable(next->text()));
    QCOMPARE(next->text().split(u'\n').size(), 5);

    // All that typing is one undo step, and undo shows the old expression again.
    QCOMPARE(m_doc.undoStack()->index(), steps + 1);
    m_doc.undoStack()->undo();
    QCOMPARE(purchasein().schedule.cron, QStringLiteral("*/15 * * * *"));
    QCOMPARE(cron->text(), QStringLiteral("*/15 * * * *"));
    QCOMPARE(editor->nextRuns().first(), QDateTime(QDate(2024, 5, 13), QTime(21, 15), m_zone));
    m_doc.undoStack()->redo();
    QCOMPARE(editor->nextRuns(), expected);
}

void TestScheduleEditor::intervalCountsFromTheLastRun()
{
    ScheduleEditor *editor = m_page->scheduleEditor();
    // A run of the scheme ten minutes ago, in the project's state store.
    const QDateTime lastStart = m_now.addSecs(-600).toUTC();
    {
        QString error;
        std::unique_ptr<StateStore> store = StateStore::open(m_doc.stateLocation(), &error);
        QVERIFY2(store, qPrintable(error));
        RunInfo run;
        run.runId = QStringLiteral("r-1");
        run.scheme = QStringLiteral("purchasein");
        run.trigger = QStringLiteral("schedule");
        run.startedAt = lastStart;
        QVERIFY(store->beginRun(run));
    }
    m_state.setLocation(m_doc.stateLocation());
    QVERIFY(test::waitUntil([&] { return editor->lastRun().isValid(); }));
    QCOMPARE(editor->lastRun(), lastStart);

    auto *kind = child<QComboBox>("scheduleKind");
    auto *minutes = child<QSpinBox>("intervalMinutes");
    const int steps = m_doc.undoStack()->index();
    kind->setCurrentIndex(int(Schedule::Kind::Interval));
    Q_EMIT kind->activated(int(Schedule::Kind::Interval));
    QCOMPARE(purchasein().schedule.kind, Schedule::Kind::Interval);
    QVERIFY(minutes->isVisible());
    QVERIFY(!child<QLineEdit>("cron")->isVisible());
    minutes->setValue(30);
    QCOMPARE(purchasein().schedule.intervalMinutes, 30);
    QCOMPARE(m_doc.undoStack()->index(), steps + 2);

    // Every 30 minutes from the start of the last run: 20 minutes from now, then on.
    QList<QDateTime> expected;
    for (int i = 1; i <= 5; ++i)
        expected << lastStart.addSecs(1800 * i);
    QCOMPARE(editor->nextRuns(), expected);
    QCOMPARE(editor->nextRuns(),
             Scheduler::nextRuns(purchasein(), m_now, 5, m_zone, editor->lastRun()));
    QVERIFY(child<QLabel>("nextRunsNote")->text().contains(QStringLiteral("last run")));

    m_doc.undoStack()->undo();
    m_doc.undoStack()->undo();
    QCOMPARE(purchasein().schedule.kind, Schedule::Kind::Cron);
    QCOMPARE(kind->currentIndex(), int(Schedule::Kind::Cron));
}

void TestScheduleEditor::afterIsAMultiSelectOfTheOtherSchemes()
{
    auto *after = child<QListWidget>("after");
    QVERIFY(after);
    // The other schemes, not the scheme itself.
    QCOMPARE(after->count(), 2);
    QCOMPARE(after->item(0)->data(Qt::UserRole).toString(), QStringLiteral("warehouses"));
    QCOMPARE(after->item(1)->data(Qt::UserRole).toString(), QStringLiteral("customers"));
    const int steps = m_doc.undoStack()->index();

    after->item(1)->setCheckState(Qt::Checked);
    QCOMPARE(purchasein().schedule.after, QStringList{QStringLiteral("customers")});
    after->item(0)->setCheckState(Qt::Checked);
    QCOMPARE(purchasein().schedule.after,
             (QStringList{QStringLiteral("warehouses"), QStringLiteral("customers")}));
    QCOMPARE(m_doc.undoStack()->index(), steps + 2);
    QVERIFY(child<QLabel>("nextRunsNote")->text().contains(QStringLiteral("warehouses")));

    m_doc.undoStack()->undo();
    QCOMPARE(purchasein().schedule.after, QStringList{QStringLiteral("customers")});
    QCOMPARE(after->item(0)->checkState(), Qt::Unchecked);
    QCOMPARE(after->item(1)->checkState(), Qt::Checked);

    // A name that is no scheme stays visible (marked), so it can be unticked.
    pushSchemeEdit(&m_doc, QStringLiteral("purchasein"), QStringLiteral("x"),
                   [](Scheme &s) { s.schedule.after = {QStringLiteral("gone")}; });
    QCOMPARE(after->count(), 3);
    QVERIFY(after->item(2)->text().contains(QStringLiteral("gone")));
    QCOMPARE(after->item(2)->checkState(), Qt::Checked);
    after->item(2)->setCheckState(Qt::Unchecked);
    QVERIFY(purchasein().schedule.after.isEmpty());
}

QTEST_MAIN(TestScheduleEditor)
#include "tst_scheduleeditor.moc"
