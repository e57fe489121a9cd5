#pragma once

#include "core/connectors/connector.h"
#include "core/connectors/credentialrenewal.h"

namespace weft {

namespace detail {

/// Signs and sends Kingdee JDY (金蝶云星辰 V2) calls: the app-token (fetched with the app
/// signature, renewed when refused) and the HMAC headers every call carries.
class JdyClient final : public QObject
{
    Q_OBJECT
public:
    JdyClient(const ConnectorContext &context, QObject *parent);

    /// `path` is the API path, e.g. "/jdy/v2/bd/customer"; `query` is signed and sent;
    /// `done` gets the envelope's `data` or an error.
    void call(const QByteArray &method, const QString &path,
              const QList<QPair<QString, QString>> &query, const QByteArray &body,
              std::function<void(std::variant<QJsonValue, ConnectorError>)> done);
    void cancel() { m_http->cancelAll(); }
    HttpClient *http() const { return m_http; }

    /// base64(hex(HMAC-SHA256(secret, text))) — the JDY signature encoding.
    static QByteArray signature(const QByteArray &secret, const QByteArray &text);
    /// RFC 3986 percent-encoding, as the signature string wants it.
    static QByteArray urlEncode(const QByteArray &text);
    /// The string X-Api-Signature signs.
    static QByteArray stringToSign(const QByteArray &method, const QString &path,
                                   QList<QPair<QString, QString>> query, const QByteArray &nonce,
                                   const QByteArray &timestamp);

private:
    void fetchAppToken(std::function<void(std::optional<ConnectorError>)> done);
    HttpRequest build(const QByteArray &method, const QString &path,
                      const QList<QPair<QString, QString>> &query, const QByteArray &body) const;

    ConnectorContext m_context;
    HttpClient *m_http;
    QString m_appToken;
    /// One app-token fetch for all calls: production JDY allows about two a minute.
    CredentialRenewal m_tokenRenewal;
};

} // namespace detail

/// Kingdee JDY as a source: list APIs such as /jdy/v2/bd/customer, paged by page/page_size,
/// with the modification window in milliseconds taken from the request templates.
class JdySource final : public SourceConnector
{
    Q_OBJECT
public:
    explicit JdySource(const ConnectorContext &context, QObject *parent = nullptr);
    SourceTraits traits() const override;
    void fetchPage(const PageRequest &request, std::function<void(PageResult)> done) override;
    void cancel() override { m_client->cancel(); }

private:
    ConnectorContext m_context;
    detail::JdyClient *m_client;
    int m_pageSize = 50;
};

/// Kingdee JDY as a target: save APIs such as /jdy/v2/bd/store, one record per call (the
/// save API takes one document); a record written before is updated through its JDY id. A
/// save refused as a duplicate number is checked against the document holding the number:
/// when that is this record's own earlier save (its answer lost), it counts as written.
class JdyTarget final : public TargetConnector
{
    Q_OBJECT
public:
    explicit JdyTarget(const ConnectorContext &context, QObject *parent = nullptr);
    int batchSize() const override { return 20; }
    void writeBatch(const QString &batchId, const QList<TargetRecord> &batch,
                    std::function<void(BatchResult)> done) override;
    void cancel() override { m_client->cancel(); }
    QString identityOf(const TargetRecord &record) const override;
    void resolveInFlight(const InFlightBatch &batch,
                         std::function<void(InFlightResult)> done) override;

    /// Whether a document JDY returned holds every field of `payload` it returns (as text).
    static bool holdsPayload(const QJsonObject &document, const QJsonObject &payload);

private:
    void saveOne(const QJsonObject &payload, std::function<void(WriteOutcome)> done);
    void findSaved(const QJsonObject &payload, const ConnectorError &duplicate,
                   std::function<void(WriteOutcome)> done);
    /// The document JDY holds with this number (an empty object when none).
    void findNumber(const QString &number,
                    std::function<void(std::variant<QJsonObject, ConnectorError>)> done);

    ConnectorContext m_context;
    detail::JdyClient *m_client;
};

} // namespace weft
