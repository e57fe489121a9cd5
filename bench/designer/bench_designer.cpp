// bench_designer: the designer at scale (issue 23; bench/README.md "Designer at scale").
//
// A generated project of 300 schemes (1 500 nodes) with a state store of 1 000 000 failed
// records, opened in the main window on the offscreen platform, and measured as a person
// would meet it: opening the project, canvas frames while panning and zooming, filtering the
// failed records, and the GUI thread's longest stall while a run of a million records goes on
// against weft-mock. Prints each figure beside its target.
#include "core/log/logging.h"
#include "core/model/projectio.h"
#include "core/state/statestore.h"
#include "tools/scaledemo/scaledemo.h"
#include "widgets/canvas/pipelinemodel.h"
#include "widgets/canvas/pipelinescene.h"
#include "widgets/canvas/pipelineview.h"
#include "widgets/common/projectdocument.h"
#include "widgets/common/resources.h"
#include "widgets/common/stateservice.h"
#include "widgets/failed/failedrecordsmodel.h"
#include "widgets/failed/failedrecordspanel.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/run/enginehost.h"
#include "widgets/run/runcoordinator.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <sys/syscall.h>
#include <unistd.h>

using namespace weft;

namespace {

void say(const QString &text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

/// CPU time of the calling thread, in ms: what the GUI thread itself spent, whatever else
/// the machine's two cores were busy with.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

/// Time the calling thread has spent waiting for a core while it could run, in ms (Linux
/// schedstat): a gap in the GUI thread's ticks made of this is the machine's doing.
double threadQueuedMs()
{
    static const QString path =
        QStringLiteral("/proc/self/task/%1/schedstat").arg(qint64(syscall(SYS_gettid)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = file.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toDouble() / 1e6 : 0;
}

bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    return done();
}

/// Times of one sequence of frames (or of event-loop gaps), in ms.
struct Frames {
    QString what;
    QList<double> ms;  ///< wall clock
    QList<double> cpu; ///< the GUI thread's CPU time
    QList<double> own; ///< wall clock less the GUI thread's waiting for a core
    double average() const
    {
        double sum = 0;
        for (double m : ms)
            sum += m;
        return ms.isEmpty() ? 0 : sum / double(ms.size());
    }
    double percentile(double p) const
    {
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.isEmpty()
                   ? 0
                   : sorted.at(std::min(qsizetype(p * double(sorted.size())), sorted.size() - 1));
    }
    double worst() const { return ms.isEmpty() ? 0 : *std::max_element(ms.cbegin(), ms.cend()); }
    double worstCpu() const
    {
        return cpu.isEmpty() ? 0 : *std::max_element(cpu.cbegin(), cpu.cend());
    }
    double worstOwn() const
    {
        return own.isEmpty() ? 0 : *std::max_element(own.cbegin(), own.cend());
    }
    double totalCpu() const
    {
        double sum = 0;
        for (double m : cpu)
            sum += m;
        return sum;
    }
    int over(double limit) const
    {
        return int(std::count_if(ms.cbegin(), ms.cend(), [&](double m) { return m >= limit; }));
    }
};

/// One frame: the change (a scroll, a zoom step), the synchronous repaint of the canvas, and
/// whatever the change left for the event loop.
void frame(Frames *f, PipelineView *view, const std::function<void()> &change)
{
    QElapsedTimer t;
    t.start();
    const double cpu = threadCpuMs();
    change();
    view->viewport()->repaint();
    QApplication::processEvents();
    f->cpu << threadCpuMs() - cpu;
    f->ms << double(t.nsecsElapsed()) / 1e6;
}

Frames pan(PipelineView *view, const QString &what, bool vertical, int frames, int step)
{
    Frames f{what, {}, {}, {}};
    QScrollBar *bar = vertical ? view->verticalScrollBar() : view->horizontalScrollBar();
    for (int i = 0; i < frames; ++i) {
        if (bar->value() + step > bar->maximum())
            step = -std::abs(step);
        else if (bar->value() + step < bar->minimum())
            step = std::abs(step);
        frame(&f, view, [&] { bar->setValue(bar->value() + step); });
    }
    return f;
}

Frames zoomSweep(PipelineView *view, const QString &what)
{
    Frames f{what, {}, {}, {}};
    view->fitAll();
    QApplication::processEvents();
    while (view->zoom() < 2.9)
        frame(&f, view, [&] { view->zoomIn(); });
    const double fit = [&] {
        QTransform keep = view->transform();
        view->fitAll();
        const double z = view->zoom();
        view->setTransform(keep);
        return z;
    }();
    while (view->zoom() > fit * 1.01)
        frame(&f, view, [&] { view->zoomOut(); });
    return f;
}

QString fmt(double ms)
{
    return QString::number(ms, 'f', ms < 10 ? 1 : 0);
}

struct Verdict {
    QString name;
    QString figure;
    QString target;
    bool met = false;
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Weft"));
    QApplication::setApplicationName(QStringLiteral("bench_designer"));
    initWidgetsResources();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The designer at scale (bench/README.md)."));
    parser.addHelpOption();
    const QCommandLineOption schemesOpt(QStringLiteral("schemes"),
                                        QStringLiteral("Schemes in the project (300)."),
                                        QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption failedOpt(QStringLiteral("failed"),
                                       QStringLiteral("Failed records in the store (1000000)."),
                                       QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption runOpt(
        QStringLiteral("purchaseins"),
        QStringLiteral("Purchase-ins the mock serves to the run, ~3 records each; 0: no run "
                       "(333334: a million records)."),
        QStringLiteral("N"), QStringLiteral("333334"));
    const QCommandLineOption mockOpt(QStringLiteral("mock"), QStringLiteral("weft-mock to use."),
                                     QStringLiteral("PATH"), QStringLiteral(WEFT_MOCK_EXE));
    // The bench is a tool of the repository: the source tree's examples are its default.
    const QString examplesEnv = qEnvironmentVariable("WEFT_EXAMPLES_DIR");
    const QCommandLineOption examplesOpt(
        QStringLiteral("examples"),
        QStringLiteral("The example projects ($WEFT_EXAMPLES_DIR, else the source tree's)."),
        QStringLiteral("DIR"),
        examplesEnv.isEmpty() ? QStringLiteral(WEFT_EXAMPLES_SOURCE_DIR) : examplesEnv);
    parser.addOptions({schemesOpt, failedOpt, runOpt, mockOpt, examplesOpt});
    parser.process(app);
    const int schemeCount = parser.value(schemesOpt).toInt();
    const int failedCount = parser.value(failedOpt).toInt();
    const int purchaseins = parser.value(runOpt).toInt();

    QTemporaryDir work;
    log::LogSettings logSettings; // as weft-studio: warnings on the console, all in a file
    logSettings.consoleLevel = QStringLiteral("warn");
    logSettings.filePath = work.filePath(QStringLiteral("weft-studio.log"));
    log::setup(logSettings);

    // --- the project and its state store ------------------------------------------------
    QString error;
    std::optional<Project> project =
        scaleDemoProject(parser.value(examplesOpt), schemeCount, &error);
    if (!project) {
        say(QStringLiteral("bench_designer: %1").arg(error));
        return 2;
    }
    // The mock's rate limits are lifted for the run; the client's would make it wait instead.
    for (Connection &c : project->connections)
        c.rateLimit = {};
    for (Scheme &s : project->schemes)
        s.rateLimit.reset();
    const QString path = work.filePath(QStringLiteral("scale.weft.json"));
    if (!saveProjectFile(*project, path, &error)) {
        say(QStringLiteral("bench_designer: %1").arg(error));
        return 2;
    }
    QElapsedTimer fill;
    fill.start();
    if (failedCount > 0 && !addDemoFailures(StateStore::defaultLocationFor(path),
                                            project->schemeNames(), failedCount, &error)) {
        say(QStringLiteral("bench_designer: cannot fill the state store: %1").arg(error));
        return 2;
    }
    int nodes = 0;
    for (const Scheme &s : project->schemes)
        nodes += int(s.steps.size()) + 3;
    say(QStringLiteral("project: %1 schemes, %2 nodes; state store: %3 failed records "
                       "(generated in %4 s)")
            .arg(schemeCount)
            .arg(nodes)
            .arg(failedCount)
            .arg(double(fill.elapsed()) / 1000, 0, 'f', 1));
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    if (cpuinfo.open(QIODevice::ReadOnly) && loadavg.open(QIODevice::ReadOnly)) {
        QString cpu;
        for (const QByteArray &line : cpuinfo.readAll().split('\n')) {
            if (line.startsWith("model name") && cpu.isEmpty())
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        }
        say(QStringLiteral("machine: %1, %2 threads; load average %3")
                .arg(cpu)
                .arg(QThread::idealThreadCount())
                .arg(QString::fromLatin1(loadavg.readAll().left(14))));
    }

    QList<Verdict> verdicts;
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    waitFor([] { return false; }, 200);

    // --- opening ----------------------------------------------------------------------------
    QElapsedTimer open;
    open.start();
    if (!window.openProject(path, true)) {
        say(QStringLiteral("bench_designer: the project did not open"));
        return 2;
    }
    QApplication::processEvents();
    window.repaint(); // the first frame of the opened project
    const double openMs = double(open.nsecsElapsed()) / 1e6;
    PipelineView *view = window.view();
    say(QStringLiteral("open: %1 ms (load, validate, canvas of %2 nodes, fit, first frame); "
                       "fit to view: %3 %")
            .arg(fmt(openMs))
            .arg(window.pipelineModel()->nodeCount())
            .arg(qRound(view->zoom() * 100)));
    verdicts << Verdict{QStringLiteral("opening the project"),
                        QStringLiteral("%1 ms").arg(fmt(openMs)), QStringLiteral("< 1000 ms"),
                        openMs < 1000};

    // --- canvas frames ------------------------------------------------------------------------
    QList<Frames> sequences;
    view->fitAll();
    sequences << zoomSweep(view, QStringLiteral("zoom: fit → 300 % → fit, one step a frame"));
    view->resetZoom();
    view->verticalScrollBar()->setValue(0);
    view->horizontalScrollBar()->setValue(0);
    sequences << pan(view, QStringLiteral("pan down at 100 %"), true, 120, 60);
    sequences << pan(view, QStringLiteral("pan right at 100 %"), false, 60, 40);
    view->setTransform(QTransform::fromScale(0.3, 0.3));
    sequences << pan(view, QStringLiteral("pan down at 30 %"), true, 60, 60);
    view->setTransform(QTransform::fromScale(0.12, 0.12));
    sequences << pan(view, QStringLiteral("pan down at 12 %"), true, 60, 40);
    double worst = 0;
    double worstCpu = 0;
    int frames = 0;
    int slow = 0;
    for (const Frames &f : std::as_const(sequences)) {
        say(QStringLiteral("  %1: %2 frames, wall average %3 ms, p95 %4 ms, worst %5 ms; "
                           "GUI-thread CPU average %6 ms, worst %7 ms")
                .arg(f.what)
                .arg(f.ms.size())
                .arg(fmt(f.average()), fmt(f.percentile(0.95)), fmt(f.worst()),
                     fmt(f.totalCpu() / double(f.cpu.size())), fmt(f.worstCpu())));
        worst = std::max(worst, f.worst());
        worstCpu = std::max(worstCpu, f.worstCpu());
        frames += int(f.ms.size());
        slow += f.over(16);
    }
    verdicts << Verdict{QStringLiteral("canvas pan and zoom"),
                        QStringLiteral("worst %1 ms wall, %2 ms CPU; %3 of %4 ≥ 16 ms")
                            .arg(fmt(worst), fmt(worstCpu))
                            .arg(slow)
                            .arg(frames),
                        QStringLiteral("< 16 ms a frame"), worst < 16};

    // --- failed records -----------------------------------------------------------------------
    if (failedCount > 0) {
        window.showBottomTab(QStringLiteral("failed"));
        FailedRecordsModel *model = window.failedPanel()->model();
        auto *table = window.failedPanel()->findChild<QTableView *>(QStringLiteral("records"));
        auto *schemeBox = window.failedPanel()->findChild<QComboBox *>(QStringLiteral("scheme"));
        auto *stageBox = window.failedPanel()->findChild<QComboBox *>(QStringLiteral("stage"));
        auto *text = window.failedPanel()->findChild<QLineEdit *>(QStringLiteral("text"));
        if (!table || !schemeBox || !stageBox || !text) {
            say(QStringLiteral("bench_designer: the failed-records panel has changed"));
            return 2;
        }
        window.state()->notifyChanged();
        waitFor([&] { return !model->isCounting() && model->totalCount() == failedCount; }, 60000);
        // From the change a person makes to the first rows of the new list on screen, and to its
        // count (the scroll bar's length). `applied` says when the model has the new filter.
        auto filtered = [&](const QString &what, const std::function<void()> &change,
                            const std::function<bool(const FailedFilter &)> &applied) {
            QElapsedTimer t;
            t.start();
            change();
            double shown = -1;
            const bool done = waitFor(
                [&] {
                    if (!applied(model->filter()))
                        return false;
                    if (shown < 0 && (model->record(0) != nullptr ||
                                      (!model->isCounting() && model->rowCount() == 0)))
                        shown = double(t.nsecsElapsed()) / 1e6;
                    return shown >= 0 && !model->isCounting();
                },
                60000);
            const double counted = double(t.nsecsElapsed()) / 1e6;
            say(QStringLiteral("  filter %1: rows shown after %2 ms, counted (%3) after %4 ms%5")
                    .arg(what, fmt(shown))
                    .arg(model->totalCount())
                    .arg(fmt(counted))
                    .arg(done ? QString() : QStringLiteral(" (timed out)")));
            return std::pair{shown, counted};
        };
        const QString someScheme = schemeBox->itemData(42).toString();
        QList<std::pair<double, double>> filterMs;
        filterMs << filtered(
            QStringLiteral("by scheme"), [&] { schemeBox->setCurrentIndex(42); },
            [&](const FailedFilter &f) { return f.scheme == someScheme; });
        filterMs << filtered(
            QStringLiteral("by stage (transform) too"), [&] { stageBox->setCurrentIndex(2); },
            [&](const FailedFilter &f) { return f.stage == FailureStage::Transform; });
        filterMs << filtered(
            QStringLiteral("by stage (transform) in every scheme"),
            [&] { schemeBox->setCurrentIndex(0); },
            [&](const FailedFilter &f) { return f.scheme.isEmpty() && f.stage; });
        filterMs << filtered(
            QStringLiteral("back to every stage"), [&] { stageBox->setCurrentIndex(0); },
            [&](const FailedFilter &f) { return f.scheme.isEmpty() && !f.stage; });
        // Typed at 10 keys a second: the list follows what is typed, from the last key.
        for (const QChar c : QStringLiteral("rec-9999")) {
            text->setText(text->text() + c);
            waitFor([] { return false; }, 100);
        }
        filterMs << filtered(
            QStringLiteral("by text 'rec-99999' (from the last key typed)"),
            [&] { text->setText(text->text() + u'9'); },
            [&](const FailedFilter &f) { return f.text == QLatin1String("rec-99999"); });
        filterMs << filtered(
            QStringLiteral("by text 'CUST9999'"),
            [&] { text->setText(QStringLiteral("CUST9999")); },
            [&](const FailedFilter &f) { return f.text == QLatin1String("CUST9999"); });
        filterMs << filtered(
            QStringLiteral("text cleared"), [&] { text->clear(); },
            [&](const FailedFilter &f) { return f.text.isEmpty(); });
        double filterWorst = 0;
        double countWorst = 0;
        for (const auto &[shown, counted] : std::as_const(filterMs)) {
            filterWorst = std::max(filterWorst, shown);
            countWorst = std::max(countWorst, counted);
        }
        verdicts << Verdict{QStringLiteral("filtering the failed records"),
                            QStringLiteral("rows worst %1 ms, count worst %2 ms")
                                .arg(fmt(filterWorst), fmt(countWorst)),
                            QStringLiteral("< 200 ms"), filterWorst < 200};
    }

    // --- a run of a million records -----------------------------------------------------------
    if (purchaseins > 0) {
        QProcess mock;
        mock.setProgram(parser.value(mockOpt));
        mock.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--quiet"),
                           QStringLiteral("--no-rate-limits"), QStringLiteral("--jst-purchaseins"),
                           QString::number(purchaseins)});
        // The mock stands in for a remote system, whose CPU would not be on the designer's
        // machine: it takes what the designer leaves of the two cores.
        mock.setChildProcessModifier([] { [[maybe_unused]] const int n = nice(10); });
        mock.start();
        QString url;
        waitFor(
            [&] {
                const QByteArray line = mock.readLine();
                if (line.startsWith("weft-mock listening on "))
                    url = QString::fromUtf8(line.mid(23).trimmed());
                return !url.isEmpty() || mock.state() == QProcess::NotRunning;
            },
            10000);
        if (url.isEmpty()) {
            say(QStringLiteral("bench_designer: weft-mock did not start: %1")
                    .arg(QString::fromUtf8(mock.readAllStandardError())));
            return 2;
        }
        // The mock's default credentials (docs/mock.md), as the examples expect them.
        qputenv("WEFT_MOCK_URL", url.toUtf8());
        qputenv("JST_APP_SECRET", "weft-jst-secret");
        qputenv("JST_ACCESS_TOKEN", "weft-jst-token");
        qputenv("JST_REFRESH_TOKEN", "weft-jst-refresh");

        const QString scheme = project->schemes.first().name;
        window.showBottomTab(QStringLiteral("run"));
        view->resetZoom();
        view->centerOnScheme(scheme);
        int progressEvents = 0;
        QObject::connect(window.engine(), &EngineHost::progress, &window,
                         [&](const RunProgress &) { ++progressEvents; });
        RunCounters counters;
        QObject::connect(window.engine(), &EngineHost::schemeFinished, &window,
                         [&](const RunInfo &info) { counters = info.counters; });

        // The GUI thread's pulse: the gaps between 5 ms ticks, in wall time and in the GUI
        // thread's own CPU time (a gap with little CPU was the machine's, not the designer's).
        Frames g{QString(), {}, {}, {}};
        QElapsedTimer pulse;
        double pulseCpu = threadCpuMs();
        double pulseQueued = threadQueuedMs();
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        ticker.setInterval(5);
        QObject::connect(&ticker, &QTimer::timeout, &window, [&] {
            g.ms << double(pulse.nsecsElapsed()) / 1e6;
            pulse.restart();
            const double cpu = threadCpuMs();
            g.cpu << cpu - pulseCpu;
            pulseCpu = cpu;
            const double queued = threadQueuedMs();
            g.own << g.ms.last() - (queued - pulseQueued);
            pulseQueued = queued;
        });
        QElapsedTimer runTime;
        runTime.start();
        if (!window.runs()->run({scheme}, RunOptions())) {
            say(QStringLiteral("bench_designer: the run did not start"));
            return 2;
        }
        pulse.start();
        pulseCpu = threadCpuMs();
        pulseQueued = threadQueuedMs();
        ticker.start();
        waitFor([&] { return window.runs()->isRunning(); }, 5000);
        QEventLoop loop;
        QObject::connect(window.runs(), &RunCoordinator::runFinished, &loop, &QEventLoop::quit);
        if (window.runs()->isRunning())
            loop.exec();
        ticker.stop();
        const double seconds = double(runTime.elapsed()) / 1000;
        // Whatever the end of the run leaves for the GUI (counts, history) is part of it too.
        pulse.restart();
        pulseCpu = threadCpuMs();
        pulseQueued = threadQueuedMs();
        ticker.start();
        waitFor([&] { return false; }, 2000);
        ticker.stop();
        say(QStringLiteral("run: %1 s, read %2, written %3, failed %4; %5 progress updates "
                           "reached the GUI")
                .arg(seconds, 0, 'f', 1)
                .arg(counters.read)
                .arg(counters.written)
                .arg(counters.failed)
                .arg(progressEvents));
        say(QStringLiteral(
                "  GUI thread: %1 ticks of 5 ms; longest gap %2 ms wall (p99 %3 ms, "
                "%4 gaps ≥ 16 ms, %5 ≥ 50 ms), longest %6 ms of its own CPU, longest %8 ms "
                "not waiting for a core; %7 CPU s "
                "in all")
                .arg(g.ms.size())
                .arg(fmt(g.worst()), fmt(g.percentile(0.99)))
                .arg(g.over(16))
                .arg(g.over(50))
                .arg(fmt(g.worstCpu()))
                .arg(g.totalCpu() / 1000, 0, 'f', 1)
                .arg(fmt(g.worstOwn())));
        verdicts << Verdict{QStringLiteral("longest GUI stall during the run"),
                            QStringLiteral("%1 ms wall, %2 ms CPU, %3 ms not queued")
                                .arg(fmt(g.worst()), fmt(g.worstCpu()), fmt(g.worstOwn())),
                            QStringLiteral("< 50 ms"), g.worst() < 50};
        mock.terminate();
        mock.waitForFinished(5000);
    }

    say(QString());
    say(QStringLiteral("%1  %2  %3  %4")
            .arg(QStringLiteral("measurement"), -34)
            .arg(QStringLiteral("figure"), -40)
            .arg(QStringLiteral("target"), -16)
            .arg(QStringLiteral("")));
    for (const Verdict &v : std::as_const(verdicts))
        say(QStringLiteral("%1  %2  %3  %4")
                .arg(v.name, -34)
                .arg(v.figure, -40)
                .arg(v.target, -16)
                .arg(v.met ? QStringLiteral("met") : QStringLiteral("NOT met")));
    return 0;
}
