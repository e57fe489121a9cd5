#include "widgets/common/stateservice.h"

#include "core/state/statestore.h"

#include <QThread>

namespace weft {

namespace detail {

/// Lives on the state thread; owns the store (and so its database connection).
class StateWorker final : public QObject
{
public:
    std::unique_ptr<StateStore> store;
};

} // namespace detail

StateService::StateService(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new detail::StateWorker)
{
    m_thread->setObjectName(QStringLiteral("weft-state"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

StateService::~StateService()
{
    // Close the store on its own thread, then stop the thread.
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->store.reset(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void StateService::setLocation(const QString &location)
{
    if (location == m_location)
        return;
    m_location = location;
    m_openError.clear();
    auto *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [this, worker, location] {
            worker->store.reset();
            QString error;
            if (!location.isEmpty())
                worker->store = StateStore::open(location, &error);
            deliver([this, location, error] {
                if (location != m_location)
                    return;
                m_openError = error;
                Q_EMIT opened(location, error);
                Q_EMIT changed();
            });
        },
        Qt::QueuedConnection);
}

void StateService::post(std::function<void(StateStore *)> job)
{
    auto *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, job = std::move(job)] { job(worker->store.get()); }, Qt::QueuedConnection);
}

void StateService::deliver(std::function<void()> callback)
{
    QMetaObject::invokeMethod(this, std::move(callback), Qt::QueuedConnection);
}

void StateService::modify(std::function<bool(StateStore *)> job, std::function<void(bool)> done)
{
    query<bool>(
        this, [job = std::move(job)](StateStore *s) { return s && job(s); },
        [this, done = std::move(done)](bool ok) {
            if (done)
                done(ok);
            Q_EMIT changed();
        });
}

} // namespace weft
