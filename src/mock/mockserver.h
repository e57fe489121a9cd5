#pragma once

#include "faultinjector.h"
#include "mockhttp.h"

#include <QAbstractHttpServer>
#include <memory>
#include <vector>

class QTcpSocket;

namespace weft::mock {

struct MockContext;
class SystemMock;
class ControlApi;

/// The HTTP front: routes by mount, applies faults and latency, writes replies itself.
///
/// It subclasses QAbstractHttpServer (not QHttpServer's router) to own the raw socket: a
/// timeout is a socket left unanswered, a reset is an RST, a truncated reply announces the
/// full Content-Length and closes half-way — failures a router could not produce.
class MockServer final : public QAbstractHttpServer
{
public:
    explicit MockServer(MockContext &context, QObject *parent = nullptr);
    ~MockServer() override;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    enum class Corruption { None, Truncate, Malformed };

    void deliver(QTcpSocket *socket, const MockReply &reply, bool close, Corruption corruption,
                 int latencyMs);
    static void write(QTcpSocket *socket, const MockReply &reply, bool close,
                      Corruption corruption);
    static void resetConnection(QTcpSocket *socket);
    SystemMock *systemFor(const QString &path) const;

    MockContext &m_ctx;
    std::vector<std::unique_ptr<SystemMock>> m_systems;
    std::unique_ptr<ControlApi> m_control;
};

} // namespace weft::mock
