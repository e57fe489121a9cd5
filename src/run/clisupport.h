#pragma once

#include "core/model/project.h"
#include "core/state/statestore.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

#include <memory>
#include <optional>

namespace weft::cli {

/// A loaded, validated project and its opened state store.
struct ProjectSession {
    QString path;
    Project project;
    std::unique_ptr<StateStore> state;
};

/// The --state option shared by every command that touches the state store.
QCommandLineOption stateOption();
/// The --log-file and --log-level options.
QCommandLineOption logFileOption();
QCommandLineOption logLevelOption();

/// The --env option: which of the project's environments to use instead of its
/// activeEnvironment (docs/project-format.md "Environments").
QCommandLineOption envOption();
/// Why `name` is not one of the project's environments (empty when it is one).
QString unknownEnvironment(const Project &project, const QString &name);

/// Opens the state store named by --state, or `defaultLocation`; on failure prints why and
/// returns nullptr with the exit code in `exitCode`.
std::unique_ptr<StateStore> openStateStore(const QCommandLineParser &parser,
                                           const QString &defaultLocation, int *exitCode);

/// Loads and validates `path` (printing every problem), opens the state store named by
/// --state or the default beside the project, and sets up logging; --env (when the command
/// has it) selects the project's environment, an unknown name is a usage error. On failure prints
/// why and returns nullopt with the exit code in `exitCode`.
std::optional<ProjectSession> openSession(const QCommandLineParser &parser, const QString &path,
                                          int *exitCode);

QTextStream &out();
QTextStream &err();

} // namespace weft::cli
