#include "tools/screenshots/screenshots.h"

#include "core/catalog/catalog.h"
#include "core/catalog/catalogmetadata.h"
#include "core/model/projectio.h"
#include "core/model/stepjson.h"
#include "core/state/opsstore.h"
#include "core/state/statestore.h"
#include "tools/scaledemo/scaledemo.h"
#include "tools/screenshots/newintegrationshots.h"
#include "tools/screenshots/robotstandin.h"
#include "widgets/alerts/alertsdialog.h"
#include "widgets/canvas/pipelinemodel.h"
#include "widgets/canvas/pipelinescene.h"
#include "widgets/canvas/pipelineview.h"
#include "widgets/canvas/schemejump.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/connections/connectiondialog.h"
#include "widgets/failed/failedrecordsmodel.h"
#include "widgets/failed/failedrecordspanel.h"
#include "widgets/history/historypanel.h"
#include "widgets/history/historyqualityview.h"
#include "widgets/history/runhistorymodel.h"
#include "widgets/mainwindow/bottompanel.h"
#include "widgets/mainwindow/environmentseditor.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/mainwindow/propertiespanel.h"
#include "widgets/mainwindow/scheduleeditor.h"
#include "widgets/mainwindow/schemepropertiespage.h"
#include "widgets/mapping/mappingeditor.h"
#include "widgets/mapping/mappingmodel.h"
#include "widgets/operations/operationsmodel.h"
#include "widgets/operations/operationspanel.h"
#include "widgets/run/enginehost.h"
#include "widgets/run/runcoordinator.h"
#include "widgets/run/runpanel.h"
#include "widgets/run/samplecache.h"
#include "widgets/usage/apiusagemodel.h"
#include "widgets/usage/apiusagepanel.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUndoStack>
#include <functional>

namespace weft {

namespace {

bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    return done();
}

void settle()
{
    for (int i = 0; i < 10; ++i)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
}

// Several examples in one project, so the canvas shows what a real project looks like.
std::optional<Project> demoProject(const ScreenshotOptions &options, QTextStream &err)
{
    Project demo;
    // The project's name is data, not a message: written in the language of the pictures.
    demo.name = options.language == QLatin1String("zh_CN")
                    ? QStringLiteral("示例：聚水潭、金蝶、钉钉、MySQL")
                    : QStringLiteral("Examples: Jushuitan, Kingdee, DingTalk, MySQL");
    for (const QString &file : {QStringLiteral("jst-warehouses-to-jdy.weft.json"),
                                QStringLiteral("jdy-customers-to-local.weft.json"),
                                QStringLiteral("dingtalk-rebates-to-k3.weft.json"),
                                QStringLiteral("jst-purchasein-to-mysql.weft.json")}) {
        const ProjectLoadResult loaded = loadProjectFile(QDir(options.examplesDir).filePath(file));
        if (!loaded.project) {
            err << "screenshots: cannot load example " << file << '\n';
            return std::nullopt;
        }
        for (const Connection &c : loaded.project->connections) {
            if (!demo.connection(c.name))
                demo.connections << c;
        }
        demo.schemes << loaded.project->schemes;
    }
    // A schedule with a dependency and two alert rules for the schedule and alert views.
    if (Scheme *purchasein = demo.scheme(QStringLiteral("purchasein"))) {
        purchasein->schedule.cron = QStringLiteral("*/15 8-20 * * MON-FRI");
        purchasein->schedule.after = {QStringLiteral("warehouses")};
    }
    const auto env = [](const char *name) {
        return QJsonObject{{QStringLiteral("env"), QLatin1String(name)}};
    };
    demo.alerts = {
        QJsonObject{
            {QStringLiteral("name"), QStringLiteral("purchase-in failures")},
            {QStringLiteral("when"), QStringLiteral("failed_records")},
            {QStringLiteral("threshold"), 10},
            {QStringLiteral("schemes"), QJsonArray{QStringLiteral("purchasein")}},
            {QStringLiteral("channels"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("dingtalk")},
                             {QStringLiteral("webhook"), env("DINGTALK_ROBOT_URL")},
                             {QStringLiteral("secret"), env("DINGTALK_ROBOT_SECRET")}},
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("wecom")},
                             {QStringLiteral("webhook"), env("WECOM_ROBOT_URL")}},
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("webhook")},
                             {QStringLiteral("url"), QStringLiteral("${OPS_WEBHOOK_URL}")}}}}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("stale")},
                    {QStringLiteral("when"), QStringLiteral("no_success")},
                    {QStringLiteral("minutes"), 180},
                    {QStringLiteral("channels"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("type"), QStringLiteral("webhook")},
                         {QStringLiteral("url"), QStringLiteral("${OPS_WEBHOOK_URL}")}}}}}};
    return demo;
}

// A filter and a validate step in the purchase-in scheme, a lookup not connected yet in the
// warehouses scheme: the canvas then shows every kind of node.
void addSteps(ProjectDocument *doc)
{
    pushSchemeEdit(doc, QStringLiteral("purchasein"), QStringLiteral("steps"), [](Scheme &s) {
        Step filter;
        filter.id = QStringLiteral("filter1");
        filter.type = StepType::Filter;
        filter.title = QStringLiteral("跳过作废单 / skip cancelled");
        filter.settings.insert(QStringLiteral("condition"),
                               QStringLiteral("_function '{status}' <> 'Cancelled'"));
        Step validate;
        validate.id = QStringLiteral("validate1");
        validate.type = StepType::Validate;
        // One rule of each severity, for the rule table's screenshot.
        validate.settings.insert(
            QStringLiteral("rules"),
            QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("items_name")},
                                   {QStringLiteral("maxLength"), 200}},
                       QJsonObject{{QStringLiteral("field"), QStringLiteral("io_id")},
                                   {QStringLiteral("unique"), true}},
                       QJsonObject{{QStringLiteral("field"), QStringLiteral("items_qty")},
                                   {QStringLiteral("min"), 1},
                                   {QStringLiteral("max"), 9999},
                                   {QStringLiteral("severity"), QStringLiteral("warn")}},
                       QJsonObject{{QStringLiteral("field"), QStringLiteral("wh_id")},
                                   {QStringLiteral("values"), QJsonArray{1, 2}},
                                   {QStringLiteral("severity"), QStringLiteral("skip")}}});
        s.steps = {filter, validate};
    });
    Step lookup;
    lookup.id = QStringLiteral("lookup1");
    lookup.type = StepType::Lookup;
    QJsonObject layout = doc->schemeLayout(QStringLiteral("warehouses"));
    layout.insert(QStringLiteral("lookup1"),
                  QJsonObject{{QStringLiteral("x"), 640},
                              {QStringLiteral("y"), 0},
                              {QStringLiteral("detached"), stepToJson(lookup)}});
    doc->undoStack()->push(
        new EditLayoutCommand(doc, {{QStringLiteral("warehouses"), layout}}, QStringLiteral("l")));
    doc->undoStack()->setClean();
}

// Every view is made in a window of the same size, so the pictures line up in the docs.
void openInWindow(MainWindow &window, const QString &path)
{
    window.resize(1600, 1000);
    window.show();
    window.openProject(path, true);
}

bool savePixmap(const QPixmap &picture, const QString &dir, const QString &name,
                const QString &language, QStringList *written, QTextStream &err)
{
    const QString path = QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(name, language));
    if (!picture.save(path)) {
        err << "screenshots: cannot write " << path << '\n';
        return false;
    }
    if (written)
        written->append(path);
    return true;
}

bool save(QWidget *w, const QString &dir, const QString &name, const QString &language,
          QStringList *written, QTextStream &err)
{
    settle();
    return savePixmap(w->grab(), dir, name, language, written, err);
}

// What a new, empty project shows: the start page over the canvas.
bool saveStartPage(const QString &dir, const QString &language, QStringList *written,
                   QTextStream &err)
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    return save(&window, dir, QStringLiteral("start-page"), language, written, err);
}

// The Problems panel on a project with mistakes a newcomer makes: a connection without its
// base URL and account, a target naming a connection that does not exist. The messages come
// from the core's validator, in the window's language.
bool saveProblemsView(Project project, const QString &dir, const QString &language,
                      QStringList *written, QTextStream &err)
{
    if (project.connections.isEmpty() || project.schemes.isEmpty())
        return true;
    project.connections.first().baseUrl.clear();
    project.connections.first().account = QJsonObject();
    project.schemes.first().target.connection = QStringLiteral("erp_prod");
    QTemporaryDir work;
    const QString path = work.filePath(QStringLiteral("problems.weft.json"));
    QString error;
    if (!saveProjectFile(project, path, &error)) {
        err << "screenshots: " << error << '\n';
        return false;
    }
    MainWindow window;
    openInWindow(window, path);
    window.showBottomTab(QStringLiteral("problems"));
    auto *bottom = window.findChild<QDockWidget *>(QStringLiteral("bottomDock"));
    window.resizeDocks({bottom}, {360}, Qt::Vertical);
    const bool ok = save(&window, dir, QStringLiteral("problems"), language, written, err);
    window.document()->undoStack()->setClean();
    return ok;
}

// The purchase-in source bound to its catalogue endpoint: the properties panel's form (the
// endpoint, its parameters with labels and values, paging) instead of the JSON.
bool saveCatalogForm(Project project, const QString &dir, const QString &language,
                     QStringList *written, QTextStream &err)
{
    const CatalogEndpoint *e = Catalog::builtin()->endpoint(QStringLiteral("jushuitan"),
                                                            QStringLiteral("purchasein.query"));
    Scheme *scheme = nullptr;
    for (Scheme &s : project.schemes) {
        if (s.name == QLatin1String("purchasein"))
            scheme = &s;
    }
    if (!e || !scheme)
        return true;
    scheme->source.metadata = catalogMetadata(*e);
    QTemporaryDir work;
    const QString path = work.filePath(QStringLiteral("catalog.weft.json"));
    QString error;
    if (!saveProjectFile(project, path, &error)) {
        err << "screenshots: " << error << '\n';
        return false;
    }
    MainWindow window;
    openInWindow(window, path);
    auto *properties = window.findChild<QDockWidget *>(QStringLiteral("propertiesDock"));
    properties->setMinimumWidth(620);
    window.resizeDocks({properties}, {640}, Qt::Horizontal);
    window.properties()->showNode(QStringLiteral("purchasein"), QStringLiteral("source"));
    return save(properties, dir, QStringLiteral("catalog-form"), language, written, err);
}

// The designer at 300 schemes: the grid fitted to the view, one scheme read at 100 % with the
// overview in the corner, and the jump-to-scheme search (a popup window, drawn into the
// window's picture where it shows).
bool saveScaleViews(const ScreenshotOptions &options, QStringList *written, QTextStream &err)
{
    const QString &dir = options.outputDir;
    const QString &language = options.language;
    QTemporaryDir work;
    QString error;
    const std::optional<Project> project = scaleDemoProject(options.examplesDir, 300, &error);
    const QString path = work.filePath(QStringLiteral("scale.weft.json"));
    if (!project || !saveProjectFile(*project, path, &error)) {
        err << "screenshots: " << error << '\n';
        return false;
    }
    MainWindow window;
    openInWindow(window, path);
    settle();
    window.view()->fitAll();
    bool ok = save(&window, dir, QStringLiteral("scale-fit"), language, written, err);
    window.jumpToScheme(project->schemes.at(137).name);
    ok &= save(&window, dir, QStringLiteral("scale-overview"), language, written, err);
    SchemeJump *jump = window.showSchemeJump();
    jump->searchField()->setText(QStringLiteral("采购 BI 1"));
    settle();
    QPixmap picture = window.grab();
    {
        QPainter painter(&picture);
        painter.drawPixmap(window.mapFromGlobal(jump->frameGeometry().topLeft()), jump->grab());
    }
    ok &= savePixmap(picture, dir, QStringLiteral("scale-jump"), language, written, err);
    jump->hide();
    return ok;
}

// What a serve process sharing the store would have written there: its heartbeat, a run in
// progress with its snapshot, a paused schedule and an alert sent — so the Operations view has
// something of each to show.
void seedOperations(const QString &location, QTextStream &err)
{
    QString error;
    const std::unique_ptr<StateStore> store = StateStore::open(location, &error);
    if (!store) {
        err << "screenshots: " << error << '\n';
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    store->heartbeat(QStringLiteral("serve-erp01-4242"), QStringLiteral("erp01"),
                     QCoreApplication::applicationVersion(), now.addSecs(-3 * 3600),
                     {QStringLiteral("warehouses")});
    RunInfo run;
    run.runId = QStringLiteral("20261207-0930-warehouses");
    run.scheme = QStringLiteral("warehouses");
    run.trigger = QStringLiteral("schedule");
    run.startedAt = now.addSecs(-42);
    store->beginRun(run);
    RunSnapshot snap;
    snap.runId = run.runId;
    snap.scheme = run.scheme;
    snap.holder = QStringLiteral("serve-erp01-4242");
    snap.host = QStringLiteral("erp01");
    snap.trigger = run.trigger;
    snap.startedAt = run.startedAt;
    snap.phase = QStringLiteral("writing");
    snap.counters.read = 1260;
    snap.counters.written = 1180;
    snap.counters.failed = 2;
    snap.counters.pages = 13;
    snap.mapped = 1240;
    snap.steps = QJsonArray{QJsonObject{{"id", "beatFlat"}, {"in", 1260}, {"out", 1260}},
                            QJsonObject{{"id", "map"}, {"in", 1260}, {"out", 1240}}};
    OperationsStore ops(store.get());
    ops.writeSnapshot(snap);
    ops.setPaused(QStringLiteral("rebates"), true, QStringLiteral("li.wei@ops-laptop"));
    store->noteAlertSent(QStringLiteral("failures"), QStringLiteral("purchasein"),
                         QStringLiteral("purchasein: 3 records failed in the 09:00 run"));
}

// The Operations tab on a store a serve process shares (seeded as one would write it).
bool saveOperationsTab(MainWindow &window, const QString &dir, const QString &language,
                       QStringList *written, QTextStream &err)
{
    seedOperations(window.document()->stateLocation(), err);
    auto *bottom = window.findChild<QDockWidget *>(QStringLiteral("bottomDock"));
    window.resizeDocks({bottom}, {520}, Qt::Vertical);
    window.showBottomTab(QStringLiteral("operations"));
    OperationsPanel *panel = window.bottomPanel()->operationsPanel();
    OperationsModel *model = panel->model();
    model->refresh();
    waitFor([&] { return model->running()->rowCount() > 0 && model->alerts()->rowCount() > 0; },
            10000);
    panel->selectScheme(QStringLiteral("rebates"));
    settle();
    const bool ok = save(&window, dir, QStringLiteral("operations"), language, written, err);
    window.showBottomTab(QStringLiteral("run"));
    window.resizeDocks({bottom}, {280}, Qt::Vertical);
    return ok;
}

// The schedule editor (the scheme's properties), the alerts editor after a test alert, and
// the API usage of what ran.
bool saveOperationsViews(MainWindow &window, const QString &dir, const QString &language,
                         QStringList *written, QTextStream &err)
{
    bool ok = true;
    window.showCanvas();
    auto *properties = window.findChild<QDockWidget *>(QStringLiteral("propertiesDock"));
    // At least 540 wide, whatever else the window's docks ask for (the offscreen platform
    // gave it less than the 560 asked).
    properties->setMinimumWidth(540);
    window.resizeDocks({properties}, {560}, Qt::Horizontal);
    window.properties()->showScheme(QStringLiteral("purchasein"));
    ScheduleEditor *schedule = window.properties()->schemePage()->scheduleEditor();
    waitFor([&] { return schedule->nextRuns().size() == 5; }, 5000);
    ok &= save(properties, dir, QStringLiteral("schedule-editor"), language, written, err);
    properties->setMinimumWidth(0);
    window.resizeDocks({properties}, {340}, Qt::Horizontal);

    RobotStandIn robots;
    qputenv("DINGTALK_ROBOT_URL", robots.url("/robot/send?access_token=demo"));
    qputenv("DINGTALK_ROBOT_SECRET", "SECdemo");
    qputenv("WECOM_ROBOT_URL", robots.url("/cgi-bin/webhook/send?key=demo"));
    qputenv("OPS_WEBHOOK_URL", robots.url("/weft"));
    AlertsDialog *alerts = window.showAlerts();
    alerts->resize(1000, 760);
    alerts->selectRule(0);
    alerts->sendTest();
    waitFor([&] { return !alerts->isTesting(); }, 20000);
    ok &= save(alerts, dir, QStringLiteral("alerts-editor"), language, written, err);
    alerts->close();

    // The table and the chart side by side want the width the properties take.
    properties->hide();
    auto *bottom = window.findChild<QDockWidget *>(QStringLiteral("bottomDock"));
    window.resizeDocks({bottom}, {520}, Qt::Vertical);
    window.showBottomTab(QStringLiteral("usage"));
    ApiUsageModel *usage = window.usagePanel()->model();
    usage->refresh();
    waitFor([&] { return !usage->isLoading(); }, 10000);
    ok &= save(&window, dir, QStringLiteral("api-usage"), language, written, err);
    ok &= saveOperationsTab(window, dir, language, written, err);
    window.resizeDocks({bottom}, {280}, Qt::Vertical);
    properties->show();
    return ok;
}

// The project's environments: the switcher in the toolbar and the editor in the project's
// properties, with a test and a production account of the Jushuitan connection.
bool saveEnvironmentsView(MainWindow &window, const QString &dir, const QString &language,
                          QStringList *written, QTextStream &err)
{
    const auto ref = [](const char *kind, const char *key) {
        return QJsonObject{{QLatin1String(kind), QLatin1String(key)}};
    };
    const bool zh = language == QLatin1String("zh_CN");
    const QString test = zh ? QStringLiteral("测试") : QStringLiteral("Test");
    const QString production = zh ? QStringLiteral("生产") : QStringLiteral("Production");
    const QList<Environment> environments = {
        {test,
         {{QStringLiteral("JST_APP_KEY"), QStringLiteral("weft-jst-test")},
          {QStringLiteral("JST_APP_SECRET"), ref("env", "JST_TEST_SECRET")},
          {QStringLiteral("WEFT_MOCK_URL"), QStringLiteral("http://127.0.0.1:18080")}}},
        {production,
         {{QStringLiteral("JST_APP_KEY"), QStringLiteral("shop-8841")},
          {QStringLiteral("JST_ACCESS_TOKEN"), ref("keychain", "weft/jst-prod-token")},
          {QStringLiteral("JST_APP_SECRET"), ref("keychain", "weft/jst-prod-secret")}}}};
    ProjectDocument *doc = window.document();
    doc->undoStack()->push(
        new EditEnvironmentsCommand(doc, environments, production, QStringLiteral("envs")));
    window.showCanvas();
    auto *properties = window.findChild<QDockWidget *>(QStringLiteral("propertiesDock"));
    properties->setMinimumWidth(540);
    window.resizeDocks({properties}, {560}, Qt::Horizontal);
    window.properties()->showProject();
    auto *editor = window.findChild<EnvironmentsEditor *>();
    if (editor)
        editor->environmentList()->setCurrentRow(1);
    const bool ok = save(&window, dir, QStringLiteral("environments"), language, written, err);
    properties->setMinimumWidth(0);
    window.resizeDocks({properties}, {340}, Qt::Horizontal);
    doc->undoStack()->undo();
    return ok;
}

// The History panel with a run's quality summary beside it. Against weft-mock the warehouses
// scheme gets a validate step and runs once more, so the summary has rules as well as the
// reconciled window (Jushuitan reports data_count).
bool saveHistoryQuality(MainWindow &window, bool mock, const QString &dir, const QString &language,
                        QStringList *written, QTextStream &err)
{
    if (mock) {
        pushSchemeEdit(
            window.document(), QStringLiteral("warehouses"), QStringLiteral("steps"),
            [](Scheme &s) {
                Step validate;
                validate.id = QStringLiteral("checked");
                validate.type = StepType::Validate;
                const auto rule = [](const char *field, const char *key, const QJsonValue &value) {
                    return QJsonObject{{QStringLiteral("field"), QLatin1String(field)},
                                       {QLatin1String(key), value}};
                };
                validate.settings.insert(
                    QStringLiteral("rules"),
                    QJsonArray{rule("name", "required", true), rule("name", "maxLength", 12),
                               rule("wms_co_id", "pattern", QStringLiteral("^[0-9]+$")),
                               rule("remark1", "required", true)});
                s.steps.append(validate);
            });
        window.runs()->run({QStringLiteral("warehouses")}, RunOptions());
        settle();
        waitFor([&] { return !window.runs()->isRunning(); }, 60000);
        settle();
    }
    auto *properties = window.findChild<QDockWidget *>(QStringLiteral("propertiesDock"));
    properties->hide();
    auto *bottom = window.findChild<QDockWidget *>(QStringLiteral("bottomDock"));
    window.resizeDocks({bottom}, {520}, Qt::Vertical);
    window.showBottomTab(QStringLiteral("history"));
    HistoryPanel *history = window.historyPanel();
    history->model()->refresh();
    waitFor([&] { return history->model()->rowCount() > 0; }, 10000);
    bool shown = history->model()->rowCount() == 0;
    QObject::connect(history->quality(), &HistoryQualityView::loaded, history,
                     [&shown] { shown = true; });
    if (history->model()->rowCount() > 0)
        history->selectRun(0);
    waitFor([&] { return shown; }, 10000);
    settle();
    const bool ok = save(&window, dir, QStringLiteral("history-quality"), language, written, err);
    window.resizeDocks({bottom}, {280}, Qt::Vertical);
    properties->show();
    return ok;
}

} // namespace

bool renderScreenshots(const ScreenshotOptions &options, QStringList *written)
{
    QTextStream err(stderr);
    const QString &dir = options.outputDir;
    const QString &language = options.language;
    QDir().mkpath(dir);
    QTemporaryDir work;
    const std::optional<Project> project = demoProject(options, err);
    if (!project)
        return false;
    const QString path = work.filePath(QStringLiteral("examples.weft.json"));
    QString error;
    if (!saveProjectFile(*project, path, &error)) {
        err << "screenshots: " << error << '\n';
        return false;
    }

    MainWindow window;
    openInWindow(window, path);
    // A second window, new and empty, with the example among its recent projects.
    bool ok = saveStartPage(dir, language, written, err);
    ok &= saveCatalogForm(*project, dir, language, written, err);
    ok &= saveNewIntegrationViews(dir, language, written, err);
    addSteps(window.document());
    settle();
    window.view()->fitAll();
    window.scene()->selectNode(QStringLiteral("purchasein"), QStringLiteral("filter1"));

    // Against a running weft-mock the run and failed-records views show a real run.
    const bool mock = options.againstMock;
    if (mock) {
        window.samples()->fetch(QStringLiteral("rebates"), 20);
        waitFor([&] { return !window.samples()->isFetching(QStringLiteral("rebates")); }, 30000);
        window.runs()->run({QStringLiteral("warehouses"), QStringLiteral("jdy_customers"),
                            QStringLiteral("rebates")},
                           RunOptions());
        settle();
        waitFor([&] { return !window.runs()->isRunning(); }, 120000);
        settle();
    }
    window.showBottomTab(QStringLiteral("run"));
    ok &= save(&window, dir, QStringLiteral("main-window"), language, written, err);
    ok &= save(&window, dir, QStringLiteral("run-panel"), language, written, err);
    // The validate step's properties: its rule table above the rules' JSON.
    // The rule table needs width more than the canvas does here.
    auto *properties = window.findChild<QDockWidget *>(QStringLiteral("propertiesDock"));
    window.resizeDocks({properties}, {620}, Qt::Horizontal);
    window.scene()->selectNode(QStringLiteral("purchasein"), QStringLiteral("validate1"));
    settle();
    ok &= save(&window, dir, QStringLiteral("validate-rules"), language, written, err);
    window.resizeDocks({properties}, {340}, Qt::Horizontal);
    window.scene()->selectNode(QStringLiteral("purchasein"), QStringLiteral("filter1"));

    window.showBottomTab(QStringLiteral("failed"));
    // The table needs height more than the canvas does here.
    auto *bottom = window.findChild<QDockWidget *>(QStringLiteral("bottomDock"));
    window.resizeDocks({bottom}, {520}, Qt::Vertical);
    FailedRecordsModel *failed = window.failedPanel()->model();
    waitFor([&] { return !failed->isCounting(); }, 10000);
    if (failed->rowCount() > 0) {
        failed->data(failed->index(0, 0)); // asks for the first page
        waitFor([&] { return failed->record(0) != nullptr; }, 10000);
        window.failedPanel()->selectRows({0});
    }
    ok &= save(&window, dir, QStringLiteral("failed-records"), language, written, err);

    window.resizeDocks({bottom}, {280}, Qt::Vertical);
    MappingEditor *editor = window.openMapping(QStringLiteral("rebates"));
    editor->selectTarget(editor->model()->rowOf(QStringLiteral("FEntity/FNOTAXAMOUNTFOR")));
    window.showBottomTab(QStringLiteral("preview"));
    ok &= save(&window, dir, QStringLiteral("mapping-editor"), language, written, err);

    ok &= saveOperationsViews(window, dir, language, written, err);
    ok &= saveHistoryQuality(window, mock, dir, language, written, err);
    ok &= saveProblemsView(*project, dir, language, written, err);

    const Connection *jst = window.document()->project().connection(QStringLiteral("jushuitan"));
    ConnectionDialog dialog(window.document()->project(), jst, &window);
    dialog.show();
    if (mock) {
        dialog.test();
        waitFor(
            [&] {
                return !dialog.testResult().endsWith(QStringLiteral("…")) &&
                       !dialog.testResult().endsWith(QStringLiteral("..."));
            },
            15000);
    }
    ok &= save(&dialog, dir, QStringLiteral("connection-dialog"), language, written, err);
    dialog.close();
    ok &= saveEnvironmentsView(window, dir, language, written, err);
    window.document()->undoStack()->setClean();
    ok &= saveScaleViews(options, written, err);
    return ok;
}

} // namespace weft
