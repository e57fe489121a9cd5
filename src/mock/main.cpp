// weft-mock: mock servers of Jushuitan, Kingdee JDY, Kingdee K3Cloud and DingTalk on one port.
// See docs/mock.md.

#include "mockconfig.h"
#include "mockserver.h"
#include "systemmock.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
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

/// Loads --tls-cert and --tls-key into the server (before it listens); false and a message
/// that names the file on any problem.
bool setUpTls(weft::mock::MockServer &server, const weft::mock::MockConfig &config,
              QString *error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = QStringLiteral("this Qt has no TLS backend (%1): HTTPS is not available")
                     .arg(QSslSocket::sslLibraryBuildVersionString());
        return false;
    }
    QFile certFile(config.tlsCertFile);
    if (!certFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read --tls-cert %1: %2")
                     .arg(config.tlsCertFile, certFile.errorString());
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = QStringLiteral("--tls-cert %1 holds no PEM certificate").arg(config.tlsCertFile);
        return false;
    }
    QFile keyFile(config.tlsKeyFile);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read --tls-key %1: %2")
                     .arg(config.tlsKeyFile, keyFile.errorString());
        return false;
    }
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = QStringLiteral("--tls-key %1 holds no unencrypted PEM private key (RSA, EC or "
                                "DSA)")
                     .arg(config.tlsKeyFile);
        return false;
    }
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificateChain(chain);
    ssl.setPrivateKey(key);
    ssl.setPeerVerifyMode(QSslSocket::VerifyNone); // clients present no certificate
    server.sslSetup(ssl);
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
    QString catalogError;
    const auto catalog = weft::mock::MockCatalog::builtin(&catalogError);
    if (!catalog) {
        weft::mock::MockContext::logError(catalogError);
        return 2;
    }
    weft::mock::MockContext context(*config, *catalog);
    weft::mock::MockServer server(context);
    if (config->tls()) {
        QString error;
        if (!setUpTls(server, *config, &error)) {
            weft::mock::MockContext::logError(error);
            return 2;
        }
    }
    const quint16 port = server.listen(address, quint16(config->port));
    if (port == 0) {
        weft::mock::MockContext::logError(
            QStringLiteral("cannot listen on %1:%2 (in use? try --port 0)")
                .arg(config->host)
                .arg(config->port));
        return 1;
    }
    std::printf("weft-mock listening on %s://%s:%u\n", config->tls() ? "https" : "http",
                qPrintable(address.toString()), unsigned(port));
    std::fflush(stdout);
    context.log(QStringLiteral("seed %1, data anchored at %2, datasets: %3 partners, %4 "
                               "purchase-ins, %5 JDY customers, %6 materials, %7 K3 customers, "
                               "%8 approvals; %9 catalogue endpoints")
                    .arg(config->seed)
                    .arg(context.clock.dateTime(context.clock.anchorMs()))
                    .arg(config->jstPartners)
                    .arg(config->jstPurchaseIns)
                    .arg(config->jdyCustomers)
                    .arg(config->k3Materials)
                    .arg(config->k3Customers)
                    .arg(config->ddInstances)
                    .arg(catalog->endpoints().size()));
    const int rc = QCoreApplication::exec();
    context.log(QStringLiteral("stopped"));
    return rc;
}
