#include "core/model/projectio.h"
#include "core/model/projectvalidator.h"
#include "widgets/alerts/alertsdialog.h"
#include "widgets/canvas/nodekind.h"
#include "widgets/canvas/nodepalette.h"
#include "widgets/canvas/pipelinemodel.h"
#include "widgets/canvas/pipelinescene.h"
#include "widgets/canvas/pipelineview.h"
#include "widgets/common/language.h"
#include "widgets/common/projectdocument.h"
#include "widgets/mainwindow/mainactions.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/mainwindow/problemspanel.h"
#include "widgets/mainwindow/projectexplorer.h"
#include "widgets/mainwindow/projectpropertiespage.h"
#include "widgets/mainwindow/propertiespanel.h"
#include "widgets/mainwindow/scheduleeditor.h"
#include "widgets/mainwindow/schemepropertiespage.h"
#include "widgets/mainwindow/startpage.h"
#include "widgets/newintegration/newintegrationdialog.h"
#include "widgets/usage/apiusagepanel.h"
#include "widgets/widgettestutil.h"

#include <QAction>
#include <QDropEvent>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace weft;

/// The main window as a person meets it: open a project, edit in the properties and undo,
/// save, switch the language live, find the shortcuts.
class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void openingShowsTheProjectEverywhere();
    void propertyEditsAreOneUndoStep();
    void saveWritesTheFileAndCleans();
    void newSchemeFromTheMenu();
    void paletteDropsOntoTheCanvas();
    void languageSwitchesLive();
    void problemsSpeakTheUsersLanguage();
    void problemsMatchWeftRunValidate();
    void emptyProjectShowsTheStartPage();
    void operationsViewsAreReachable();
    void shortcuts();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // recent projects go to a test settings file
    QCoreApplication::setOrganizationName(QStringLiteral("WeftTest"));
    m_path = m_dir.filePath(QStringLiteral("rebates.weft.json"));
    QVERIFY(QFile::copy(
        test::sourcePath(QStringLiteral("resources/examples/dingtalk-rebates-to-k3.weft.json")),
        m_path));
    QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    Language::apply(QStringLiteral("en"), false);
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
}

void TestMainWindow::openingShowsTheProjectEverywhere()
{
    QVERIFY(m_window->openProject(m_path, true));
    ProjectDocument *doc = m_window->document();
    QVERIFY(!doc->isModified());
    QVERIFY(m_window->windowTitle().contains(doc->project().name));
    QVERIFY(m_window->pipelineModel()->nodeCount() >= 3);
    auto *tree = m_window->explorer()->findChild<QTreeWidget *>();
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 3); // project, connections, schemes
    QCOMPARE(tree->topLevelItem(2)->childCount(), doc->project().schemes.size());
    QVERIFY(QSettings()
                .value(QStringLiteral("recentProjects"))
                .toStringList()
                .contains(doc->filePath()));
}

void TestMainWindow::propertyEditsAreOneUndoStep()
{
    ProjectDocument *doc = m_window->document();
    m_window->properties()->showScheme(QStringLiteral("rebates"));
    auto *title =
        m_window->properties()->schemePage()->findChild<QLineEdit *>(QStringLiteral("title"));
    QVERIFY(title);
    const QString before = doc->project().scheme(QStringLiteral("rebates"))->title;
    const int steps = doc->undoStack()->count();
    title->setFocus();
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("Rebates"));
    QCOMPARE(doc->project().scheme(QStringLiteral("rebates"))->title, QStringLiteral("Rebates"));
    QCOMPARE(doc->undoStack()->count(), steps + 1); // seven keystrokes, one undo step
    QVERIFY(doc->isModified());
    QVERIFY(m_window->isWindowModified());
    m_window->actions()->undo->trigger();
    QCOMPARE(doc->project().scheme(QStringLiteral("rebates"))->title, before);
    QCOMPARE(title->text(), before);
    QVERIFY(!doc->isModified());
    m_window->actions()->redo->trigger();
    QCOMPARE(doc->project().scheme(QStringLiteral("rebates"))->title, QStringLiteral("Rebates"));
}

void TestMainWindow::saveWritesTheFileAndCleans()
{
    ProjectDocument *doc = m_window->document();
    QVERIFY(doc->isModified());
    QVERIFY(m_window->saveProject());
    QVERIFY(!doc->isModified());
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), saveProject(doc->project()));
    const ProjectLoadResult again = loadProjectFile(m_path);
    QVERIFY(again.project);
    QCOMPARE(again.project->scheme(QStringLiteral("rebates"))->title, QStringLiteral("Rebates"));
    // No temporary file is left behind (the write goes through a temporary, then a rename).
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files).filter(QStringLiteral(".weft.json")).size(),
             1);
}

void TestMainWindow::newSchemeFromTheMenu()
{
    ProjectDocument *doc = m_window->document();
    const int schemes = int(doc->project().schemes.size());
    m_window->actions()->newScheme->trigger();
    QCOMPARE(doc->project().schemes.size(), schemes + 1);
    QCOMPARE(m_window->explorer()->currentScheme(), doc->project().schemes.last().name);
    m_window->actions()->undo->trigger();
    QCOMPARE(doc->project().schemes.size(), schemes);
}

void TestMainWindow::paletteDropsOntoTheCanvas()
{
    // What the palette's drag carries, dropped on the canvas as a person would.
    PipelineView *view = m_window->view();
    PipelineScene *scene = m_window->scene();
    m_window->showCanvas();
    view->resetZoom();
    const QRectF frame = scene->schemeRect(QStringLiteral("rebates"));
    QVERIFY(!frame.isNull());
    view->centerOn(frame.center());
    auto drop = [&](const char *kind, const QPointF &scenePos) {
        QMimeData data;
        data.setData(QString::fromLatin1(kNodeMimeType), QByteArray(kind));
        const QPoint at = view->mapFromScene(scenePos);
        QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &enter);
        QDropEvent event(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &event);
        return event.isAccepted();
    };
    const int nodes = m_window->pipelineModel()->nodeCount();
    QVERIFY(drop("validate", frame.center() + QPointF(0, 20)));
    QCOMPARE(m_window->pipelineModel()->nodeCount(), nodes + 1);
    QVERIFY(
        m_window->pipelineModel()->nodeFor(QStringLiteral("rebates"), QStringLiteral("validate1")));
    // A second target is refused, and the reason is shown over the canvas.
    QVERIFY(!drop("target", frame.center()));
    auto *message = view->findChild<QLabel *>(QStringLiteral("canvasMessage"));
    QVERIFY(message && message->isVisible());
    QVERIFY(message->text().contains(QStringLiteral("target")));
    m_window->actions()->undo->trigger();
    QCOMPARE(m_window->pipelineModel()->nodeCount(), nodes);

    // A source dropped outside every scheme opens the new-integration flow; the scheme is made
    // there (with its metadata), not blank on the canvas.
    const int schemes = int(m_window->document()->project().schemes.size());
    QVERIFY(drop("source", frame.bottomRight() + QPointF(400, 400)));
    auto *flow = m_window->findChild<NewIntegrationDialog *>();
    QVERIFY(flow && flow->isVisible());
    QCOMPARE(m_window->document()->project().schemes.size(), schemes);
    QCOMPARE(m_window->pipelineModel()->nodeCount(), nodes);
    flow->reject();
}

void TestMainWindow::languageSwitchesLive()
{
    auto *bottom = m_window->findChild<QTabWidget *>(QStringLiteral("bottomTabs"));
    QVERIFY(bottom);
    QCOMPARE(bottom->tabText(2), QStringLiteral("Failed records"));
    QVERIFY(Language::apply(QStringLiteral("zh_CN"), false)); // the .qm is embedded
    QCoreApplication::processEvents();
    QCOMPARE(m_window->actions()->runProject->text(), QStringLiteral("运行项目(&R)"));
    QCOMPARE(bottom->tabText(2), QStringLiteral("异常数据"));
    auto *palette = m_window->findChild<NodePalette *>();
    QCOMPARE(palette->item(0)->text(), QStringLiteral("源"));
    const NodeId map =
        m_window->pipelineModel()->nodeFor(QStringLiteral("rebates"), QStringLiteral("map"));
    QCOMPARE(m_window->pipelineModel()->node(map)->title, QStringLiteral("字段映射"));
    QVERIFY(m_window->properties()
                ->schemePage()
                ->findChild<QLabel *>(QStringLiteral("titleLabel"))
                ->text() == QStringLiteral("标题"));
    QVERIFY(Language::apply(QStringLiteral("en"), false));
    QCoreApplication::processEvents();
    QCOMPARE(m_window->actions()->runProject->text(), QStringLiteral("&Run project"));
    QCOMPARE(m_window->pipelineModel()->node(map)->title, QStringLiteral("Mapping"));
}

void TestMainWindow::problemsSpeakTheUsersLanguage()
{
    // A scheme whose target names a connection that does not exist: the validator's message
    // (made by the core) lands in the Problems tab in the window's language and follows a
    // switch of it.
    QFile in(m_path);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray schemes = root.value(QStringLiteral("schemes")).toArray();
    QJsonObject scheme = schemes.at(0).toObject();
    QJsonObject target = scheme.value(QStringLiteral("target")).toObject();
    target.insert(QStringLiteral("connection"), QStringLiteral("nope"));
    scheme.insert(QStringLiteral("target"), target);
    schemes.replace(0, scheme);
    root.insert(QStringLiteral("schemes"), schemes);
    const QString path = m_dir.filePath(QStringLiteral("broken.weft.json"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(root).toJson());
    out.close();

    QVERIFY(Language::apply(QStringLiteral("zh_CN"), false));
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    window.openProject(path, true);
    auto *panel = window.findChild<ProblemsPanel *>();
    QVERIFY(panel);
    auto *list = panel->findChild<QTreeWidget *>();
    QVERIFY(list);
    const auto listed = [&](const QString &text) {
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->text(2).contains(text))
                return true;
        }
        return false;
    };
    QVERIFY(
        test::waitUntil([&] { return listed(QStringLiteral("没有名为 \"nope\" 的连接")); }, 10000));
    QVERIFY(Language::apply(QStringLiteral("en"), false));
    QVERIFY(test::waitUntil([&] { return listed(QStringLiteral("no connection named \"nope\"")); },
                            10000));
    window.document()->undoStack()->setClean();
}

void TestMainWindow::problemsMatchWeftRunValidate()
{
    // A new scheme dropped without connections: the Problems panel lists exactly what
    // `weft-run validate` finds in the file the designer would save (it once showed nothing
    // while validate found two errors).
    Language::apply(QStringLiteral("en"), false);
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    window.actions()->newScheme->trigger();
    QCOMPARE(window.document()->project().schemes.size(), 1);
    auto *list = window.findChild<ProblemsPanel *>()->findChild<QTreeWidget *>();
    QVERIFY(test::waitUntil([&] { return list->topLevelItemCount() > 0; }, 10000));
    QSet<QString> shown;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *row = list->topLevelItem(i);
        shown.insert(row->text(0) + u' ' + row->text(1) + u' ' + row->text(2));
    }
    const QString path = m_dir.filePath(QStringLiteral("new-scheme.weft.json"));
    QVERIFY(saveProjectFile(window.document()->project(), path));
    ValidateOptions options;
    options.checkEnvironment = true;
    QSet<QString> validated;
    int errors = 0;
    for (const Diagnostic &d : validateProjectFile(path, options)) {
        validated.insert((d.isError() ? u"error"_qs : u"warning"_qs) + u' ' +
                         (d.pointer.isEmpty() ? u"project"_qs : d.pointer) + u' ' + d.message);
        errors += d.isError() ? 1 : 0;
    }
    QVERIFY2(errors >= 2, qPrintable(QStringList(validated.values()).join(u'\n')));
    QCOMPARE(shown, validated);
    window.document()->undoStack()->setClean();
}

void TestMainWindow::emptyProjectShowsTheStartPage()
{
    Language::apply(QStringLiteral("en"), false);
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    auto *start = window.findChild<StartPage *>();
    QVERIFY(start);
    QVERIFY(start->isVisible()); // a new, empty project
    QListWidget *examples = start->exampleList();
    QCOMPARE(examples->count(), 5); // the bundled examples, by their project names
    QVERIFY(!examples->item(0)->text().endsWith(QStringLiteral(".json")));

    // One click opens an example as an unsaved copy; the start page steps aside.
    QTest::mouseClick(examples->viewport(), Qt::LeftButton, {},
                      examples->visualItemRect(examples->item(0)).center());
    QVERIFY(!window.document()->project().schemes.isEmpty());
    QVERIFY(window.document()->filePath().isEmpty());
    QVERIFY(!start->isVisible());

    // Back to an empty project, then the first scheme from the start page's button.
    window.newProject(true);
    QVERIFY(start->isVisible());
    auto *newScheme = start->findChild<QPushButton *>(QStringLiteral("startNewScheme"));
    QVERIFY(newScheme);
    QTest::mouseClick(newScheme, Qt::LeftButton);
    QCOMPARE(window.document()->project().schemes.size(), 1);
    QVERIFY(!start->isVisible());
    window.actions()->undo->trigger(); // the scheme's insertion is one undo step
    QVERIFY(window.document()->project().schemes.isEmpty());
    QVERIFY(start->isVisible());
    window.document()->undoStack()->setClean();
}

void TestMainWindow::operationsViewsAreReachable()
{
    Language::apply(QStringLiteral("en"), false);
    QCoreApplication::processEvents();
    // Project → Alerts… and the project's properties open the same, non-modal editor.
    QAction *alerts = m_window->actions()->alerts;
    QVERIFY(!alerts->text().isEmpty());
    alerts->trigger();
    auto *dialog = m_window->findChild<AlertsDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(!dialog->isModal());
    dialog->close();
    m_window->properties()->showProject();
    auto *edit = m_window->properties()->projectPage()->findChild<QPushButton *>(
        QStringLiteral("editAlerts"));
    QVERIFY(edit);
    QTest::mouseClick(edit, Qt::LeftButton);
    QCOMPARE(m_window->findChildren<AlertsDialog *>().size(), 1);
    QVERIFY(dialog->isVisible());
    dialog->close();

    // The API usage tab sits with the other results; a scheme's properties have a schedule.
    auto *bottom = m_window->findChild<QTabWidget *>(QStringLiteral("bottomTabs"));
    m_window->showBottomTab(QStringLiteral("usage"));
    QCOMPARE(bottom->currentWidget(), m_window->usagePanel());
    QCOMPARE(bottom->tabText(bottom->currentIndex()), QStringLiteral("API usage"));
    m_window->properties()->showScheme(QStringLiteral("rebates"));
    QCOMPARE(m_window->properties()->schemePage()->scheduleEditor()->scheme(),
             QStringLiteral("rebates"));
    QCOMPARE(m_window->properties()->schemePage()->scheduleEditor()->nextRuns().size(), 5);
}

void TestMainWindow::shortcuts()
{
    MainActions *a = m_window->actions();
    QCOMPARE(a->save->shortcut(), QKeySequence(QKeySequence::Save));
    QCOMPARE(a->undo->shortcut(), QKeySequence(QKeySequence::Undo));
    QCOMPARE(a->runProject->shortcut(), QKeySequence(Qt::Key_F5));
    QCOMPARE(a->preview->shortcut(), QKeySequence(Qt::Key_F6));
    QCOMPARE(a->fit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_0));
    // Every action a person reaches from the menus has a text, and every shortcut is unique.
    QSet<QString> seen;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcut().isEmpty())
            continue;
        const QString key = action->shortcut().toString();
        QVERIFY2(!seen.contains(key), qPrintable(key));
        seen.insert(key);
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
