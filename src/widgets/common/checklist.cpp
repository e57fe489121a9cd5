#include "widgets/common/checklist.h"

#include <QColor>
#include <QListWidget>
#include <QSignalBlocker>

namespace weft {

namespace {
constexpr int kKeyRole = Qt::UserRole;
}

void fillCheckList(QListWidget *list, const QList<CheckListEntry> &entries,
                   const QString &emptyText)
{
    const QSignalBlocker blocker(list);
    bool same = list->count() == entries.size() && !entries.isEmpty();
    for (int i = 0; same && i < list->count(); ++i)
        same = list->item(i)->data(kKeyRole).toString() == entries.at(i).key;
    if (!same) {
        list->clear();
        for (const CheckListEntry &e : entries) {
            auto *item = new QListWidgetItem(list);
            item->setData(kKeyRole, e.key);
            item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        }
        if (entries.isEmpty() && !emptyText.isEmpty()) {
            auto *item = new QListWidgetItem(emptyText, list);
            item->setFlags(Qt::NoItemFlags);
        }
    }
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const CheckListEntry &e = entries.at(i);
        QListWidgetItem *item = list->item(int(i));
        if (item->text() != e.text)
            item->setText(e.text);
        item->setCheckState(e.checked ? Qt::Checked : Qt::Unchecked);
        item->setForeground(e.missing ? QBrush(QColor(0xc62828)) : QBrush());
    }
}

QStringList checkedKeys(const QListWidget *list)
{
    QStringList keys;
    for (int i = 0; i < list->count(); ++i) {
        const QListWidgetItem *item = list->item(i);
        if ((item->flags() & Qt::ItemIsUserCheckable) && item->checkState() == Qt::Checked)
            keys << item->data(kKeyRole).toString();
    }
    return keys;
}

} // namespace weft
