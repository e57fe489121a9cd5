#pragma once

#include <QWidget>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace weft {

class ProjectDocument;

/// The project's connections and schemes as a searchable tree. Selecting an entry shows it
/// on the canvas and in the properties; double-clicking opens it (connection dialog,
/// mapping editor); the context menu adds, edits, runs and deletes.
class ProjectExplorer final : public QWidget
{
    Q_OBJECT
public:
    explicit ProjectExplorer(ProjectDocument *doc, QWidget *parent = nullptr);

    QString currentScheme() const;
    QString currentConnection() const;
    void selectScheme(const QString &name);
    void selectConnection(const QString &name);

Q_SIGNALS:
    void schemeSelected(const QString &name);
    void connectionSelected(const QString &name);
    void projectSelected();
    void schemeActivated(const QString &name);
    void connectionActivated(const QString &name);
    void addConnectionRequested();
    void addSchemeRequested();
    void deleteSchemeRequested(const QString &name);
    void deleteConnectionRequested(const QString &name);
    void runSchemeRequested(const QString &name);
    void previewSchemeRequested(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void retranslate();
    void applyFilter();
    void showContextMenu(const QPoint &pos);
    void onCurrentChanged(QTreeWidgetItem *current);

    ProjectDocument *m_doc;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
    QTreeWidgetItem *m_projectItem = nullptr;
    QTreeWidgetItem *m_connections = nullptr;
    QTreeWidgetItem *m_schemes = nullptr;
    bool m_rebuilding = false;
};

} // namespace weft
