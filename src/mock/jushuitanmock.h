#pragma once

#include "ratelimiter.h"
#include "systemmock.h"

#include <QHash>
#include <QJsonArray>
#include <functional>
#include <optional>
#include <vector>

namespace weft::mock {

/// Jushuitan (聚水潭) open API: form-encoded POSTs signed with MD5, access tokens, the
/// purchase-in and warehouse queries, every other query of the catalogue (generated records,
/// its paging and windows), the shipping upload, and the 5/s and 100/min limits per
/// interface.
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
    QJsonValue written() const override;

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
    MockReply catalogQuery(const CatEndpoint &endpoint, const QJsonObject &biz);
    MockReply upload(const CatEndpoint &endpoint, const QJsonValue &biz);
    /// A page of `total` records: `maxSize` per page at most, records under data.<key>.
    MockReply page(const QJsonObject &biz, qint64 total,
                   const std::function<void(qint64, QByteArray &)> &record, qint64 maxSize = 50,
                   qint64 defaultSize = 30, const char *key = "datas");
    QString issueToken();
    /// The modification window of a query: both ends or neither, at most `maxDays` apart
    /// (0: no limit); the refusal when they are not.
    std::optional<MockReply> window(const QJsonObject &biz, const QString &beginKey,
                                    const QString &endKey, qint64 maxDays,
                                    std::optional<qint64> *beginMs,
                                    std::optional<qint64> *endMs) const;

    MockContext &m_ctx;
    QHash<QString, qint64> m_tokens; // access token → expiry (wall ms)
    QString m_refreshToken;
    quint64 m_serial = 0;
    QHash<QString, Limits> m_limits;
    QJsonArray m_shipments;                ///< uploads accepted, for /_mock/written
    QHash<QString, QString> m_trackingNos; ///< l_id → the o_id it was uploaded for
};

} // namespace weft::mock
