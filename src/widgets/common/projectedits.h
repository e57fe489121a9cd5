#pragma once

#include "core/model/project.h"

#include <QStringList>

namespace weft {

class ProjectDocument;

/// Adds (`oldName` empty) or replaces a connection as one undo step; a rename carries the
/// schemes that use the connection along in the same step.
void applyConnectionEdit(ProjectDocument *doc, const QString &oldName,
                         const Connection &connection);
/// The schemes whose source or target uses a connection.
QStringList connectionUsers(const Project &project, const QString &connection);

} // namespace weft
