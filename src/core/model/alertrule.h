#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace weft {

/// One alert rule of a project (`alerts` in the project file, docs/operations.md).
struct AlertRule {
    enum class When { RunFailed, FailedRecords, NoSuccess, AuthFailure };
    QString name;
    When when = When::RunFailed;
    int threshold = 0;      ///< FailedRecords: more than this many failed records in a run
    int minutes = 0;        ///< NoSuccess: no successful run for this long
    QStringList schemes;    ///< empty: every scheme
    int quietMinutes = 60;  ///< the same alert is not repeated within this period
    QList<QJsonObject> channels;

    /// Parses a rule; on problems returns false and appends messages ("/pointer: text", the
    /// pointer relative to the rule) to `errors`. A message appended while it returns true
    /// is a warning: the rule works, but should be changed (a secret written into a URL).
    static bool fromJson(const QJsonObject &json, AlertRule *rule, QStringList *errors);
};

} // namespace weft
