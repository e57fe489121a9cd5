#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QListWidget;

namespace weft {

/// One entry of a list of checkable names ("run after these schemes", "alert for these").
struct CheckListEntry {
    QString key;  ///< what is stored (a scheme name)
    QString text; ///< what is shown
    bool checked = false;
    bool missing = false; ///< a stored name that names nothing (shown in red)
};

/// Shows `entries` in `list`. Items already there are updated in place rather than made
/// again: the list is refilled from the model after every edit, and an item toggled by the
/// user must not be deleted while its own itemChanged signal is being delivered. `emptyText`
/// is shown, disabled, when there are no entries.
void fillCheckList(QListWidget *list, const QList<CheckListEntry> &entries,
                   const QString &emptyText = QString());
/// The keys of the checked items, in the list's order.
QStringList checkedKeys(const QListWidget *list);

} // namespace weft
