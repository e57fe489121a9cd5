#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace weft {

/// Looks a variable up; returns a null QString when it is not set.
using EnvLookup = std::function<QString(const QString &name)>;

/// The process environment as an EnvLookup.
EnvLookup processEnvironment();

/// Result of expanding "${VAR}" references in a connection field.
struct EnvExpansion {
    QString text;
    QStringList missing; ///< variables that were unset and had no default
    QString error;       ///< non-empty for malformed syntax, e.g. an unclosed "${"
    /// The values of variables whose names say they are secret (looksSecret), for the log's
    /// redaction: a webhook URL built from ${ROBOT_TOKEN} carries the token.
    QStringList secrets;
};

/// Whether a variable or field name says its value is secret: it contains SECRET, TOKEN,
/// PASSW (PASSWORD, PASSWD), PWD or CREDENTIAL, or ends in KEY (any case).
bool looksSecret(const QString &name);

/// Expands `${NAME}` and `${NAME:-default}` (shell style: the default applies when NAME is
/// unset or empty); `$$` is a literal `$`. Lets one project file serve development and
/// production: `"${WEFT_MOCK_URL:-http://127.0.0.1:18080}/jushuitan"`.
EnvExpansion expandEnv(const QString &text, const EnvLookup &lookup = processEnvironment());

} // namespace weft
