#include "core/model/connection.h"

namespace weft {

namespace {

struct TypeInfo {
    ConnectorType type;
    const char *name;
    const char *title;
    bool read;
    bool write;
    bool http;
};

constexpr TypeInfo kTypes[] = {
    {ConnectorType::Jushuitan, "jushuitan", "聚水潭 Jushuitan", true, false, true},
    {ConnectorType::KingdeeJdy, "kingdee_jdy", "金蝶云星辰 Kingdee JDY", true, true, true},
    {ConnectorType::KingdeeK3Cloud, "kingdee_k3cloud", "金蝶云星空 Kingdee K3Cloud", true, true,
     true},
    {ConnectorType::DingTalk, "dingtalk", "钉钉 DingTalk", true, false, true},
    {ConnectorType::HttpJson, "http_json", "HTTP JSON API", true, true, true},
    {ConnectorType::MySql, "mysql", "MySQL / MariaDB", true, true, false},
    {ConnectorType::LocalStore, "local_store", "本地存储 Local store", true, true, false},
};

const TypeInfo &info(ConnectorType type)
{
    for (const TypeInfo &t : kTypes) {
        if (t.type == type)
            return t;
    }
    return kTypes[0];
}

} // namespace

QString connectorTypeName(ConnectorType type)
{
    return QString::fromLatin1(info(type).name);
}

std::optional<ConnectorType> connectorTypeFromName(const QString &name)
{
    for (const TypeInfo &t : kTypes) {
        if (name == QLatin1String(t.name))
            return t.type;
    }
    return std::nullopt;
}

QStringList connectorTypeNames()
{
    QStringList names;
    for (const TypeInfo &t : kTypes)
        names << QString::fromLatin1(t.name);
    return names;
}

QString connectorTypeTitle(ConnectorType type)
{
    return QString::fromUtf8(info(type).title);
}

bool connectorCanRead(ConnectorType type)
{
    return info(type).read;
}

bool connectorCanWrite(ConnectorType type)
{
    return info(type).write;
}

bool connectorUsesHttp(ConnectorType type)
{
    return info(type).http;
}

QList<AccountFieldSpec> accountFieldsFor(ConnectorType type)
{
    auto f = [](const char *key, const char *label, bool secret, bool required,
                const char *dflt = "") {
        return AccountFieldSpec{QString::fromLatin1(key), QString::fromUtf8(label), secret,
                                required, QString::fromUtf8(dflt)};
    };
    switch (type) {
    case ConnectorType::Jushuitan:
        return {f("appKey", "App key", false, true), f("appSecret", "App secret", true, true),
                f("accessToken", "Access token", true, true),
                f("refreshToken", "Refresh token", true, false)};
    case ConnectorType::KingdeeJdy:
        return {f("clientId", "Client ID", false, true),
                f("clientSecret", "Client secret", true, true),
                f("appKey", "App key", false, true), f("appSecret", "App secret", true, true),
                f("routerAddr", "X-GW-Router-Addr", false, false)};
    case ConnectorType::KingdeeK3Cloud:
        return {f("acctId", "Account set ID (acctId)", false, true),
                f("user", "User", false, true),
                f("loginMethod", "Login method (appSecret | password)", false, false,
                  "appSecret"),
                f("appId", "App ID", false, false), f("appSecret", "App secret", true, false),
                f("password", "Password", true, false), f("lcid", "Language (lcid)", false,
                                                          false, "2052")};
    case ConnectorType::DingTalk:
        return {f("appKey", "App key", false, true), f("appSecret", "App secret", true, true)};
    case ConnectorType::HttpJson:
        return {f("auth", "Authentication (none | bearer | basic | header)", false, false,
                  "none"),
                f("token", "Token", true, false), f("username", "User name", false, false),
                f("password", "Password", true, false),
                f("headerName", "Header name", false, false)};
    case ConnectorType::MySql:
        return {f("host", "Host", false, true, "127.0.0.1"),
                f("port", "Port", false, false, "3306"), f("user", "User", false, true),
                f("password", "Password", true, false), f("database", "Database", false, true),
                f("sslMode", "TLS (disabled | verify-ca)", false, false),
                f("sslCa", "CA certificate file (PEM) for verify-ca", false, false)};
    case ConnectorType::LocalStore:
        return {};
    }
    return {};
}

} // namespace weft
