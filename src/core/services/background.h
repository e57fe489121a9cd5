#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThreadPool>
#include <functional>
#include <memory>

namespace weft {

/// Runs `job` on Qt's global thread pool and hands its result to `done` on the thread of
/// `context` — unless `context` was deleted meanwhile, then the result is dropped. For
/// blocking work (a database login, a keychain read) that must not hold up the event loop
/// of the thread asking for it, such as the designer's GUI thread. A job is not interrupted:
/// a caller that no longer wants an answer ignores it (compare a generation number).
template <typename R>
void runInBackground(QObject *context, std::function<R()> job, std::function<void(R)> done)
{
    auto promise = std::make_shared<QPromise<R>>();
    auto *watcher = new QFutureWatcher<R>(context);
    QObject::connect(watcher, &QFutureWatcher<R>::finished, context,
                     [watcher, done = std::move(done)] {
                         watcher->deleteLater();
                         if (watcher->future().resultCount() > 0)
                             done(watcher->result());
                     });
    promise->start();
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, job = std::move(job)] {
        promise->addResult(job());
        promise->finish();
    });
}

} // namespace weft
