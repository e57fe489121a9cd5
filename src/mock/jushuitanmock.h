#pragma once

#include "ratelimiter.h"
#include "systemmock.h"

#include <QHash>
#include <functional>
#include <optional>
#include <vector>

namespace weft::mock {

/// Jushuitan (聚水潭) open API: form-encoded POSTs signed with MD5, access tokens, the
/// purchase-in and warehouse queries, and the 5/s and 100/min limits per interface.
///
/// Codes: 0 ok · 10 bad signature or app_key · 100 token invalid/expired · 140 timestamp
/// more than 15 min off · 199 over the per-second limit · 200 over the per-minute limit ·
/// 120 bad parameters (our choice: the real code is not published).
class JushuitanMock final : public SystemMock
{
public:
    explicit JushuitanMock(MockContext &context);

    QString mount() const override { return QStringLiteral("/jushuitan"); }
    MockReply handle(const MockRequest &request) override;
    MockReply throttled() const override;
    void expireTokens() override { m_tokens.clear(); }
    void reset() override;

private:
    struct Limits
    {
        RateLimiter perSecond;
        RateLimiter perMinute;
    };

    static MockReply error(int code, const QString &message,
                           MockReply::Kind kind = MockReply::Kind::ApiError);
    MockReply token(const QMap<QString, QString> &form, bool refresh);
    MockReply partners(const QJsonObject &biz);
    MockReply purchaseIns(const QJsonObject &biz);
    MockReply page(const QJsonObject &biz, qint64 total,
                   const std::function<void(qint64, QByteArray &)> &record);
    QString issueToken();

    MockContext &m_ctx;
    QHash<QString, qint64> m_tokens; // access token → expiry (wall ms)
    QString m_refreshToken;
    quint64 m_serial = 0;
    QHash<QString, Limits> m_limits;
};

} // namespace weft::mock
