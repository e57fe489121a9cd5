#pragma once

#include <QString>

namespace weft {

/// Makes `path` readable and writable by its owner only (0600), or also readable by the
/// members of `group` (0640, the file's group set to it) — for files that hold what others on
/// the machine must not read: state stores, logs, exports of failed records. Where the
/// platform has no Unix permissions (Windows) the file is left as it is and true returned:
/// there, a file in the user's profile is the user's already (docs/building.md).
/// False with a message when the file or the group does not exist or cannot be changed.
bool restrictToOwner(const QString &path, const QString &group = QString(),
                     QString *error = nullptr);

} // namespace weft
