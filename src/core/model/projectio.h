#pragma once

#include "core/model/diagnostic.h"
#include "core/model/project.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace weft {

/// The outcome of reading a project file: the project (when the file was readable as one)
/// and every problem found, not just the first.
struct ProjectLoadResult {
    std::optional<Project> project;
    Diagnostics diagnostics;
    bool ok() const { return project.has_value() && !hasErrors(diagnostics); }
};

/// Parses a project from UTF-8 JSON. Never crashes on bad input: malformed JSON is reported
/// with its line and column, structural problems with their JSON pointer (and position).
ProjectLoadResult loadProject(const QByteArray &json);
ProjectLoadResult loadProjectFile(const QString &path);

/// The canonical file form: 2-space indent, schema key order, defaults omitted. Saving a
/// loaded file that is already canonical reproduces it byte for byte.
QByteArray saveProject(const Project &project);
QJsonObject projectToJson(const Project &project);

/// Writes atomically (temporary file, then rename): a crash never leaves half a project.
bool saveProjectFile(const Project &project, const QString &path, QString *error = nullptr);

/// The key order of project files (exposed for tests and for writing metadata snippets).
int projectKeyRank(const QString &parentPointer, const QString &key);

} // namespace weft
