#include "mockserver.h"

#include "controlapi.h"
#include "dingtalkmock.h"
#include "jdymock.h"
#include "jushuitanmock.h"
#include "k3cloudmock.h"
#include "systemmock.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <sys/socket.h>

namespace weft::mock {

MockServer::MockServer(MockContext &context, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_ctx(context)
{
    m_systems.push_back(std::make_unique<JushuitanMock>(context));
    m_systems.push_back(std::make_unique<JdyMock>(context));
    m_systems.push_back(std::make_unique<K3CloudMock>(context));
    m_systems.push_back(std::make_unique<DingTalkMock>(context));
    QList<SystemMock *> systems;
    for (const auto &s : m_systems)
        systems.append(s.get());
    m_control = std::make_unique<ControlApi>(context, systems);
}

MockServer::~MockServer() = default;

SystemMock *MockServer::systemFor(const QString &path) const
{
    for (const auto &s : m_systems) {
        const QString mount = s->mount();
        if (path.startsWith(mount) &&
            (path.size() == mount.size() || path.at(mount.size()) == u'/'))
            return s.get();
    }
    return nullptr;
}

bool MockServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    MockRequest req = MockRequest::from(request);
    const bool close = req.header("connection").compare("close", Qt::CaseInsensitive) == 0;
    if (req.path == QLatin1String("/_mock") || req.path.startsWith(QLatin1String("/_mock/"))) {
        deliver(socket, m_control->handle(req), close, Corruption::None, 0);
        return true;
    }
    SystemMock *system = systemFor(req.path);
    if (!system) {
        MockReply r = MockReply::json(
            QJsonObject{{QStringLiteral("error"),
                         QStringLiteral("no system at %1: the mock serves /jushuitan, /jdy, "
                                        "/k3cloud, /dingtalk and /_mock")
                             .arg(req.path)}},
            MockReply::Kind::ApiError, 404);
        deliver(socket, r, close, Corruption::None, 0);
        return true;
    }
    req.subPath = req.path.mid(system->mount().size());
    if (req.subPath.isEmpty())
        req.subPath = QStringLiteral("/");
    const QString key = req.endpointKey();
    m_ctx.stats.arrived(key, MockClock::monotonicMs());

    int status = 500;
    const FaultInjector::Fault fault = m_ctx.faults.next(system->mount(), &status);
    const int latency = m_ctx.faults.settings().latencyMs;
    if (fault != FaultInjector::Fault::None) {
        m_ctx.stats.finished(key, MockStats::Outcome::FaultInjected);
        if (m_ctx.config.verbose)
            m_ctx.log(QStringLiteral("%1 -> fault %2")
                          .arg(key, QLatin1String(FaultInjector::name(fault))));
    }
    MockReply reply;
    switch (fault) {
    case FaultInjector::Fault::Timeout:
        return true; // never answered: the client's timeout is what is being tested
    case FaultInjector::Fault::Reset:
        resetConnection(socket);
        return true;
    case FaultInjector::Fault::Http5xx:
        reply = MockReply::text(status,
                                "<html><head><title>" + QByteArray::number(status) + ' ' +
                                    reasonPhrase(status) + "</title></head><body><h1>" +
                                    QByteArray::number(status) + ' ' + reasonPhrase(status) +
                                    "</h1><p>weft-mock injected fault</p></body></html>",
                                "text/html;charset=UTF-8");
        deliver(socket, reply, close, Corruption::None, latency);
        return true;
    case FaultInjector::Fault::Throttle:
        deliver(socket, system->throttled(), close, Corruption::None, latency);
        return true;
    default:
        break;
    }
    reply = system->handle(req);
    if (fault == FaultInjector::Fault::None)
        m_ctx.stats.finished(key, MockStats::outcomeOf(reply.kind));
    if (m_ctx.config.verbose)
        m_ctx.log(
            QStringLiteral("%1 -> %2 %3 bytes").arg(key).arg(reply.status).arg(reply.body.size()));
    const Corruption corruption = fault == FaultInjector::Fault::Truncate    ? Corruption::Truncate
                                  : fault == FaultInjector::Fault::Malformed ? Corruption::Malformed
                                                                             : Corruption::None;
    deliver(socket, reply, close, corruption, latency);
    return true;
}

void MockServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Q_UNUSED(request);
    write(socket, MockReply::text(404, "not found"), false, Corruption::None);
}

void MockServer::deliver(QTcpSocket *socket, const MockReply &reply, bool close,
                         Corruption corruption, int latencyMs)
{
    if (latencyMs <= 0) {
        write(socket, reply, close, corruption);
        return;
    }
    // The socket may be gone when the timer fires (the client gave up): QPointer knows.
    QTimer::singleShot(latencyMs, this,
                       [socket = QPointer<QTcpSocket>(socket), reply, close, corruption] {
                           if (socket && socket->state() == QAbstractSocket::ConnectedState)
                               write(socket, reply, close, corruption);
                       });
}

void MockServer::write(QTcpSocket *socket, const MockReply &reply, bool close,
                       Corruption corruption)
{
    switch (corruption) {
    case Corruption::None:
        socket->write(httpHead(reply, reply.body.size(), close) + reply.body);
        if (close)
            socket->disconnectFromHost();
        break;
    case Corruption::Truncate:
        // The head promises the whole body; half arrives, then the connection ends.
        socket->write(httpHead(reply, reply.body.size(), true) +
                      reply.body.left(reply.body.size() / 2));
        socket->disconnectFromHost();
        break;
    case Corruption::Malformed: {
        // A trailing comma before the last bracket: invalid JSON for every reply shape.
        QByteArray body = reply.body;
        if (!body.isEmpty())
            body.chop(1);
        body += ",}";
        socket->write(httpHead(reply, body.size(), close) + body);
        if (close)
            socket->disconnectFromHost();
        break;
    }
    }
}

void MockServer::resetConnection(QTcpSocket *socket)
{
    // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    const qintptr fd = socket->socketDescriptor();
    if (fd >= 0) {
        struct linger l
        {
            1, 0
        };
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &l, sizeof l);
    }
    socket->abort();
}

} // namespace weft::mock
