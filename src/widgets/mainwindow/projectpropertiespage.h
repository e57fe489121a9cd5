#pragma once

#include <QWidget>
#include <memory>

namespace Ui {
class ProjectProperties;
}

namespace weft {

class EnvironmentsEditor;
class ProjectDocument;

/// The project's own settings: name, description, time zone, a summary of its alert rules
/// with the way into the alerts editor, and its environments.
class ProjectPropertiesPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ProjectPropertiesPage(ProjectDocument *doc, QWidget *parent = nullptr);
    ~ProjectPropertiesPage() override;
    void load();
    EnvironmentsEditor *environments() const { return m_environments; }

Q_SIGNALS:
    void alertsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void commit();

    std::unique_ptr<Ui::ProjectProperties> m_ui;
    ProjectDocument *m_doc;
    EnvironmentsEditor *m_environments;
    bool m_loading = false;
};

} // namespace weft
