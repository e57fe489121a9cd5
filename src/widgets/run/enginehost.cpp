#include "widgets/run/enginehost.h"

#include "core/engine/alerts.h"
#include "core/engine/runner.h"
#include "core/platform/threadpriority.h"
#include "core/state/statestore.h"

#include <QHash>
#include <QMutex>
#include <QPointer>
#include <QThread>
#include <QTimer>

namespace weft {

namespace detail {

/// The latest progress of each scheme, from the engine thread to the GUI thread: a runner
/// may report far more often than a window can draw (every window of a sync, every retry),
/// and a queued signal per report would let them pile up in the GUI thread's event queue.
struct ProgressMailbox {
    QMutex mutex;
    QHash<QString, RunProgress> latest;
    QStringList order;   ///< schemes in the order of their first report
    bool posted = false; ///< a delivery is queued or timed on the GUI thread
};

/// Lives on the engine thread: owns the runner, the previewers and their state store.
class EngineWorker final : public QObject
{
public:
    StateStore *store(const QString &location, QString *error)
    {
        if (!m_store || m_location != location) {
            m_store.reset();
            m_store = StateStore::open(location, error);
            m_location = m_store ? location : QString();
        }
        return m_store.get();
    }

    void closeStoreIfIdle()
    {
        if (!runner && previews.isEmpty())
            m_store.reset();
    }

    QPointer<Runner> runner;
    QHash<quint64, QPointer<Previewer>> previews;

private:
    std::unique_ptr<StateStore> m_store;
    QString m_location;
};

} // namespace detail

EngineHost::EngineHost(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new detail::EngineWorker)
    , m_mailbox(std::make_shared<detail::ProgressMailbox>())
    , m_progressTimer(new QTimer(this))
{
    m_progressTimer->setSingleShot(true);
    m_progressTimer->setTimerType(Qt::PreciseTimer); // a coarse one may fire early
    connect(m_progressTimer, &QTimer::timeout, this, &EngineHost::flushProgress);
    qRegisterMetaType<RunProgress>();
    qRegisterMetaType<RunInfo>();
    qRegisterMetaType<PreviewResult>();
    m_thread->setObjectName(QStringLiteral("weft-engine"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    // The engine yields to the window: on a machine of two cores a run's threads would
    // otherwise take turns with the GUI thread and delay its frames by tens of milliseconds.
    // Threads the engine starts (the runner's workers) inherit the nice value; an idle window
    // takes nothing from the run.
    QMetaObject::invokeMethod(m_worker, [] { lowerThisThreadPriority(kEngineNice); });
}

EngineHost::~EngineHost()
{
    auto *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            if (worker->runner)
                worker->runner->cancel();
            delete worker->runner;
            for (const QPointer<Previewer> &p : std::as_const(worker->previews))
                delete p;
            worker->previews.clear();
            worker->closeStoreIfIdle();
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void EngineHost::startRun(const Project &project, const QString &stateLocation,
                          const RunOptions &options)
{
    start(project, stateLocation, options, std::nullopt);
}

void EngineHost::startRetry(const Project &project, const QString &stateLocation,
                            const RetryRequest &request)
{
    RunOptions options;
    options.trigger = QStringLiteral("retry");
    start(project, stateLocation, options, request);
}

void EngineHost::start(const Project &project, const QString &stateLocation,
                       const RunOptions &options, const std::optional<RetryRequest> &retry)
{
    if (m_running)
        return;
    m_running = true;
    auto *worker = m_worker;
    const std::shared_ptr<detail::ProgressMailbox> mailbox = m_mailbox;
    QPointer<EngineHost> self(this);
    QMetaObject::invokeMethod(
        worker,
        [=] {
            QString error;
            StateStore *store = worker->store(stateLocation, &error);
            auto *runner = store ? new Runner(project, store, worker) : nullptr;
            QStringList schemes;
            if (runner && !retry) {
                for (const Scheme *s : runner->selectSchemes(options, &error))
                    schemes << s->name;
            } else if (retry) {
                schemes << retry->scheme;
            }
            if (!runner || !error.isEmpty()) {
                delete runner;
                QMetaObject::invokeMethod(self, [self, error] {
                    if (!self)
                        return;
                    self->m_running = false;
                    Q_EMIT self->runFinished(2, error);
                });
                return;
            }
            worker->runner = runner;
            QObject::connect(runner, &Runner::schemeStarted, self,
                             [self](const QString &s, const QString &id) {
                                 if (self)
                                     Q_EMIT self->schemeStarted(s, id);
                             });
            // On the engine thread: into the mailbox, and one delivery queued at a time.
            QObject::connect(runner, &Runner::progress, worker,
                             [self, mailbox](const RunProgress &p) {
                                 const QMutexLocker lock(&mailbox->mutex);
                                 if (!mailbox->latest.contains(p.scheme))
                                     mailbox->order << p.scheme;
                                 mailbox->latest.insert(p.scheme, p);
                                 if (std::exchange(mailbox->posted, true))
                                     return;
                                 QMetaObject::invokeMethod(self, [self] {
                                     if (self)
                                         self->progressPosted();
                                 });
                             });
            QObject::connect(runner, &Runner::schemeFinished, self, [self](const RunInfo &info) {
                if (!self)
                    return;
                self->flushProgress();
                Q_EMIT self->schemeFinished(info);
            });
            QObject::connect(runner, &Runner::finished, worker, [self, worker, runner](int code) {
                runner->deleteLater();
                worker->runner = nullptr;
                QMetaObject::invokeMethod(self, [self, code] {
                    if (!self)
                        return;
                    self->flushProgress();
                    self->m_running = false;
                    Q_EMIT self->runFinished(code, QString());
                });
            });
            QMetaObject::invokeMethod(self, [self, schemes, retry = retry.has_value()] {
                if (self)
                    Q_EMIT self->runStarted(schemes, retry);
            });
            if (retry)
                runner->startRetry(*retry, options);
            else
                runner->start(options);
        },
        Qt::QueuedConnection);
}

void EngineHost::progressPosted()
{
    const qint64 since = m_lastProgress.isValid() ? m_lastProgress.elapsed() : kProgressIntervalMs;
    if (since >= kProgressIntervalMs)
        flushProgress();
    else if (!m_progressTimer->isActive())
        m_progressTimer->start(int(kProgressIntervalMs - since));
}

void EngineHost::flushProgress()
{
    m_progressTimer->stop();
    QHash<QString, RunProgress> latest;
    QStringList order;
    {
        const QMutexLocker lock(&m_mailbox->mutex);
        latest.swap(m_mailbox->latest);
        order.swap(m_mailbox->order);
        m_mailbox->posted = false;
    }
    if (order.isEmpty())
        return;
    m_lastProgress.start();
    for (const QString &scheme : std::as_const(order))
        Q_EMIT progress(latest.value(scheme));
}

void EngineHost::cancelRun()
{
    auto *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            if (worker->runner)
                worker->runner->cancel();
        },
        Qt::QueuedConnection);
}

quint64 EngineHost::startPreview(const Project &project, const QString &scheme,
                                 const QString &stateLocation, int limit,
                                 const std::optional<QList<QJsonObject>> &records)
{
    const quint64 id = m_nextPreview++;
    auto *worker = m_worker;
    QPointer<EngineHost> self(this);
    QMetaObject::invokeMethod(
        worker,
        [=] {
            QString error;
            StateStore *store = worker->store(stateLocation, &error);
            if (!store) {
                PreviewResult result;
                result.error = error;
                QMetaObject::invokeMethod(self, [self, id, scheme, result] {
                    if (self)
                        Q_EMIT self->previewFinished(id, scheme, result);
                });
                return;
            }
            auto *previewer = new Previewer(project, scheme, store, worker);
            worker->previews.insert(id, previewer);
            QObject::connect(previewer, &Previewer::finished, worker,
                             [self, worker, previewer, id, scheme](const PreviewResult &result) {
                                 worker->previews.remove(id);
                                 previewer->deleteLater();
                                 QMetaObject::invokeMethod(self, [self, id, scheme, result] {
                                     if (self)
                                         Q_EMIT self->previewFinished(id, scheme, result);
                                 });
                             });
            if (records)
                previewer->startFromRecords(*records);
            else
                previewer->start(limit);
        },
        Qt::QueuedConnection);
    return id;
}

void EngineHost::cancelPreview(quint64 id)
{
    auto *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, id] {
            if (const QPointer<Previewer> p = worker->previews.value(id))
                p->cancel();
        },
        Qt::QueuedConnection);
}

quint64 EngineHost::sendTestAlert(const Project &project, const QString &rule)
{
    const quint64 id = m_nextTestAlert++;
    auto *worker = m_worker;
    QPointer<EngineHost> self(this);
    QMetaObject::invokeMethod(
        worker,
        [=] {
            // No state store: a test is no alert, it keeps no quiet period.
            auto *alerts = new AlertManager(project, nullptr, processEnvironment(), worker);
            alerts->sendTest(rule, [self, alerts, id](const QStringList &lines) {
                alerts->deleteLater();
                QMetaObject::invokeMethod(self, [self, id, lines] {
                    if (self)
                        Q_EMIT self->testAlertFinished(id, lines);
                });
            });
        },
        Qt::QueuedConnection);
    return id;
}

} // namespace weft
