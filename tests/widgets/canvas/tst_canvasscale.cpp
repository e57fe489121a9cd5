#include "core/model/projectio.h"
#include "tools/scaledemo/scaledemo.h"
#include "widgets/canvas/canvasoverview.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/canvas/pipelinemodel.h"
#include "widgets/canvas/pipelinescene.h"
#include "widgets/canvas/pipelineview.h"
#include "widgets/canvas/schemejump.h"
#include "widgets/canvas/schemelistmodel.h"
#include "widgets/common/commands.h"
#include "widgets/common/language.h"
#include "widgets/common/projectdocument.h"
#include "widgets/common/projectedits.h"
#include "widgets/mainwindow/mainactions.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/mainwindow/projectexplorer.h"
#include "widgets/widgettestutil.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace weft;

/// The designer at 300 schemes: the computed layout is a grid that fits a canvas (and
/// Auto-layout, an undo step, goes back to it), the overview shows where the view is and moves
/// it, and Ctrl+J finds a scheme by name, title or connection and shows it.
class TestCanvasScale : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void schemesFillAGrid();
    void smallProjectsStayOneColumn();
    void gridFollowsTheLongestScheme();
    void autoLayoutReturnsToTheGridAsOneUndoStep();
    void fitToViewShowsTheGrid();
    void overviewShowsAndMovesTheView();
    void jumpToSchemeFromTheKeyboard();
    void schemeListFollowsTheProject();

private:
    /// The 300-scheme project in a main window of 1600 × 1000, shown.
    bool openInWindow(MainWindow &window);
    QTemporaryDir m_dir;
    QString m_path; ///< the 300-scheme project
};

namespace {

/// Frames must not overlap: a scheme drawn over another could not be read or dropped onto.
int overlappingFrames(const PipelineScene &scene)
{
    const QList<QRectF> frames = scene.schemeRects().values();
    int overlaps = 0;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        for (qsizetype j = i + 1; j < frames.size(); ++j)
            overlaps += frames.at(i).intersects(frames.at(j)) ? 1 : 0;
    }
    return overlaps;
}

QRectF allFrames(const PipelineScene &scene)
{
    QRectF all;
    for (const QRectF &r : scene.schemeRects())
        all |= r;
    return all;
}

} // namespace

void TestCanvasScale::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Language::apply(QStringLiteral("en"), false);
    QString error;
    const std::optional<Project> project =
        scaleDemoProject(test::sourcePath(QStringLiteral("resources/examples")), 300, &error);
    QVERIFY2(project, qPrintable(error));
    m_path = m_dir.filePath(QStringLiteral("scale.weft.json"));
    QVERIFY2(saveProjectFile(*project, m_path, &error), qPrintable(error));
}

bool TestCanvasScale::openInWindow(MainWindow &window)
{
    window.resize(1600, 1000);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openProject(m_path, true))
        return false;
    QTest::qWait(0); // the frames follow the nodes once the events are processed
    return true;
}

void TestCanvasScale::schemesFillAGrid()
{
    ProjectDocument doc;
    QString error;
    QVERIFY2(doc.load(m_path, &error), qPrintable(error));
    PipelineModel model(&doc);
    PipelineScene scene(&model);
    QTest::qWait(0); // the frames follow the nodes once the events are processed
    QCOMPARE(model.nodeCount(), 1500);
    // 300 schemes of five columns: 9 to a row, 34 rows.
    QCOMPARE(model.gridColumns(), 9);
    const QList<Scheme> &schemes = doc.project().schemes;
    for (int i : {0, 1, 8, 9, 150, 299}) {
        const PipelineNode *source =
            model.node(model.nodeFor(schemes.at(i).name, QStringLiteral("source")));
        QCOMPARE(source->pos, model.defaultPosition(i, 0));
        QCOMPARE(source->pos.y(), (i / 9) * PipelineModel::kRowHeight);
        const PipelineNode *target =
            model.node(model.nodeFor(schemes.at(i).name, QStringLiteral("target")));
        QCOMPARE(target->pos, source->pos + QPointF(4 * PipelineModel::kColumnWidth, 0));
    }
    // Row by row: the tenth scheme starts the second row at the left.
    QCOMPARE(model.defaultPosition(9, 0), QPointF(0, PipelineModel::kRowHeight));
    QVERIFY(model.defaultPosition(1, 0).x() > model.defaultPosition(0, 4).x());
    QCOMPARE(overlappingFrames(scene), 0);
    const QRectF all = allFrames(scene);
    const double aspect = all.width() / all.height();
    QVERIFY2(aspect > 1.2 && aspect < 2.2, qPrintable(QString::number(aspect)));
}

void TestCanvasScale::smallProjectsStayOneColumn()
{
    // A project of a few schemes keeps the layout it always had: one scheme below the other.
    ProjectDocument doc;
    QString error;
    QVERIFY(doc.load(m_path, &error));
    Project few = doc.project();
    few.schemes = few.schemes.mid(0, 5);
    doc.reset(few);
    PipelineModel model(&doc);
    QCOMPARE(model.gridColumns(), 1);
    for (int i = 0; i < 5; ++i) {
        const NodeId source = model.nodeFor(few.schemes.at(i).name, QStringLiteral("source"));
        QCOMPARE(model.node(source)->pos, QPointF(0, i * PipelineModel::kRowHeight));
    }
}

void TestCanvasScale::gridFollowsTheLongestScheme()
{
    ProjectDocument doc;
    QString error;
    QVERIFY(doc.load(m_path, &error));
    PipelineModel model(&doc);
    PipelineScene scene(&model);
    QTest::qWait(0);
    const QString last = doc.project().schemes.at(299).name;
    const QPointF before = model.node(model.nodeFor(last, QStringLiteral("source")))->pos;
    // Two steps more in one scheme: every cell widens so that it still fits in its own.
    pushSchemeEdit(&doc, doc.project().schemes.at(10).name, QStringLiteral("steps"), [](Scheme &s) {
        for (const char *id : {"extra1", "extra2"}) {
            Step step = s.steps.first();
            step.id = QLatin1String(id);
            s.steps << step;
        }
    });
    QTest::qWait(0);
    const QPointF after = model.node(model.nodeFor(last, QStringLiteral("source")))->pos;
    QVERIFY2(after.x() > before.x() || after.y() > before.y(), "the grid did not widen");
    QCOMPARE(after, model.defaultPosition(299, 0));
    QCOMPARE(overlappingFrames(scene), 0);
    doc.undoStack()->undo();
    QTest::qWait(0);
    QCOMPARE(model.node(model.nodeFor(last, QStringLiteral("source")))->pos, before);
    QCOMPARE(overlappingFrames(scene), 0);
}

void TestCanvasScale::autoLayoutReturnsToTheGridAsOneUndoStep()
{
    ProjectDocument doc;
    QString error;
    QVERIFY(doc.load(m_path, &error));
    PipelineModel model(&doc);
    const QString scheme = doc.project().schemes.at(123).name;
    const NodeId map = model.nodeFor(scheme, QStringLiteral("map"));
    const NodeId target = model.nodeFor(scheme, QStringLiteral("target"));
    const QPointF home = model.node(target)->pos;
    model.moveNodes({{map, QPointF(-900, -900)}, {target, QPointF(-700, -900)}});
    QCOMPARE(model.node(target)->pos, QPointF(-700, -900));
    const int steps = doc.undoStack()->count();
    model.autoLayout();
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QCOMPARE(model.node(target)->pos, home);
    const int chain = int(doc.project().schemes.at(123).steps.size()) + 2; // source, steps, map
    QCOMPARE(model.node(target)->pos, model.defaultPosition(123, chain));
    doc.undoStack()->undo();
    QCOMPARE(model.node(target)->pos, QPointF(-700, -900));
    QCOMPARE(model.node(map)->pos, QPointF(-900, -900));
}

void TestCanvasScale::fitToViewShowsTheGrid()
{
    MainWindow window;
    QVERIFY(openInWindow(window));
    window.actions()->fit->trigger();
    // One column of 300 schemes did not fit even at the 5 % floor; the grid fits, and fills
    // most of the view: its shape is the view's.
    PipelineView *view = window.view();
    QVERIFY2(view->zoom() > 0.05, qPrintable(QString::number(view->zoom())));
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    const QRectF all = allFrames(*window.scene());
    QVERIFY(visible.adjusted(-1, -1, 1, 1).contains(all));
    const double filled = all.width() * all.height() / (visible.width() * visible.height());
    QVERIFY2(filled > 0.75, qPrintable(QString::number(filled)));
    // Fitting does not change the project.
    QVERIFY(!window.document()->isModified());
}

void TestCanvasScale::overviewShowsAndMovesTheView()
{
    MainWindow window;
    QVERIFY(openInWindow(window));
    PipelineView *view = window.view();
    CanvasOverview *overview = view->overview();
    view->fitAll();
    QVERIFY2(!overview->isVisible(), "the whole project is in view: no overview");
    view->resetZoom();
    view->centerOnScheme(window.document()->project().schemes.first().name);
    QVERIFY(overview->isVisible());
    QVERIFY(overview->area().contains(allFrames(*window.scene())));
    // The overview sits in the viewport's corner and leaves the canvas most of its room.
    QVERIFY(view->viewport()->geometry().contains(overview->geometry()));
    QVERIFY(overview->width() < view->viewport()->width() / 2);

    // A click in the overview's lower right brings that part of the canvas into view.
    const QPoint click(overview->width() * 3 / 4, overview->height() * 3 / 4);
    const QPointF wanted = overview->toScene(click);
    QTest::mouseClick(overview, Qt::LeftButton, {}, click);
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY2(QLineF(visible.center(), wanted).length() < 5,
             qPrintable(QStringLiteral("%1,%2 vs %3,%4")
                            .arg(visible.center().x())
                            .arg(visible.center().y())
                            .arg(wanted.x())
                            .arg(wanted.y())));
    // Dragging follows the mouse.
    const QPoint to(overview->width() / 4, overview->height() / 4);
    QTest::mousePress(overview, Qt::LeftButton, {}, click);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), overview->mapToGlobal(QPointF(to)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(overview, &move);
    QTest::mouseRelease(overview, Qt::LeftButton, {}, to);
    const QRectF dragged = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY(QLineF(dragged.center(), overview->toScene(to)).length() < 5);
    // The overview draws where the view is: its blue rectangle is the visible part.
    const QRectF marker = overview->toOverview(dragged);
    QVERIFY(QRectF(overview->rect()).intersects(marker));

    // Turned off from the View menu, it stays hidden.
    window.actions()->showOverview->trigger();
    QVERIFY(!overview->isVisible());
    view->zoomIn();
    QVERIFY(!overview->isVisible());
    window.actions()->showOverview->trigger();
    QVERIFY(overview->isVisible());
}

void TestCanvasScale::jumpToSchemeFromTheKeyboard()
{
    MainWindow window;
    QVERIFY(openInWindow(window));
    window.view()->fitAll();
    window.activateWindow();
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_J, Qt::ControlModifier);
    auto *jump = window.findChild<SchemeJump *>();
    QVERIFY(jump);
    QVERIFY(jump->isVisible());
    QVERIFY(jump->searchField()->text().isEmpty());
    QCOMPARE(jump->matches()->rowCount(), 300);

    // Words in any order, case-insensitive; name, title and connections all count.
    QTest::keyClicks(jump->searchField(), QStringLiteral("MATERIALS 14"));
    QStringList found;
    for (int i = 0; i < jump->matches()->rowCount(); ++i)
        found << jump->matches()->index(i, 0).data(SchemeListModel::NameRole).toString();
    // Materials are every fifth scheme from the fifth; "14" is in five of their names.
    QCOMPARE(found, (QStringList{QStringLiteral("materials_014"), QStringLiteral("materials_114"),
                                 QStringLiteral("materials_144"), QStringLiteral("materials_149"),
                                 QStringLiteral("materials_214")}));
    jump->searchField()->clear();
    jump->searchField()->insert(QStringLiteral("金蝶云星空 rebates_2")); // as an input method does
    QVERIFY(jump->matches()->rowCount() > 0);
    for (int i = 0; i < jump->matches()->rowCount(); ++i)
        QVERIFY(jump->matches()
                    ->index(i, 0)
                    .data(SchemeListModel::NameRole)
                    .toString()
                    .startsWith(QStringLiteral("rebates_2")));
    // Down picks the second match, Enter jumps to it.
    const QString second = jump->matches()->index(1, 0).data(SchemeListModel::NameRole).toString();
    QTest::keyClick(jump->searchField(), Qt::Key_Down);
    QTest::keyClick(jump->searchField(), Qt::Key_Return);
    QVERIFY(!jump->isVisible());
    PipelineView *view = window.view();
    // Readable (100 %, or what lets the whole frame in), not the fitted 9 %.
    QVERIFY2(view->zoom() >= 0.75, qPrintable(QString::number(view->zoom())));
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY(visible.adjusted(-2, -2, 2, 2).contains(window.scene()->schemeRect(second)));
    NodeItem *source =
        window.scene()->nodeItem(window.pipelineModel()->nodeFor(second, QStringLiteral("source")));
    QVERIFY(source->isSelected());
    QCOMPARE(window.explorer()->currentScheme(), second);
    QVERIFY(view->hasFocus());

    // Escape closes without moving; nothing matching keeps it open on Enter.
    const QTransform where = view->transform();
    const int scroll = view->verticalScrollBar()->value();
    window.actions()->jumpToScheme->trigger();
    QTest::keyClicks(jump->searchField(), QStringLiteral("no such scheme"));
    QCOMPARE(jump->matches()->rowCount(), 0);
    QTest::keyClick(jump->searchField(), Qt::Key_Return);
    QVERIFY(jump->isVisible());
    QTest::keyClick(jump->searchField(), Qt::Key_Escape);
    QVERIFY(!jump->isVisible());
    QCOMPARE(view->transform(), where);
    QCOMPARE(view->verticalScrollBar()->value(), scroll);
    // Jumping moves no node: nothing to undo.
    QVERIFY(!window.document()->isModified());
}

void TestCanvasScale::schemeListFollowsTheProject()
{
    ProjectDocument doc;
    QString error;
    QVERIFY(doc.load(m_path, &error));
    SchemeListModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto names = [&] {
        QStringList out;
        for (int i = 0; i < model.rowCount(); ++i)
            out << model.index(i, 0).data(SchemeListModel::NameRole).toString();
        return out;
    };
    QCOMPARE(names(), doc.project().schemeNames());
    QVERIFY(model.index(0, 0).data().toString().contains(doc.project().schemes.first().title));
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("→")));

    Scheme copy = doc.project().schemes.at(7);
    copy.name = QStringLiteral("inserted");
    doc.undoStack()->push(new InsertSchemeCommand(&doc, 3, copy, {}, QStringLiteral("insert")));
    QCOMPARE(names(), doc.project().schemeNames());
    QCOMPARE(model.rowOf(QStringLiteral("inserted")), 3);
    pushSchemeEdit(&doc, QStringLiteral("inserted"), QStringLiteral("title"),
                   [](Scheme &s) { s.title = QStringLiteral("改过的标题"); });
    QVERIFY(model.index(3, 0).data().toString().contains(QStringLiteral("改过的标题")));
    doc.undoStack()->push(new RemoveSchemeCommand(&doc, 5));
    QCOMPARE(names(), doc.project().schemeNames());
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(names(), doc.project().schemeNames());
    QCOMPARE(model.rowOf(QStringLiteral("inserted")), -1);
    Project small = doc.project();
    small.schemes = small.schemes.mid(0, 2);
    doc.reset(small);
    QCOMPARE(model.rowCount(), 2);
}

QTEST_MAIN(TestCanvasScale)
#include "tst_canvasscale.moc"
