#include "widgets/common/recentprojects.h"

#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace weft {

namespace {
const QString kKey = QStringLiteral("recentProjects");
}

QStringList RecentProjects::list()
{
    return QSettings().value(kKey).toStringList();
}

void RecentProjects::add(const QString &path)
{
    QStringList recent = list();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMax)
        recent.removeLast();
    QSettings().setValue(kKey, recent);
}

void RecentProjects::fill(QMenu *menu, const std::function<void(const QString &)> &open)
{
    menu->clear();
    const QStringList recent = list();
    for (const QString &path : recent) {
        QAction *a =
            menu->addAction(QFileInfo(path).fileName(), menu, [open, path] { open(path); });
        a->setToolTip(path);
        a->setEnabled(QFileInfo::exists(path));
    }
    menu->setEnabled(!recent.isEmpty());
}

} // namespace weft
