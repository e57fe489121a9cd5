#include "core/platform/terminationsignal.h"

#include <cstdlib>

#include <QCoreApplication>
#include <QTimer>
#include <atomic>
#include <csignal>

namespace weft {

namespace {

std::atomic_bool g_requested{false};

extern "C" void handleTermination(int)
{
    g_requested.store(true);
}

} // namespace

void onTerminationRequest(std::function<void()> onRequest)
{
    std::signal(SIGINT, handleTermination);
    std::signal(SIGTERM, handleTermination);
    auto *timer = new QTimer(QCoreApplication::instance());
    QObject::connect(timer, &QTimer::timeout, timer, [timer, onRequest]() {
        if (g_requested.exchange(false)) {
            timer->stop();
            onRequest();
        }
    });
    timer->start(100);
}

void killThisProcess()
{
#ifdef Q_OS_UNIX
    std::raise(SIGKILL);
#endif
    std::_Exit(137);
}

} // namespace weft
