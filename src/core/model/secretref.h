#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace weft {

/// Where a secret lives. A project file holds only the reference, never the value, so a
/// project can be shared and committed — except an explicit {"plain": "…"}, which validation
/// warns about.
struct SecretRef {
    enum class Kind { Env, Keychain, Plain };

    Kind kind = Kind::Env;
    QString key; ///< variable name, "service/key" in the OS keychain, or the plain value

    /// Parses {"env": "NAME"}, {"keychain": "service/key"} or {"plain": "value"}.
    static std::optional<SecretRef> fromJson(const QJsonValue &value);
    /// True when `value` is an object that looks like a secret reference (one known key).
    static bool looksLikeRef(const QJsonValue &value);
    QJsonValue toJson() const;
    /// "env JST_APP_SECRET", "keychain weft/jst" or "plain text" — safe to show and log.
    QString describe() const;

    bool operator==(const SecretRef &) const = default;
};

} // namespace weft
