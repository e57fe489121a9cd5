#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace weft {

/// The kinds of systems Weft connects to; one connector implementation each.
enum class ConnectorType { Jushuitan, KingdeeJdy, KingdeeK3Cloud, DingTalk, HttpJson, MySql,
                           LocalStore };

/// "jushuitan", "kingdee_jdy", "kingdee_k3cloud", "dingtalk", "http_json", "mysql", "local_store"
QString connectorTypeName(ConnectorType type);
std::optional<ConnectorType> connectorTypeFromName(const QString &name);
QStringList connectorTypeNames();
/// "聚水潭 Jushuitan" etc., for people (not translated here: the GUI translates).
QString connectorTypeTitle(ConnectorType type);
/// Whether the connector can be a source (QUERY) and a target (EXECUTE).
bool connectorCanRead(ConnectorType type);
bool connectorCanWrite(ConnectorType type);
/// Whether the connector talks HTTP and therefore needs a base URL.
bool connectorUsesHttp(ConnectorType type);

/// One account field a connector type understands: the connection dialog and the validator
/// are both driven by this table.
struct AccountFieldSpec {
    QString key;
    QString label;
    bool secret = false;   ///< must be a reference ({"env"}/{"keychain"}), never plain text
    bool required = false;
    QString defaultValue;
};
QList<AccountFieldSpec> accountFieldsFor(ConnectorType type);

/// Calls allowed per second and per minute; 0 means no limit of that kind.
struct RateLimit {
    double perSecond = 0;
    int perMinute = 0;
    bool isSet() const { return perSecond > 0 || perMinute > 0; }
    bool operator==(const RateLimit &) const = default;
};

/// A system endpoint: type, base URL, account fields and secret references.
struct Connection {
    QString name; ///< unique in the project; schemes refer to it
    ConnectorType type = ConnectorType::HttpJson;
    /// The file's "type" when this build does not know it (kept so a save never rewrites a
    /// typo into some other type); type-specific checks are skipped while it is set.
    QString unknownType;
    QString title;
    /// May use ${VAR} / ${VAR:-default} so one project serves development and production.
    QString baseUrl;
    /// field → string (may use ${VAR}) or a secret reference object.
    QJsonObject account;
    RateLimit rateLimit;
    int timeoutMs = 30000;     ///< the longest silence within one HTTP request
    /// The longest a whole HTTP request may take, answer included: a server that drips its
    /// answer a byte at a time never stays silent for timeoutMs, and must still end.
    int deadlineMs = 300000;
    bool verifyTls = true;     ///< false only as an explicit, visible per-connection override
    QJsonObject options;       ///< type-specific settings (e.g. HTTP JSON auth and paging)
    QJsonObject extra;         ///< keys this version does not know, kept for round trips

    bool operator==(const Connection &) const = default;
};

} // namespace weft
