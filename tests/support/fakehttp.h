#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <functional>

namespace weft::test {

/// One request as the fake server saw it.
struct FakeRequest {
    QByteArray method;
    QUrl url; ///< path and query, e.g. /items?page=2
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
};

/// What the handler answers: status, content type, body (and whether to hang up instead).
struct FakeResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
};

/// A minimal HTTP/1.1 server on 127.0.0.1 for tests of connectors against APIs the mock does
/// not imitate (generic JSON APIs, webhook receivers). One handler answers every request;
/// every request is kept for inspection.
class FakeHttpServer final : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;
    explicit FakeHttpServer(Handler handler, QObject *parent = nullptr);
    ~FakeHttpServer() override;

    bool listen();
    QString baseUrl() const;
    const QList<FakeRequest> &requests() const { return m_requests; }

private:
    void read(QTcpSocket *socket);

    Handler m_handler;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<FakeRequest> m_requests;
};

} // namespace weft::test
