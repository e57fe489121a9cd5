#pragma once

#include "core/model/adaptermetadata.h"

#include <QJsonValue>
#include <QString>
#include <functional>

namespace weft {

class ProjectDocument;
struct Step;

/// Sets a metadata setting where the metadata keeps it: an `otherRequest` entry if it is
/// there (the seeds put `beatFlat`, `limit`… there), else a top-level key. An undefined or
/// empty value removes it.
void setMetadataSetting(AdapterMetadata &metadata, const QString &name, const QJsonValue &value);

/// Sets one key (`value`, `parser`…) of the request entry at `path` ("FEntity/FQty");
/// creates a missing leaf entry. An undefined value removes the key.
bool setRequestEntryKey(AdapterMetadata &metadata, const QString &path, const QString &key,
                        const QJsonValue &value);

/// `main_sql` in its prefix form (`REPLACE INTO t(a, b) VALUES`) with `column` added to the
/// column list; "" when the statement has placeholders or cannot be understood.
QString withColumnAdded(const QString &mainSql, const QString &column);

/// Edits a step wherever it lives — in Scheme::steps, or (not connected yet) in the
/// scheme's layout — as one undo step.
bool pushStepEdit(ProjectDocument *doc, const QString &scheme, const QString &stepId,
                  const QString &text, const std::function<void(Step &)> &edit,
                  const QString &mergeKey = QString());
/// The step (connected or not); nullopt when it does not exist.
std::optional<Step> findStep(const ProjectDocument *doc, const QString &scheme,
                             const QString &stepId, bool *connected = nullptr);

} // namespace weft
