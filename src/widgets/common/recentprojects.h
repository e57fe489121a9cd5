#pragma once

#include <QString>
#include <QStringList>
#include <functional>

class QMenu;

namespace weft {

/// The recently opened projects, kept in the settings (most recent first).
class RecentProjects final
{
public:
    static constexpr int kMax = 8;
    static QStringList list();
    static void add(const QString &path);
    /// Fills a menu with them; `open` is called with the chosen path.
    static void fill(QMenu *menu, const std::function<void(const QString &)> &open);
};

} // namespace weft
