#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

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
        Config,    ///< Weft cannot build the request (missing setting), or the settings make
                   ///< every attempt fail the same way (an answer too large to read): stop
        Cancelled,
    };

    Kind kind = Kind::Rejected;
    QString code;    ///< the system's error code, e.g. "10", "MsgCode 1", "HTTP 503"
    QString message; ///< the system's words, plus Weft's advice where it has any
    int retryAfterMs = 0;
    /// The request may have been carried out although no usable answer came (a write timed
    /// out or its answer arrived damaged): sending it again could do it twice, so it is not
    /// retried blindly — the connector checks what the system did (see K3Target).
    bool outcomeUnknown = false;

    bool isRetryable() const
    {
        return !outcomeUnknown && (kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Server ||
               kind == Kind::Throttled || kind == Kind::Malformed);
    }
    /// "HTTP 503: Service Unavailable" / "code 10: 签名错误"
    QString toString() const
    {
        return code.isEmpty() ? message : code + QStringLiteral(": ") + message;
    }
    static QString kindName(Kind kind);
};

/// `text` with the values of secret-looking names replaced by "***": JSON members
/// (`"access_token":"abc"` → `"access_token":"***"`, also JSON quoted inside a string,
/// `\"token\":\"abc\"`) and form, query and cookie pairs (`session_id=abc`) whose name
/// contains token, secret, session, password, passwd, pwd, sign, ticket, key, auth or
/// credential (any case). A value cut off by truncation is redacted to the end of the text.
/// Error messages quote a system's answer; the answer of a token or login call holds the new
/// token or session, which the log redactor does not know yet when the answer did not parse.
QString redactSecrets(QStringView text);

/// The first `maxBytes` of a response body as one line for an error message, secrets
/// redacted (redactSecrets()). The one way connectors quote a body.
QString bodySample(const QByteArray &body, int maxBytes);

} // namespace weft
