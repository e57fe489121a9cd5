#pragma once

#include "core/connectors/connector.h"
#include "core/connectors/credentialrenewal.h"

namespace weft {

/// 聚水潭 Jushuitan open API as a source: signed form POSTs (MD5 over the sorted fields),
/// page_index/has_next paging (page size at most 50), modification windows of at most seven
/// days (the engine slices [LAST_SYNC_TIME, now] accordingly), token refresh on code 100, and
/// the rate-limit codes 199/200 waited out — never reported as data errors.
class JushuitanSource final : public SourceConnector
{
    Q_OBJECT
public:
    explicit JushuitanSource(const ConnectorContext &context, QObject *parent = nullptr);

    SourceTraits traits() const override;
    void fetchPage(const PageRequest &request, std::function<void(PageResult)> done) override;
    void cancel() override;

    /// The `sign` form field: lowercase hex MD5 of secret + key1value1key2value2… over every
    /// field but `sign`, keys sorted ascending, empty values skipped.
    static QByteArray sign(const QList<QPair<QString, QString>> &fields, const QString &secret);
    /// The error of a `code` other than 0 (docs/catalog.md, "Jushuitan" error codes): its
    /// kind, and what to do.
    static ConnectorError errorFor(int code, const QString &message);

private:
    HttpRequest buildRequest(const QString &path, QList<QPair<QString, QString>> fields) const;
    void refreshToken(std::function<void(std::optional<ConnectorError>)> done);

    ConnectorContext m_context;
    HttpClient *m_http;
    QString m_accessToken;
    QString m_refreshToken;
    /// One refresh for all pages refused at once: a refresh replaces the refresh token, so a
    /// second one would be sent with a token the first made invalid.
    CredentialRenewal m_tokenRenewal;
    int m_pageSize = 50;
};

} // namespace weft
