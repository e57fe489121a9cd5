#include "widgets/canvas/schemejump.h"

#include "widgets/canvas/schemelistmodel.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace weft {

SchemeJump::SchemeJump(ProjectDocument *doc, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_model(new SchemeListModel(doc, this))
    , m_matches(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("schemeJump"));
    setFrameShape(QFrame::StyledPanel);
    m_matches->setSourceModel(m_model);
    m_matches->setFilterRole(SchemeListModel::SearchRole);
    m_search->setObjectName(QStringLiteral("schemeJumpSearch"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("schemeJumpList"));
    m_list->setModel(m_matches);
    m_list->setUniformItemSizes(true); // hundreds of rows, never measured one by one
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setFocusPolicy(Qt::NoFocus); // the keys stay in the search field
    m_count->setObjectName(QStringLiteral("schemeJumpCount"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    layout->addWidget(m_count);
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, &SchemeJump::filter);
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        m_list->setCurrentIndex(index);
        accept();
    });
    resize(520, 360);
    retranslate();
}

void SchemeJump::popup(QWidget *anchor)
{
    m_search->clear();
    filter(QString());
    const QPoint top = anchor->mapToGlobal(QPoint(anchor->width() / 2, 12));
    move(top.x() - width() / 2, top.y());
    show();
    raise();
    activateWindow();
    m_search->setFocus(Qt::PopupFocusReason);
}

void SchemeJump::filter(const QString &text)
{
    // Every word must appear, in any order: "采购 bi" finds 采购入库单 → BI.
    QString pattern = QStringLiteral("^");
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts))
        pattern += QStringLiteral("(?=.*%1)").arg(QRegularExpression::escape(word));
    m_matches->setFilterRegularExpression(
        QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption |
                                        QRegularExpression::UseUnicodePropertiesOption));
    m_list->setCurrentIndex(m_matches->index(0, 0));
    m_count->setText(tr("%1 of %2 schemes — Enter jumps, Esc closes")
                         .arg(m_matches->rowCount())
                         .arg(m_model->rowCount()));
}

void SchemeJump::accept()
{
    QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        current = m_matches->index(0, 0);
    if (!current.isValid())
        return; // nothing matches: stay open, the person may type on
    const QString name = current.data(SchemeListModel::NameRole).toString();
    hide();
    Q_EMIT schemeChosen(name);
}

bool SchemeJump::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const int rows = m_matches->rowCount();
        const int row = m_list->currentIndex().row();
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp: {
            if (rows == 0)
                return true;
            const int page =
                std::max(1, m_list->viewport()->height() / std::max(1, m_list->sizeHintForRow(0)));
            const int step = key->key() == Qt::Key_Down       ? 1
                             : key->key() == Qt::Key_Up       ? -1
                             : key->key() == Qt::Key_PageDown ? page
                                                              : -page;
            m_list->setCurrentIndex(m_matches->index(std::clamp(row + step, 0, rows - 1), 0));
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            accept();
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void SchemeJump::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void SchemeJump::retranslate()
{
    m_search->setPlaceholderText(tr("Jump to scheme: type part of its name, title or connection"));
    m_search->setAccessibleName(tr("Jump to scheme"));
    m_list->setAccessibleName(tr("Matching schemes"));
    filter(m_search->text());
}

} // namespace weft
