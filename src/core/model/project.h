#pragma once

#include "core/model/connection.h"
#include "core/model/scheme.h"
#include "core/model/secretref.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace weft {

/// The project file's format marker and the version this build reads and writes.
inline constexpr const char *kProjectFormat = "weft-project";
inline constexpr int kProjectVersion = 1;

/// Where the project's runs keep their state when no `--state` is given: a shared MySQL store
/// (`"state": {"url": "mysql://weft@db/weft_state", "password": {"env": "…"}}`).
struct ProjectStateStore {
    /// mysql://user@host[:port]/database[?sslMode=…&sslCa=…], without a password; empty: the
    /// SQLite file beside the project.
    QString url;
    std::optional<SecretRef> password; ///< the MySQL user's password, as connections hold one
    bool isSet() const { return !url.isEmpty(); }
    bool operator==(const ProjectStateStore &) const = default;
};

/// A named set of variable values (测试, 生产): switching a project between a test and a
/// production account is choosing another environment, not editing the shell's variables.
struct Environment {
    QString name;
    /// NAME → string or secret reference ({"env"}, {"keychain"}, {"plain"}); a `${NAME}` in a
    /// connection, or a secret reference {"env": "NAME"}, reads it before the process's own.
    QJsonObject variables;
    bool operator==(const Environment &) const = default;
};

/// One `*.weft.json` file: connections, schemes and their schedules, plus the canvas layout
/// (kept apart from what runs).
struct Project {
    QString name;
    QString description;
    /// Time zone for dates in templates and _function (Chinese ERPs expect China time).
    QString timeZone = QStringLiteral("Asia/Shanghai");
    ProjectStateStore state;
    QList<Connection> connections;
    QList<Scheme> schemes;
    /// name → {code → value} tables for simple code → name lookups.
    QJsonObject valueMaps;
    QJsonArray alerts;
    /// Variables every environment shares (an environment's own values override them).
    QJsonObject variables;
    QList<Environment> environments;
    /// The environment runs, previews and validation use unless one is named (`--env`);
    /// empty: none, only `variables` and the process environment.
    QString activeEnvironment;
    /// Canvas positions: scheme name → node id → {"x", "y"}. Never affects a run.
    QJsonObject layout;
    QJsonObject extra; ///< keys this version does not know, kept for round trips

    const Connection *connection(const QString &name) const;
    Connection *connection(const QString &name);
    const Scheme *scheme(const QString &name) const;
    Scheme *scheme(const QString &name);
    QStringList connectionNames() const;
    QStringList schemeNames() const;
    const Environment *environment(const QString &name) const;
    Environment *environment(const QString &name);
    QStringList environmentNames() const;

    bool operator==(const Project &) const = default;
};

} // namespace weft
