#pragma once

#include <QWidget>

class QTreeWidget;

namespace weft {

class ProjectDocument;

/// The Problems tab: what the validator says about the project, refreshed after every edit;
/// double-clicking a problem of a scheme selects that scheme.
class ProblemsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ProblemsPanel(ProjectDocument *doc, QWidget *parent = nullptr);
    int count() const;

Q_SIGNALS:
    void schemeActivated(const QString &scheme);
    void connectionActivated(const QString &name);
    void countChanged(int errors, int warnings);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    ProjectDocument *m_doc;
    QTreeWidget *m_list;
};

} // namespace weft
