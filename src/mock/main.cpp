// weft-mock: mock servers of Jushuitan, Kingdee JDY, Kingdee K3Cloud and DingTalk on one port.
// See docs/mock.md.

#include "mockconfig.h"
#include "mockserver.h"
#include "systemmock.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here: the event loop picks the byte up and quits.
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &byte, 1);
}

bool installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app, notifier] {
        char byte = 0;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &byte, 1);
        notifier->setEnabled(false);
        app.quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);
    ::signal(SIGPIPE, SIG_IGN);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("weft-mock"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEFT_VERSION));

    int exitCode = 0;
    const auto config = weft::mock::parseCommandLine(QCoreApplication::arguments(), &exitCode);
    if (!config)
        return exitCode;
    if (!installSignalHandlers(app))
        weft::mock::MockContext::logError(QStringLiteral("cannot install signal handlers"));

    QHostAddress address;
    if (config->host == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(config->host)) {
        weft::mock::MockContext::logError(
            QStringLiteral("--host '%1' is not an IP address").arg(config->host));
        return 2;
    }
    weft::mock::MockContext context(*config);
    weft::mock::MockServer server(context);
    const quint16 port = server.listen(address, quint16(config->port));
    if (port == 0) {
        weft::mock::MockContext::logError(
            QStringLiteral("cannot listen on %1:%2 (in use? try --port 0)")
                .arg(config->host)
                .arg(config->port));
        return 1;
    }
    std::printf("weft-mock listening on http://%s:%u\n", qPrintable(address.toString()),
                unsigned(port));
    std::fflush(stdout);
    context.log(QStringLiteral("seed %1, data anchored at %2, datasets: %3 partners, %4 "
                               "purchase-ins, %5 JDY customers, %6 materials, %7 K3 customers, "
                               "%8 approvals")
                    .arg(config->seed)
                    .arg(context.clock.dateTime(context.clock.anchorMs()))
                    .arg(config->jstPartners)
                    .arg(config->jstPurchaseIns)
                    .arg(config->jdyCustomers)
                    .arg(config->k3Materials)
                    .arg(config->k3Customers)
                    .arg(config->ddInstances));
    const int rc = QCoreApplication::exec();
    context.log(QStringLiteral("stopped"));
    return rc;
}
