#pragma once

#include <QWidget>
#include <functional>
#include <memory>

namespace Ui {
class SchemeProperties;
}

namespace weft {

class ProjectDocument;
class ScheduleEditor;
class StateService;
struct Scheme;

/// The properties of a scheme: names, connections, schedule (ScheduleEditor), sync and error
/// settings. Each change is an undo command; typing in one field is merged into one step.
class SchemePropertiesPage final : public QWidget
{
    Q_OBJECT
public:
    explicit SchemePropertiesPage(ProjectDocument *doc, QWidget *parent = nullptr);
    ~SchemePropertiesPage() override;

    void setScheme(const QString &name);
    QString scheme() const { return m_scheme; }
    /// Where the schedule editor finds the scheme's last run.
    void setStateService(StateService *state);
    ScheduleEditor *scheduleEditor() const { return m_schedule; }

Q_SIGNALS:
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void connectEditors();
    void edit(const QString &what, const QString &key, const std::function<void(Scheme &)> &f);

    std::unique_ptr<Ui::SchemeProperties> m_ui;
    ProjectDocument *m_doc;
    ScheduleEditor *m_schedule;
    QString m_scheme;
    bool m_loading = false;
};

} // namespace weft
