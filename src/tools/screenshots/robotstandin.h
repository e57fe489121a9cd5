#pragma once

#include <QByteArray>
#include <QTcpServer>

namespace weft {

/// Stands in for the group robots and the ops webhook of the alerts view: a local HTTP server
/// that answers every request as a robot that took the message, so the test alert in the
/// screenshot shows what success looks like. Listens on 127.0.0.1, on a free port.
class RobotStandIn final : public QTcpServer
{
    Q_OBJECT
public:
    explicit RobotStandIn(QObject *parent = nullptr);

    /// The stand-in's URL for `path` ("/robot/send?access_token=demo").
    QByteArray url(const char *path) const;

private:
    /// Whether a request has its headers and as much body as they announce.
    static bool isComplete(const QByteArray &request);
};

} // namespace weft
