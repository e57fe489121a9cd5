#pragma once

#include "ratelimiter.h"
#include "systemmock.h"

#include <QHash>
#include <QJsonObject>
#include <optional>

namespace weft::mock {

/// Kingdee JDY / 金蝶云星辰 V2: X-Api-* HMAC headers on every call, the app-token endpoint,
/// every list of the catalogue (customers hand-written, the others generated) and its saves
/// (stores, customers), which the lists then answer too.
///
/// The signed path is the real one, without the `/jdy` mount, so a client pointed at
/// `http://host:port/jdy` signs exactly what it signs against production.
class JdyMock final : public SystemMock
{
public:
    explicit JdyMock(MockContext &context);

    QString mount() const override { return QStringLiteral("/jdy"); }
    MockReply handle(const MockRequest &request) override;
    MockReply throttled() const override;
    void expireTokens() override { m_tokens.clear(); }
    void reset() override;
    QJsonValue written() const override;

    /// Error codes; the real ones are not all published, these are documented in mock.md.
    enum Code : qint64 {
        Ok = 0,
        BadClient = 1030001001,
        BadSignature = 1030001002,
        StaleTimestamp = 1030001003,
        BadAppSignature = 1030002001,
        TokenInvalid = 1030002006,
        BadParameter = 2000001001,
        Duplicate = 2000001002,
        NotFound = 2000001003,
        SystemError = 2000002000,
    };

private:
    static MockReply reply(qint64 code, const QString &description,
                           const QJsonValue &data = QJsonValue());
    /// The gateway's refusal, or nullopt when the X-Api-* headers verify.
    std::optional<MockReply> checkGateway(const MockRequest &request) const;
    MockReply appToken(const MockRequest &request);
    MockReply list(const CatEndpoint &endpoint, const MockRequest &request);
    MockReply save(const CatEndpoint &endpoint, const MockRequest &request);

    MockContext &m_ctx;
    QHash<QString, qint64> m_tokens; // app-token → expiry (wall ms)
    quint64 m_serial = 0;
    RateLimiter m_calls;
    RateLimiter m_tokenCalls;
};

} // namespace weft::mock
