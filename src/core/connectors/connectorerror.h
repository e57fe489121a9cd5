#pragma once

#include <QString>

namespace weft {

/// Why a call to a system failed, classified by what to do about it.
struct ConnectorError {
    enum class Kind {
        Network,   ///< connection refused/reset, DNS: retry
        Timeout,   ///< no answer in time: retry
        Server,    ///< HTTP 5xx or the system's "busy": retry
        Throttled, ///< the system's rate-limit code (JST 199/200, DingTalk 90002/90019): wait
        Auth,      ///< token/session invalid or expired: log in again, then retry once
        Malformed, ///< not the JSON the system promises (truncated, HTML): retry
        Rejected,  ///< the system refused the request (bad parameter, permission): stop
        Config,    ///< Weft cannot even build the request (missing setting): stop
        Cancelled,
    };

    Kind kind = Kind::Rejected;
    QString code;    ///< the system's error code, e.g. "10", "MsgCode 1", "HTTP 503"
    QString message; ///< the system's words, plus Weft's advice where it has any
    int retryAfterMs = 0;

    bool isRetryable() const
    {
        return kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Server ||
               kind == Kind::Throttled || kind == Kind::Malformed;
    }
    /// "HTTP 503: Service Unavailable" / "code 10: 签名错误"
    QString toString() const
    {
        return code.isEmpty() ? message : code + QStringLiteral(": ") + message;
    }
    static QString kindName(Kind kind);
};

} // namespace weft
