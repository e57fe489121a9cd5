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

/// Whether files are to be group-readable: WEFT_GROUP_READABLE=1, which the Debian package's
/// service unit sets so that operators in the service's group can read its logs.
bool filesGroupReadable();

/// Who may read the files Weft writes — state stores (failed records hold customer data and
/// payloads), logs and exports: the owner only, or owner and group when filesGroupReadable().
/// Called once at the start of weft-run and weft-studio: tightens the process's umask (to
/// 077, or 027), so every file the process creates from then on — SQLite's -wal and -shm
/// included — gets 0600 (0640). Never loosens a stricter umask.
void restrictNewFiles();

/// The same permissions for an existing file (one an earlier version made readable by
/// others): takes away the group's write, others' everything, and the group's read unless
/// filesGroupReadable(); keeps the file's group. False when it exists and cannot be changed.
bool restrictFile(const QString &path);

} // namespace weft
