#include "widgets/canvas/nodepalette.h"

#include "widgets/canvas/nodekind.h"

#include <QEvent>
#include <QMimeData>

namespace weft {

NodePalette::NodePalette(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("nodePalette"));
    setDragEnabled(true);
    setDragDropMode(DragOnly);
    setSelectionMode(SingleSelection);
    setIconSize(QSize(22, 22));
    setSpacing(1);
    for (NodeKind kind : paletteKinds()) {
        auto *item = new QListWidgetItem(QIcon(nodeKindIconPath(kind)), QString(), this);
        item->setData(Qt::UserRole, nodeKindName(kind));
    }
    retranslate();
}

void NodePalette::retranslate()
{
    for (int i = 0; i < count(); ++i) {
        QListWidgetItem *it = item(i);
        const auto kind = nodeKindFromName(it->data(Qt::UserRole).toString());
        it->setText(nodeKindLabel(*kind));
        it->setToolTip(nodeKindDescription(*kind));
    }
}

QStringList NodePalette::mimeTypes() const
{
    return {QString::fromLatin1(kNodeMimeType)};
}

QMimeData *NodePalette::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QLatin1String(kNodeMimeType),
                  items.first()->data(Qt::UserRole).toString().toUtf8());
    return data;
}

void NodePalette::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QListWidget::changeEvent(event);
}

} // namespace weft
