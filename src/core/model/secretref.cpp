#include "core/model/secretref.h"

#include "core/util/translation.h"

#include <QJsonObject>

namespace weft {

std::optional<SecretRef> SecretRef::fromJson(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    if (!value.isObject() || o.size() != 1)
        return std::nullopt;
    const QString k = o.begin().key();
    const QJsonValue v = o.begin().value();
    if (!v.isString() || v.toString().isEmpty())
        return std::nullopt;
    if (k == QLatin1String("env"))
        return SecretRef{Kind::Env, v.toString()};
    if (k == QLatin1String("keychain"))
        return SecretRef{Kind::Keychain, v.toString()};
    if (k == QLatin1String("plain"))
        return SecretRef{Kind::Plain, v.toString()};
    return std::nullopt;
}

bool SecretRef::looksLikeRef(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    return value.isObject() &&
           (o.contains(QLatin1String("env")) || o.contains(QLatin1String("keychain")) ||
            o.contains(QLatin1String("plain")));
}

QJsonValue SecretRef::toJson() const
{
    switch (kind) {
    case Kind::Env: return QJsonObject{{QStringLiteral("env"), key}};
    case Kind::Keychain: return QJsonObject{{QStringLiteral("keychain"), key}};
    case Kind::Plain: return QJsonObject{{QStringLiteral("plain"), key}};
    }
    return {};
}

QString SecretRef::describe() const
{
    switch (kind) {
    case Kind::Env:
        return ProjectText::tr("environment variable ") + key;
    case Kind::Keychain:
        return ProjectText::tr("keychain entry ") + key;
    case Kind::Plain:
        return ProjectText::tr("plain text in the project file");
    }
    return {};
}

} // namespace weft
