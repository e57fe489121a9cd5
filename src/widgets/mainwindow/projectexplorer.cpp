#include "widgets/mainwindow/projectexplorer.h"

#include "widgets/common/projectdocument.h"

#include <QEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace weft {

namespace {
enum Role { KindRole = Qt::UserRole + 1, NameRole };
enum Kind { ProjectKind = 1, ConnectionGroup, SchemeGroup, ConnectionKind, SchemeKind };
} // namespace

ProjectExplorer::ProjectExplorer(ProjectDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("projectExplorer"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);
    m_tree->setHeaderHidden(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setUniformRowHeights(true);
    m_tree->setExpandsOnDoubleClick(false);

    connect(m_filter, &QLineEdit::textChanged, this, &ProjectExplorer::applyFilter);
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current) { onCurrentChanged(current); });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString name = item->data(0, NameRole).toString();
        switch (item->data(0, KindRole).toInt()) {
        case SchemeKind:
            Q_EMIT schemeActivated(name);
            break;
        case ConnectionKind:
            Q_EMIT connectionActivated(name);
            break;
        case ConnectionGroup:
            Q_EMIT addConnectionRequested();
            break;
        default:
            break;
        }
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &ProjectExplorer::showContextMenu);
    connect(doc, &ProjectDocument::projectReset, this, &ProjectExplorer::rebuild);
    connect(doc, &ProjectDocument::schemeChanged, this, &ProjectExplorer::rebuild);
    connect(doc, &ProjectDocument::schemeInserted, this, &ProjectExplorer::rebuild);
    connect(doc, &ProjectDocument::schemeRemoved, this, &ProjectExplorer::rebuild);
    connect(doc, &ProjectDocument::connectionsChanged, this, &ProjectExplorer::rebuild);
    connect(doc, &ProjectDocument::infoChanged, this, &ProjectExplorer::rebuild);
    rebuild();
}

void ProjectExplorer::rebuild()
{
    // Rebuilt whole: even 200 schemes are a few hundred items; keeps selection by name.
    const QTreeWidgetItem *current = m_tree->currentItem();
    const int currentKind = current ? current->data(0, KindRole).toInt() : 0;
    const QString currentName = current ? current->data(0, NameRole).toString() : QString();
    m_rebuilding = true;
    m_tree->clear();
    const Project &p = m_doc->project();
    m_projectItem = new QTreeWidgetItem(m_tree);
    m_projectItem->setIcon(0, QIcon(QStringLiteral(":/icons/weft.svg")));
    m_projectItem->setData(0, KindRole, ProjectKind);
    m_connections = new QTreeWidgetItem(m_tree);
    m_connections->setData(0, KindRole, ConnectionGroup);
    m_schemes = new QTreeWidgetItem(m_tree);
    m_schemes->setData(0, KindRole, SchemeGroup);
    QTreeWidgetItem *select = nullptr;
    for (const Connection &c : p.connections) {
        auto *item = new QTreeWidgetItem(m_connections);
        const QString type = c.unknownType.isEmpty() ? connectorTypeName(c.type) : c.unknownType;
        item->setText(0,
                      c.title.isEmpty() ? c.name : QStringLiteral("%1  (%2)").arg(c.title, c.name));
        item->setToolTip(0, QStringLiteral("%1 · %2").arg(type, c.baseUrl));
        item->setIcon(0, QIcon(QStringLiteral(":/icons/connection.svg")));
        item->setData(0, KindRole, ConnectionKind);
        item->setData(0, NameRole, c.name);
        if (currentKind == ConnectionKind && c.name == currentName)
            select = item;
    }
    for (const Scheme &s : p.schemes) {
        auto *item = new QTreeWidgetItem(m_schemes);
        item->setText(0,
                      s.title.isEmpty() ? s.name : QStringLiteral("%1  (%2)").arg(s.title, s.name));
        item->setToolTip(0,
                         QStringLiteral("%1 → %2").arg(s.source.connection, s.target.connection));
        item->setIcon(0, QIcon(QStringLiteral(":/icons/scheme.svg")));
        item->setData(0, KindRole, SchemeKind);
        item->setData(0, NameRole, s.name);
        if (!s.enabled)
            item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
        if (currentKind == SchemeKind && s.name == currentName)
            select = item;
    }
    m_connections->setExpanded(true);
    m_schemes->setExpanded(true);
    retranslate();
    applyFilter();
    if (select)
        m_tree->setCurrentItem(select);
    m_rebuilding = false;
}

void ProjectExplorer::retranslate()
{
    m_filter->setPlaceholderText(tr("Search connections and schemes"));
    if (!m_projectItem)
        return;
    m_projectItem->setText(0, m_doc->displayName());
    m_connections->setText(0, tr("Connections (%1)").arg(m_connections->childCount()));
    m_schemes->setText(0, tr("Schemes (%1)").arg(m_schemes->childCount()));
}

void ProjectExplorer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ProjectExplorer::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    for (QTreeWidgetItem *group : {m_connections, m_schemes}) {
        if (!group)
            continue;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            item->setHidden(!text.isEmpty() && !item->text(0).contains(text, Qt::CaseInsensitive));
        }
    }
}

QString ProjectExplorer::currentScheme() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item && item->data(0, KindRole).toInt() == SchemeKind
               ? item->data(0, NameRole).toString()
               : QString();
}

QString ProjectExplorer::currentConnection() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item && item->data(0, KindRole).toInt() == ConnectionKind
               ? item->data(0, NameRole).toString()
               : QString();
}

void ProjectExplorer::selectScheme(const QString &name)
{
    for (int i = 0; m_schemes && i < m_schemes->childCount(); ++i) {
        if (m_schemes->child(i)->data(0, NameRole).toString() == name) {
            const QSignalBlocker block(m_tree);
            m_tree->setCurrentItem(m_schemes->child(i));
            return;
        }
    }
}

void ProjectExplorer::selectConnection(const QString &name)
{
    for (int i = 0; m_connections && i < m_connections->childCount(); ++i) {
        if (m_connections->child(i)->data(0, NameRole).toString() == name) {
            m_tree->setCurrentItem(m_connections->child(i));
            return;
        }
    }
}

void ProjectExplorer::onCurrentChanged(QTreeWidgetItem *current)
{
    if (m_rebuilding || !current)
        return;
    const QString name = current->data(0, NameRole).toString();
    switch (current->data(0, KindRole).toInt()) {
    case SchemeKind:
        Q_EMIT schemeSelected(name);
        break;
    case ConnectionKind:
        Q_EMIT connectionSelected(name);
        break;
    case ProjectKind:
        Q_EMIT projectSelected();
        break;
    default:
        break;
    }
}

void ProjectExplorer::showContextMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_tree->itemAt(pos);
    const int kind = item ? item->data(0, KindRole).toInt() : 0;
    const QString name = item ? item->data(0, NameRole).toString() : QString();
    QMenu menu(this);
    if (kind == ConnectionKind) {
        menu.addAction(tr("Edit connection…"), this,
                       [this, name] { Q_EMIT connectionActivated(name); });
        menu.addAction(QIcon(QStringLiteral(":/icons/edit-delete.svg")), tr("Delete connection"),
                       this, [this, name] { Q_EMIT deleteConnectionRequested(name); });
        menu.addSeparator();
    }
    if (kind == SchemeKind) {
        menu.addAction(QIcon(QStringLiteral(":/icons/node-map.svg")), tr("Edit mapping"), this,
                       [this, name] { Q_EMIT schemeActivated(name); });
        menu.addAction(QIcon(QStringLiteral(":/icons/run-scheme.svg")), tr("Run scheme"), this,
                       [this, name] { Q_EMIT runSchemeRequested(name); });
        menu.addAction(QIcon(QStringLiteral(":/icons/preview.svg")), tr("Preview"), this,
                       [this, name] { Q_EMIT previewSchemeRequested(name); });
        menu.addAction(QIcon(QStringLiteral(":/icons/edit-delete.svg")), tr("Delete scheme"), this,
                       [this, name] { Q_EMIT deleteSchemeRequested(name); });
        menu.addSeparator();
    }
    menu.addAction(QIcon(QStringLiteral(":/icons/connection.svg")), tr("New connection…"), this,
                   &ProjectExplorer::addConnectionRequested);
    menu.addAction(QIcon(QStringLiteral(":/icons/scheme.svg")), tr("New scheme"), this,
                   &ProjectExplorer::addSchemeRequested);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace weft
