#pragma once

#include "core/model/connection.h"

#include <QObject>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace weft {

/// "Test connection": checks that a connection's references resolve (environment variables
/// set, keychain entries readable) and that the system answers — for HTTP systems a request
/// to the base URL, for MySQL a login and SELECT VERSION(). Everything happens off the GUI
/// thread or asynchronously; `finished` reports the outcome in words a person can act on.
class ConnectionTester final : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTester(QObject *parent = nullptr);
    ~ConnectionTester() override;

    void start(const Connection &connection);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    void resolved(const Connection &connection, const QString &baseUrl, const QString &error);
    void finish(bool ok, const QString &message);

    QNetworkAccessManager *m_network;
    QNetworkReply *m_reply = nullptr;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace weft
