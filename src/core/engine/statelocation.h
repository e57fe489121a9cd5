#pragma once

#include <QString>
#include <optional>

namespace weft {

struct Project;

/// Where a project's runs keep their state: the store its `state` entry names — a mysql://
/// URL with the password filled in from its secret reference, read under the project's
/// active environment — or `fallback` (the SQLite file beside the project) when it names
/// none. std::nullopt with `error` set when the
/// password cannot be read. May block (a keychain answers slowly): call it off the GUI
/// thread.
std::optional<QString> resolveStateLocation(const Project &project, const QString &fallback,
                                            QString *error);

/// A store's location safe to show (a title bar, a log line): a URL without its password,
/// a file path as it is.
QString displayStateLocation(const QString &location);

/// Whether `location` is a shared (MySQL) store rather than a SQLite file.
bool isSharedStateLocation(const QString &location);

} // namespace weft
