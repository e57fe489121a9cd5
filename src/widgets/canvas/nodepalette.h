#pragma once

#include <QListWidget>

namespace weft {

/// The node kinds, to drag onto the canvas (a Source on empty canvas starts a new scheme,
/// a step inside a scheme's frame adds a node that is then connected).
class NodePalette final : public QListWidget
{
    Q_OBJECT
public:
    explicit NodePalette(QWidget *parent = nullptr);
    void retranslate();

protected:
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;
    void changeEvent(QEvent *event) override;
};

} // namespace weft
