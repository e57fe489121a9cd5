#pragma once

#include "core/connectors/connector.h"

namespace weft {

/// Any JSON HTTP API as a source. Configured by the source metadata:
/// `method`, `api` (path under the base URL), `responsePath` (dotted path of the record array,
/// e.g. "data.items"; default: the response itself if it is an array, else its first array),
/// and `paging`: {"type": "none"|"page"|"offset"|"cursor"|"next", "pageParam", "sizeParam",
/// "size", "offsetParam", "cursorParam", "cursorPath", "nextPath"}. Request fields go into the
/// query (GET) or a JSON body (POST). Authentication comes from the connection (`auth`: none,
/// bearer, basic, header) and `options.headers`. Pages are read as JsonTapes where the
/// record array holds only objects (Page::tape; docs/architecture.md).
class HttpJsonSource final : public SourceConnector
{
    Q_OBJECT
public:
    explicit HttpJsonSource(const ConnectorContext &context, QObject *parent = nullptr);
    SourceTraits traits() const override;
    void fetchPage(const PageRequest &request, std::function<void(PageResult)> done) override;
    void cancel() override { m_http->cancelAll(); }

    /// The value at a dotted path ("data.items", "links.next"); Undefined when absent.
    static QJsonValue valueAt(const QJsonValue &root, const QString &path);
    /// The same on a tape: the node at the path from the root, or -1 when absent.
    static int nodeAt(const JsonTape &tape, const QString &path);

private:
    /// The error an answer reports although its HTTP status says success, by the source's
    /// success rule (successPath/successValue, errorPath); std::nullopt when it is a page.
    std::optional<ConnectorError>
    refusal(const std::function<QJsonValue(const QString &)> &valueOf) const;

    ConnectorContext m_context;
    HttpClient *m_http;
    QJsonObject m_paging;
    QString m_type;
    int m_size = 50;
};

/// Any JSON HTTP API as a target: each record is sent as a JSON body with the metadata's
/// `method` to `api`; a 2xx answer is success, a 4xx rejects that record with the answer's
/// text, 5xx and network failures are retried and then fail the batch.
class HttpJsonTarget final : public TargetConnector
{
    Q_OBJECT
public:
    explicit HttpJsonTarget(const ConnectorContext &context, QObject *parent = nullptr);
    int batchSize() const override { return 20; }
    void writeBatch(const QString &batchId, const QList<TargetRecord> &batch,
                    std::function<void(BatchResult)> done) override;
    void cancel() override { m_http->cancelAll(); }

private:
    ConnectorContext m_context;
    HttpClient *m_http;
};

/// Headers for the connection's authentication and its `options.headers`.
QList<QPair<QByteArray, QByteArray>> httpJsonHeaders(const ResolvedConnection &connection);

} // namespace weft
