#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace weft {

class ProjectDocument;
struct Project;

/// What the window title adds for the project's active environment (" · 生产"), empty when
/// it has none: whoever looks at the window sees which account a run would use.
QString environmentInTitle(const Project &project);

/// The toolbar's environment chooser: the project's environments, the active one selected.
/// Choosing another makes it the active one (an undo step, saved with the project), which
/// runs, retries and previews then use.
class EnvironmentSwitcher final : public QWidget
{
    Q_OBJECT
public:
    explicit EnvironmentSwitcher(ProjectDocument *doc, QWidget *parent = nullptr);
    QComboBox *combo() const { return m_combo; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void choose(int index);

    ProjectDocument *m_doc;
    QLabel *m_label;
    QComboBox *m_combo;
    bool m_loading = false;
};

} // namespace weft
