#pragma once

#include <QWidget>
#include <memory>

namespace Ui {
class ProjectProperties;
}

namespace weft {

class ProjectDocument;

/// The project's own settings: name, description, time zone, and a summary of its alert
/// rules with the way into the alerts editor.
class ProjectPropertiesPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ProjectPropertiesPage(ProjectDocument *doc, QWidget *parent = nullptr);
    ~ProjectPropertiesPage() override;
    void load();

Q_SIGNALS:
    void alertsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void commit();

    std::unique_ptr<Ui::ProjectProperties> m_ui;
    ProjectDocument *m_doc;
    bool m_loading = false;
};

} // namespace weft
