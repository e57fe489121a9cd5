#pragma once

#include "core/model/connection.h"
#include "core/util/envexpand.h"

#include <QHash>
#include <QString>

#include <optional>

namespace weft {

/// A connection ready to use: environment variables expanded, secrets fetched.
/// Lives only in memory for the length of a run; never saved, never logged (every secret value
/// is registered with the log redactor when it is resolved).
struct ResolvedConnection {
    Connection config;
    QString baseUrl; ///< expanded, without a trailing slash
    QHash<QString, QString> account;

    QString value(const QString &key, const QString &fallback = QString()) const
    {
        const QString v = account.value(key);
        return v.isEmpty() ? fallback : v;
    }
};

/// Resolves a connection's references. Fails with a message naming the field and what to
/// set ("connection 'jst': account field appSecret: environment variable JST_APP_SECRET is
/// not set") — the run then stops as an authentication/configuration problem.
struct SecretRef;

/// The value a secret reference names (an environment variable, a keychain entry, or the
/// plain text), registered with the log redactor; std::nullopt with `error` set when it
/// cannot be read.
std::optional<QString> resolveSecret(const SecretRef &ref, QString *error,
                                     const EnvLookup &env = processEnvironment());

std::optional<ResolvedConnection> resolveConnection(const Connection &connection,
                                                    QString *error,
                                                    const EnvLookup &env = processEnvironment());

} // namespace weft
