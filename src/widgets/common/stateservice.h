#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>

class QThread;

namespace weft {

class StateStore;

namespace detail {
class StateWorker;
}

/// The designer's window onto the state store: every query and change runs on a thread of
/// its own that owns the store's database connection (StateStore is one per thread), and
/// the answer comes back on the GUI thread. The GUI thread never waits on the database.
class StateService final : public QObject
{
    Q_OBJECT
public:
    explicit StateService(QObject *parent = nullptr);
    ~StateService() override;

    /// Opens the store at `location` on the worker (closing the previous one); "" closes.
    void setLocation(const QString &location);
    QString location() const { return m_location; }
    /// Why the store could not be opened ("" when it is open or not asked for).
    QString openError() const { return m_openError; }

    /// Runs `job` on the worker with the open store (nullptr when none) and hands its result
    /// to `done` on the GUI thread — unless `context` is gone by then. Jobs run in order.
    template <typename R>
    void query(QObject *context, std::function<R(StateStore *)> job, std::function<void(R)> done)
    {
        QPointer<QObject> guard(context);
        post([this, guard, job = std::move(job), done = std::move(done)](StateStore *store) {
            auto result = std::make_shared<R>(job(store));
            deliver([guard, done, result]() {
                if (guard)
                    done(*result);
            });
        });
    }
    /// A change (ignore a record, edit a payload…): runs, then `changed` is emitted.
    void modify(std::function<bool(StateStore *)> job, std::function<void(bool)> done = {});

Q_SIGNALS:
    /// Something wrote to the store (a change here, a run or retry finished): views refresh.
    void changed();
    void opened(const QString &location, const QString &error);

public Q_SLOTS:
    void notifyChanged() { Q_EMIT changed(); }

private:
    void post(std::function<void(StateStore *)> job);
    void deliver(std::function<void()> callback);

    QThread *m_thread;
    detail::StateWorker *m_worker;
    QString m_location;
    QString m_openError;
};

} // namespace weft
